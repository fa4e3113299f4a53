import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useLatched } from '../../forms/useLatched';
import { PageBreadcrumbs } from '../buildings/PageBreadcrumbs';
import { SETTINGS_FORM_ID, SettingsForm } from './risk/SettingsForm';

/** "Punteggio di rischio": the weights of the signals, the bands, the tolerances (coordinators). */
export function RiskSettingsPage() {
  const query = useApiQuery('risk.settings', {});
  // The form starts from the first answer and keeps what is typed when the settings are read again.
  const initial = useLatched(query.value);
  const stored = query.value ?? initial;

  return (
    <>
      <PageBreadcrumbs crumbs={[{ label: 'Morosità', to: '/morosita' }, { label: 'Punteggio di rischio' }]} />
      <PageHeader
        title="Punteggio di rischio"
        action={
          initial && (
            <Button type="submit" form={SETTINGS_FORM_ID} variant="contained">
              Salva
            </Button>
          )
        }
      />
      <Typography color="text.secondary" sx={{ mt: -1.5, mb: 2, maxWidth: 900 }}>
        Il punteggio di un nucleo in morosità è la somma dei punti dei segnali qui sotto; la fascia dipende
        dal totale. Ogni valore è un numero intero. Salvando, il punteggio di tutti i nuclei viene ricalcolato
        subito e la modifica resta nelle «Ultime modifiche».
      </Typography>
      {query.error && (
        <Box sx={{ mb: 2 }}>
          <ErrorNotice error={query.error} onRetry={query.refetch} />
        </Box>
      )}
      {initial && stored ? (
        <SettingsForm initial={initial} stored={stored} />
      ) : (
        !query.error && <Loading label="Caricamento delle impostazioni" />
      )}
    </>
  );
}
