import { useSearchParams } from 'react-router';

/** The dashboard's filters, all in the address (so a view can be bookmarked and «indietro» keeps it). */
export const PERIOD_KINDS = ['mese', 'trimestre', 'anno', 'personalizzato'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_LABELS: Record<PeriodKind, string> = {
  mese: 'Mese',
  trimestre: 'Trimestre',
  anno: 'Anno',
  personalizzato: 'Personalizzato',
};

export interface DashboardQuery {
  areaId: number | null;
  buildingId: number | null;
  operatorId: number | null;
  from: string;
  to: string;
}

export interface FilterState extends DashboardQuery {
  kind: PeriodKind;
  /** The month the period is taken around (mese, trimestre, anno). */
  anchor: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const pad = (n: number) => String(n).padStart(2, '0');

export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}

export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

function idParam(value: string | null): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

const monthParam = (value: string | null) => (value !== null && MONTH.test(value) ? value : null);

/** The period's first and last month; never past this month (no data there yet). */
export function periodOf(
  kind: PeriodKind,
  anchor: string,
  custom: { from: string | null; to: string | null },
) {
  const now = thisMonth();
  const cap = (month: string) => (month > now ? now : month);
  const year = anchor.slice(0, 4);
  switch (kind) {
    case 'mese':
      return { from: anchor, to: anchor };
    case 'trimestre': {
      const first = Math.floor((Number(anchor.slice(5, 7)) - 1) / 3) * 3 + 1;
      const from = `${year}-${pad(first)}`;
      return { from, to: cap(addMonths(from, 2)) };
    }
    case 'anno':
      return { from: `${year}-01`, to: cap(`${year}-12`) };
    case 'personalizzato': {
      const to = custom.to ?? now;
      const from = custom.from !== null && custom.from <= to ? custom.from : addMonths(to, -11);
      return { from, to };
    }
  }
}

export function useDashboardFilters(): [FilterState, (changes: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('periodo');
  const kind: PeriodKind = PERIOD_KINDS.find((k) => k === kindParam) ?? 'mese';
  const anchor = monthParam(params.get('mese')) ?? thisMonth();
  const period = periodOf(kind, anchor, {
    from: monthParam(params.get('dal')),
    to: monthParam(params.get('al')),
  });
  const state: FilterState = {
    kind,
    anchor,
    ...period,
    areaId: idParam(params.get('area')),
    buildingId: idParam(params.get('caseggiato')),
    operatorId: idParam(params.get('operatore')),
  };
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(name);
          else next.set(name, value);
        }
        return next;
      },
      { replace: true },
    );
  return [state, update];
}

export const queryOf = (f: FilterState): DashboardQuery => ({
  areaId: f.areaId,
  buildingId: f.buildingId,
  operatorId: f.operatorId,
  from: f.from,
  to: f.to,
});

/** `2026-05` → `05/2026`. */
export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
/** A chart tooltip's label (the month of the hovered point) as `05/2026`. */
export const monthOfLabel = (label: unknown) => (typeof label === 'string' ? monthLabel(label) : '');
/** `2026-05` → `05/26`, for axes. */
export const shortMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(2, 4)}`;

export function periodLabel(from: string, to: string): string {
  return from === to ? monthLabel(from) : `${monthLabel(from)} – ${monthLabel(to)}`;
}

/** The last day of a month, `YYYY-MM-DD`. */
export function lastDay(month: string): string {
  const day = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${pad(day)}`;
}

/** A link with search parameters, leaving out the empty ones. */
export function link(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
