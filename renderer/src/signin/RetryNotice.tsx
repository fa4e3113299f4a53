import Typography from '@mui/material/Typography';
import { secondsText } from '../format/duration';

/** "Riprova tra N secondi" while the server refuses new attempts. */
export function RetryNotice({ leftMs }: { leftMs: number }) {
  return (
    <Typography
      role="status"
      aria-live="polite"
      variant="body2"
      color="text.secondary"
      sx={{ minHeight: '1.5em', mt: 1 }}
    >
      {leftMs > 0 ? `Riprova tra ${secondsText(leftMs)}.` : ''}
    </Typography>
  );
}
