import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { backupSettingsInput, type BackupSettings } from '../../../../../shared/contract';
import { useApiMutation } from '../../../api';
import { useNotify } from '../../../feedback/NotifyContext';
import { FormMessage } from '../../../forms/FormMessage';
import { FormTextField } from '../../../forms/FormTextField';
import { useServerErrors } from '../../../forms/useServerErrors';

const formSchema = backupSettingsInput.extend({ folder: z.string().max(1000) });
type FormValues = z.infer<typeof formSchema>;

/** The folder for new backups and how many to keep. */
export function BackupSettingsForm({ initial }: { initial: BackupSettings }) {
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      folder: initial.folder ?? '',
      keepDaily: initial.keepDaily,
      keepWeekly: initial.keepWeekly,
      keepMonthly: initial.keepMonthly,
    },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const update = useApiMutation('backup.updateSettings', ['backup.settings', 'backup.list']);

  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    errors.clear();
    const result = await update.run({ ...values, folder: values.folder.trim() || null });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    form.reset({ ...result.value, folder: result.value.folder ?? '' });
    notify('Impostazioni dei backup salvate');
  });

  const number = { type: 'number', numeric: true, sx: { maxWidth: 200 }, required: true } as const;
  return (
    <form onSubmit={submit} noValidate aria-label="Impostazioni dei backup">
      <Typography variant="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>
        Cartella e rotazione
      </Typography>
      <FormMessage message={errors.message} />
      <Stack spacing={2}>
        <FormTextField
          control={form.control}
          name="folder"
          label="Cartella dei backup"
          helperText={`Vuota: ${initial.defaultFolder}. Può essere un disco USB o una cartella di rete.`}
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <FormTextField control={form.control} name="keepDaily" label="Giornalieri da tenere" {...number} />
          <FormTextField control={form.control} name="keepWeekly" label="Settimanali da tenere" {...number} />
          <FormTextField control={form.control} name="keepMonthly" label="Mensili da tenere" {...number} />
        </Stack>
        <Typography variant="body2" color="text.secondary">
          Si tiene il backup più recente di ciascuno degli ultimi giorni, settimane e mesi indicati; il backup
          più recente non viene mai cancellato.
        </Typography>
        <div>
          <Button type="submit" variant="outlined" disabled={update.isPending}>
            Salva le impostazioni dei backup
          </Button>
        </div>
      </Stack>
    </form>
  );
}
