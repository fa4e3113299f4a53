import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

type Props<T extends FieldValues, O> = Omit<
  TextFieldProps,
  'name' | 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'error' | 'inputRef'
> & {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  /** Store the value as a number (empty or unreadable text becomes NaN, which the schema rejects). */
  numeric?: boolean;
};

/**
 * An MUI text field bound to a react-hook-form field; its error shows as
 * helper text. `required` marks the input for assistive technology but draws
 * no asterisk: nearly every field is required, and the label stays exactly
 * its words (what people and tests look for).
 */
export function FormTextField<T extends FieldValues, O>({
  control,
  name,
  numeric = false,
  helperText,
  ...rest
}: Props<T, O>) {
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  const text =
    typeof value === 'number'
      ? Number.isNaN(value)
        ? ''
        : String(value)
      : typeof value === 'string'
        ? value
        : '';
  return (
    <TextField
      {...rest}
      name={field.name}
      inputRef={field.ref}
      value={text}
      onChange={(event) =>
        field.onChange(numeric ? Number.parseInt(event.target.value, 10) : event.target.value)
      }
      onBlur={field.onBlur}
      error={fieldState.invalid}
      helperText={fieldState.error?.message ?? helperText}
      fullWidth={rest.fullWidth ?? true}
      slotProps={{ ...rest.slotProps, inputLabel: { required: false } }}
    />
  );
}
