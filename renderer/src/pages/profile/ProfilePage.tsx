import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ROLE_LABELS } from '../../../../shared/format';
import { useSession } from '../../app/SessionContext';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../feedback/NotifyContext';
import { ChangePasswordForm } from '../../password/ChangePasswordForm';

export function ProfilePage() {
  const { operator } = useSession();
  const notify = useNotify();
  return (
    <>
      <PageHeader title="Il mio profilo" />
      <Typography sx={{ mb: 3 }}>
        {operator.fullName} · nome utente <strong>{operator.username}</strong> · {ROLE_LABELS[operator.role]}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3, maxWidth: 520 }}>
        <Typography variant="h2" sx={{ mb: 2 }}>
          Cambia password
        </Typography>
        <ChangePasswordForm username={operator.username} onChanged={() => notify('Password cambiata')} />
      </Paper>
    </>
  );
}
