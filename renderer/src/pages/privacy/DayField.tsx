import { DesktopDatePicker } from '@mui/x-date-pickers/DesktopDatePicker';
import dayjs from 'dayjs';

/** A date typed as gg/mm/aaaa, held as `YYYY-MM-DD` or null (empty or not yet a date). */
export function DayField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | undefined;
}) {
  return (
    <DesktopDatePicker
      label={label}
      format="DD/MM/YYYY"
      value={value ? dayjs(value) : null}
      onChange={(day) => onChange(day?.isValid() ? day.format('YYYY-MM-DD') : null)}
      slotProps={{
        textField: { size: 'small', error: Boolean(error), helperText: error, sx: { minWidth: 170 } },
        field: { clearable: true },
      }}
    />
  );
}
