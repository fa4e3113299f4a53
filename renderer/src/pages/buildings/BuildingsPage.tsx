import AddIcon from '@mui/icons-material/AddBusinessOutlined';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { roleAtLeast, type BUILDING_SORT } from '../../../../shared/contract';
import { useApiQuery } from '../../api';
import { useSession } from '../../app/SessionContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { ServerGrid, useGridQuery } from '../../components/ServerGrid';
import { useAreas } from '../../registry/useLists';
import { BUILDING_COLUMNS, BUILDING_SORT_FIELDS } from './buildingColumns';
import { BuildingDialog } from './BuildingDialog';
import { useDebounced } from './useDebounced';

type SortField = (typeof BUILDING_SORT)[number];

/** The buildings the operator may see; search and filters live in the address, so "back" keeps them. */
export function BuildingsPage() {
  const { operator } = useSession();
  const manager = roleAtLeast(operator.role, 'coordinatore');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const areas = useAreas();

  const text = params.get('q') ?? '';
  const areaParam = Number(params.get('area'));
  const areaId = Number.isInteger(areaParam) && areaParam > 0 ? areaParam : null;
  const includeInactive = params.get('tutti') === '1';
  const q = useDebounced(text.trim(), 250);

  const [grid, setGrid, firstPage] = useGridQuery<SortField>({ sortField: 'address', sortDir: 'asc' });
  const list = useApiQuery('buildings.list', { ...grid, q, areaId, includeInactive });

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

  const filtered = q !== '' || areaId !== null;
  const emptyText = filtered ? (
    'Nessun caseggiato corrisponde alla ricerca.'
  ) : manager ? (
    <Stack spacing={1.5} sx={{ alignItems: 'center' }}>
      <Typography color="text.secondary">
        Nessun caseggiato. Qui compariranno i caseggiati seguiti, con i loro alloggi e nuclei.
      </Typography>
      <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
        Aggiungi caseggiato
      </Button>
    </Stack>
  ) : (
    'Nessun caseggiato assegnato. I caseggiati da seguire li assegna un coordinatore.'
  );

  return (
    <>
      <PageHeader
        title="Caseggiati"
        action={
          manager && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
              Aggiungi caseggiato
            </Button>
          )
        }
      />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <TextField
          label="Cerca caseggiato"
          placeholder="Indirizzo o codice"
          value={text}
          onChange={(event) => setParam('q', event.target.value)}
          sx={{ width: 320 }}
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
          label="Area (quartiere)"
          value={areaId === null ? '' : String(areaId)}
          onChange={(event) => setParam('area', event.target.value)}
          sx={{ width: 280 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">Tutte le aree</MenuItem>
          {areas.all.map((area) => (
            <MenuItem key={area.id} value={String(area.id)}>
              {area.active ? area.name : `${area.name} (non attiva)`}
            </MenuItem>
          ))}
        </TextField>
        {manager && (
          <FormControlLabel
            control={
              <Checkbox
                checked={includeInactive}
                onChange={(event) => setParam('tutti', event.target.checked ? '1' : null)}
              />
            }
            label="Mostra anche i non attivi"
          />
        )}
      </Stack>
      {list.error && (
        <Box sx={{ mb: 2 }}>
          <ErrorNotice error={list.error} onRetry={list.refetch} />
        </Box>
      )}
      <ServerGrid
        ariaLabel="Caseggiati"
        rows={list.value?.rows}
        total={list.value?.total}
        loading={list.isPending}
        columns={BUILDING_COLUMNS}
        sortFields={BUILDING_SORT_FIELDS}
        {...grid}
        onChange={setGrid}
        onRowOpen={(row) => void navigate(`/caseggiati/${row.id}`)}
        emptyText={emptyText}
      />
      {adding && <BuildingDialog onClose={() => setAdding(false)} />}
    </>
  );
}
