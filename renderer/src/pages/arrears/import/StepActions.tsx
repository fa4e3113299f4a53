import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

interface Action {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  pending?: boolean;
}

/** The bottom row of a step: what is missing (if anything), then "back" and the one primary action. */
export function StepActions({
  back,
  extra,
  next,
  note,
}: {
  back?: Action;
  /** A secondary action between the two ("Aggiorna anteprima"). */
  extra?: Action;
  next: Action;
  note?: ReactNode;
}) {
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
      {note && (
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }} aria-live="polite">
          {note}
        </Typography>
      )}
      <Stack direction="row" spacing={2} sx={{ flexShrink: 0, alignItems: 'center' }}>
        {back && (
          <Button onClick={back.onClick} disabled={back.disabled}>
            {back.label}
          </Button>
        )}
        {extra && (
          <Button variant="outlined" onClick={extra.onClick} disabled={extra.disabled}>
            {extra.label}
          </Button>
        )}
        <Button
          variant="contained"
          onClick={next.onClick}
          disabled={next.disabled}
          startIcon={next.pending ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
        >
          {next.label}
        </Button>
      </Stack>
    </Stack>
  );
}
