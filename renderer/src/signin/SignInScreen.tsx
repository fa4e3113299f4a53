import Typography from '@mui/material/Typography';
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import { CenteredPage } from '../app/CenteredPage';
import { DamagedDatabaseScreen } from './DamagedDatabaseScreen';
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
  /** The sign-in found the database damaged: the restore screen takes the place of the form. */
  const [damaged, setDamaged] = useState(false);
  const [restored, setRestored] = useState(false);
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
      {restored && !damaged && (
        <Alert severity="success" sx={{ mt: 2 }}>
          Backup ripristinato. Accedere di nuovo.
        </Alert>
      )}
      {damaged ? (
        <DamagedDatabaseScreen
          onDone={(done) => {
            setRestored(done);
            setDamaged(false);
          }}
        />
      ) : recovering ? (
        <RecoverForm countdown={countdown} onBack={() => setRecovering(false)} />
      ) : (
        <SignInForm
          countdown={countdown}
          lastUsername={lastUsername}
          onForgot={() => setRecovering(true)}
          onDamaged={() => {
            setRestored(false);
            setDamaged(true);
          }}
        />
      )}
    </CenteredPage>
  );
}
