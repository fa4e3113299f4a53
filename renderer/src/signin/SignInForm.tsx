import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { loginInput } from '../../../shared/contract';
import { useApiMutation } from '../api';
import { useRefreshStatus } from '../app/useRefreshStatus';
import { FormMessage } from '../forms/FormMessage';
import { FormTextField } from '../forms/FormTextField';
import { useServerErrors } from '../forms/useServerErrors';
import { RetryNotice } from './RetryNotice';
import type { RetryCountdown } from './useRetryCountdown';

interface Props {
  countdown: RetryCountdown;
  lastUsername: string | null;
  onForgot: () => void;
  /** The database failed its start-up check (see DamagedDatabaseScreen). */
  onDamaged?: () => void;
}

export function SignInForm({ countdown, lastUsername, onForgot, onDamaged }: Props) {
  const form = useForm({
    resolver: zodResolver(loginInput),
    defaultValues: { username: lastUsername ?? '', password: '' },
  });
  const errors = useServerErrors(form);
  const login = useApiMutation('session.login');
  const refreshStatus = useRefreshStatus();

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = await login.run(values);
    if (result.ok) {
      form.reset({ username: values.username, password: '' });
      await refreshStatus();
      return;
    }
    if (result.error.damaged && onDamaged) {
      onDamaged();
      return;
    }
    if (countdown.note(result.error)) return;
    if (errors.show(result.error).length === 0) form.setFocus('password');
  });

  const waiting = countdown.leftMs > 0;
  return (
    <form onSubmit={submit} noValidate aria-label="Accesso">
      <Typography variant="h2" sx={{ mt: 3, mb: 2 }}>
        Accesso
      </Typography>
      <FormMessage message={errors.message} />
      <Stack spacing={2}>
        <FormTextField
          control={form.control}
          name="username"
          label="Nome utente"
          autoComplete="username"
          autoFocus={!lastUsername}
          required
        />
        <FormTextField
          control={form.control}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          autoFocus={Boolean(lastUsername)}
          required
        />
        <Button type="submit" variant="contained" size="large" disabled={waiting || login.isPending}>
          Accedi
        </Button>
      </Stack>
      <RetryNotice leftMs={countdown.leftMs} />
      <Link component="button" type="button" onClick={onForgot} sx={{ mt: 1 }}>
        Ho dimenticato la password
      </Link>
    </form>
  );
}
