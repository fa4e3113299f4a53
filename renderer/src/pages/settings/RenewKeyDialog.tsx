import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useEffect, useId } from 'react';
import { useSession } from '../../app/SessionContext';
import { useRefreshStatus } from '../../app/useRefreshStatus';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDialog } from '../../forms/FormDialog';
import { RecoveryKeyPanel } from '../../recoverykey/RecoveryKeyPanel';
import { useRenewKey } from '../../recoverykey/useRenewKey';

/**
 * First names the consequence, then shows the new key until "Fatto". Closed
 * before "Fatto", the key counts as lost: the app asks for a new one.
 */
export function RenewKeyDialog({ onClose }: { onClose: () => void }) {
  const { cooperativeName, setKeyOnScreen } = useSession();
  const { renew, recoveryKey, message, pending } = useRenewKey();
  const refreshStatus = useRefreshStatus();
  const notify = useNotify();
  const titleId = useId();

  // The new key is pending on the server until "Fatto": meanwhile a status read must not hide it.
  useEffect(() => {
    setKeyOnScreen(true);
    return () => setKeyOnScreen(false);
  }, [setKeyOnScreen]);

  if (!recoveryKey) {
    return (
      <FormDialog
        open
        title="Crea una nuova chiave di recupero"
        submitLabel="Crea la nuova chiave"
        pending={pending}
        message={message}
        onSubmit={(event) => {
          event.preventDefault();
          void renew();
        }}
        onClose={onClose}
      >
        <Typography>
          La chiave attuale smetterà di funzionare. La nuova chiave verrà mostrata una sola volta: tenere a
          portata di mano una stampante, oppure carta e penna per ricopiarla.
        </Typography>
      </FormDialog>
    );
  }

  return (
    <Dialog
      open
      aria-labelledby={titleId}
      maxWidth="md"
      slotProps={{ paper: { sx: { maxWidth: 680 } } }}
      onClose={(_event, reason) => {
        if (reason === 'backdropClick') return;
        onClose();
        void refreshStatus();
      }}
    >
      <DialogTitle id={titleId}>Nuova chiave di recupero</DialogTitle>
      <DialogContent>
        <RecoveryKeyPanel
          cooperativeName={cooperativeName}
          recoveryKey={recoveryKey}
          confirmLabel="Fatto"
          onConfirmed={async () => {
            // Read the confirmed status first, or the page asking for a new key would flash.
            await refreshStatus();
            notify('Nuova chiave di recupero conservata');
            onClose();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
