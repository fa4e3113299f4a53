import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import type { BuildingRow } from '../../../../shared/contract';

const count = new Intl.NumberFormat('it-IT');

export const BUILDING_COLUMNS: readonly GridColDef<BuildingRow>[] = [
  {
    field: 'address',
    headerName: 'Indirizzo',
    flex: 2,
    minWidth: 220,
    renderCell: ({ row }) => (
      <>
        <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
          {row.address}
        </Typography>
        <Typography component="span" variant="body2" color="text.secondary">
          {`, ${row.city}`}
        </Typography>
        {!row.active && <Chip size="small" variant="outlined" label="Non attivo" sx={{ ml: 1 }} />}
      </>
    ),
  },
  { field: 'areaName', headerName: 'Area', flex: 1.4, minWidth: 160 },
  {
    field: 'agencyCode',
    headerName: 'Codice ente',
    width: 130,
    valueFormatter: (value: string | null) => value ?? '—',
  },
  {
    field: 'unitCount',
    headerName: 'Alloggi',
    type: 'number',
    width: 90,
    valueFormatter: (value: number) => count.format(value),
  },
  {
    field: 'activeHouseholds',
    headerName: 'Nuclei attivi',
    type: 'number',
    width: 120,
    valueFormatter: (value: number) => count.format(value),
  },
  {
    field: 'operators',
    headerName: 'Tutor',
    flex: 1.4,
    minWidth: 160,
    valueGetter: (_value, row) => row.operators.map((operator) => operator.fullName).join(', '),
    renderCell: ({ value }: { value?: string }) =>
      value ? (
        value
      ) : (
        <Typography component="span" variant="body2" color="text.secondary">
          Nessun tutor
        </Typography>
      ),
  },
];

/** Which column sorts by which server field. */
export const BUILDING_SORT_FIELDS = {
  address: 'address',
  areaName: 'area',
  agencyCode: 'agencyCode',
  unitCount: 'unitCount',
  activeHouseholds: 'activeHouseholds',
} as const;
