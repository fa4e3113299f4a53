import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export interface SelectOption<V extends string | number = string | number> {
  value: V;
  label: string;
  /** Shown but not choosable (a list value no longer in use, kept on an old record). */
  disabled?: boolean;
}

interface CommonProps<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  label: string;
  options: readonly SelectOption[];
  helperText?: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  fullWidth?: boolean;
}

type Props<T extends FieldValues, O> = CommonProps<T, O> & {
  /** When set, an empty first choice with this text stores null. */
  emptyLabel?: string;
};

const EMPTY = '';

/** One choice from a list, bound to a react-hook-form field (a string, a number, or null). */
export function FormSelect<T extends FieldValues, O>({
  control,
  name,
  label,
  options,
  helperText,
  required,
  disabled,
  autoFocus,
  fullWidth = true,
  emptyLabel,
}: Props<T, O>) {
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  const known = options.some((option) => option.value === value);
  return (
    <TextField
      select
      label={label}
      name={field.name}
      inputRef={field.ref}
      value={known ? value : EMPTY}
      onChange={(event) => {
        const raw: unknown = event.target.value;
        const chosen = options.find((option) => String(option.value) === String(raw));
        field.onChange(chosen ? chosen.value : null);
      }}
      onBlur={field.onBlur}
      error={fieldState.invalid}
      helperText={fieldState.error?.message ?? helperText}
      required={required}
      disabled={disabled}
      autoFocus={autoFocus}
      fullWidth={fullWidth}
      slotProps={{ inputLabel: { required: false } }}
    >
      {emptyLabel !== undefined && (
        <MenuItem value={EMPTY}>
          <em>{emptyLabel}</em>
        </MenuItem>
      )}
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Several ids from a list, shown as chips, bound to a react-hook-form field holding an array. */
export function FormMultiSelect<T extends FieldValues, O>({
  control,
  name,
  label,
  options,
  helperText,
  required,
  disabled,
  autoFocus,
  fullWidth = true,
}: CommonProps<T, O>) {
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  const selected = Array.isArray(value) ? (value as unknown[]) : [];
  const labelOf = (item: unknown) => options.find((option) => option.value === item)?.label ?? String(item);
  return (
    <TextField
      select
      label={label}
      name={field.name}
      inputRef={field.ref}
      value={selected}
      onChange={(event) => {
        const raw: unknown = event.target.value;
        const list = Array.isArray(raw) ? raw : String(raw).split(',');
        field.onChange(
          list
            .map((item) => options.find((option) => String(option.value) === String(item))?.value)
            .filter((item) => item !== undefined),
        );
      }}
      onBlur={field.onBlur}
      error={fieldState.invalid}
      helperText={fieldState.error?.message ?? helperText}
      required={required}
      disabled={disabled}
      autoFocus={autoFocus}
      fullWidth={fullWidth}
      slotProps={{
        inputLabel: { required: false },
        select: {
          multiple: true,
          renderValue: () => (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
              {selected.map((item) => (
                <Chip key={String(item)} size="small" label={labelOf(item)} />
              ))}
            </Box>
          ),
        },
      }}
    >
      {options.map((option) => (
        <MenuItem
          key={option.value}
          value={option.value}
          disabled={option.disabled && !selected.includes(option.value)}
        >
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
