import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import { useId } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

interface Props<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  label: string;
  /** A line under the box saying what ticking it means. */
  helperText?: string;
  disabled?: boolean;
}

/** A checkbox bound to a boolean react-hook-form field. */
export function CheckboxField<T extends FieldValues, O>({
  control,
  name,
  label,
  helperText,
  disabled,
}: Props<T, O>) {
  const { field } = useController({ control, name });
  const helpId = useId();
  return (
    <div>
      <FormControlLabel
        label={label}
        disabled={disabled}
        control={
          <Checkbox
            name={field.name}
            checked={field.value === true}
            onChange={(event) => field.onChange(event.target.checked)}
            onBlur={field.onBlur}
            slotProps={{
              input: { ref: field.ref, ...(helperText ? { 'aria-describedby': helpId } : {}) },
            }}
          />
        }
      />
      {helperText && (
        <FormHelperText id={helpId} sx={{ mt: -0.5, ml: 4 }}>
          {helperText}
        </FormHelperText>
      )}
    </div>
  );
}
