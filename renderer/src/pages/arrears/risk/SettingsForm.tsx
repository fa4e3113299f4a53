import RestoreIcon from '@mui/icons-material/RestoreOutlined';
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ApiError, CallOutput } from '../../../../../shared/contract';
import { formatDateTime } from '../../../../../shared/format';
import { useApiMutation } from '../../../api';
import { useNotify } from '../../../feedback/NotifyContext';
import { FormMessage } from '../../../forms/FormMessage';
import { useServerErrors } from '../../../forms/useServerErrors';
import { PageSection } from '../../households/PageSection';
import { LeaveGuard } from '../../households/LeaveGuard';
import { SettingsGroupRow } from './SettingsFields';
import { SettingsHistory } from './SettingsHistory';
import {
  BAND_GROUP,
  OTHER_GROUPS,
  SIGNAL_GROUPS,
  settingsFormSchema,
  toFormValues,
  type SettingsFormInput,
  type SettingsFormOutput,
} from './settingsForm';

export const SETTINGS_FORM_ID = 'risk-settings-form';

type Stored = CallOutput<'risk.settings'>;

const CONFLICT =
  'Nel frattempo qualcun altro ha modificato queste impostazioni (le sue modifiche sono in «Ultime modifiche»). ' +
  'I valori scritti qui sono rimasti: controllarli e salvare di nuovo per applicarli.';

/** The server names fields from the call's input (`settings.risk…`); the form has no `settings.`. */
function withFormPaths(error: ApiError): ApiError {
  if (error.kind === 'conflict') return { ...error, message: CONFLICT };
  if (!error.fields) return error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([path, message]) => [path.replace(/^settings\./, ''), message]),
  );
  return { ...error, fields };
}

/**
 * Weights, thresholds and tolerances. `stored` is the live answer of risk.settings: the form
 * keeps what is typed when it is read again, and saves against its latest version.
 */
export function SettingsForm({ initial, stored }: { initial: Stored; stored: Stored }) {
  const form = useForm<SettingsFormInput, unknown, SettingsFormOutput>({
    resolver: zodResolver(settingsFormSchema),
    defaultValues: toFormValues(initial.settings),
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const [invalid, setInvalid] = useState(false);
  const [restored, setRestored] = useState(false);
  const save = useApiMutation('risk.updateSettings', ['risk.settings', 'risk.worklist', 'arrears.household']);
  const dirty = form.formState.isDirty;

  const submit = form.handleSubmit(
    async (settings) => {
      setInvalid(false);
      errors.clear();
      const result = await save.run({ settings, expectedUpdatedAt: stored.updatedAt });
      if (!result.ok) {
        errors.show(withFormPaths(result.error));
        return;
      }
      form.reset(toFormValues(result.value.settings));
      setRestored(false);
      notify('Impostazioni salvate: i punteggi di tutti i nuclei sono stati ricalcolati');
    },
    () => setInvalid(true),
  );

  const restoreDefaults = () => {
    form.reset(toFormValues(stored.defaults), { keepDefaultValues: true });
    setRestored(true);
  };

  return (
    <Box
      component="form"
      id={SETTINGS_FORM_ID}
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label="Impostazioni del punteggio di rischio"
    >
      <FormMessage message={errors.message} />
      {invalid && Object.keys(form.formState.errors).length > 0 && (
        <Alert severity="error" sx={{ mb: 2 }}>
          Alcuni valori non vanno bene: correggere i campi segnalati in rosso, poi salvare.
        </Alert>
      )}
      {restored && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Sono stati inseriti i valori predefiniti: «Salva» per applicarli, oppure lasciare la pagina per
          tenere quelli attuali.
        </Alert>
      )}
      <PageSection title="Pesi dei segnali" subtitle="0 punti spegne un segnale">
        {SIGNAL_GROUPS.map((group) => (
          <SettingsGroupRow key={group.key} group={group} control={form.control} />
        ))}
      </PageSection>
      <PageSection title="Fasce di rischio">
        <SettingsGroupRow group={BAND_GROUP} control={form.control} />
      </PageSection>
      <PageSection title="Piani, lista «Da contattare» e ISEE">
        {OTHER_GROUPS.map((group) => (
          <SettingsGroupRow key={group.key} group={group} control={form.control} />
        ))}
      </PageSection>
      <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'flex-end', mb: 3 }}>
        <Button startIcon={<RestoreIcon />} onClick={restoreDefaults} disabled={save.isPending}>
          Ripristina i valori predefiniti
        </Button>
        <Button type="submit" variant="contained" disabled={save.isPending}>
          Salva
        </Button>
      </Stack>
      <PageSection
        title="Ultime modifiche"
        subtitle={
          stored.updatedAt
            ? `ultima il ${formatDateTime(stored.updatedAt)}${stored.updatedBy ? `, di ${stored.updatedBy}` : ''}`
            : 'in uso i valori predefiniti'
        }
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Ogni modifica resta qui e nel registro accessi, con i valori prima e dopo.
        </Typography>
        <SettingsHistory history={stored.history} />
      </PageSection>
      <LeaveGuard
        shouldBlock={() => dirty}
        message="Le modifiche ai pesi e alle soglie non sono ancora salvate: uscendo si perdono."
      />
    </Box>
  );
}
