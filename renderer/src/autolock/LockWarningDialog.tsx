import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { secondsText } from '../format/duration';

/** "La sessione sta per essere bloccata", with the seconds left. Esc counts as staying. */
export function LockWarningDialog({
  remainingMs,
  onStay,
}: {
  remainingMs: number | null;
  onStay: () => void;
}) {
  const open = remainingMs !== null;
  return (
    <Dialog open={open} onClose={onStay} aria-labelledby="lock-warning-title" maxWidth="xs">
      <DialogTitle id="lock-warning-title">La sessione sta per essere bloccata</DialogTitle>
      <DialogContent>
        <DialogContentText role="timer" aria-live="polite">
          Nessuna attività da un po’: per proteggere i dati, Cortile si blocca tra{' '}
          {secondsText(remainingMs ?? 0)}.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onStay} autoFocus>
          Resta connesso
        </Button>
      </DialogActions>
    </Dialog>
  );
}
