import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import type { HOUSEHOLD_SORT, HouseholdRow } from '../../../../shared/contract';
import { StatusChip, TeamChip } from './HouseholdChips';

export type HouseholdSortField = (typeof HOUSEHOLD_SORT)[number];

export const HOUSEHOLD_COLUMNS: readonly GridColDef<HouseholdRow>[] = [
  {
    field: 'referenceName',
    headerName: 'Intestatario',
    flex: 1.4,
    minWidth: 170,
    renderCell: ({ row }) =>
      row.referenceName ? (
        <Typography component="span" sx={{ fontWeight: 600 }}>
          {row.referenceName}
        </Typography>
      ) : (
        <Typography component="span" color="text.secondary">
          Intestatario non indicato
        </Typography>
      ),
  },
  { field: 'code', headerName: 'Codice', width: 100 },
  { field: 'buildingAddress', headerName: 'Caseggiato', flex: 1.3, minWidth: 170 },
  { field: 'unitLabel', headerName: 'Alloggio', flex: 1.3, minWidth: 190 },
  { field: 'memberCount', headerName: 'Componenti', type: 'number', width: 105 },
  { field: 'phone', headerName: 'Telefono', width: 120, valueFormatter: (value: string) => value || '—' },
  {
    field: 'status',
    headerName: 'Stato',
    width: 190,
    renderCell: ({ row }) => (
      <>
        <StatusChip status={row.status} />
        {row.toTeam && (
          <span style={{ marginLeft: 4 }}>
            <TeamChip />
          </span>
        )}
      </>
    ),
  },
];

/** Which column sorts by which server field. */
export const HOUSEHOLD_SORT_FIELDS: Readonly<Partial<Record<string, HouseholdSortField>>> = {
  referenceName: 'referenceName',
  code: 'code',
  buildingAddress: 'address',
  status: 'status',
};
