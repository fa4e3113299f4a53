import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Intervention } from '../../../../shared/contract';
import { useApiQuery } from '../../api';
import { EditInterventionDialog } from '../../casework/EditInterventionDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { ServerGrid, useGridQuery } from '../../components/ServerGrid';
import { useDirectory } from '../../registry/useLists';
import { DateFilter } from './DateFilter';
import {
  INTERVENTION_COLUMNS,
  INTERVENTION_SORT_FIELDS,
  type InterventionSortField,
} from './interventionColumns';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateParam(value: string | null): string | null {
  return value !== null && DATE.test(value) ? value : null;
}

/** Every intervention the operator may see, by period and operator; opens one to edit when allowed. */
export function InterventionsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const directory = useDirectory();
  const [editing, setEditing] = useState<Intervention | null>(null);

  const from = dateParam(params.get('dal'));
  const to = dateParam(params.get('al'));
  const chosen = Number(params.get('operatore'));
  const operatorId = Number.isInteger(chosen) && chosen > 0 ? chosen : null;
  const household = Number(params.get('nucleo'));
  const householdId = Number.isInteger(household) && household > 0 ? household : null;

  const [grid, setGrid, firstPage] = useGridQuery<InterventionSortField>({
    sortField: 'occurredAt',
    sortDir: 'desc',
  });
  // From the dashboard: the interventions of one building.
  const buildingId = Number(params.get('caseggiato')) > 0 ? Number(params.get('caseggiato')) : null;
  const list = useApiQuery('interventions.list', { ...grid, from, to, operatorId, householdId, buildingId });

  const setParam = (name: string, value: string | null) => {
    firstPage();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  };

  const open = (row: Intervention) => {
    if (row.editable) setEditing(row);
    else if (row.householdId !== null) void navigate(`/nuclei/${row.householdId}`);
    else void navigate(`/caseggiati/${row.buildingId}`);
  };

  const filtered =
    from !== null || to !== null || operatorId !== null || householdId !== null || buildingId !== null;
  const emptyText = filtered
    ? 'Nessun intervento nel periodo o per l’operatore scelti. Allargare il periodo o togliere un filtro.'
    : 'Nessun intervento registrato. Gli interventi si registrano dalla pagina di un nucleo o di un caseggiato («Registra intervento»).';

  return (
    <>
      <PageHeader title="Interventi" />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <DateFilter label="Dal" value={from} onChange={(value) => setParam('dal', value)} />
        <DateFilter label="Al" value={to} onChange={(value) => setParam('al', value)} />
        <TextField
          select
          label="Operatore"
          value={operatorId === null ? '' : String(operatorId)}
          onChange={(event) => setParam('operatore', event.target.value)}
          sx={{ width: 260 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">Tutti gli operatori</MenuItem>
          {directory.all.map((entry) => (
            <MenuItem key={entry.id} value={String(entry.id)}>
              {entry.active ? entry.fullName : `${entry.fullName} (non attivo)`}
            </MenuItem>
          ))}
        </TextField>
        {householdId !== null && (
          <Chip
            label="Solo un nucleo"
            onDelete={() => setParam('nucleo', null)}
            aria-label="Filtro: solo un nucleo (togliere)"
          />
        )}
        {buildingId !== null && (
          <Chip
            label="Solo un caseggiato"
            onDelete={() => setParam('caseggiato', null)}
            aria-label="Filtro: solo un caseggiato (togliere)"
          />
        )}
        <Typography variant="body2" color="text.secondary">
          Un clic apre l’intervento per modificarlo, se è tra i propri; altrimenti la scheda del nucleo.
        </Typography>
      </Stack>
      {list.error && (
        <Box sx={{ mb: 2 }}>
          <ErrorNotice error={list.error} onRetry={list.refetch} />
        </Box>
      )}
      <ServerGrid
        ariaLabel="Interventi"
        rows={list.value?.rows}
        total={list.value?.total}
        loading={list.isPending}
        columns={INTERVENTION_COLUMNS}
        sortFields={INTERVENTION_SORT_FIELDS}
        {...grid}
        onChange={setGrid}
        onRowOpen={open}
        emptyText={emptyText}
      />
      {editing && <EditInterventionDialog intervention={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
