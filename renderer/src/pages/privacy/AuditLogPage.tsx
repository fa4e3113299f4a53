import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedUserOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { AuditVerifyResult, CallInput } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/format';
import { useApiMutation, useApiQuery } from '../../api';
import { deliverFile } from '../../api/deliver';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../feedback/NotifyContext';
import { actionLabel, recordLabel } from './actionLabels';
import { DayField } from './DayField';

/** `N-000123`, `n-123` or `123` → 123; anything else → undefined (not a code). */
export function householdIdFromCode(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(?:n-?)?0*(\d{1,9})$/i.exec(trimmed);
  return match ? Number(match[1]) : undefined;
}

/** «Registro accessi»: who read or changed what, filtered, exported, and checked for tampering. */
export function AuditLogPage() {
  const notify = useNotify();
  const [operatorId, setOperatorId] = useState<number | null>(null);
  const [householdText, setHouseholdText] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [action, setAction] = useState('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(25);
  const [check, setCheck] = useState<AuditVerifyResult | null>(null);
  const householdId = householdIdFromCode(householdText);
  const filter: CallInput<'audit.export'> = {
    operatorId,
    householdId: householdId ?? null,
    from,
    to,
    action,
  };
  const list = useApiQuery('audit.list', { ...filter, page, pageSize });
  const operators = useApiQuery('operators.directory', {}).value;
  const actions = useApiQuery('audit.actions', {}).value?.actions ?? [];
  const exporter = useApiMutation('audit.export');
  const verifier = useApiMutation('audit.verify', ['audit.list']);

  const exportCsv = async () => {
    const result = await exporter.run(filter);
    if (!result.ok) {
      notify(result.error.message, 'error');
      return;
    }
    const delivered = await deliverFile(result.value.file.id);
    if (!delivered.ok) {
      notify(delivered.error.message, 'error');
      return;
    }
    if (delivered.value.result !== 'cancelled')
      notify(`Esportate ${result.value.rows} voci del registro.`, 'success');
  };
  const verify = async () => {
    setCheck(null);
    const result = await verifier.run({});
    if (!result.ok) {
      notify(result.error.message, 'error');
      return;
    }
    setCheck(result.value);
  };
  const reset = (fn: () => void) => {
    fn();
    setPage(0);
  };

  return (
    <>
      <PageHeader
        title="Registro accessi"
        action={
          <Stack direction="row" spacing={1}>
            <Button
              variant="outlined"
              startIcon={<DownloadIcon />}
              onClick={() => void exportCsv()}
              disabled={exporter.isPending}
            >
              Esporta CSV
            </Button>
            <Button
              variant="contained"
              startIcon={<VerifiedIcon />}
              onClick={() => void verify()}
              disabled={verifier.isPending}
            >
              Verifica integrità
            </Button>
          </Stack>
        }
      />
      {verifier.isPending && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Verifica della catena in corso…
        </Alert>
      )}
      {check && (
        <Alert severity={check.intact ? 'success' : 'error'} sx={{ mb: 2 }} role="status">
          {check.message}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextField
            select
            size="small"
            label="Operatore"
            value={operatorId ?? ''}
            onChange={(e) =>
              reset(() => setOperatorId(e.target.value === '' ? null : Number(e.target.value)))
            }
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="">Tutti</MenuItem>
            {(operators?.operators ?? []).map((o) => (
              <MenuItem key={o.id} value={o.id}>
                {o.fullName}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label="Nucleo (codice)"
            placeholder="N-000123"
            value={householdText}
            onChange={(e) => reset(() => setHouseholdText(e.target.value))}
            error={householdId === undefined}
            helperText={householdId === undefined ? 'Scrivere un codice come N-000123.' : ' '}
          />
          <DayField label="Dal" value={from} onChange={(v) => reset(() => setFrom(v))} />
          <DayField label="Al" value={to} onChange={(v) => reset(() => setTo(v))} />
          <TextField
            select
            size="small"
            label="Azione"
            value={action}
            onChange={(e) => reset(() => setAction(e.target.value))}
            sx={{ minWidth: 240 }}
          >
            <MenuItem value="">Tutte</MenuItem>
            {actions.map((a) => (
              <MenuItem key={a} value={a}>
                {actionLabel(a)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </Paper>
      {list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      <Paper variant="outlined">
        <Table size="small" aria-label="Voci del registro accessi">
          <TableHead>
            <TableRow>
              <TableCell>N.</TableCell>
              <TableCell>Data e ora</TableCell>
              <TableCell>Operatore</TableCell>
              <TableCell>Azione</TableCell>
              <TableCell>Nucleo</TableCell>
              <TableCell>Riguarda</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(list.value?.rows ?? []).map((row) => (
              <TableRow key={row.id}>
                <TableCell>{row.id}</TableCell>
                <TableCell>{formatDateTime(row.at)}</TableCell>
                <TableCell>{row.operatorName ?? '—'}</TableCell>
                <TableCell>{actionLabel(row.action)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{row.householdCode ?? ''}</TableCell>
                <TableCell>{recordLabel(row.recordType, row.recordId)}</TableCell>
              </TableRow>
            ))}
            {list.value && list.value.rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>Nessuna voce con questi filtri.</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
        <TablePagination
          component="div"
          count={list.value?.total ?? 0}
          page={page}
          onPageChange={(_e, p) => setPage(p)}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[25, 50, 100]}
          onRowsPerPageChange={(e) => reset(() => setPageSize(Number(e.target.value)))}
          labelRowsPerPage="Voci per pagina"
          labelDisplayedRows={({ from: a, to: b, count }) => `${a}–${b} di ${count}`}
        />
      </Paper>
    </>
  );
}
