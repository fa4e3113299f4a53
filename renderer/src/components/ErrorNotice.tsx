import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { ApiError } from '../../../shared/contract';

/** A read that failed: the server's message and a way to try again. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Riprova
        </Button>
      }
    >
      {error.message}
    </Alert>
  );
}
