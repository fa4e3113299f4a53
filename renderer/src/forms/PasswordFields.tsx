import Stack from '@mui/material/Stack';
import { useWatch, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { FormTextField } from './FormTextField';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

interface Props<T extends FieldValues, O> {
  control: Control<T, unknown, O>;
  passwordName: FieldPath<T>;
  confirmName: FieldPath<T>;
  passwordLabel?: string;
  confirmLabel?: string;
  autoFocus?: boolean;
}

/** A new password, its strength, and its confirmation: used wherever a password is chosen. */
export function PasswordFields<T extends FieldValues, O>({
  control,
  passwordName,
  confirmName,
  passwordLabel = 'Password',
  confirmLabel = 'Conferma password',
  autoFocus = false,
}: Props<T, O>) {
  const password: unknown = useWatch({ control, name: passwordName });
  return (
    <Stack spacing={2}>
      <div>
        <FormTextField
          control={control}
          name={passwordName}
          label={passwordLabel}
          type="password"
          autoComplete="new-password"
          autoFocus={autoFocus}
          required
        />
        <PasswordStrengthMeter password={typeof password === 'string' ? password : ''} />
      </div>
      <FormTextField
        control={control}
        name={confirmName}
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
        required
      />
    </Stack>
  );
}
