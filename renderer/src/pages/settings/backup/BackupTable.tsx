import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { BackupItem } from '../../../../../shared/contract';
import { formatDateTime } from '../../../../../shared/format';
import { kindLabel, sizeLabel } from './labels';

const int = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('it-IT'));

/** Backups, newest first, each with a «Ripristina…» button. */
export function BackupTable({
  items,
  onRestore,
}: {
  items: BackupItem[];
  onRestore: (item: BackupItem) => void;
}) {
  if (items.length === 0) {
    return <Typography color="text.secondary">Nessun backup ancora.</Typography>;
  }
  return (
    <Table size="small" aria-label="Backup disponibili">
      <TableHead>
        <TableRow>
          <TableCell>Data</TableCell>
          <TableCell>Tipo</TableCell>
          <TableCell align="right">Nuclei</TableCell>
          <TableCell align="right">Interventi</TableCell>
          <TableCell align="right">Dimensione</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <TableRow key={`${item.folder}/${item.id}`}>
            <TableCell>
              {formatDateTime(item.createdAt)}
              {!item.readable && (
                <Typography variant="body2" color="text.secondary">
                  scheda non leggibile: di un’altra installazione o incompleto
                </Typography>
              )}
            </TableCell>
            <TableCell>{kindLabel(item)}</TableCell>
            <TableCell align="right">{int(item.counts?.households)}</TableCell>
            <TableCell align="right">{int(item.counts?.interventions)}</TableCell>
            <TableCell align="right">{sizeLabel(item.bytes)}</TableCell>
            <TableCell align="right">
              <Button
                size="small"
                onClick={() => onRestore(item)}
                aria-label={`Ripristina il backup del ${formatDateTime(item.createdAt)}`}
              >
                Ripristina…
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
