import { DesktopDatePicker } from '@mui/x-date-pickers/DesktopDatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export const DATE_FORMAT = 'DD/MM/YYYY';
const STORED = 'YYYY-MM-DD';

/** What the form holds while the typed text is not yet a date: the schema rejects it at the field. */
export const INCOMPLETE_DATE = 'incompleta';

interface Props<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  label: string;
  helperText?: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Earliest and latest dates offered by the calendar (`YYYY-MM-DD`). */
  minDate?: string;
  maxDate?: string;
  fullWidth?: boolean;
}

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` → a day for the picker (null when empty). */
export function toDay(stored: unknown): Dayjs | null {
  if (typeof stored !== 'string' || stored === '') return null;
  return dayjs(stored);
}

/**
 * A date bound to a react-hook-form field: typed as `gg/mm/aaaa` (or picked
 * from the calendar), stored as `YYYY-MM-DD`, or null when empty. Text that
 * is not yet a date is stored as a marker the schema refuses, so the message
 * shows at the field and the typed text stays.
 */
export function FormDateField<T extends FieldValues, O>({
  control,
  name,
  label,
  helperText,
  required,
  disabled,
  autoFocus,
  minDate,
  maxDate,
  fullWidth = true,
}: Props<T, O>) {
  const { field, fieldState } = useController({ control, name });
  // The picker's own value while typing: a half-typed date must not be replaced from the form.
  const shown = useRef<{ stored: unknown; day: Dayjs | null }>({ stored: undefined, day: null });
  const stored: unknown = field.value;
  if (shown.current.stored !== stored) shown.current = { stored, day: toDay(stored) };

  return (
    <DesktopDatePicker
      label={label}
      format={DATE_FORMAT}
      value={shown.current.day}
      disabled={disabled}
      autoFocus={autoFocus}
      enableAccessibleFieldDOMStructure={false}
      minDate={minDate ? dayjs(minDate) : undefined}
      maxDate={maxDate ? dayjs(maxDate) : undefined}
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
