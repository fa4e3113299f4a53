import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { alpha, useTheme, type Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import type { ArrearsHousehold } from '../../../../../shared/contract';
import { formatMoney } from '../../../../../shared/format';
import { formatPeriod, formatWholeEuro, monthName, shortPeriod } from './format';

type Point = ArrearsHousehold['series'][number];

/** Months the chart shows at most; the table below it holds every month. */
export const CHART_MONTHS = 24;

const HEIGHT = 220;
const TICK_FONT = 12;

/**
 * Due as a light bar with an outline, paid as a solid dark bar, the balance as a line with
 * hollow points: the three read apart in grey print too, and the legend names them.
 */
function seriesColors(theme: Theme) {
  return {
    due: { fill: alpha(theme.palette.primary.main, 0.16), stroke: theme.palette.primary.main },
    paid: { fill: theme.palette.success.main, stroke: theme.palette.success.main },
    balance: { stroke: theme.palette.error.dark },
    grid: theme.palette.divider,
    zero: theme.palette.grey[500],
    text: theme.palette.text.secondary,
    dotFill: theme.palette.background.paper,
  };
}

type Colors = ReturnType<typeof seriesColors>;

function Swatch({ kind, colors }: { kind: 'due' | 'paid' | 'balance'; colors: Colors }) {
  if (kind === 'balance') {
    return (
      <Box component="svg" width={22} height={12} aria-hidden sx={{ flexShrink: 0 }}>
        <line x1={1} y1={6} x2={21} y2={6} stroke={colors.balance.stroke} strokeWidth={2.5} />
        <circle cx={11} cy={6} r={3} fill={colors.dotFill} stroke={colors.balance.stroke} strokeWidth={2} />
      </Box>
    );
  }
  const color = colors[kind];
  return (
    <Box component="svg" width={12} height={12} aria-hidden sx={{ flexShrink: 0 }}>
      <rect x={0.5} y={0.5} width={11} height={11} fill={color.fill} stroke={color.stroke} />
    </Box>
  );
}

/** The hovered month, in words. */
function MonthTooltip({ active, payload }: TooltipContentProps) {
  const point = payload[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  const rows: [string, number][] = [
    ['Dovuto', point.dueCents],
    ['Versato', point.paidCents],
    ['Saldo', point.balanceCents],
  ];
  return (
    <Paper variant="outlined" sx={{ px: 1.5, py: 1, boxShadow: 2 }}>
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
        {monthName(point.period)}
      </Typography>
      {rows.map(([label, cents]) => (
        <Stack key={label} direction="row" spacing={2} sx={{ justifyContent: 'space-between' }}>
          <Typography variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography variant="body2" sx={{ fontWeight: label === 'Saldo' ? 700 : 400 }}>
            {formatMoney(cents)}
          </Typography>
        </Stack>
      ))}
    </Paper>
  );
}

/** Due and paid per month as bars, the balance as a line; the last CHART_MONTHS months. */
export function SeriesChart({ series }: { series: readonly Point[] }) {
  const theme = useTheme();
  const colors = seriesColors(theme);
  const points = series.slice(-CHART_MONTHS);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const summary =
    `Grafico di dovuto, versato e saldo per mese, da ${formatPeriod(first.period)} a ${formatPeriod(last.period)}. ` +
    `Saldo di ${formatPeriod(last.period)}: ${formatMoney(last.balanceCents)}. I valori sono nella tabella dei mesi.`;
  const tick = { fontSize: TICK_FONT, fill: colors.text };

  return (
    <Box>
      {/* The chart is a picture for screen readers: the summary says what it shows, the table holds the values. */}
      <Box role="img" aria-label={summary} sx={{ width: '100%', maxWidth: 720, minWidth: 280 }}>
        <ComposedChart
          responsive
          data={points}
          style={{ width: '100%', height: HEIGHT }}
          margin={{ top: 10, right: 10, bottom: 0, left: 0 }}
          barGap={1}
          barCategoryGap="20%"
          accessibilityLayer={false}
          aria-hidden
        >
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis
            dataKey="period"
            tickFormatter={shortPeriod}
            tick={tick}
            tickLine={false}
            axisLine={false}
            interval="preserveEnd"
            minTickGap={8}
          />
          <YAxis tickFormatter={formatWholeEuro} tick={tick} tickLine={false} axisLine={false} width="auto" />
          <ReferenceLine y={0} stroke={colors.zero} />
          <Tooltip
            content={MonthTooltip}
            cursor={{ fill: alpha(theme.palette.primary.main, 0.06) }}
            isAnimationActive={false}
          />
          <Bar
            dataKey="dueCents"
            name="Dovuto"
            fill={colors.due.fill}
            stroke={colors.due.stroke}
            maxBarSize={18}
            isAnimationActive={false}
          />
          <Bar
            dataKey="paidCents"
            name="Versato"
            fill={colors.paid.fill}
            maxBarSize={18}
            isAnimationActive={false}
          />
          <Line
            dataKey="balanceCents"
            name="Saldo"
            type="linear"
            stroke={colors.balance.stroke}
            strokeWidth={2.5}
            dot={{ r: 3.5, fill: colors.dotFill, stroke: colors.balance.stroke, strokeWidth: 2 }}
            activeDot={{ r: 5, fill: colors.balance.stroke, stroke: colors.dotFill, strokeWidth: 2 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </Box>
      <Stack direction="row" spacing={2} sx={{ mt: 0.5, flexWrap: 'wrap' }} useFlexGap aria-hidden>
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          <Swatch kind="due" colors={colors} />
          <Typography variant="body2">Dovuto</Typography>
        </Stack>
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          <Swatch kind="paid" colors={colors} />
          <Typography variant="body2">Versato</Typography>
        </Stack>
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          <Swatch kind="balance" colors={colors} />
          <Typography variant="body2">Saldo (debito a fine mese)</Typography>
        </Stack>
      </Stack>
    </Box>
  );
}
