import { zodResolver } from '@hookform/resolvers/zod';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { cooperativeSchema, settingsSchema, type CallOutput } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { CooperativeFields } from '../../cooperative/CooperativeFields';
import { useNotify } from '../../feedback/NotifyContext';
import { FormMessage } from '../../forms/FormMessage';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';

const settingsFormSchema = z.object({ cooperative: cooperativeSchema, settings: settingsSchema });

export const SETTINGS_FORM_ID = 'settings-form';

/** The form; its "Salva" button sits in the page header (form={SETTINGS_FORM_ID}). */
export function SettingsForm({ initial }: { initial: CallOutput<'settings.get'> }) {
  const form = useForm({ resolver: zodResolver(settingsFormSchema), defaultValues: initial });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const update = useApiMutation('settings.update', ['settings.get', 'app.status']);

  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    errors.clear();
    const result = await update.run(values);
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    form.reset(result.value);
    notify('Impostazioni salvate');
  });

  return (
    <form id={SETTINGS_FORM_ID} onSubmit={submit} noValidate aria-label="Impostazioni">
      <FormMessage message={errors.message} />
      <Stack spacing={3} sx={{ maxWidth: 720 }}>
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="h2" sx={{ mb: 0.5 }}>
            Cooperativa
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Nome e recapiti compaiono nell’intestazione delle lettere.
          </Typography>
          <CooperativeFields control={form.control} />
        </Paper>
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="h2" sx={{ mb: 2 }}>
            Sicurezza
          </Typography>
          <FormTextField
            control={form.control}
            name="settings.autoLockMinutes"
            label="Blocco automatico dopo (minuti)"
            helperText="Senza attività per questo tempo, Cortile si blocca e chiede di nuovo la password."
            type="number"
            numeric
            slotProps={{ htmlInput: { min: 1, max: 240, step: 1 } }}
            sx={{ maxWidth: 320 }}
            required
          />
        </Paper>
      </Stack>
    </form>
  );
}
