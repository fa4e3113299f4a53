import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { useApiMutation } from '../api';
import { useRefreshStatus } from '../app/useRefreshStatus';
import { FormMessage } from '../forms/FormMessage';
import { FormTextField } from '../forms/FormTextField';
import { PasswordFields } from '../forms/PasswordFields';
import { useServerErrors } from '../forms/useServerErrors';
import { recoverFormSchema } from './recoverSchema';
import { RetryNotice } from './RetryNotice';
import type { RetryCountdown } from './useRetryCountdown';

/** An administrator who forgot the password sets a new one with the recovery key. */
export function RecoverForm({ countdown, onBack }: { countdown: RetryCountdown; onBack: () => void }) {
  const form = useForm({
    resolver: zodResolver(recoverFormSchema),
    defaultValues: { username: '', recoveryKey: '', newPassword: '', confirmPassword: '' },
  });
  const errors = useServerErrors(form);
  const recover = useApiMutation('session.recover');
  const refreshStatus = useRefreshStatus();

  const submit = form.handleSubmit(async ({ username, recoveryKey, newPassword }) => {
    errors.clear();
    const result = await recover.run({ username, recoveryKey, newPassword });
    if (result.ok) {
      form.reset();
      await refreshStatus();
      return;
    }
    if (!countdown.note(result.error)) errors.show(result.error);
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Recupero della password">
      <Typography variant="h2" sx={{ mt: 3, mb: 1 }}>
        Password dimenticata
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Un amministratore può impostare una nuova password con la chiave di recupero stampata durante la prima
        configurazione. Gli altri operatori chiedono a un amministratore di reimpostarla.
      </Typography>
      <FormMessage message={errors.message} />
      <Stack spacing={2}>
        <FormTextField
          control={form.control}
          name="username"
          label="Nome utente"
          helperText="Il nome utente di un amministratore."
          autoComplete="username"
          autoFocus
          required
        />
        <FormTextField
          control={form.control}
          name="recoveryKey"
          label="Chiave di recupero"
          autoComplete="off"
          spellCheck={false}
          sx={{ '& input': { fontFamily: 'monospace', textTransform: 'uppercase' } }}
          required
        />
        <PasswordFields
          control={form.control}
          passwordName="newPassword"
          confirmName="confirmPassword"
          passwordLabel="Nuova password"
        />
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={countdown.leftMs > 0 || recover.isPending}
        >
          Imposta la nuova password
        </Button>
      </Stack>
      <RetryNotice leftMs={countdown.leftMs} />
      <Link component="button" type="button" onClick={onBack} sx={{ mt: 1 }}>
        Torna all’accesso
      </Link>
    </form>
  );
}
