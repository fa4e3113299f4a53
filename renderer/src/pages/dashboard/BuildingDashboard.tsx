import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatMoney } from '../../../../shared/format';
import { RISK_BAND_LABELS, RISK_BANDS, type RiskBand } from '../../../../shared/risk/score';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { BandChip } from '../households/arrears/chips';
import { ArrearsLine } from './ArrearsLine';
import { ChartCard } from './ChartCard';
import { link, monthLabel, monthOfLabel, shortMonth } from './filters';
import { BAND_STROKE, BandPatterns, bandFill } from './palette';

const count = new Intl.NumberFormat('it-IT');
const GROUP_STATUS: Record<'attivo' | 'sospeso' | 'concluso', string> = {
  attivo: 'attivo',
  sospeso: 'sospeso',
  concluso: 'concluso',
};

/** The building page's «Cruscotto» tab: 12 or 24 months of risk, arrears, interventions, activities, groups. */
export function BuildingDashboard({
  buildingId,
  months,
  setMonths,
}: {
  buildingId: number;
  months: 12 | 24;
  setMonths: (months: 12 | 24) => void;
}) {
  const theme = useTheme();
  const query = useApiQuery('dashboard.building', { buildingId, months });
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refetch} />;
  const d = query.value;
  if (!d) return <Loading label="Calcolo del cruscotto del caseggiato" />;

  const tick = { fontSize: 12, fill: theme.palette.text.secondary };
  const from = d.months[0] ?? '';
  const to = d.months.at(-1) ?? '';
  const scored = d.bands.some((b) => RISK_BANDS.some((band) => b[band] > 0));
  const arrears = d.arrears.map((p) => ({ ...p, euro: p.totalCents === null ? null : p.totalCents / 100 }));
  const arrearsMonths = d.arrears.filter((p) => p.totalCents !== null).length;
  const hadActivities = d.activities.some((a) => a.activities > 0);
  const window = `${monthLabel(from)} – ${monthLabel(to)}`;

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography sx={{ flex: 1 }} color="text.secondary">
          Dati di {window}. Ogni nucleo conta nel caseggiato dove abitava a fine mese.
        </Typography>
        <TextField
          select
          size="small"
          label="Mesi"
          value={months}
          onChange={(e) => setMonths(Number(e.target.value) === 12 ? 12 : 24)}
          sx={{ width: 140 }}
        >
          <MenuItem value={12}>Ultimi 12</MenuItem>
          <MenuItem value={24}>Ultimi 24</MenuItem>
        </TextField>
      </Stack>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <ChartCard
          title="Fasce di rischio per mese"
          subtitle="Nuclei per fascia, uno sopra l’altro."
          table={{
            columns: ['Mese', ...RISK_BANDS.map((b) => RISK_BAND_LABELS[b])],
            rows: d.bands.map((b) => [
              monthLabel(b.month),
              ...RISK_BANDS.map((band) => count.format(b[band])),
            ]),
          }}
          empty={
            scored
              ? null
              : 'Nessun punteggio di rischio in questi mesi: i punteggi si calcolano dagli estratti della morosità, e per questo caseggiato non ce ne sono.'
          }
        >
          <Box role="img" aria-label={`Fasce di rischio per mese, da ${window}.`}>
            <BarChart
              responsive
              data={d.bands}
              style={{ width: '100%', height: 260 }}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
              accessibilityLayer={false}
              aria-hidden
            >
              <BandPatterns prefix="bd-bands" />
              <CartesianGrid vertical={false} stroke={theme.palette.divider} />
              <XAxis dataKey="month" tickFormatter={shortMonth} tick={tick} tickLine={false} minTickGap={4} />
              <YAxis allowDecimals={false} tick={tick} tickLine={false} axisLine={false} width={36} />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={monthOfLabel}
                itemSorter={(item) => -RISK_BANDS.indexOf(item.dataKey as RiskBand)}
              />
              <Legend
                wrapperStyle={{ fontSize: 12 }}
                itemSorter={(item) => RISK_BANDS.indexOf(item.dataKey as RiskBand)}
              />
              {RISK_BANDS.map((band) => (
                <Bar
                  key={band}
                  dataKey={band}
                  name={RISK_BAND_LABELS[band]}
                  stackId="bands"
                  fill={bandFill('bd-bands', band)}
                  stroke={BAND_STROKE[band]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </Box>
        </ChartCard>
        <ChartCard
          title="Morosità per mese"
          subtitle="Somma dei saldi a debito degli alloggi. I mesi senza estratto restano vuoti: non sono morosità zero."
          table={{
            columns: ['Mese', 'Morosità', 'Alloggi con estratto'],
            rows: d.arrears.map((p) => [
              monthLabel(p.month),
              p.totalCents === null ? 'nessun estratto' : formatMoney(p.totalCents),
              count.format(p.units),
            ]),
          }}
          empty={
            arrearsMonths === 0
              ? 'Nessun estratto della morosità per gli alloggi di questo caseggiato in questi mesi.'
              : null
          }
        >
          <Box role="img" aria-label={`Morosità per mese, da ${window}.`}>
            <ArrearsLine
              data={arrears}
              height={260}
              marginTop={8}
              axisWidth={72}
              minTickGap={4}
              euroTick={(v) => formatMoney(v * 100).replace(/,00/, '')}
            />
          </Box>
        </ChartCard>
        {(['type', 'topic'] as const).map((by) => {
          const rows = by === 'type' ? d.interventionsByType : d.interventionsByTopic;
          const title = by === 'type' ? 'Interventi per tipo' : 'Interventi per tema';
          return (
            <ChartCard
              key={by}
              title={title}
              subtitle={`${window}. ${by === 'topic' ? 'Un intervento può avere più temi.' : ''}`}
              table={{
                columns: [by === 'type' ? 'Tipo' : 'Tema', 'Interventi'],
                rows: rows.map((r) => [r.label, count.format(r.count)]),
              }}
              empty={
                rows.length === 0 ? 'Nessun intervento registrato in questo caseggiato in questi mesi.' : null
              }
            >
              <Box
                role="img"
                aria-label={`${title}: ${rows.map((r) => `${r.label} ${r.count}`).join(', ')}.`}
              >
                <BarChart
                  responsive
                  layout="vertical"
                  data={rows}
                  style={{ width: '100%', height: Math.max(140, rows.length * 26 + 30) }}
                  margin={{ top: 0, right: 24, bottom: 0, left: 8 }}
                  accessibilityLayer={false}
                  aria-hidden
                >
                  <CartesianGrid horizontal={false} stroke={theme.palette.divider} />
                  <XAxis type="number" allowDecimals={false} tick={tick} />
                  <YAxis type="category" dataKey="label" width={170} tick={tick} />
                  <Tooltip
                    isAnimationActive={false}
                    formatter={(v) => [count.format(Number(v)), 'Interventi']}
                  />
                  <Bar dataKey="count" fill={theme.palette.primary.main} isAnimationActive={false} />
                </BarChart>
              </Box>
            </ChartCard>
          );
        })}
        <ChartCard
          title="Attività e presenze per mese"
          subtitle="Presenze: nuclei di questo caseggiato presenti quel giorno; ospiti non registrati a parte."
          table={{
            columns: ['Mese', 'Attività', 'Presenze di nuclei', 'Ospiti'],
            rows: d.activities.map((a) => [
              monthLabel(a.month),
              count.format(a.activities),
              count.format(a.attendances),
              count.format(a.guests),
            ]),
          }}
          empty={
            hadActivities
              ? null
              : 'Nessuna attività comunitaria in questo caseggiato (o nella sua area) in questi mesi.'
          }
        >
          <Box role="img" aria-label={`Attività e presenze per mese, da ${window}.`}>
            <BarChart
              responsive
              data={d.activities}
              style={{ width: '100%', height: 240 }}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
              accessibilityLayer={false}
              aria-hidden
            >
              <CartesianGrid vertical={false} stroke={theme.palette.divider} />
              <XAxis dataKey="month" tickFormatter={shortMonth} tick={tick} tickLine={false} minTickGap={4} />
              <YAxis allowDecimals={false} tick={tick} tickLine={false} axisLine={false} width={36} />
              <Tooltip isAnimationActive={false} labelFormatter={monthOfLabel} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              <Bar dataKey="activities" name="Attività" fill="#0072b2" isAnimationActive={false} />
              <Bar dataKey="attendances" name="Presenze di nuclei" fill="#56b4e9" isAnimationActive={false} />
            </BarChart>
          </Box>
        </ChartCard>
        <ChartCard
          title={`Nuclei a rischio alto e critico, ${monthLabel(to)}`}
          subtitle="Con i motivi principali del punteggio."
          table={{
            columns: ['Nucleo', 'Fascia', 'Punteggio', 'Motivi'],
            rows: d.highRisk.map((h) => [
              h.code,
              RISK_BAND_LABELS[h.band],
              count.format(h.score),
              h.reasons.join('; '),
            ]),
          }}
          empty={
            d.highRisk.length === 0
              ? `Nessun nucleo del caseggiato in fascia alta o critica a ${monthLabel(to)}.`
              : null
          }
        >
          <List dense disablePadding>
            {d.highRisk.map((h) => (
              <ListItem key={h.householdId} disableGutters sx={{ display: 'block' }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <BandChip band={h.band} score={h.score} />
                  <Link component={RouterLink} to={`/nuclei/${h.householdId}`}>
                    {h.code}
                    {h.referenceName ? ` · ${h.referenceName}` : ''}
                  </Link>
                </Stack>
                <Typography variant="body2" color="text.secondary" sx={{ ml: 0.5 }}>
                  {h.reasons.join(' · ') || 'nessun motivo registrato'}
                </Typography>
              </ListItem>
            ))}
          </List>
          <Link
            component={RouterLink}
            to={link('/nuclei', { caseggiato: buildingId, fascia: 'critico', mese: to })}
            variant="body2"
          >
            Nuclei in fascia critica nell’elenco
          </Link>
        </ChartCard>
        <ChartCard
          title="Gruppi di residenti"
          table={{
            columns: ['Gruppo', 'Stato', 'Dal', 'Referenti', 'Attività nel periodo'],
            rows: d.groups.map((g) => [
              g.name,
              GROUP_STATUS[g.status],
              formatDate(g.startedOn),
              count.format(g.referents),
              count.format(g.activities),
            ]),
          }}
          empty={d.groups.length === 0 ? 'Nessun gruppo di residenti in questo caseggiato.' : null}
        >
          <List dense disablePadding>
            {d.groups.map((g) => (
              <ListItem key={g.id} disableGutters>
                <Typography variant="body2">
                  <Link component={RouterLink} to={`/gruppi/${g.id}`}>
                    {g.name}
                  </Link>{' '}
                  — {GROUP_STATUS[g.status]}, dal {formatDate(g.startedOn)}, {count.format(g.referents)}{' '}
                  {g.referents === 1 ? 'referente' : 'referenti'}, {count.format(g.activities)} attività nel
                  periodo
                </Typography>
              </ListItem>
            ))}
          </List>
        </ChartCard>
      </Box>
    </Stack>
  );
}
