import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useId } from 'react';
import { formatDateTime } from '../../../../../shared/format';
import type { ImportRow } from '../../../../../shared/contract';
import { formatCount, formatPeriodRange } from './format';
import { NOT_UNDOABLE, undoneText } from './importColumns';

/** One import as logged: who, when, which file (with its SHA-256), what it did. */
export function ImportDetailDialog({
  row,
  onUndo,
  onClose,
}: {
  row: ImportRow;
  onUndo: () => void;
  onClose: () => void;
}) {
  const titleId = useId();
  const facts: [string, string][] = [
    ['File', row.fileName],
    ['Impronta SHA-256', row.sha256],
    ['Profilo del mittente', row.profileName ?? '—'],
    ['Importata il', formatDateTime(row.importedAt)],
    ['Importata da', row.importedBy],
    ['Mesi', formatPeriodRange(row.periodMin, row.periodMax)],
    ['Righe lette', formatCount(row.rowsRead)],
    ['Righe scritte', formatCount(row.rowsWritten)],
    ['Già presenti e uguali', formatCount(row.rowsUnchanged)],
    ['Saltate', formatCount(row.rowsSkipped)],
    ['Stato', row.undoneAt !== null ? undoneText(row) : 'Attiva'],
  ];
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm">
      <DialogTitle id={titleId}>Importazione del {formatDateTime(row.importedAt)}</DialogTitle>
      <DialogContent>
        <Table size="small" aria-label="Dati dell’importazione">
          <TableBody>
            {facts.map(([label, value]) => (
              <TableRow key={label}>
                <TableCell component="th" scope="row" sx={{ width: 200, color: 'text.secondary' }}>
                  {label}
                </TableCell>
                <TableCell>
                  {label === 'Impronta SHA-256' ? (
                    <Box
                      component="span"
                      sx={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}
                    >
                      {value}
                    </Box>
                  ) : (
                    value
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {row.undoneAt === null && !row.undoable && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {NOT_UNDOABLE}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {row.undoable && (
          <Button color="error" onClick={onUndo}>
            Annulla importazione
          </Button>
        )}
        <Button variant="contained" onClick={onClose} autoFocus>
          Chiudi
        </Button>
      </DialogActions>
    </Dialog>
  );
}
