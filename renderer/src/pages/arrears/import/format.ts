/** Italian wording of the import's figures: months, counts, file sizes. */

const countFmt = new Intl.NumberFormat('it-IT');
const sizeFmt = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });

/** `2026-09` → `09/2026`. */
export function formatPeriod(period: string): string {
  return `${period.slice(5, 7)}/${period.slice(0, 4)}`;
}

/** `09/2026`, `07–09/2026`, or `11/2025–02/2026`; `—` when there is none. */
export function formatPeriodRange(min: string | null | undefined, max: string | null | undefined): string {
  if (!min || !max) return '—';
  if (min === max) return formatPeriod(min);
  if (min.slice(0, 4) === max.slice(0, 4)) return `${min.slice(5, 7)}–${formatPeriod(max)}`;
  return `${formatPeriod(min)}–${formatPeriod(max)}`;
}

/** `1.234`. */
export function formatCount(value: number): string {
  return countFmt.format(value);
}

/** `1 riga`, `12 righe`. */
export function plural(value: number, one: string, many: string): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}

/**
 * `850 byte`, `3,2 KB`, `10,1 MB`. Rounded up, so that a file just over a
 * limit never reads as exactly the limit.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} byte`;
  const up = (value: number) => Math.ceil(value * 10) / 10;
  if (bytes < 1024 * 1024) return `${sizeFmt.format(up(bytes / 1024))} KB`;
  return `${sizeFmt.format(up(bytes / (1024 * 1024)))} MB`;
}
