import LockIcon from '@mui/icons-material/LockOutlined';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import type { INTERVENTION_SORT, Intervention } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/format';

export type InterventionSortField = (typeof INTERVENTION_SORT)[number];

export const INTERVENTION_COLUMNS: readonly GridColDef<Intervention>[] = [
  {
    field: 'occurredAt',
    headerName: 'Data e ora',
    width: 150,
    valueFormatter: (value: string) => formatDateTime(value),
  },
  {
    field: 'subject',
    headerName: 'Nucleo o caseggiato',
    flex: 1.6,
    minWidth: 220,
    valueGetter: (_value, row) =>
      row.householdId === null
        ? `Caseggiato ${row.buildingAddress}`
        : `${row.householdCode ?? ''}${row.householdName ? ` · ${row.householdName}` : ''}`,
    renderCell: ({ row, value }: { row: Intervention; value?: string }) => (
      <Typography component="span" title={row.buildingAddress} sx={{ fontWeight: 600 }}>
        {value}
      </Typography>
    ),
  },
  { field: 'typeLabel', headerName: 'Tipo', flex: 1.2, minWidth: 170 },
  {
    field: 'topicLabels',
    headerName: 'Temi',
    flex: 1.1,
    minWidth: 160,
    valueGetter: (_value, row) => row.topicLabels.join(', '),
  },
  { field: 'operatorName', headerName: 'Operatore', flex: 1, minWidth: 140 },
  {
    field: 'durationMin',
    headerName: 'Durata',
    width: 90,
    type: 'number',
    valueFormatter: (value: number) => `${value} min`,
  },
  {
    field: 'confidential',
    headerName: 'Riservato',
    width: 95,
    renderCell: ({ row }) =>
      row.confidential ? (
        <Tooltip title="Note riservate">
          <LockIcon fontSize="small" aria-label="Riservato" sx={{ verticalAlign: 'middle' }} />
        </Tooltip>
      ) : null,
  },
];

/** Which column sorts by which server field. */
export const INTERVENTION_SORT_FIELDS: Readonly<Partial<Record<string, InterventionSortField>>> = {
  occurredAt: 'occurredAt',
  typeLabel: 'type',
  operatorName: 'operator',
};
