import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import {
  useWatch,
  type Control,
  type FieldValues,
  type Path,
  type PathValue,
  type UseFormSetValue,
} from 'react-hook-form';
import { FormTextField } from '../../forms/FormTextField';
import { PasswordStrengthMeter } from '../../forms/PasswordStrengthMeter';
import { generatePassword } from './generatePassword';

interface Props<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  setValue: UseFormSetValue<T>;
  name: Path<T>;
}

/**
 * A temporary password, shown in clear so the administrator can hand it over;
 * "Genera" fills in a random one. The operator must change it at first sign-in.
 */
export function TemporaryPasswordField<T extends FieldValues, O>({ control, setValue, name }: Props<T, O>) {
  const value: unknown = useWatch({ control, name });
  const generate = () =>
    setValue(name, generatePassword() as PathValue<T, Path<T>>, { shouldValidate: true, shouldDirty: true });
  return (
    <div>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <FormTextField
          control={control}
          name={name}
          label="Password temporanea"
          autoComplete="off"
          spellCheck={false}
          helperText="Da comunicare all’operatore: dovrà cambiarla al primo accesso."
          sx={{ '& input': { fontFamily: 'monospace' } }}
          required
        />
        <Button type="button" variant="outlined" onClick={generate} sx={{ flexShrink: 0, height: 40 }}>
          Genera
        </Button>
      </Stack>
      <PasswordStrengthMeter password={typeof value === 'string' ? value : ''} />
    </div>
  );
}
