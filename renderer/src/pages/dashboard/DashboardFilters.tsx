import Autocomplete from '@mui/material/Autocomplete';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { roleAtLeast } from '../../../../shared/contract';
import { useSession } from '../../app/SessionContext';
import { useAreas, useBuildingOptions, useDirectory } from '../../registry/useLists';
import { PERIOD_KINDS, PERIOD_LABELS, type FilterState } from './filters';

/** Area, building, operator (coordinators) and period; every change goes to the address. */
export function DashboardFilters({
  filters,
  update,
}: {
  filters: FilterState;
  update: (changes: Record<string, string | null>) => void;
}) {
  const { operator } = useSession();
  const coordinator = roleAtLeast(operator.role, 'coordinatore');
  const areas = useAreas();
  const buildings = useBuildingOptions();
  const directory = useDirectory();
  const area = areas.all.find((a) => a.id === filters.areaId) ?? null;
  const building = buildings.buildings.find((b) => b.id === filters.buildingId) ?? null;
  const tutor = directory.all.find((o) => o.id === filters.operatorId) ?? null;
  const buildingChoices = area
    ? buildings.buildings.filter((b) => b.areaName === area.name)
    : buildings.buildings;

  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}
      role="search"
      aria-label="Filtri del cruscotto"
    >
      <Autocomplete
        options={areas.areas}
        value={area}
        onChange={(_e, value) => update({ area: value ? String(value.id) : null, caseggiato: null })}
        getOptionLabel={(a) => a.name}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        noOptionsText="Nessuna area"
        sx={{ width: 200 }}
        renderInput={(props) => <TextField {...props} label="Area" placeholder="Tutte le aree" />}
      />
      <Autocomplete
        options={buildingChoices}
        value={building}
        onChange={(_e, value) => update({ caseggiato: value ? String(value.id) : null })}
        getOptionLabel={(b) => `${b.address}, ${b.city}`}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        noOptionsText="Nessun caseggiato"
        sx={{ width: 260 }}
        renderInput={(props) => <TextField {...props} label="Caseggiato" placeholder="Tutti i caseggiati" />}
      />
      {coordinator && (
        <Autocomplete
          options={directory.operators}
          value={tutor}
          onChange={(_e, value) => update({ operatore: value ? String(value.id) : null })}
          getOptionLabel={(o) => o.fullName}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          noOptionsText="Nessun operatore"
          sx={{ width: 220 }}
          renderInput={(props) => (
            <TextField {...props} label="Operatore" placeholder="Tutti gli operatori" />
          )}
        />
      )}
      <TextField
        select
        label="Periodo"
        value={filters.kind}
        onChange={(e) => update({ periodo: e.target.value === 'mese' ? null : e.target.value })}
        sx={{ width: 170 }}
      >
        {PERIOD_KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {PERIOD_LABELS[kind]}
          </MenuItem>
        ))}
      </TextField>
      {filters.kind === 'personalizzato' ? (
        <>
          <TextField
            type="month"
            label="Dal mese"
            value={filters.from}
            onChange={(e) => update({ dal: e.target.value || null })}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 170 }}
          />
          <TextField
            type="month"
            label="Al mese"
            value={filters.to}
            onChange={(e) => update({ al: e.target.value || null })}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 170 }}
          />
        </>
      ) : (
        <TextField
          type="month"
          label={filters.kind === 'mese' ? 'Mese' : 'Mese di riferimento'}
          value={filters.anchor}
          onChange={(e) => update({ mese: e.target.value || null })}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 190 }}
        />
      )}
    </Stack>
  );
}
