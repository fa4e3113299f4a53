import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useApiMutation } from '../api';
import { FormMessage } from '../forms/FormMessage';
import { FormTextField } from '../forms/FormTextField';
import { PasswordFields } from '../forms/PasswordFields';
import { useServerErrors } from '../forms/useServerErrors';
import { changePasswordFormSchema } from './changePasswordSchema';

interface Props {
  /** For password managers: which account the new password belongs to. */
  username: string;
  onChanged: () => Promise<void> | void;
  autoFocus?: boolean;
  /** Extra buttons beside "Cambia password". */
  actions?: ReactNode;
}

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** The signed-in operator changes their own password. */
export function ChangePasswordForm({ username, onChanged, autoFocus = false, actions }: Props) {
  const form = useForm({ resolver: zodResolver(changePasswordFormSchema), defaultValues: EMPTY });
  const errors = useServerErrors(form);
  const change = useApiMutation('session.changePassword');

  const submit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    errors.clear();
    const result = await change.run({ currentPassword, newPassword });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    form.reset(EMPTY);
    await onChanged();
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Cambio della password">
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <FormMessage message={errors.message} />
      <Stack spacing={2}>
        <FormTextField
          control={form.control}
          name="currentPassword"
          label="Password attuale"
          type="password"
          autoComplete="current-password"
          autoFocus={autoFocus}
          required
        />
        <PasswordFields
          control={form.control}
          passwordName="newPassword"
          confirmName="confirmPassword"
          passwordLabel="Nuova password"
        />
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          {actions}
          <Button type="submit" variant="contained" disabled={change.isPending}>
            Cambia password
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
