import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useId, type ReactNode } from 'react';
import { FormMessage } from '../../../forms/FormMessage';

interface Props {
  title: string;
  confirmLabel: string;
  cancelLabel: string;
  pending: boolean;
  message: string | null;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}

/**
 * Asks before something that cannot be taken back, naming what will happen.
 * The safe choice has the focus; Esc closes.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  cancelLabel,
  pending,
  message,
  onConfirm,
  onClose,
  children,
}: Props) {
  const titleId = useId();
  return (
    <Dialog open onClose={pending ? undefined : onClose} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <FormMessage message={message} />
        <Stack spacing={1.5}>{children}</Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={pending} autoFocus>
          {cancelLabel}
        </Button>
        <Button variant="contained" color="error" onClick={onConfirm} disabled={pending}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
