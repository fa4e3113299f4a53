import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { ThemeProvider } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { theme } from '../theme';
import { reportRendererError } from './report';

const SAFE =
  'I dati già salvati sono al sicuro: ogni operazione viene salvata per intero oppure per niente. ' +
  'Se si stava salvando qualcosa, controllare dopo che sia stato salvato.';

function reload(): void {
  window.location.reload();
}

/** What the window shows when the interface itself failed to draw. */
function CrashScreen() {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', p: 6 }}>
      <Stack spacing={2} sx={{ maxWidth: 640 }} role="alert">
        <Typography variant="h4" component="h1">
          Si è verificato un errore imprevisto
        </Typography>
        <Typography>{SAFE}</Typography>
        <Typography>
          Ricaricare la finestra per continuare. Se l’errore si ripete, chiudere e riaprire Cortile; se
          succede ancora, rivolgersi all’assistenza indicando la data e l’ora (i dettagli tecnici sono nella
          cartella dei log: menu Aiuto → Apri cartella dei log).
        </Typography>
        <Box>
          <Button variant="contained" onClick={reload}>
            Ricarica la finestra
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

/** Errors outside drawing (an event handler, a promise nobody waited for): a message, the window stays. */
function UncaughtErrorDialog() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onError = (event: ErrorEvent) => {
      // Without an error object it is a resource or browser notice (e.g. ResizeObserver), not our code failing.
      if (event.error === null || event.error === undefined) return;
      reportRendererError('error', event.error);
      setOpen(true);
    };
    const onRejection = (event: PromiseRejectionEvent) => {
      reportRendererError('rejection', event.reason);
      setOpen(true);
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, []);
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="uncaught-error-title">
      <DialogTitle id="uncaught-error-title">Si è verificato un errore imprevisto</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {SAFE}
        </Alert>
        <Typography variant="body2">
          Si può continuare a lavorare. Se qualcosa non funziona come dovrebbe, ricaricare la finestra; se
          l’errore si ripete, chiudere e riaprire Cortile e avvisare l’assistenza.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={reload}>Ricarica la finestra</Button>
        <Button variant="contained" onClick={() => setOpen(false)}>
          Continua
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface State {
  failed: boolean;
}

/**
 * Catches what the interface throws: a render error replaces the window's
 * content with a plain explanation; other uncaught errors show a dialog.
 * Either way the error's class and code location go to the technical log.
 */
export class CrashGuard extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    reportRendererError('render', error);
  }

  override render() {
    return (
      <>
        {this.state.failed ? (
          <ThemeProvider theme={theme}>
            <CrashScreen />
          </ThemeProvider>
        ) : (
          this.props.children
        )}
        <ThemeProvider theme={theme}>
          <UncaughtErrorDialog />
        </ThemeProvider>
      </>
    );
  }
}
