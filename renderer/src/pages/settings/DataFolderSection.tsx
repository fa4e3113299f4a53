import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { NETWORK_WARNING, type DataFolderCheck } from '../../../../shared/contract';
import { useApiMutation, useApiQuery, useGuardedCall } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';

const pathStyle = { fontFamily: 'monospace', wordBreak: 'break-all' } as const;

/**
 * Impostazioni › Cartella dei dati (administrators): where the database
 * lives, and moving it to another folder of this PC. The copy is made and
 * checked by the core; Cortile then restarts on the new folder.
 */
export function DataFolderSection() {
  const titleId = useId();
  const info = useApiQuery('dataFolder.info', {});
  const guardedCall = useGuardedCall();
  const move = useApiMutation('dataFolder.move');
  const [target, setTarget] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<DataFolderCheck | null>(null);
  const [acceptNetwork, setAcceptNetwork] = useState(false);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [movedTo, setMovedTo] = useState<string | null>(null);

  const check = async () => {
    setFieldError(null);
    setChecking(true);
    const result = await guardedCall('dataFolder.check', { path: target });
    setChecking(false);
    if (!result.ok) {
      setFieldError(result.error.fields?.path ?? result.error.message);
      return;
    }
    if (result.value.problem !== null) {
      setFieldError(result.value.problem);
      return;
    }
    setAcceptNetwork(false);
    setMoveError(null);
    setChecked(result.value);
  };

  const confirm = async () => {
    if (!checked) return;
    setMoveError(null);
    const result = await move.run({ path: checked.path, acceptNetworkRisk: acceptNetwork });
    if (result.ok) {
      setChecked(null);
      setMovedTo(result.value.dataDir);
    } else {
      setMoveError(result.error.message);
    }
  };

  return (
    <Paper component="section" variant="outlined" aria-labelledby={titleId} sx={{ p: 3 }}>
      <Typography id={titleId} variant="h2" sx={{ mb: 0.5 }}>
        Cartella dei dati
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Qui si trovano il database cifrato, il file delle chiavi, i backup automatici e i registri tecnici.
        Deve stare su un disco di questo PC: una cartella di rete va bene solo per i backup.
      </Typography>
      {info.error && <ErrorNotice error={info.error} onRetry={info.refetch} />}
      {!info.value && !info.error && <Loading label="Caricamento della cartella dei dati" />}
      {info.value && (
        <Stack spacing={2}>
          <Box>
            <Typography variant="subtitle2">Cartella in uso</Typography>
            <Typography variant="body2" sx={pathStyle} data-testid="data-folder-current">
              {info.value.current}
            </Typography>
          </Box>
          {info.value.network && <Alert severity="error">{NETWORK_WARNING}</Alert>}
          {movedTo !== null ? (
            <Alert severity="success">
              I dati sono stati copiati e verificati in «{movedTo}». Cortile si sta riavviando per usare la
              nuova cartella; la cartella precedente resta com’era e si può eliminare dopo aver controllato
              che tutto funzioni.
            </Alert>
          ) : info.value.movable ? (
            <Stack
              direction={{ xs: 'column', sm: 'row' }}
              spacing={2}
              alignItems="flex-start"
              component="form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void check();
              }}
            >
              <TextField
                label="Nuova cartella"
                value={target}
                onChange={(event) => setTarget(event.target.value)}
                error={fieldError !== null}
                helperText={
                  fieldError ??
                  'Percorso completo di una cartella vuota o nuova su questo PC, per esempio D:\\Cortile.'
                }
                fullWidth
              />
              <Button
                type="submit"
                variant="outlined"
                disabled={checking || target.trim() === ''}
                sx={{ flexShrink: 0, mt: 1 }}
              >
                Sposta i dati…
              </Button>
            </Stack>
          ) : (
            <Typography variant="body2">
              Per spostare la cartella dei dati usare questa sezione nell’app di Cortile installata sul PC:
              dalla versione nel browser non si può.
            </Typography>
          )}
        </Stack>
      )}

      <Dialog
        open={checked !== null}
        onClose={() => !move.isPending && setChecked(null)}
        aria-labelledby={`${titleId}-dialog`}
      >
        <DialogTitle id={`${titleId}-dialog`}>Spostare i dati?</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Nuova cartella:
          </Typography>
          <Typography variant="body2" sx={{ ...pathStyle, mb: 2 }}>
            {checked?.path}
          </Typography>
          <Typography variant="body2" sx={{ mb: 2 }}>
            Cortile copia il database e il file delle chiavi nella nuova cartella, verifica che la copia si
            apra e sia integra, poi si riavvia usando la nuova cartella. La cartella attuale non viene
            toccata. La copia può richiedere qualche minuto; alla fine bisogna accedere di nuovo.
          </Typography>
          {checked?.network && (
            <>
              <Alert severity="error" sx={{ mb: 1 }}>
                {NETWORK_WARNING}
              </Alert>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={acceptNetwork}
                    onChange={(event) => setAcceptNetwork(event.target.checked)}
                  />
                }
                label="Ho capito il rischio e voglio usare comunque questa cartella di rete"
              />
            </>
          )}
          {moveError && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {moveError}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setChecked(null)} disabled={move.isPending}>
            Annulla
          </Button>
          <Button
            variant="contained"
            onClick={() => void confirm()}
            disabled={move.isPending || (checked?.network === true && !acceptNetwork)}
          >
            {move.isPending ? 'Copia in corso…' : 'Sposta e riavvia'}
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
