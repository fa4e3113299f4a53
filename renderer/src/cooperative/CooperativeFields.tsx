import Stack from '@mui/material/Stack';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import type { Cooperative } from '../../../shared/contract';
import { FormTextField } from '../forms/FormTextField';

interface Props<T extends FieldValues & { cooperative: Cooperative }, O> {
  control: Control<T, unknown, O>;
  autoFocus?: boolean;
}

const path = <T extends FieldValues>(key: keyof Cooperative) => `cooperative.${key}` as FieldPath<T>;

/** The cooperative's name and contacts (they head the letters): in setup and in Impostazioni. */
export function CooperativeFields<T extends FieldValues & { cooperative: Cooperative }, O>({
  control,
  autoFocus = false,
}: Props<T, O>) {
  return (
    <Stack spacing={2}>
      <FormTextField
        control={control}
        name={path<T>('name')}
        label="Nome della cooperativa"
        autoComplete="organization"
        autoFocus={autoFocus}
        required
      />
      <FormTextField
        control={control}
        name={path<T>('address')}
        label="Indirizzo"
        helperText="Via, numero civico, CAP e comune."
        autoComplete="street-address"
        required
      />
      <Stack direction="row" spacing={2}>
        <FormTextField
          control={control}
          name={path<T>('phone')}
          label="Telefono"
          type="tel"
          autoComplete="tel"
          required
        />
        <FormTextField
          control={control}
          name={path<T>('email')}
          label="E-mail"
          type="email"
          autoComplete="email"
          required
        />
      </Stack>
    </Stack>
  );
}
