import { useState } from 'react';
import { SetupWizard } from '../setup/SetupWizard';
import { Session } from './Session';
import { Splash } from './Splash';
import { StartupError } from './StartupError';
import { useAppStatus } from './useAppStatus';

/** Chooses the screen from app.status: first setup, or the session (signed in or not). */
export function App() {
  const { status, error, readAt, refetch } = useAppStatus();
  // The wizard stays until its last step is done, even though setup already signed the admin in.
  const [inSetup, setInSetup] = useState(false);
  if (status?.state === 'needs_setup' && !inSetup) setInSetup(true);

  if (inSetup) {
    return (
      <SetupWizard
        onDone={async () => {
          await refetch();
          setInSetup(false);
        }}
      />
    );
  }
  if (!status) {
    return error ? <StartupError message={error.message} onRetry={() => void refetch()} /> : <Splash />;
  }
  return <Session status={status} readAt={readAt} />;
}
