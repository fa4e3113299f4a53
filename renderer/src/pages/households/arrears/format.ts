/** Italian wording of the arrears panel's figures: months, periods, whole euro. */

const monthFmt = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const wholeEuroFmt = new Intl.NumberFormat('it-IT', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
  useGrouping: 'always' as unknown as boolean,
});
const oneDecimalFmt = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });
const inputFmt = new Intl.NumberFormat('it-IT', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: 'always' as unknown as boolean,
});

/** `2026-09` → `09/2026`. */
export function formatPeriod(period: string): string {
  return `${period.slice(5, 7)}/${period.slice(0, 4)}`;
}

/** `2026-09` → `09/26`, for a chart's axis. */
export function shortPeriod(period: string): string {
  return `${period.slice(5, 7)}/${period.slice(2, 4)}`;
}

/** `2026-09` → `settembre 2026`. */
export function monthName(period: string): string {
  const date = new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1));
  return monthFmt.format(date);
}

/** Integer cents → `1.235 €`, for chart axes. */
export function formatWholeEuro(cents: number): string {
  return wholeEuroFmt.format(Math.round(cents / 100));
}

/** `3.1` → `3,1`. */
export function formatDecimal(value: number): string {
  return oneDecimalFmt.format(value);
}

/** Integer cents → `1.234,56`: what a money field shows to be edited. */
export function moneyInputText(cents: number): string {
  return inputFmt.format(cents / 100);
}

/** `1 rata`, `3 rate`. */
export function plural(value: number, one: string, many: string): string {
  return `${value} ${value === 1 ? one : many}`;
}
