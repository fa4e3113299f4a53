/**
 * Dates as day numbers (days since 1970-01-01, UTC), so arithmetic on them is
 * exact and independent of the machine's time zone.
 */
const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** Month (1–12) and day of month of a day number. */
export function monthDay(day: number): { month: number; dayOfMonth: number } {
  const date = new Date(day * DAY_MS);
  return { month: date.getUTCMonth() + 1, dayOfMonth: date.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date-time string the app stores for interventions: `YYYY-MM-DDTHH:MM`. */
export function localDateTime(day: number, minuteOfDay: number): string {
  return `${isoDate(day)}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/**
 * An ISO timestamp (UTC) for a moment given as local Italian time. One hour
 * off UTC all year round: summer time is ignored, which is close enough for
 * made-up "created at" stamps.
 */
export function timestamp(day: number, minuteOfDay: number, seconds = 0): string {
  return new Date(day * DAY_MS + (minuteOfDay - 60) * 60_000 + seconds * 1000).toISOString();
}

/** Today's date on this machine, `YYYY-MM-DD`. */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addYears(day: number, years: number): number {
  return day + Math.round(years * 365.25);
}
