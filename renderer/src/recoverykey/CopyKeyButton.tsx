import CopyIcon from '@mui/icons-material/ContentCopyOutlined';
import Button from '@mui/material/Button';
import { useNotify } from '../feedback/NotifyContext';

/** Copies the key to the clipboard (to paste it into a password manager, say). */
export function CopyKeyButton({ recoveryKey }: { recoveryKey: string }) {
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      notify('Chiave di recupero copiata');
    } catch {
      notify('Impossibile copiare la chiave: selezionarla e premere Ctrl+C.', 'error');
    }
  };
  return (
    <Button variant="outlined" startIcon={<CopyIcon />} onClick={() => void copy()}>
      Copia
    </Button>
  );
}
