import Button from '@mui/material/Button';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useLatched } from '../../forms/useLatched';
import { SETTINGS_FORM_ID, SettingsForm } from './SettingsForm';

export function SettingsPage() {
  const settings = useApiQuery('settings.get', {});
  const initial = useLatched(settings.value);
  return (
    <>
      <PageHeader
        title="Impostazioni"
        action={
          <Button type="submit" form={SETTINGS_FORM_ID} variant="contained" disabled={!initial}>
            Salva
          </Button>
        }
      />
      {settings.error && <ErrorNotice error={settings.error} onRetry={settings.refetch} />}
      {initial ? (
        <SettingsForm initial={initial} />
      ) : (
        !settings.error && <Loading label="Caricamento delle impostazioni" />
      )}
    </>
  );
}
