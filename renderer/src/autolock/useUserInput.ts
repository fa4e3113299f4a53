import { useEffect, useRef, type RefObject } from 'react';

const EVENTS = ['mousemove', 'keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
const THROTTLE_MS = 1000;

/**
 * Time of the user's last input (keyboard, mouse, wheel, touch), updated at
 * most once a second. While `ignore` is true input is not counted.
 */
export function useUserInput(ignore: boolean): RefObject<number> {
  const lastInput = useRef(Date.now());
  const ignoreRef = useRef(ignore);
  useEffect(() => {
    ignoreRef.current = ignore;
  }, [ignore]);

  useEffect(() => {
    const onInput = () => {
      const now = Date.now();
      if (!ignoreRef.current && now - lastInput.current >= THROTTLE_MS) lastInput.current = now;
    };
    const options = { capture: true, passive: true };
    for (const name of EVENTS) window.addEventListener(name, onInput, options);
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, onInput, options);
    };
  }, []);

  return lastInput;
}
