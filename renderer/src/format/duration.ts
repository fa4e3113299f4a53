const numberFmt = new Intl.NumberFormat('it-IT');

/** Milliseconds → "1 secondo" / "42 secondi", rounding up so 0 appears only at the end. */
export function secondsText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${numberFmt.format(seconds)} ${seconds === 1 ? 'secondo' : 'secondi'}`;
}
