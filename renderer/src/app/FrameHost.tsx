import { useEffect, useRef, type ReactNode } from 'react';
import { QueriesEnabled } from '../api';
import { ModalContainer } from './ModalContainer';

/**
 * Keeps the signed-in app mounted while it is covered by the sign-in screen:
 * hidden and inert, its queries stopped, typed text kept in memory only.
 * When it shows again, focus returns where it was.
 */
export function FrameHost({ visible, children }: { visible: boolean; children: ReactNode }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const lastFocused = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const remember = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) lastFocused.current = event.target;
    };
    host.addEventListener('focusin', remember);
    return () => host.removeEventListener('focusin', remember);
  }, []);

  useEffect(() => {
    if (visible && lastFocused.current?.isConnected) lastFocused.current.focus();
  }, [visible]);

  return (
    <div ref={hostRef} hidden={!visible} inert={!visible}>
      <QueriesEnabled.Provider value={visible}>
        <ModalContainer host={hostRef} active={visible}>
          {children}
        </ModalContainer>
      </QueriesEnabled.Provider>
    </div>
  );
}
