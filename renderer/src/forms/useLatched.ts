import { useState } from 'react';

/**
 * The first defined value, kept afterwards. A form seeded from a query keeps
 * its typed text when the cached answer is dropped (on lock) and re-read.
 */
export function useLatched<T>(value: T | undefined): T | undefined {
  const [latched, setLatched] = useState(value);
  if (latched === undefined && value !== undefined) setLatched(value);
  return latched ?? value;
}
