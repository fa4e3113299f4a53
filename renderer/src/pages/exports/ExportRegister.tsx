import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { EXPORT_PRESET_LABELS } from '../../../../shared/exports/columns';
import { EXPORT_FORMAT_LABELS } from '../../../../shared/exports/format';
import { formatDateTime } from '../../../../shared/format';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';

const PAGE_SIZE = 10;
const count = new Intl.NumberFormat('it-IT');

/** Every file written for the Comune: who, when, what, how many rows, the file's fingerprint. */
export function ExportRegister() {
  const [page, setPage] = useState(0);
  const list = useApiQuery('exports.register', { page, pageSize: PAGE_SIZE });
  return (
    <section aria-labelledby="export-register-title">
      <Typography id="export-register-title" variant="h2" sx={{ mt: 5, mb: 2 }}>
        Registro delle esportazioni
      </Typography>
      {list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.isPending && !list.error && <Loading label="Caricamento del registro" />}
      {list.value && list.value.total === 0 && (
        <Typography color="text.secondary">Nessun file esportato finora.</Typography>
      )}
      {list.value && list.value.total > 0 && (
        <Paper variant="outlined">
          <Table size="small" aria-label="Registro delle esportazioni">
            <TableHead>
              <TableRow>
                <TableCell>Data</TableCell>
                <TableCell>Operatore</TableCell>
                <TableCell>Tipo</TableCell>
                <TableCell>Periodo</TableCell>
                <TableCell>Caseggiati</TableCell>
                <TableCell>Formato</TableCell>
                <TableCell align="right">Righe</TableCell>
                <TableCell>File e impronta SHA-256</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.value.rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>{formatDateTime(row.createdAt)}</TableCell>
                  <TableCell>{row.operatorName}</TableCell>
                  <TableCell>{EXPORT_PRESET_LABELS[row.preset]}</TableCell>
                  <TableCell>{row.periodLabel}</TableCell>
                  <TableCell>{row.scope}</TableCell>
                  <TableCell>{EXPORT_FORMAT_LABELS[row.format]}</TableCell>
                  <TableCell align="right">{count.format(row.rows)}</TableCell>
                  <TableCell>
                    <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
                      {row.fileName}
                    </Typography>
                    <Tooltip title={row.sha256}>
                      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                        {`${row.sha256.slice(0, 16)}…`}
                      </Typography>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={list.value.total}
            page={page}
            rowsPerPage={PAGE_SIZE}
            rowsPerPageOptions={[PAGE_SIZE]}
            onPageChange={(_event, next) => setPage(next)}
            labelDisplayedRows={({ from, to, count: total }) => `${from}–${to} di ${total}`}
          />
        </Paper>
      )}
    </section>
  );
}
