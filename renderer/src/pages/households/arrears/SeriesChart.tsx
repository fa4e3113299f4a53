import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ArrearsHousehold } from '../../../../../shared/contract';
import { formatMoney } from '../../../../../shared/format';
import { formatPeriod, formatWholeEuro, shortPeriod } from './format';
import { labelEvery, niceAxis } from './scale';

type Point = ArrearsHousehold['series'][number];

/** Months the chart shows at most; the table below it holds every month. */
export const CHART_MONTHS = 24;

const W = 600;
const H = 210;
const LEFT = 70;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 26;
const PLOT_W = W - LEFT - RIGHT;
const PLOT_H = H - TOP - BOTTOM;

export const SERIES_COLORS = {
  due: { fill: '#d5e0e8', stroke: '#5f7d91' },
  paid: { fill: '#2e6b32', stroke: '#2e6b32' },
  balance: { stroke: '#b3261e' },
};

function Swatch({ kind }: { kind: 'due' | 'paid' | 'balance' }) {
  if (kind === 'balance') {
    return (
      <Box component="svg" width={22} height={12} aria-hidden sx={{ flexShrink: 0 }}>
        <line x1={1} y1={6} x2={21} y2={6} stroke={SERIES_COLORS.balance.stroke} strokeWidth={2.5} />
        <circle cx={11} cy={6} r={3} fill="#fff" stroke={SERIES_COLORS.balance.stroke} strokeWidth={2} />
      </Box>
    );
  }
  const color = SERIES_COLORS[kind];
  return (
    <Box component="svg" width={12} height={12} aria-hidden sx={{ flexShrink: 0 }}>
      <rect x={0.5} y={0.5} width={11} height={11} fill={color.fill} stroke={color.stroke} />
    </Box>
  );
}

/** Due and paid per month as bars, the balance as a line; the last CHART_MONTHS months. */
export function SeriesChart({ series }: { series: readonly Point[] }) {
  const points = series.slice(-CHART_MONTHS);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const values = points.flatMap((p) => [p.dueCents, p.paidCents, p.balanceCents]);
  const axis = niceAxis(Math.min(...values), Math.max(...values), TOP, PLOT_H);
  const slot = PLOT_W / points.length;
  const bar = Math.min(18, slot * 0.32);
  const every = labelEvery(points.length, 12);
  const x = (i: number) => LEFT + slot * i + slot / 2;
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${axis.y(p.balanceCents).toFixed(1)}`)
    .join(' ');
  const zero = axis.y(0);
  const summary =
    `Grafico di dovuto, versato e saldo per mese, da ${formatPeriod(first.period)} a ${formatPeriod(last.period)}. ` +
    `Saldo di ${formatPeriod(last.period)}: ${formatMoney(last.balanceCents)}. I valori sono nella tabella dei mesi.`;

  return (
    <Box>
      <Box
        component="svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        sx={{ width: '100%', maxWidth: 720, height: 'auto', display: 'block' }}
      >
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={LEFT}
              x2={W - RIGHT}
              y1={axis.y(tick)}
              y2={axis.y(tick)}
              stroke={tick === 0 ? '#8a969f' : '#e3e7ea'}
            />
            <text x={LEFT - 6} y={axis.y(tick) + 4} textAnchor="end" fontSize={11} fill="#5a6670">
              {formatWholeEuro(tick)}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <g key={p.period}>
            <title>
              {`${formatPeriod(p.period)}: dovuto ${formatMoney(p.dueCents)}, versato ${formatMoney(p.paidCents)}, saldo ${formatMoney(p.balanceCents)}`}
            </title>
            <rect x={LEFT + slot * i} y={TOP} width={slot} height={PLOT_H} fill="transparent" />
            <rect
              x={x(i) - bar - 1}
              y={Math.min(axis.y(p.dueCents), zero)}
              width={bar}
              height={Math.abs(zero - axis.y(p.dueCents))}
              fill={SERIES_COLORS.due.fill}
              stroke={SERIES_COLORS.due.stroke}
            />
            <rect
              x={x(i) + 1}
              y={Math.min(axis.y(p.paidCents), zero)}
              width={bar}
              height={Math.abs(zero - axis.y(p.paidCents))}
              fill={SERIES_COLORS.paid.fill}
            />
            {i % every === (points.length - 1) % every && (
              <text x={x(i)} y={H - 8} textAnchor="middle" fontSize={11} fill="#5a6670">
                {shortPeriod(p.period)}
              </text>
            )}
          </g>
        ))}
        <path d={line} fill="none" stroke={SERIES_COLORS.balance.stroke} strokeWidth={2.5} />
        {points.map((p, i) => (
          <circle
            key={p.period}
            cx={x(i)}
            cy={axis.y(p.balanceCents)}
            r={3.5}
            fill="#fff"
            stroke={SERIES_COLORS.balance.stroke}
            strokeWidth={2}
            pointerEvents="none"
          />
        ))}
      </Box>
      <Stack direction="row" spacing={2} sx={{ mt: 0.5, flexWrap: 'wrap' }} useFlexGap aria-hidden>
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          <Swatch kind="due" />
          <Typography variant="body2">Dovuto</Typography>
        </Stack>
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          <Swatch kind="paid" />
          <Typography variant="body2">Versato</Typography>
        </Stack>
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          <Swatch kind="balance" />
          <Typography variant="body2">Saldo (debito a fine mese)</Typography>
        </Stack>
      </Stack>
    </Box>
  );
}
