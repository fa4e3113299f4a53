import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import type { BackupItem } from '../../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../../api';
import { useSession } from '../../../app/SessionContext';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { useNotify } from '../../../feedback/NotifyContext';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BackupTable } from './BackupTable';
import { RestoreDialog } from './RestoreDialog';

/** Impostazioni › Backup (administrators): make one now, list, restore, folder and rotation. */
export function BackupSection() {
  const titleId = useId();
  const list = useApiQuery('backup.list', {});
  const settings = useApiQuery('backup.settings', {});
  const create = useApiMutation('backup.create', ['backup.list']);
  const restore = useApiMutation('backup.restore');
  const notify = useNotify();
  const { logout } = useSession();
  const [createError, setCreateError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<BackupItem | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  const runBackup = async () => {
    setCreateError(null);
    const result = await create.run({});
    if (result.ok) notify('Backup eseguito');
    else setCreateError(result.error.message);
  };

  const confirmRestore = async () => {
    if (!chosen) return;
    setRestoreError(null);
    const result = await restore.run({ id: chosen.id });
    if (result.ok) {
      setChosen(null);
      notify('Backup ripristinato: accedere di nuovo');
      // The server has ended the session; drop the screens built on the data that was replaced.
      await logout();
    } else {
      setRestoreError(result.error.message);
    }
  };

  return (
    <Paper component="section" variant="outlined" aria-labelledby={titleId} sx={{ p: 3 }}>
      <Typography id={titleId} variant="h2" sx={{ mb: 0.5 }}>
        Backup
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        I backup sono cifrati come il database: si aprono solo con la chiave di questa installazione (il file
        delle chiavi con una password, oppure la chiave di recupero). Cortile ne fa uno al primo accesso di
        ogni giorno e uno alla chiusura.
      </Typography>
      <Stack spacing={2}>
        <div>
          <Button variant="contained" onClick={() => void runBackup()} disabled={create.isPending}>
            {create.isPending ? 'Backup in corso…' : 'Esegui backup ora'}
          </Button>
        </div>
        {createError && <Alert severity="error">{createError}</Alert>}
        {list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
        {list.value ? (
          <>
            {list.value.unreachable.map((folder) => (
              <Alert key={folder} severity="warning">
                La cartella «{folder}» non è raggiungibile: i backup che contiene non sono elencati.
              </Alert>
            ))}
            <BackupTable
              items={list.value.items}
              onRestore={(item) => {
                setRestoreError(null);
                setChosen(item);
              }}
            />
          </>
        ) : (
          !list.error && <Loading label="Caricamento dei backup" />
        )}
        <Divider />
        {settings.error && <ErrorNotice error={settings.error} onRetry={settings.refetch} />}
        {settings.value && <BackupSettingsForm initial={settings.value} />}
      </Stack>
      {chosen && (
        <RestoreDialog
          item={chosen}
          pending={restore.isPending}
          message={restoreError}
          currentNote="Il database attuale viene prima salvato da parte (compare nell’elenco come «Prima del ripristino»). Il backup viene verificato e poi sostituisce i dati attuali: tutti dovranno accedere di nuovo."
          onConfirm={confirmRestore}
          onClose={() => setChosen(null)}
        />
      )}
    </Paper>
  );
}
