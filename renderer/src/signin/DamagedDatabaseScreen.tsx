import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { BackupItem, CallOutput } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/format';
import { call } from '../api';
import { RestoreDialog } from '../pages/settings/backup/RestoreDialog';
import { kindLabel } from '../pages/settings/backup/labels';

/**
 * After a sign-in that found the database damaged: says so plainly and offers
 * the backups that open with the key, newest first. Only an administrator's
 * restore is accepted (the server checks it against the chosen backup).
 */
export function DamagedDatabaseScreen({ onDone }: { onDone: (restored: boolean) => void }) {
  const [offer, setOffer] = useState<CallOutput<'backup.damaged'> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<BackupItem | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void call('backup.damaged', {}).then((result) => {
      if (result.ok) setOffer(result.value);
      else setLoadError(result.error.message);
    });
  }, []);

  const leave = async () => {
    await call('backup.leaveDamaged', {});
    onDone(false);
  };

  const restore = async () => {
    if (!chosen) return;
    setPending(true);
    setMessage(null);
    const result = await call('backup.restoreDamaged', { id: chosen.id });
    setPending(false);
    if (result.ok) onDone(true);
    else setMessage(result.error.message);
  };

  const items = offer?.items ?? [];
  return (
    <section aria-labelledby="damaged-title">
      <Typography id="damaged-title" variant="h2" sx={{ mt: 3, mb: 2 }}>
        Il database è danneggiato
      </Typography>
      <Alert severity="error" sx={{ mb: 2 }}>
        Il controllo all’avvio ha trovato il database di Cortile danneggiato (per esempio dopo un guasto del
        disco o uno spegnimento improvviso). Non è stato aperto e non verrà modificato.
      </Alert>
      {loadError && <Alert severity="error">{loadError}</Alert>}
      {offer && offer.damaged && items.length === 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Non ci sono backup utilizzabili nella cartella dei backup. Non usare il computer per altro e
          rivolgersi all’assistenza tecnica: il file danneggiato potrebbe essere in parte recuperabile.
        </Alert>
      )}
      {offer && !offer.damaged && (
        <Alert severity="info" sx={{ mb: 2 }}>
          La sessione di ripristino è scaduta: accedere di nuovo.
        </Alert>
      )}
      {items.length > 0 && (
        <>
          <Typography sx={{ mb: 2 }}>
            Un amministratore può ripristinare l’ultimo backup integro. Il file danneggiato viene conservato
            da parte; i dati inseriti dopo il backup andranno inseriti di nuovo.
          </Typography>
          {offer?.unreachable.map((folder) => (
            <Alert key={folder} severity="warning" sx={{ mb: 1 }}>
              La cartella «{folder}» non è raggiungibile: i backup che contiene non sono elencati.
            </Alert>
          ))}
          <Stack
            spacing={1}
            component="ul"
            sx={{ listStyle: 'none', p: 0, m: 0 }}
            aria-label="Backup disponibili"
          >
            {items.slice(0, 10).map((item, i) => (
              <Paper component="li" key={item.id} variant="outlined" sx={{ p: 1.5 }}>
                <Stack
                  direction="row"
                  spacing={2}
                  sx={{ alignItems: 'center', justifyContent: 'space-between' }}
                >
                  <div>
                    <Typography sx={{ fontWeight: i === 0 ? 600 : 400 }}>
                      {formatDateTime(item.createdAt)}
                      {i === 0 ? ' — il più recente' : ''}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {kindLabel(item)}
                      {item.counts
                        ? ` · ${item.counts.households.toLocaleString('it-IT')} nuclei, ${item.counts.interventions.toLocaleString('it-IT')} interventi`
                        : ''}
                    </Typography>
                  </div>
                  <Button
                    variant={i === 0 ? 'contained' : 'outlined'}
                    onClick={() => {
                      setMessage(null);
                      setChosen(item);
                    }}
                    aria-label={`Ripristina il backup del ${formatDateTime(item.createdAt)}`}
                  >
                    Ripristina…
                  </Button>
                </Stack>
              </Paper>
            ))}
          </Stack>
        </>
      )}
      <Button sx={{ mt: 2 }} onClick={() => void leave()}>
        Torna all’accesso
      </Button>
      {chosen && (
        <RestoreDialog
          item={chosen}
          pending={pending}
          message={message}
          currentNote="Il database danneggiato viene conservato nella cartella dei backup. Dopo il ripristino occorre accedere di nuovo."
          onConfirm={restore}
          onClose={() => setChosen(null)}
        />
      )}
    </section>
  );
}
