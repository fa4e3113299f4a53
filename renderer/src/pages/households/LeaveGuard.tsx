import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { useBlocker } from 'react-router';

interface Props {
  /** Read when the user tries to leave: true while there is something unsaved. */
  shouldBlock: () => boolean;
  message: string;
}

/** Asks before leaving a page with unsaved changes (links, menu, back button). */
export function LeaveGuard({ shouldBlock, message }: Props) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && shouldBlock(),
  );
  const titleId = useId();
  const blocked = blocker.state === 'blocked';
  return (
    <Dialog open={blocked} onClose={() => blocker.reset?.()} aria-labelledby={titleId} maxWidth="xs">
      <DialogTitle id={titleId}>Uscire senza salvare?</DialogTitle>
      <DialogContent>
        <DialogContentText>{message}</DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={() => blocker.proceed?.()} color="error">
          Esci senza salvare
        </Button>
        <Button variant="contained" autoFocus onClick={() => blocker.reset?.()}>
          Resta sulla pagina
        </Button>
      </DialogActions>
    </Dialog>
  );
}
