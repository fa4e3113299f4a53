import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardOverview } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/format';
import { RISK_BAND_LABELS, RISK_BANDS } from '../../../../shared/risk/score';
import { ArrearsLine } from './ArrearsLine';
import { ChartCard } from './ChartCard';
import { lastDay, link, monthLabel, periodLabel, type DashboardQuery } from './filters';
import { BAND_STROKE, BandPatterns, BandSwatch, bandFill } from './palette';

const count = new Intl.NumberFormat('it-IT');
const euro = new Intl.NumberFormat('it-IT', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
  useGrouping: 'always' as unknown as boolean,
});
const compactEuro = (cents: number) =>
  cents >= 100_000_00 ? `${count.format(Math.round(cents / 100_000))} k€` : euro.format(cents / 100);

/** A figure with its label, linking to the list behind it. */
function Figure({
  label,
  value,
  detail,
  to,
  linkLabel,
}: {
  label: string;
  value: string;
  detail?: string;
  to: string;
  linkLabel: string;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 1.5, minWidth: 150, flex: '1 1 150px' }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Link
        component={RouterLink}
        to={to}
        aria-label={`${label}: ${value}. ${linkLabel}`}
        underline="hover"
        sx={{ fontSize: 26, fontWeight: 700, display: 'block', lineHeight: 1.3 }}
      >
        {value}
      </Link>
      {detail && (
        <Typography variant="body2" color="text.secondary">
          {detail}
        </Typography>
      )}
    </Paper>
  );
}

function difference(current: number, previous: number): string {
  const delta = current - previous;
  if (delta === 0) return `come nel periodo precedente (${count.format(previous)})`;
  return `${delta > 0 ? '+' : '−'}${count.format(Math.abs(delta))} rispetto al periodo precedente (${count.format(previous)})`;
}

/** Scope parameters for the lists behind the figures (households, interventions). */
const scopeParams = (q: DashboardQuery) => ({ caseggiato: q.buildingId, area: q.areaId });

export function OverviewSection({ data, query }: { data: DashboardOverview; query: DashboardQuery }) {
  const theme = useTheme();
  const navigate = useNavigate();
  const { period, bands, arrears, activities, followups, interventions } = data;
  const label = periodLabel(period.from, period.to);
  const bandRows = RISK_BANDS.map((band) => ({ band, label: RISK_BAND_LABELS[band], n: bands.counts[band] }));
  const scored = bandRows.reduce((sum, r) => sum + r.n, 0);
  const bandLink = (band: string) =>
    link('/nuclei', { fascia: band, mese: bands.month, stato: 'attivo', ...scopeParams(query) });
  const trend = arrears.trend.map((p) => ({ ...p, euro: p.totalCents === null ? null : p.totalCents / 100 }));
  const withData = trend.filter((p) => p.totalCents !== null);
  const gaps = trend.length - withData.length;
  const tick = { fontSize: 12, fill: theme.palette.text.secondary };

  return (
    <Stack spacing={2}>
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
        <Figure
          label="Nuclei seguiti"
          value={count.format(data.householdsFollowed)}
          detail={`in ${count.format(data.buildings)} caseggiati`}
          to={link('/nuclei', { stato: 'attivo', ...scopeParams(query) })}
          linkLabel="Apri l’elenco dei nuclei"
        />
        <Figure
          label={`Interventi, ${label}`}
          value={count.format(interventions.current)}
          detail={difference(interventions.current, interventions.previous)}
          to={link('/interventi', {
            dal: `${period.from}-01`,
            al: lastDay(period.to),
            caseggiato: query.buildingId,
          })}
          linkLabel="Apri l’elenco degli interventi"
        />
        <Figure
          label={arrears.month ? `Morosità, ${monthLabel(arrears.month)}` : 'Morosità'}
          value={arrears.totalCents === null ? '—' : formatMoney(arrears.totalCents)}
          detail={
            arrears.month ? 'saldi a debito dell’ultimo estratto' : 'nessun estratto negli ultimi 12 mesi'
          }
          to={link('/da-contattare', {})}
          linkLabel="Apri i nuclei da contattare"
        />
        <Figure
          label="Nuclei saliti di fascia"
          value={count.format(bands.movedUp)}
          detail={`da ${monthLabel(bands.previousMonth)} a ${monthLabel(bands.month)}`}
          to={link('/da-contattare', {})}
          linkLabel="Apri i nuclei da contattare"
        />
        <Figure
          label={`Attività, ${label}`}
          value={count.format(activities.count)}
          detail={`${count.format(activities.attendances)} presenze di ${count.format(activities.households)} nuclei, ${count.format(activities.guests)} ospiti`}
          to="/attivita"
          linkLabel="Apri l’elenco delle attività"
        />
        <Figure
          label="Promemoria aperti"
          value={count.format(followups.open)}
          detail={`${count.format(followups.overdue)} scaduti`}
          to="/agenda"
          linkLabel="Apri l’agenda"
        />
      </Stack>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <ChartCard
          title={`Nuclei per fascia di rischio, ${monthLabel(bands.month)}`}
          subtitle="Ogni nucleo nel caseggiato dove abitava a fine mese. Cliccare una fascia per l’elenco dei nuclei."
          table={{
            columns: ['Fascia', 'Nuclei'],
            rows: [
              ...bandRows.map((r) => [r.label, count.format(r.n)]),
              ['Saliti di fascia', count.format(bands.movedUp)],
            ],
          }}
          empty={
            scored === 0
              ? `Nessun punteggio di rischio per ${monthLabel(bands.month)}: i punteggi si calcolano dagli estratti della morosità, e per questi caseggiati non ce ne sono ancora.`
              : null
          }
        >
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Box
              role="img"
              aria-label={`Nuclei per fascia: ${bandRows.map((r) => `${r.label} ${r.n}`).join(', ')}.`}
              sx={{ flex: 1, minWidth: 0 }}
            >
              <BarChart
                responsive
                data={bandRows}
                style={{ width: '100%', height: 220 }}
                margin={{ top: 16, right: 8, bottom: 0, left: 0 }}
                accessibilityLayer={false}
                aria-hidden
              >
                <BandPatterns prefix="ov-bands" />
                <CartesianGrid vertical={false} stroke={theme.palette.divider} />
                <XAxis dataKey="label" tick={tick} tickLine={false} />
                <YAxis
                  tick={tick}
                  tickLine={false}
                  axisLine={false}
                  width={48}
                  allowDecimals={false}
                  tickFormatter={(v: number) => count.format(v)}
                />
                <Tooltip isAnimationActive={false} formatter={(v) => [count.format(Number(v)), 'Nuclei']} />
                <Bar
                  dataKey="n"
                  name="Nuclei"
                  isAnimationActive={false}
                  onClick={(item) => {
                    const row = item.payload as { band: string } | undefined;
                    if (row) void navigate(bandLink(row.band));
                  }}
                  cursor="pointer"
                >
                  <LabelList
                    dataKey="n"
                    position="top"
                    fontSize={12}
                    fill={theme.palette.text.primary}
                    formatter={(v: unknown) => count.format(Number(v))}
                  />
                  {bandRows.map((r) => (
                    // eslint-disable-next-line @typescript-eslint/no-deprecated -- recharts 3 still draws per-bar fills with Cell
                    <Cell key={r.band} fill={bandFill('ov-bands', r.band)} stroke={BAND_STROKE[r.band]} />
                  ))}
                </Bar>
              </BarChart>
            </Box>
            <Stack spacing={1} component="ul" sx={{ listStyle: 'none', p: 0, m: 0, flexShrink: 0 }}>
              {bandRows.map((r) => (
                <Stack key={r.band} component="li" direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <BandSwatch band={r.band} />
                  <Link component={RouterLink} to={bandLink(r.band)} underline="hover">
                    {r.label}: {count.format(r.n)} {r.n === 1 ? 'nucleo' : 'nuclei'}
                  </Link>
                </Stack>
              ))}
            </Stack>
          </Stack>
        </ChartCard>
        <ChartCard
          title="Morosità, ultimi 12 mesi"
          subtitle={
            gaps > 0
              ? `Somma dei saldi a debito. ${gaps === 1 ? 'Un mese senza estratto è lasciato' : `${gaps} mesi senza estratto sono lasciati`} vuoto: non vuol dire morosità zero.`
              : 'Somma dei saldi a debito degli estratti di ogni mese.'
          }
          table={{
            columns: ['Mese', 'Morosità', 'Alloggi con estratto'],
            rows: arrears.trend.map((p) => [
              monthLabel(p.month),
              p.totalCents === null ? 'nessun estratto' : formatMoney(p.totalCents),
              count.format(p.units),
            ]),
          }}
          empty={
            withData.length === 0
              ? 'Nessun estratto della morosità negli ultimi 12 mesi per questi caseggiati: l’andamento comparirà dopo la prima importazione.'
              : null
          }
        >
          <Box
            role="img"
            aria-label={`Morosità per mese: ${arrears.trend.map((p) => `${monthLabel(p.month)} ${p.totalCents === null ? 'nessun estratto' : formatMoney(p.totalCents)}`).join(', ')}.`}
          >
            <ArrearsLine
              data={trend}
              height={220}
              marginTop={16}
              axisWidth={64}
              minTickGap={8}
              euroTick={(v) => compactEuro(v * 100)}
            />
          </Box>
        </ChartCard>
      </Box>
    </Stack>
  );
}
