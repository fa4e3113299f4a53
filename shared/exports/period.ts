/** Periods of an export and the file name that carries them. */
import { snakeCase, type ExportPreset } from './columns';

export type ExportPeriod =
  | { kind: 'mese'; month: string }
  | { kind: 'trimestre'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'anno'; year: number }
  | { kind: 'personalizzato'; from: string; to: string };

export interface ResolvedPeriod {
  /** First and last day, inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** For the file name: `2026-03`, `2026-T1`, `2026`, `2026-01-15_2026-02-10`. */
  token: string;
  /** For people: «marzo 2026», «1º trimestre 2026», «anno 2026», «dal 15/01/2026 al 10/02/2026». */
  label: string;
}

/** Italian month names, January first. */
export const MONTH_NAMES = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Last day of a month (`month` 1–12). */
export function lastDayOfMonth(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

const italianDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function resolvePeriod(period: ExportPeriod): ResolvedPeriod {
  switch (period.kind) {
    case 'mese': {
      const year = Number(period.month.slice(0, 4));
      const month = Number(period.month.slice(5, 7));
      return {
        from: `${period.month}-01`,
        to: lastDayOfMonth(year, month),
        token: period.month,
        label: `${MONTH_NAMES[month - 1] ?? ''} ${year}`,
      };
    }
    case 'trimestre': {
      const first = (period.quarter - 1) * 3 + 1;
      return {
        from: `${period.year}-${pad(first)}-01`,
        to: lastDayOfMonth(period.year, first + 2),
        token: `${period.year}-T${period.quarter}`,
        label: `${period.quarter}º trimestre ${period.year}`,
      };
    }
    case 'anno':
      return {
        from: `${period.year}-01-01`,
        to: `${period.year}-12-31`,
        token: String(period.year),
        label: `anno ${period.year}`,
      };
    case 'personalizzato':
      return {
        from: period.from,
        to: period.to,
        token: `${period.from}_${period.to}`,
        label: `dal ${italianDate(period.from)} al ${italianDate(period.to)}`,
      };
  }
}

/** The months (`YYYY-MM`) a period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${pad(month)}`;
    if (current > last) break;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** `Cooperativa Sociale «Il Cortile» Onlus` → `cooperativa-sociale-il-cortile-onlus` (at most 40 characters). */
export function cooperativeSlug(name: string): string {
  const slug = snakeCase(name).replace(/_/g, '-');
  if (slug.length <= 40) return slug;
  // Cut at a word boundary: «…-dati-di-prova» rather than «…-dati-di-p».
  const cut = slug.slice(0, 41);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, 40)) || 'cooperativa';
}

/** `cortile_<preset>_<period>_<cooperative>.csv`. */
export function exportFileName(
  preset: ExportPreset,
  period: ResolvedPeriod,
  cooperativeName: string,
): string {
  return `cortile_${preset}_${period.token}_${cooperativeSlug(cooperativeName)}.csv`;
}
