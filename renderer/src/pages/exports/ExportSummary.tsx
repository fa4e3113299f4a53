import SaveIcon from '@mui/icons-material/SaveAltOutlined';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ExportPreview } from '../../../../shared/contract';
import { EXPORT_PRESET_LABELS } from '../../../../shared/exports/columns';
import { EXPORT_FORMAT_LABELS } from '../../../../shared/exports/format';
import { formatDate } from '../../../../shared/format';

const count = new Intl.NumberFormat('it-IT');

/** What the file will hold, before it is written: rows, period, scope, what stays out, file name. */
export function ExportSummary({
  preview,
  saving,
  onSave,
}: {
  preview: ExportPreview;
  saving: boolean;
  onSave: () => void;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 3, mt: 3 }} component="section" aria-labelledby="export-summary-title">
      <Typography id="export-summary-title" variant="h2" sx={{ mb: 2 }}>
        Riepilogo prima del salvataggio
      </Typography>
      <Table size="small" aria-label="Riepilogo dell’esportazione" sx={{ mb: 2, maxWidth: 760 }}>
        <TableBody>
          <TableRow>
            <TableCell component="th" scope="row">
              Periodo
            </TableCell>
            <TableCell>
              {`${preview.period.label} (dal ${formatDate(preview.period.from)} al ${formatDate(preview.period.to)})`}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th" scope="row">
              Caseggiati
            </TableCell>
            <TableCell>{preview.scope}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th" scope="row">
              Formato
            </TableCell>
            <TableCell>{`${EXPORT_FORMAT_LABELS[preview.format]}, ${preview.columns.length} colonne`}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th" scope="row">
              Nome del file
            </TableCell>
            <TableCell
              sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
              data-testid="export-file-name"
            >
              {preview.fileName}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="h3" sx={{ mb: 1 }}>
        Righe per tipo di esportazione
      </Typography>
      <Table size="small" aria-label="Righe per tipo di esportazione" sx={{ mb: 2, maxWidth: 520 }}>
        <TableBody>
          {preview.counts.map((c) => (
            <TableRow key={c.preset} selected={c.preset === preview.preset}>
              <TableCell>
                {EXPORT_PRESET_LABELS[c.preset]}
                {c.preset === preview.preset && ' (questo file)'}
              </TableCell>
              <TableCell align="right" data-testid={`export-rows-${c.preset}`}>
                {count.format(c.rows)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="h3" sx={{ mb: 1 }}>
        Che cosa resta fuori e perché
      </Typography>
      <ul style={{ marginTop: 0 }}>
        {preview.excluded.map((text) => (
          <li key={text}>
            <Typography variant="body2">{text}</Typography>
          </li>
        ))}
      </ul>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" startIcon={<SaveIcon />} onClick={onSave} disabled={saving}>
          {saving ? 'Salvataggio…' : 'Salva il file'}
        </Button>
        <Typography variant="body2" color="text.secondary">
          Il file è annotato nel registro delle esportazioni con la sua impronta SHA-256.
        </Typography>
      </Stack>
    </Paper>
  );
}
