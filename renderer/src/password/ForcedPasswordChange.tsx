import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { SessionOperator } from '../../../shared/contract';
import { CenteredPage } from '../app/CenteredPage';
import { useRefreshStatus } from '../app/useRefreshStatus';
import { useNotify } from '../feedback/NotifyContext';
import { ChangePasswordForm } from './ChangePasswordForm';

interface Props {
  operator: SessionOperator;
  onLogout: () => Promise<void>;
}

/** After a temporary password, nothing else is reachable until a new one is chosen. */
export function ForcedPasswordChange({ operator, onLogout }: Props) {
  const refreshStatus = useRefreshStatus();
  const notify = useNotify();
  return (
    <CenteredPage width={480}>
      <Typography variant="h1" gutterBottom>
        Cambia la password temporanea
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {operator.fullName}, la password ricevuta è temporanea. Per continuare, sceglierne una personale, da
        non comunicare a nessuno.
      </Typography>
      <ChangePasswordForm
        username={operator.username}
        autoFocus
        onChanged={async () => {
          notify('Password cambiata');
          await refreshStatus();
        }}
        actions={
          <Button type="button" onClick={() => void onLogout()}>
            Esci
          </Button>
        }
      />
    </CenteredPage>
  );
}
