import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useState, type ReactNode } from 'react';
import type { Followup } from '../../../shared/contract';
import { useApiMutation } from '../api';
import { useClearNotes, useNotify } from '../feedback/NotifyContext';
import { CASEWORK_READS } from './invalidations';

interface Undo {
  key: number;
  followup: Followup;
  /** What the last tick did. */
  done: boolean;
}

export interface FollowupDone {
  /** Ticks or unticks at once; the snackbar offers "Annulla". Resolves true when saved. */
  setDone: (followup: Followup, done: boolean) => Promise<boolean>;
  /** Follow-ups whose change is on its way (their box shows the new state meanwhile). */
  pending: ReadonlyMap<number, boolean>;
  /** Render once in the page: the "Annulla" snackbar. */
  snackbar: ReactNode;
}

/**
 * Closing a follow-up is done at once and can be undone (no "are you sure").
 * `onChange` hears each change as it starts (and again, reversed, if it fails).
 */
export function useFollowupDone(onChange?: (followup: Followup, done: boolean) => void): FollowupDone {
  const mutation = useApiMutation('followups.setDone', CASEWORK_READS);
  const notify = useNotify();
  const clearNotes = useClearNotes();
  const [undo, setUndo] = useState<Undo | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<number, boolean>>(new Map());

  const send = async (followup: Followup, done: boolean): Promise<boolean> => {
    setPending((current) => new Map(current).set(followup.id, done));
    onChange?.({ ...followup, done }, done);
    const result = await mutation.run({ id: followup.id, done });
    setPending((current) => {
      const next = new Map(current);
      next.delete(followup.id);
      return next;
    });
    if (!result.ok) {
      onChange?.({ ...followup, done: !done }, !done);
      notify(result.error.message, 'error');
      return false;
    }
    return true;
  };

  const setDone = async (followup: Followup, done: boolean) => {
    setUndo(null);
    const saved = await send(followup, done);
    if (saved) {
      // One message at a time: the offer to undo replaces whatever was on screen.
      clearNotes();
      setUndo({ key: Date.now(), followup, done });
    }
    return saved;
  };

  const revert = async () => {
    if (!undo) return;
    setUndo(null);
    if (await send(undo.followup, !undo.done)) {
      notify(undo.done ? 'Promemoria di nuovo da fare' : 'Promemoria di nuovo fatto');
    }
  };

  const snackbar = (
    <Snackbar
      key={undo?.key}
      open={undo !== null}
      autoHideDuration={8000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') setUndo(null);
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      message={undo?.done ? `Promemoria fatto: «${undo.followup.text}»` : 'Promemoria di nuovo da fare'}
      action={
        <Button color="inherit" size="small" onClick={() => void revert()} sx={{ color: '#9fd3ee' }}>
          Annulla
        </Button>
      }
    />
  );

  return { setDone, pending, snackbar };
}
