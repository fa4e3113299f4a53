/** Italian formats used everywhere a user reads a date, a time or an amount. */
const dateFmt = new Intl.DateTimeFormat('it-IT', { day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('it-IT', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const moneyFmt = new Intl.NumberFormat('it-IT', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  // Italian CLDR data omits the separator below 10.000; the office expects `1.234,56 €`.
  useGrouping: 'always' as unknown as boolean,
});

/** `2026-11-22` or a full ISO timestamp → `22/11/2026`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = iso.length === 10 ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateFmt.format(d);
}

/** ISO timestamp → `22/11/2026, 14:30` in local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateTimeFmt.format(d);
}

/** Integer cents → `1.234,56 €`. */
export function formatMoney(cents: number): string {
  return moneyFmt.format(cents / 100);
}

export const ROLE_LABELS = {
  operatore: 'Operatore',
  coordinatore: 'Coordinatore',
  amministratore: 'Amministratore',
} as const;
