import PhoneIcon from '@mui/icons-material/PhoneInTalkOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { Link as RouterLink } from 'react-router';
import type { WorklistRow } from '../../../../shared/contract';
import { formatDate, formatMoney } from '../../../../shared/format';
import { BandChip, PlanStatusChip } from '../households/arrears/chips';

export type WorklistGridRow = WorklistRow & { id: number };

/** "1234 · Rossi Mario", or the code alone. */
export function householdName(row: WorklistRow): string {
  return row.referenceName ? `${row.code} · ${row.referenceName}` : row.code;
}

const twoLines = {
  display: '-webkit-box',
  WebkitBoxOrient: 'vertical',
  WebkitLineClamp: 2,
  overflow: 'hidden',
  whiteSpace: 'normal',
  lineHeight: 1.25,
} as const;

/** The worklist's columns; `onContact` opens "Registra contatto" for a row. */
export function worklistColumns(onContact: (row: WorklistGridRow) => void): GridColDef<WorklistGridRow>[] {
  return [
    {
      field: 'band',
      headerName: 'Fascia',
      width: 80,
      renderCell: ({ row }) => <BandChip band={row.band} />,
    },
    { field: 'score', headerName: 'Punti', type: 'number', width: 56 },
    {
      field: 'household',
      headerName: 'Nucleo',
      flex: 1,
      minWidth: 130,
      valueGetter: (_value, row) => householdName(row),
      renderCell: ({ row }) => (
        <Box sx={{ py: 0.25, fontSize: '0.8125rem', ...twoLines }} title={householdName(row)}>
          <Link
            component={RouterLink}
            to={`/nuclei/${row.householdId}`}
            onClick={(event) => event.stopPropagation()}
            aria-label={householdName(row)}
            sx={{ fontWeight: 600 }}
          >
            {row.referenceName ?? 'Intestatario non indicato'}
          </Link>
          <br />
          <Typography component="span" color="text.secondary" sx={{ fontSize: 'inherit' }}>
            {row.code}
          </Typography>
        </Box>
      ),
    },
    {
      field: 'place',
      headerName: 'Caseggiato',
      flex: 1,
      minWidth: 130,
      valueGetter: (_value, row) => `${row.buildingAddress} · ${row.unitLabel}`,
      renderCell: ({ row }) => (
        <Box
          sx={{ py: 0.25, fontSize: '0.8125rem', ...twoLines }}
          title={`${row.buildingAddress}, ${row.unitLabel}`}
        >
          {row.buildingAddress}
          <br />
          <Typography component="span" color="text.secondary" sx={{ fontSize: 'inherit' }}>
            {row.unitLabel}
          </Typography>
        </Box>
      ),
    },
    {
      field: 'topReasons',
      headerName: 'Motivi principali',
      flex: 1.8,
      minWidth: 180,
      valueGetter: (_value, row) => row.topReasons.join(' · '),
      renderCell: ({ row }) => (
        <Box sx={{ py: 0.25, fontSize: '0.8125rem', ...twoLines }} title={row.topReasons.join('\n')}>
          {row.topReasons.join(' · ')}
        </Box>
      ),
    },
    {
      field: 'balanceCents',
      headerName: 'Saldo',
      type: 'number',
      width: 92,
      valueFormatter: (value: number | null) => (value === null ? '—' : formatMoney(value)),
    },
    {
      field: 'lastContactAt',
      headerName: 'Ultimo contatto',
      width: 128,
      valueFormatter: (value: string | null) => (value === null ? 'mai' : formatDate(value)),
    },
    {
      field: 'planStatus',
      headerName: 'Piano',
      width: 150,
      renderCell: ({ row }) => (row.planStatus ? <PlanStatusChip status={row.planStatus} /> : '—'),
    },
    {
      field: 'actions',
      headerName: 'Contatto',
      width: 158,
      renderCell: ({ row }) => (
        <Button
          size="small"
          variant="outlined"
          startIcon={<PhoneIcon />}
          aria-label={`Registra contatto con ${householdName(row)}`}
          onClick={(event) => {
            event.stopPropagation();
            onContact(row);
          }}
          onKeyDown={(event) => event.stopPropagation()}
        >
          Registra contatto
        </Button>
      ),
    },
  ];
}
