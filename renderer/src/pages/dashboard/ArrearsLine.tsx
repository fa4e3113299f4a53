import { useTheme } from '@mui/material/styles';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../../../shared/format';
import { monthOfLabel, shortMonth } from './filters';

interface Props {
  /** One point per month; `euro` null where no statement came in (a gap, not zero). */
  data: readonly { month: string; euro: number | null }[];
  height: number;
  /** The label of a tick on the euro axis. */
  euroTick: (euro: number) => string;
  axisWidth: number;
  minTickGap: number;
  marginTop: number;
}

/** The arrears line of the dashboards (overview and building), months without data left as gaps. */
export function ArrearsLine({ data, height, euroTick, axisWidth, minTickGap, marginTop }: Props) {
  const theme = useTheme();
  const tick = { fontSize: 12, fill: theme.palette.text.secondary };
  return (
    <LineChart
      responsive
      data={data}
      style={{ width: '100%', height }}
      margin={{ top: marginTop, right: 16, bottom: 0, left: 8 }}
      accessibilityLayer={false}
      aria-hidden
    >
      <CartesianGrid vertical={false} stroke={theme.palette.divider} />
      <XAxis
        dataKey="month"
        tickFormatter={shortMonth}
        tick={tick}
        tickLine={false}
        minTickGap={minTickGap}
      />
      <YAxis tick={tick} tickLine={false} axisLine={false} width={axisWidth} tickFormatter={euroTick} />
      <Tooltip
        isAnimationActive={false}
        labelFormatter={monthOfLabel}
        formatter={(v) => [
          typeof v === 'number' ? formatMoney(Math.round(v * 100)) : 'nessun estratto',
          'Morosità',
        ]}
      />
      <Line
        dataKey="euro"
        type="linear"
        stroke={theme.palette.primary.main}
        strokeWidth={2}
        connectNulls={false}
        dot={{ r: 3 }}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
