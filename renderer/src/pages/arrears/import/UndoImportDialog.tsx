import DialogContentText from '@mui/material/DialogContentText';
import { useState } from 'react';
import { formatDateTime } from '../../../../../shared/format';
import type { ImportRow } from '../../../../../shared/contract';
import { useApiMutation } from '../../../api';
import { useNotify } from '../../../feedback/NotifyContext';
import { ConfirmDialog } from './ConfirmDialog';
import { formatCount, formatPeriodRange, plural } from './format';
import { useInvalidateArrears } from './useImportWizard';

/** "Annulla importazione": says what goes back, then undoes the import as a whole. */
export function UndoImportDialog({ row, onClose }: { row: ImportRow; onClose: () => void }) {
  const undo = useApiMutation('arrears.undoImport');
  const invalidate = useInvalidateArrears();
  const notify = useNotify();
  const [message, setMessage] = useState<string | null>(null);

  const confirm = async () => {
    setMessage(null);
    const result = await undo.run({ importId: row.id });
    if (!result.ok) {
      if (result.error.kind !== 'locked') setMessage(result.error.message);
      // The list may be stale (someone else undid it, or imported after it).
      await invalidate();
      return;
    }
    await invalidate();
    const { restored, removed } = result.value;
    notify(
      restored + removed === 0
        ? 'Importazione annullata'
        : `Importazione annullata: ${plural(restored, 'valore rimesso', 'valori rimessi')} com’era prima, ${plural(removed, 'valore tolto', 'valori tolti')}`,
    );
    onClose();
  };

  const months = formatPeriodRange(row.periodMin, row.periodMax);
  return (
    <ConfirmDialog
      title="Annullare l’importazione?"
      confirmLabel="Annulla importazione"
      cancelLabel="Non annullare"
      pending={undo.isPending}
      message={message}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <DialogContentText>
        {`Importazione di «${row.fileName}» del ${formatDateTime(row.importedAt)}, fatta da ${row.importedBy} (mesi ${months}).`}
      </DialogContentText>
      <DialogContentText>
        {row.rowsWritten > 0
          ? `${row.rowsWritten === 1 ? 'La riga scritta' : `Le ${formatCount(row.rowsWritten)} righe scritte`} da questa importazione ${row.rowsWritten === 1 ? 'torna com’era' : 'tornano come erano'} prima: i mesi che aveva aggiunto vengono tolti, quelli che aveva cambiato riprendono i valori precedenti. Gli stati legali che aveva aggiornato tornano come prima, se nessuno li ha cambiati dopo.`
          : 'Questa importazione non aveva cambiato nessun valore (erano tutti già presenti e uguali): annullarla la segna soltanto come annullata.'}
      </DialogContentText>
      <DialogContentText>
        L’importazione resta nell’elenco come «Annullata». Per rimettere i dati, importare di nuovo il file.
      </DialogContentText>
    </ConfirmDialog>
  );
}
