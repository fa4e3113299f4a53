import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { CenteredPage } from './CenteredPage';

export function StartupError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <CenteredPage>
      <Typography variant="h1" gutterBottom>
        Cortile
      </Typography>
      <Alert severity="error" sx={{ mb: 3 }}>
        {message}
      </Alert>
      <Button variant="contained" onClick={onRetry}>
        Riprova
      </Button>
    </CenteredPage>
  );
}
