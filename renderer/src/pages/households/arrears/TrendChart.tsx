import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ArrearsHousehold } from '../../../../../shared/contract';
import { RISK_BAND_LABELS } from '../../../../../shared/risk/score';
import { BAND_STYLE } from './chips';
import { formatPeriod, shortPeriod } from './format';
import { labelEvery, niceAxis } from './scale';

type Point = ArrearsHousehold['trend'][number];

const W = 360;
const H = 210;
const LEFT = 34;
const RIGHT = 16;
const TOP = 14;
const BOTTOM = 26;
const PLOT_W = W - LEFT - RIGHT;
const PLOT_H = H - TOP - BOTTOM;
const LINE = '#1d5a73';

/** The risk score month by month (one stored score per month), each point in its band's colour. */
export function TrendChart({ trend }: { trend: readonly Point[] }) {
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
  const axis = niceAxis(0, Math.max(100, ...trend.map((p) => p.score)), TOP, PLOT_H, 4);
  const slot = PLOT_W / trend.length;
  const x = (i: number) => LEFT + slot * i + slot / 2;
  const every = labelEvery(trend.length, 7);
  const path = trend
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${axis.y(p.score).toFixed(1)}`)
    .join(' ');
  const summary =
    'Andamento del punteggio di rischio: ' +
    trend.map((p) => `${formatPeriod(p.month)} ${p.score} (${RISK_BAND_LABELS[p.band]})`).join(', ') +
    '.';

  return (
    <Box
      component="svg"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={summary}
      sx={{ width: '100%', maxWidth: 440, height: 'auto', display: 'block' }}
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
            {tick}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke={LINE} strokeWidth={2} />
      {trend.map((p, i) => {
        const style = BAND_STYLE[p.band];
        return (
          <g key={p.month}>
            <title>{`${formatPeriod(p.month)}: ${p.score} punti, ${RISK_BAND_LABELS[p.band]}`}</title>
            <circle
              cx={x(i)}
              cy={axis.y(p.score)}
              r={5}
              fill={style.bg}
              stroke={style.border}
              strokeWidth={2}
            />
            {i % every === (trend.length - 1) % every && (
              <text x={x(i)} y={H - 8} textAnchor="middle" fontSize={11} fill="#5a6670">
                {shortPeriod(p.month)}
              </text>
            )}
            {i === trend.length - 1 && (
              <text x={x(i)} y={axis.y(p.score) - 9} textAnchor="middle" fontSize={12} fontWeight={700}>
                {p.score}
              </text>
            )}
          </g>
        );
      })}
    </Box>
  );
}
