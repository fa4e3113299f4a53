import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { NotifyContext, type NotifySeverity } from './NotifyContext';

interface Note {
  id: number;
  message: string;
  severity: NotifySeverity;
}

export function NotifyProvider({ children }: { children: ReactNode }) {
  const [note, setNote] = useState<Note | null>(null);
  const [open, setOpen] = useState(false);
  const notify = useCallback((message: string, severity: NotifySeverity = 'success') => {
    setNote({ id: Date.now(), message, severity });
    setOpen(true);
  }, []);
  const notes = useMemo(() => ({ notify, clear: () => setOpen(false) }), [notify]);
  return (
    <NotifyContext.Provider value={notes}>
      {children}
      <Snackbar
        key={note?.id}
        open={open}
        autoHideDuration={note?.severity === 'error' ? 8000 : 4000}
        onClose={(_event, reason) => {
          if (reason !== 'clickaway') setOpen(false);
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          severity={note?.severity ?? 'success'}
          variant="filled"
          onClose={() => setOpen(false)}
          closeText="Chiudi"
          sx={{ minWidth: 280 }}
        >
          {note?.message}
        </Alert>
      </Snackbar>
    </NotifyContext.Provider>
  );
}
