import { DesktopDateTimePicker } from '@mui/x-date-pickers/DesktopDateTimePicker';
import type { Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { INCOMPLETE_DATE, toDay } from './FormDateField';

const STORED = 'YYYY-MM-DDTHH:mm';

interface Props<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  label: string;
  helperText?: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  fullWidth?: boolean;
}

/** The current local time as `YYYY-MM-DDTHH:MM`, the default of "Data e ora". */
export function nowLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/**
 * A date and time bound to a react-hook-form field: typed as
 * `gg/mm/aaaa hh:mm`, stored as `YYYY-MM-DDTHH:MM` (local time), or null.
 */
export function FormDateTimeField<T extends FieldValues, O>({
  control,
  name,
  label,
  helperText,
  required,
  disabled,
  autoFocus,
  fullWidth = true,
}: Props<T, O>) {
  const { field, fieldState } = useController({ control, name });
  const shown = useRef<{ stored: unknown; day: Dayjs | null }>({ stored: undefined, day: null });
  const stored: unknown = field.value;
  if (shown.current.stored !== stored) shown.current = { stored, day: toDay(stored) };

  return (
    <DesktopDateTimePicker
      label={label}
      format="DD/MM/YYYY HH:mm"
      ampm={false}
      value={shown.current.day}
      disabled={disabled}
      autoFocus={autoFocus}
      enableAccessibleFieldDOMStructure={false}
      onChange={(day) => {
        const next = day === null ? null : day.isValid() ? day.format(STORED) : INCOMPLETE_DATE;
        shown.current = { stored: next, day };
        field.onChange(next);
      }}
      inputRef={field.ref}
      slotProps={{
        textField: {
          name: field.name,
          onBlur: field.onBlur,
          error: fieldState.invalid,
          helperText: fieldState.error?.message ?? helperText,
          required,
          fullWidth,
          slotProps: { inputLabel: { required: false } },
        },
        openPickerButton: { 'aria-label': `Scegli ${label.toLowerCase()} dal calendario` },
      }}
    />
  );
}
