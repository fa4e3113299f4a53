import InfoIcon from '@mui/icons-material/InfoOutlined';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { formatDate, formatDateTime } from '../../../../../shared/format';
import type { ImportRow } from '../../../../../shared/contract';
import { formatCount, formatPeriodRange } from './format';

/** Why an import that is not undone cannot be undone. */
export const NOT_UNDOABLE =
  'Non si può annullare: un’importazione successiva ha aggiornato alcuni degli stessi mesi degli stessi alloggi. Annullare prima quella.';

/** `Annullata il 12/10/2026, 14:30 da Maria Rossi`. */
export function undoneText(row: ImportRow): string {
  return `Annullata il ${formatDateTime(row.undoneAt)}${row.undoneBy ? ` da ${row.undoneBy}` : ''}`;
}

const count = (value: number) => formatCount(value);

/** The import log's columns; the last one undoes an import, or says why it cannot. */
export function importColumns(onUndo: (row: ImportRow) => void): GridColDef<ImportRow>[] {
  return [
    {
      field: 'importedAt',
      headerName: 'Data',
      width: 145,
      valueFormatter: (value: string) => formatDateTime(value),
    },
    { field: 'fileName', headerName: 'File', flex: 1, minWidth: 200 },
    {
      field: 'profileName',
      headerName: 'Profilo',
      width: 115,
      valueFormatter: (value: string | null) => value ?? '—',
    },
    { field: 'importedBy', headerName: 'Importata da', width: 115 },
    {
      field: 'periodMin',
      headerName: 'Mesi',
      width: 115,
      valueGetter: (_value, row) => formatPeriodRange(row.periodMin, row.periodMax),
    },
    {
      field: 'rowsWritten',
      headerName: 'Scritte',
      type: 'number',
      width: 66,
      valueFormatter: count,
    },
    {
      field: 'rowsUnchanged',
      headerName: 'Uguali',
      type: 'number',
      width: 66,
      valueFormatter: count,
    },
    {
      field: 'rowsSkipped',
      headerName: 'Saltate',
      type: 'number',
      width: 66,
      valueFormatter: count,
    },
    {
      field: 'undoable',
      headerName: 'Stato',
      width: 170,
      renderCell: ({ row, hasFocus }) => {
        if (row.undoneAt !== null) {
          return (
            <Typography component="span" variant="body2" color="text.secondary" title={undoneText(row)}>
              {`Annullata il ${formatDate(row.undoneAt)}`}
            </Typography>
          );
        }
        if (row.undoable) {
          return (
            <Button
              size="small"
              color="error"
              tabIndex={hasFocus ? 0 : -1}
              onClick={(event) => {
                event.stopPropagation();
                onUndo(row);
              }}
            >
              Annulla importazione
            </Button>
          );
        }
        return (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
            <Typography component="span" variant="body2">
              Non annullabile
            </Typography>
            <Tooltip title={NOT_UNDOABLE}>
              <IconButton size="small" aria-label={NOT_UNDOABLE} tabIndex={hasFocus ? 0 : -1}>
                <InfoIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </Stack>
        );
      },
    },
  ];
}
