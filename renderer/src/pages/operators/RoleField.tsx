import MenuItem from '@mui/material/MenuItem';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { ROLES } from '../../../../shared/contract';
import { ROLE_LABELS } from '../../../../shared/format';
import { FormTextField } from '../../forms/FormTextField';

interface Props<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  name: Path<T>;
  disabled?: boolean;
  helperText?: string;
}

export function RoleField<T extends FieldValues, O>({ control, name, disabled, helperText }: Props<T, O>) {
  return (
    <FormTextField
      control={control}
      name={name}
      label="Ruolo"
      select
      required
      disabled={disabled}
      helperText={helperText}
    >
      {ROLES.map((role) => (
        <MenuItem key={role} value={role}>
          {ROLE_LABELS[role]}
        </MenuItem>
      ))}
    </FormTextField>
  );
}
