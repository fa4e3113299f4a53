import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useState, type ReactNode } from 'react';
import { useClearNotes } from '../../../feedback/NotifyContext';

interface Offer {
  key: number;
  message: string;
  undo: () => Promise<void>;
}

export interface UndoOffer {
  /** Says what was done, with "Annulla" to take it back. */
  offer: (message: string, undo: () => Promise<void>) => void;
  /** Render once: the snackbar. */
  snackbar: ReactNode;
}

/** Removing is done at once and can be undone (no "are you sure"). */
export function useUndo(): UndoOffer {
  const clearNotes = useClearNotes();
  const [current, setCurrent] = useState<Offer | null>(null);
  const offer = (message: string, undo: () => Promise<void>) => {
    clearNotes();
    setCurrent({ key: Date.now(), message, undo });
  };
  const snackbar = (
    <Snackbar
      key={current?.key}
      open={current !== null}
      autoHideDuration={8000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') setCurrent(null);
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      message={current?.message}
      action={
        <Button
          color="inherit"
          size="small"
          sx={{ color: '#9fd3ee' }}
          onClick={() => {
            const undo = current?.undo;
            setCurrent(null);
            if (undo) void undo();
          }}
        >
          Annulla
        </Button>
      }
    />
  );
  return { offer, snackbar };
}
