import Typography from '@mui/material/Typography';
import type { BackupItem } from '../../../../../shared/contract';
import { formatDateTime } from '../../../../../shared/format';
import { FormDialog } from '../../../forms/FormDialog';
import { countLines, kindLabel } from './labels';

interface Props {
  item: BackupItem;
  pending: boolean;
  message: string | null;
  /** What happens to the data in use now, said before the confirmation. */
  currentNote: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Names the backup (date, kind, counts) and asks for confirmation. */
export function RestoreDialog({ item, pending, message, currentNote, onConfirm, onClose }: Props) {
  return (
    <FormDialog
      open
      title="Ripristinare questo backup?"
      submitLabel="Ripristina"
      pending={pending}
      message={message}
      onSubmit={(event) => {
        event.preventDefault();
        void onConfirm();
      }}
      onClose={onClose}
    >
      <Typography>
        Backup del <strong>{formatDateTime(item.createdAt)}</strong> ({kindLabel(item).toLowerCase()}
        {item.appVersion ? `, Cortile ${item.appVersion}` : ''}).
      </Typography>
      {item.counts ? (
        <Typography component="ul" sx={{ m: 0, pl: 3 }}>
          {countLines(item.counts).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </Typography>
      ) : (
        <Typography color="text.secondary">
          I conteggi di questo backup non sono disponibili; la verifica di integrità avviene comunque prima
          del ripristino.
        </Typography>
      )}
      <Typography>{currentNote}</Typography>
    </FormDialog>
  );
}
