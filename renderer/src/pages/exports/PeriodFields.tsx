import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { DesktopDatePicker } from '@mui/x-date-pickers/DesktopDatePicker';
import dayjs from 'dayjs';
import type { CallInput } from '../../../../shared/contract';
import { MONTH_NAMES } from '../../../../shared/exports/period';

export type PeriodInput = CallInput<'exports.preview'>['period'];
export type PeriodKind = PeriodInput['kind'];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  mese: 'Mese',
  trimestre: 'Trimestre',
  anno: 'Anno',
  personalizzato: 'Date a scelta',
};

/** What the period fields hold; turned into the call's period by `periodOf`. */
export interface PeriodState {
  kind: PeriodKind;
  year: number;
  month: number;
  quarter: 1 | 2 | 3 | 4;
  from: string | null;
  to: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last complete quarter: what the Comune usually asks for. */
export function initialPeriod(today = new Date()): PeriodState {
  const quarterNow = Math.floor(today.getMonth() / 3) + 1;
  const quarter = (quarterNow === 1 ? 4 : quarterNow - 1) as 1 | 2 | 3 | 4;
  const year = quarterNow === 1 ? today.getFullYear() - 1 : today.getFullYear();
  return { kind: 'trimestre', year, month: today.getMonth() + 1, quarter, from: null, to: null };
}

export function periodOf(state: PeriodState): PeriodInput | null {
  switch (state.kind) {
    case 'mese':
      return { kind: 'mese', month: `${state.year}-${pad(state.month)}` };
    case 'trimestre':
      return { kind: 'trimestre', year: state.year, quarter: state.quarter };
    case 'anno':
      return { kind: 'anno', year: state.year };
    case 'personalizzato':
      return state.from && state.to ? { kind: 'personalizzato', from: state.from, to: state.to } : null;
  }
}

function DayField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  return (
    <DesktopDatePicker
      label={label}
      format="DD/MM/YYYY"
      value={value ? dayjs(value) : null}
      enableAccessibleFieldDOMStructure={false}
      onChange={(day) => onChange(day?.isValid() ? day.format('YYYY-MM-DD') : null)}
      slotProps={{
        textField: { size: 'small' },
        openPickerButton: { 'aria-label': `Scegli ${label.toLowerCase()} dal calendario` },
      }}
    />
  );
}

/** Kind of period, then the fields of that kind. */
export function PeriodFields({
  value,
  onChange,
}: {
  value: PeriodState;
  onChange: (next: PeriodState) => void;
}) {
  const set = (patch: Partial<PeriodState>) => onChange({ ...value, ...patch });
  const yearField = (
    <TextField
      label="Anno"
      type="number"
      size="small"
      value={value.year}
      onChange={(e) => set({ year: Number(e.target.value) })}
      slotProps={{ htmlInput: { min: 2000, max: 2100 } }}
      sx={{ width: 110 }}
    />
  );
  return (
    <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center', rowGap: 2 }}>
      <TextField
        select
        label="Periodo"
        size="small"
        value={value.kind}
        onChange={(e) => set({ kind: e.target.value as PeriodKind })}
        sx={{ minWidth: 160 }}
      >
        {(Object.keys(PERIOD_KIND_LABELS) as PeriodKind[]).map((kind) => (
          <MenuItem key={kind} value={kind}>
            {PERIOD_KIND_LABELS[kind]}
          </MenuItem>
        ))}
      </TextField>
      {value.kind === 'mese' && (
        <>
          <TextField
            select
            label="Mese"
            size="small"
            value={value.month}
            onChange={(e) => set({ month: Number(e.target.value) })}
            sx={{ minWidth: 140 }}
          >
            {MONTH_NAMES.map((name, i) => (
              <MenuItem key={name} value={i + 1}>
                {name}
              </MenuItem>
            ))}
          </TextField>
          {yearField}
        </>
      )}
      {value.kind === 'trimestre' && (
        <>
          <TextField
            select
            label="Trimestre"
            size="small"
            value={value.quarter}
            onChange={(e) => set({ quarter: Number(e.target.value) as 1 | 2 | 3 | 4 })}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value={1}>1º (gennaio–marzo)</MenuItem>
            <MenuItem value={2}>2º (aprile–giugno)</MenuItem>
            <MenuItem value={3}>3º (luglio–settembre)</MenuItem>
            <MenuItem value={4}>4º (ottobre–dicembre)</MenuItem>
          </TextField>
          {yearField}
        </>
      )}
      {value.kind === 'anno' && yearField}
      {value.kind === 'personalizzato' && (
        <>
          <DayField label="Dal giorno" value={value.from} onChange={(from) => set({ from })} />
          <DayField label="Al giorno" value={value.to} onChange={(to) => set({ to })} />
        </>
      )}
    </Stack>
  );
}
