import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { CenteredPage } from '../app/CenteredPage';
import { RecoverForm } from './RecoverForm';
import { SignInForm } from './SignInForm';
import { useRetryCountdown } from './useRetryCountdown';

interface Props {
  cooperativeName: string | null;
  /** The operator who was signed in before the lock, to fill in the user name. */
  lastUsername: string | null;
  /** When the server accepts the next attempt (ms since epoch, 0 = now). */
  retryAt: number;
}

export function SignInScreen({ cooperativeName, lastUsername, retryAt }: Props) {
  const [recovering, setRecovering] = useState(false);
  const countdown = useRetryCountdown(retryAt);
  return (
    <CenteredPage>
      <Typography variant="h1" component="h1">
        Cortile
      </Typography>
      {cooperativeName && (
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          {cooperativeName}
        </Typography>
      )}
      {recovering ? (
        <RecoverForm countdown={countdown} onBack={() => setRecovering(false)} />
      ) : (
        <SignInForm countdown={countdown} lastUsername={lastUsername} onForgot={() => setRecovering(true)} />
      )}
    </CenteredPage>
  );
}
