import AddIcon from '@mui/icons-material/GroupAddOutlined';
import MailIcon from '@mui/icons-material/MailOutlined';
import SearchIcon from '@mui/icons-material/Search';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { HOUSEHOLD_STATUSES, householdStatusSchema, riskBandSchema } from '../../../../shared/contract';
import { RISK_BAND_LABELS } from '../../../../shared/risk/score';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { ServerGrid, useGridQuery } from '../../components/ServerGrid';
import { HOUSEHOLD_STATUS_LABELS } from '../../registry/labels';
import { useBuildingOptions } from '../../registry/useLists';
import { useDebounced } from '../buildings/useDebounced';
import { IssueLettersDialog } from '../letters/IssueLettersDialog';
import { HOUSEHOLD_COLUMNS, HOUSEHOLD_SORT_FIELDS, type HouseholdSortField } from './householdColumns';

function idParam(value: string | null): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The households the operator may see; search and filters live in the address, so "back" keeps them. */
export function HouseholdsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const buildings = useBuildingOptions();
  // Households ticked for a letter; they stay ticked across pages and filters.
  const [chosen, setChosen] = useState<number[]>([]);
  const [lettersOpen, setLettersOpen] = useState(false);

  const text = params.get('q') ?? '';
  const parsedStatus = householdStatusSchema.safeParse(params.get('stato'));
  const status = parsedStatus.success ? parsedStatus.data : null;
  const toTeam = params.get('equipe') === '1' ? true : null;
  const buildingId = idParam(params.get('caseggiato'));
  // From the dashboard: one risk band of one month, one area.
  const parsedBand = riskBandSchema.safeParse(params.get('fascia'));
  const riskBand = parsedBand.success ? parsedBand.data : null;
  const monthParam = params.get('mese');
  const riskMonth =
    riskBand !== null && monthParam !== null && /^\d{4}-\d{2}$/.test(monthParam) ? monthParam : null;
  const areaId = idParam(params.get('area'));
  const q = useDebounced(text.trim(), 250);

  const [grid, setGrid, firstPage] = useGridQuery<HouseholdSortField>({
    sortField: 'referenceName',
    sortDir: 'asc',
  });
  const list = useApiQuery('households.list', {
    ...grid,
    q,
    status,
    toTeam,
    buildingId,
    riskBand,
    riskMonth,
    areaId,
  });

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

  const add = () => void navigate(buildingId ? `/nuclei/nuovo?buildingId=${buildingId}` : '/nuclei/nuovo');
  const filtered =
    q !== '' ||
    status !== null ||
    toTeam !== null ||
    buildingId !== null ||
    riskBand !== null ||
    areaId !== null;
  const emptyText = filtered ? (
    'Nessun nucleo corrisponde alla ricerca. Provare con meno lettere o togliere un filtro.'
  ) : (
    <Stack spacing={1.5} sx={{ alignItems: 'center' }}>
      <Typography color="text.secondary">
        Nessun nucleo. Qui compariranno i nuclei familiari dei caseggiati seguiti.
      </Typography>
      <Button variant="outlined" startIcon={<AddIcon />} onClick={add}>
        Aggiungi nucleo
      </Button>
    </Stack>
  );
  const selectedBuilding = buildings.buildings.find((building) => building.id === buildingId) ?? null;
  const chosenText = chosen.length === 1 ? '1 nucleo scelto' : `${chosen.length} nuclei scelti`;

  return (
    <>
      <PageHeader
        title="Nuclei familiari"
        action={
          <Stack direction="row" spacing={1}>
            {chosen.length > 0 && (
              <>
                <Button onClick={() => setChosen([])}>Togli la scelta</Button>
                <Button variant="outlined" startIcon={<MailIcon />} onClick={() => setLettersOpen(true)}>
                  Lettera a {chosenText}
                </Button>
              </>
            )}
            <Button variant="contained" startIcon={<AddIcon />} onClick={add}>
              Aggiungi nucleo
            </Button>
          </Stack>
        }
      />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <TextField
          label="Cerca nucleo"
          placeholder="Nome, cognome, codice fiscale, telefono, codice…"
          value={text}
          onChange={(event) => setParam('q', event.target.value)}
          sx={{ width: 300 }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <TextField
          select
          label="Stato"
          value={status ?? ''}
          onChange={(event) => setParam('stato', event.target.value)}
          sx={{ width: 160 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">Tutti gli stati</MenuItem>
          {HOUSEHOLD_STATUSES.map((value) => (
            <MenuItem key={value} value={value}>
              {HOUSEHOLD_STATUS_LABELS[value]}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete
          options={buildings.buildings}
          value={selectedBuilding}
          onChange={(_event, building) => setParam('caseggiato', building ? String(building.id) : null)}
          getOptionLabel={(building) => `${building.address}, ${building.city}`}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          noOptionsText="Nessun caseggiato"
          sx={{ width: 260 }}
          renderInput={(props) => (
            <TextField {...props} label="Caseggiato" placeholder="Tutti i caseggiati" />
          )}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={toTeam === true}
              onChange={(event) => setParam('equipe', event.target.checked ? '1' : null)}
            />
          }
          label="Solo da portare in équipe"
        />
        {riskBand !== null && (
          <Chip
            label={`Fascia ${RISK_BAND_LABELS[riskBand]}${riskMonth ? ` a ${riskMonth.slice(5, 7)}/${riskMonth.slice(0, 4)}` : ''}`}
            onDelete={() => setParam('fascia', null)}
            aria-label="Filtro: fascia di rischio (togliere)"
          />
        )}
        {areaId !== null && (
          <Chip
            label="Solo un’area"
            onDelete={() => setParam('area', null)}
            aria-label="Filtro: solo un’area (togliere)"
          />
        )}
      </Stack>
      {list.error && (
        <Box sx={{ mb: 2 }}>
          <ErrorNotice error={list.error} onRetry={list.refetch} />
        </Box>
      )}
      <ServerGrid
        ariaLabel="Nuclei familiari"
        rows={list.value?.rows}
        total={list.value?.total}
        loading={list.isPending}
        columns={HOUSEHOLD_COLUMNS}
        sortFields={HOUSEHOLD_SORT_FIELDS}
        {...grid}
        onChange={setGrid}
        onRowOpen={(row) => void navigate(`/nuclei/${row.id}`)}
        emptyText={emptyText}
        selection={{ ids: chosen, onChange: setChosen }}
      />
      <IssueLettersDialog
        open={lettersOpen}
        onClose={() => setLettersOpen(false)}
        target={{ kind: 'households', householdIds: chosen }}
        description={chosenText}
      />
    </>
  );
}
