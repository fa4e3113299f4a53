import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type TooltipContentProps,
} from 'recharts';
import type { ArrearsHousehold } from '../../../../../shared/contract';
import { RISK_BAND_LABELS } from '../../../../../shared/risk/score';
import { BAND_STYLE } from './chips';
import { formatPeriod, monthName, shortPeriod } from './format';

type Point = ArrearsHousehold['trend'][number];

const HEIGHT = 220;
const TICK_FONT = 12;

/** Round ticks from 0 to at least 100 points (a score can pass 100 when several signals add up). */
function scoreTicks(trend: readonly Point[]): number[] {
  const top = Math.max(100, ...trend.map((p) => p.score));
  const step = top > 100 ? 50 : 25;
  const ticks: number[] = [];
  for (let value = 0; value < top + step; value += step) ticks.push(value);
  return ticks;
}

/** The hovered month: score and band, in words. */
function ScoreTooltip({ active, payload }: TooltipContentProps) {
  const point = payload[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <Paper variant="outlined" sx={{ px: 1.5, py: 1, boxShadow: 2 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {monthName(point.month)}
      </Typography>
      <Typography variant="body2">
        {point.score} punti, fascia {RISK_BAND_LABELS[point.band]}
      </Typography>
    </Paper>
  );
}

/** Each month's point in its band's colour; the latest score written above its point. */
function bandDot(textColor: string) {
  return function BandDot({ cx, cy, index, payload, points }: DotItemDotProps) {
    const point = payload as Point;
    if (cx === undefined || cy === undefined) return null;
    const style = BAND_STYLE[point.band];
    return (
      <g key={point.month}>
        <circle cx={cx} cy={cy} r={5} fill={style.bg} stroke={style.border} strokeWidth={2} />
        {index === points.length - 1 && (
          <text x={cx} y={cy - 10} textAnchor="middle" fontSize={13} fontWeight={700} fill={textColor}>
            {point.score}
          </text>
        )}
      </g>
    );
  };
}

/** The risk score month by month (one stored score per month), each point in its band's colour. */
export function TrendChart({ trend }: { trend: readonly Point[] }) {
  const theme = useTheme();
  const last = trend[trend.length - 1];
  if (trend.length < 2 || !last) {
    return (
      <Typography variant="body2" color="text.secondary">
        {last
          ? `Per ora c’è solo il punteggio di ${formatPeriod(last.month)} (${last.score}, ${RISK_BAND_LABELS[last.band]}). `
          : ''}
        Il punteggio viene registrato ogni mese: l’andamento comparirà dal mese prossimo.
      </Typography>
    );
  }
  const ticks = scoreTicks(trend);
  const summary =
    'Andamento del punteggio di rischio: ' +
    trend.map((p) => `${formatPeriod(p.month)} ${p.score} (${RISK_BAND_LABELS[p.band]})`).join(', ') +
    '.';
  const tick = { fontSize: TICK_FONT, fill: theme.palette.text.secondary };

  return (
    // The chart is a picture for screen readers: the summary lists every month's score.
    <Box role="img" aria-label={summary} sx={{ width: '100%', maxWidth: 440, minWidth: 240 }}>
      <LineChart
        responsive
        data={trend}
        style={{ width: '100%', height: HEIGHT }}
        margin={{ top: 20, right: 16, bottom: 0, left: 0 }}
        accessibilityLayer={false}
        aria-hidden
      >
        <CartesianGrid vertical={false} stroke={theme.palette.divider} />
        <XAxis
          dataKey="month"
          tickFormatter={shortPeriod}
          tick={tick}
          tickLine={false}
          axisLine={{ stroke: theme.palette.grey[500] }}
          interval="preserveEnd"
          minTickGap={8}
          padding={{ left: 12, right: 12 }}
        />
        <YAxis
          domain={[0, ticks[ticks.length - 1] ?? 100]}
          ticks={ticks}
          tick={tick}
          tickLine={false}
          axisLine={false}
          width={36}
        />
        <Tooltip
          content={ScoreTooltip}
          cursor={{ stroke: theme.palette.grey[400] }}
          isAnimationActive={false}
        />
        <Line
          dataKey="score"
          name="Punteggio"
          type="linear"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={bandDot(theme.palette.text.primary)}
          activeDot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </Box>
  );
}
