import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CenteredPage } from '../app/CenteredPage';
import { useRefreshStatus } from '../app/useRefreshStatus';
import { useNotify } from '../feedback/NotifyContext';
import { FormMessage } from '../forms/FormMessage';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { useRenewKey } from './useRenewKey';

interface Props {
  cooperativeName: string;
  onLogout: () => Promise<void>;
}

/**
 * The last key shown was never confirmed (the page was closed or reloaded on
 * it): nothing else is reachable until a new key is made and kept.
 */
export function PendingKeyPage({ cooperativeName, onLogout }: Props) {
  const { renew, recoveryKey, message, pending } = useRenewKey();
  const refreshStatus = useRefreshStatus();
  const notify = useNotify();
  const logoutButton = (
    <Button type="button" onClick={() => void onLogout()}>
      Esci
    </Button>
  );

  if (recoveryKey) {
    return (
      <CenteredPage width={680}>
        <Typography variant="h1" gutterBottom>
          Nuova chiave di recupero
        </Typography>
        <RecoveryKeyPanel
          cooperativeName={cooperativeName}
          recoveryKey={recoveryKey}
          confirmLabel="Continua"
          onConfirmed={async () => {
            notify('Nuova chiave di recupero conservata');
            await refreshStatus();
          }}
          actions={logoutButton}
        />
      </CenteredPage>
    );
  }

  return (
    <CenteredPage width={680}>
      <Typography variant="h1" gutterBottom>
        Chiave di recupero da confermare
      </Typography>
      <Stack spacing={2}>
        <Typography>
          L’ultima chiave di recupero mostrata non è stata confermata come conservata: forse la pagina è stata
          chiusa o ricaricata prima di farlo.
        </Typography>
        <Alert severity="info">
          Per sicurezza Cortile crea una nuova chiave di recupero. La chiave precedente non funzionerà più,
          anche se era stata annotata.
        </Alert>
        <Typography>Tenere a portata di mano una stampante, oppure carta e penna per ricopiarla.</Typography>
        <FormMessage message={message} />
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          {logoutButton}
          <Button variant="contained" disabled={pending} onClick={() => void renew()}>
            Crea una nuova chiave di recupero
          </Button>
        </Stack>
      </Stack>
    </CenteredPage>
  );
}
