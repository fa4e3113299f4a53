import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useLatched } from '../../forms/useLatched';
import { RecoveryKeySection } from './RecoveryKeySection';
import { BackupSection } from './backup/BackupSection';
import { DataFolderSection } from './DataFolderSection';
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
        <Stack spacing={3} sx={{ maxWidth: 720 }}>
          <SettingsForm initial={initial} />
          {/* Outside the form: its dialog's own form must not submit the settings too. */}
          <RecoveryKeySection />
          <BackupSection />
          <DataFolderSection />
        </Stack>
      ) : (
        !settings.error && <Loading label="Caricamento delle impostazioni" />
      )}
    </>
  );
}
