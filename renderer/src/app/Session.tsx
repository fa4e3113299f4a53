import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppStatus, SessionOperator } from '../../../shared/contract';
import { AutoLock } from '../autolock/AutoLock';
import { AppFrame } from '../frame/AppFrame';
import { useClearNotes } from '../feedback/NotifyContext';
import { ForcedPasswordChange } from '../password/ForcedPasswordChange';
import { PendingKeyPage } from '../recoverykey/PendingKeyPage';
import { SignInScreen } from '../signin/SignInScreen';
import { FrameHost } from './FrameHost';
import { sameOperator } from './sameOperator';
import { SessionContext, type SessionInfo } from './SessionContext';
import { useSessionActions } from './useSessionActions';

/**
 * Locked or unlocked; once unlocked, a temporary password or an unconfirmed
 * recovery key comes first. The app frame belongs to one operator: it survives
 * a lock (hidden) and shows again when the same operator signs back in;
 * another operator gets a fresh one.
 */
export function Session({ status, readAt }: { status: AppStatus; readAt: number }) {
  const [frameOperator, setFrameOperator] = useState<SessionOperator | null>(null);
  const discardFrame = useCallback(() => setFrameOperator(null), []);
  const { lock, logout, forgetSessionData } = useSessionActions(discardFrame);

  // A locked app.status cannot read the name (it lives in the encrypted database): keep the last one seen.
  const [knownCooperativeName, setKnownCooperativeName] = useState(status.cooperativeName);
  if (status.cooperativeName && status.cooperativeName !== knownCooperativeName) {
    setKnownCooperativeName(status.cooperativeName);
  }
  const cooperativeName = status.cooperativeName ?? knownCooperativeName;

  const operator = status.state === 'unlocked' ? status.operator : null;
  // A recovery key renewed in Impostazioni stays on screen until "Fatto", even though it is pending.
  const [keyOnScreen, setKeyOnScreen] = useState(false);
  const keyPending = status.recoveryKeyPending && !keyOnScreen;
  const ready = operator !== null && !operator.mustChangePassword && !keyPending;
  if (ready && !sameOperator(frameOperator, operator)) setFrameOperator(operator);
  if (operator && !ready && frameOperator !== null && frameOperator.id !== operator.id)
    setFrameOperator(null);

  const clearNotes = useClearNotes();
  useEffect(() => {
    if (ready) return;
    forgetSessionData();
    clearNotes();
  }, [ready, forgetSessionData, clearNotes]);

  const session = useMemo<SessionInfo | null>(
    () =>
      frameOperator && {
        operator: frameOperator,
        cooperativeName: cooperativeName ?? '',
        autoLockMinutes: status.autoLockMinutes,
        lock,
        logout,
        setKeyOnScreen,
      },
    [frameOperator, cooperativeName, status.autoLockMinutes, lock, logout],
  );

  return (
    <>
      {session && (
        <FrameHost visible={ready}>
          <SessionContext.Provider value={session}>
            <AppFrame key={session.operator.id} />
          </SessionContext.Provider>
        </FrameHost>
      )}
      {!operator && (
        <SignInScreen
          cooperativeName={cooperativeName}
          lastUsername={frameOperator?.username ?? null}
          retryAt={status.loginRetryAfterMs > 0 ? readAt + status.loginRetryAfterMs : 0}
        />
      )}
      {operator?.mustChangePassword && <ForcedPasswordChange operator={operator} onLogout={logout} />}
      {operator && !operator.mustChangePassword && keyPending && (
        <PendingKeyPage cooperativeName={cooperativeName ?? ''} onLogout={logout} />
      )}
      {operator && <AutoLock minutes={status.autoLockMinutes} lock={lock} />}
    </>
  );
}
