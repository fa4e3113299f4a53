import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Control } from 'react-hook-form';
import { FormTextField } from '../forms/FormTextField';
import { PasswordFields } from '../forms/PasswordFields';
import type { SetupFormInput } from './setupSchema';

export function AdminStep<O>({ control }: { control: Control<SetupFormInput, unknown, O> }) {
  return (
    <Stack spacing={2}>
      <Typography color="text.secondary">
        Il primo amministratore potrà aggiungere gli altri operatori e scegliere il loro ruolo.
      </Typography>
      <FormTextField
        control={control}
        name="admin.fullName"
        label="Nome e cognome"
        autoComplete="name"
        autoFocus
        required
      />
      <FormTextField
        control={control}
        name="admin.username"
        label="Nome utente"
        helperText="Minuscole senza accenti, cifre, punto o trattino: ad esempio m.rossi."
        autoComplete="username"
        required
      />
      <PasswordFields control={control} passwordName="admin.password" confirmName="admin.passwordConfirm" />
    </Stack>
  );
}
