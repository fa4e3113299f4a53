import SettingsIcon from '@mui/icons-material/TuneOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef, type GridRowParams } from '@mui/x-data-grid';
import { itIT } from '@mui/x-data-grid/locales';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import {
  roleAtLeast,
  type AttentionReason,
  type CallOutput,
  type DashboardBuildingRow,
} from '../../../../shared/contract';
import { formatDate, formatMoney } from '../../../../shared/format';
import { useSession } from '../../app/SessionContext';
import { ChartCard } from './ChartCard';
import { DashboardSettingsDialog } from './DashboardSettingsDialog';
import { monthLabel, periodLabel } from './filters';
import { BAND_FILL, BAND_STROKE } from './palette';

const count = new Intl.NumberFormat('it-IT');
const percent = new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 0 });

export const ATTENTION_LABELS: Record<AttentionReason, string> = {
  rischio_in_crescita: 'rischio in crescita',
  nessuna_assemblea: 'nessuna assemblea',
  nessuna_visita: 'nessuna visita',
};

/** «Da seguire»: most reasons first, then the largest growth of alto + critico, then the longest without a visit. */
export function attentionOrder(a: DashboardBuildingRow, b: DashboardBuildingRow): number {
  return (
    b.attention.length - a.attention.length ||
    b.highRisk - b.highRiskPrevious - (a.highRisk - a.highRiskPrevious) ||
    (b.daysSinceVisit ?? Infinity) - (a.daysSinceVisit ?? Infinity) ||
    a.address.localeCompare(b.address, 'it')
  );
}

const COLUMNS: GridColDef<DashboardBuildingRow>[] = [
  {
    field: 'address',
    headerName: 'Caseggiato',
    flex: 1.4,
    minWidth: 200,
    valueGetter: (_v, row) => `${row.address}, ${row.city}`,
  },
  { field: 'areaName', headerName: 'Area', flex: 0.6, minWidth: 100 },
  { field: 'households', headerName: 'Nuclei', type: 'number', width: 70 },
  {
    field: 'arrearsPerUnitCents',
    headerName: 'Morosità/alloggio',
    type: 'number',
    width: 130,
    valueFormatter: (value: number | null) => (value === null ? 'nessun estratto' : formatMoney(value)),
  },
  {
    field: 'highRisk',
    headerName: 'Alto+critico',
    type: 'number',
    width: 100,
    renderCell: ({ row }) => {
      const delta = row.highRisk - row.highRiskPrevious;
      return `${count.format(row.highRisk)}${delta === 0 ? '' : ` (${delta > 0 ? '+' : '−'}${Math.abs(delta)})`}`;
    },
  },
  { field: 'interventions', headerName: 'Interventi', type: 'number', width: 85 },
  { field: 'activities', headerName: 'Attività', type: 'number', width: 75 },
  {
    field: 'participationRate',
    headerName: 'Partecip.',
    description: 'Quota di nuclei presenti almeno una volta a un’attività del periodo',
    type: 'number',
    width: 85,
    valueFormatter: (value: number | null) => (value === null ? '—' : percent.format(value)),
  },
  {
    field: 'lastMeetingOn',
    headerName: 'Ultima assemblea',
    width: 125,
    valueFormatter: (value: string | null) => (value === null ? 'mai' : formatDate(value)),
  },
  {
    field: 'daysSinceVisit',
    headerName: 'Giorni da visita',
    description: 'Giorni dall’ultimo intervento nel caseggiato',
    type: 'number',
    width: 110,
    valueFormatter: (value: number | null) => (value === null ? 'mai' : count.format(value)),
  },
  {
    field: 'attention',
    headerName: 'Da seguire perché',
    flex: 1.2,
    minWidth: 180,
    sortable: false,
    renderCell: ({ row }) => (
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%', flexWrap: 'wrap' }}>
        {row.attention.map((reason) => (
          <Chip key={reason} size="small" variant="outlined" label={ATTENTION_LABELS[reason]} />
        ))}
      </Stack>
    ),
  },
];

/** Per building: the table (sortable, or ranked by the «da seguire» rule) and a chart of the buildings at risk. */
export function BuildingsSection({
  data,
  view,
  setView,
}: {
  data: CallOutput<'dashboard.buildings'>;
  view: 'tutti' | 'attenzione';
  setView: (view: 'tutti' | 'attenzione') => void;
}) {
  const theme = useTheme();
  const navigate = useNavigate();
  const { operator } = useSession();
  const [editing, setEditing] = useState(false);
  const { settings } = data;
  const rows = useMemo(
    () =>
      view === 'attenzione'
        ? data.rows.filter((r) => r.attention.length > 0).sort(attentionOrder)
        : data.rows,
    [data.rows, view],
  );
  const atRisk = useMemo(
    () =>
      [...data.rows]
        .filter((r) => r.highRisk > 0)
        .sort((a, b) => b.highRisk - a.highRisk || a.address.localeCompare(b.address, 'it'))
        .slice(0, 15),
    [data.rows],
  );
  const tick = { fontSize: 12, fill: theme.palette.text.secondary };
  const rule = `Da seguire: nuclei alto + critico cresciuti di almeno ${settings.riskGrowth} rispetto al mese prima, nessuna assemblea di caseggiato da più di ${settings.meetingDays} giorni, nessun intervento da più di ${settings.visitDays} giorni.`;

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h2" sx={{ flex: 1 }}>
          Caseggiati, {periodLabel(data.period.from, data.period.to)}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_e, value: 'tutti' | 'attenzione' | null) => value && setView(value)}
          aria-label="Quali caseggiati"
        >
          <ToggleButton value="tutti">Tutti ({count.format(data.rows.length)})</ToggleButton>
          <ToggleButton value="attenzione">
            Da seguire ({count.format(data.rows.filter((r) => r.attention.length > 0).length)})
          </ToggleButton>
        </ToggleButtonGroup>
        {roleAtLeast(operator.role, 'coordinatore') && (
          <Button size="small" startIcon={<SettingsIcon />} onClick={() => setEditing(true)}>
            Soglie
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {rule} Alto + critico a {monthLabel(data.month)}; tra parentesi la variazione sul mese prima. La
        partecipazione è la quota di nuclei presenti almeno una volta a un’attività del periodo.
      </Typography>
      <Box sx={{ width: '100%' }}>
        <DataGrid<DashboardBuildingRow>
          aria-label="Caseggiati"
          rows={rows}
          getRowId={(row) => row.buildingId}
          columns={COLUMNS}
          autoHeight
          density="compact"
          localeText={{
            ...itIT.components.MuiDataGrid.defaultProps.localeText,
            noRowsLabel:
              view === 'attenzione'
                ? 'Nessun caseggiato da seguire secondo le soglie attuali.'
                : 'Nessun caseggiato con questi filtri.',
          }}
          initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
          pageSizeOptions={[25, 50, 100]}
          disableColumnMenu
          disableRowSelectionOnClick
          onRowClick={(params: GridRowParams<DashboardBuildingRow>) =>
            void navigate(`/caseggiati/${params.row.buildingId}?scheda=cruscotto`)
          }
          sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Box>
      <ChartCard
        title={`Caseggiati con più nuclei alto + critico, ${monthLabel(data.month)}`}
        subtitle="I primi 15 caseggiati per nuclei nelle due fasce più alte."
        table={{
          columns: ['Caseggiato', 'Alto + critico', 'Mese prima'],
          rows: atRisk.map((r) => [r.address, count.format(r.highRisk), count.format(r.highRiskPrevious)]),
        }}
        empty={
          atRisk.length === 0
            ? `Nessun nucleo in fascia alta o critica a ${monthLabel(data.month)} in questi caseggiati.`
            : null
        }
      >
        <Box
          role="img"
          aria-label={`Nuclei alto + critico: ${atRisk.map((r) => `${r.address} ${r.highRisk}`).join(', ')}.`}
        >
          <BarChart
            responsive
            layout="vertical"
            data={atRisk}
            style={{ width: '100%', height: Math.max(160, atRisk.length * 26 + 40) }}
            margin={{ top: 8, right: 24, bottom: 0, left: 8 }}
            accessibilityLayer={false}
            aria-hidden
          >
            <CartesianGrid horizontal={false} stroke={theme.palette.divider} />
            <XAxis type="number" allowDecimals={false} tick={tick} />
            <YAxis type="category" dataKey="address" width={190} tick={tick} />
            <Tooltip
              isAnimationActive={false}
              formatter={(v) => [count.format(Number(v)), 'Alto + critico']}
            />
            <Bar
              dataKey="highRisk"
              fill={BAND_FILL.alto}
              stroke={BAND_STROKE.alto}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(item) => {
                const row = item.payload as DashboardBuildingRow | undefined;
                if (row) void navigate(`/caseggiati/${row.buildingId}?scheda=cruscotto`);
              }}
            />
          </BarChart>
        </Box>
      </ChartCard>
      {editing && <DashboardSettingsDialog onClose={() => setEditing(false)} />}
    </Stack>
  );
}
