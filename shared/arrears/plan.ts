/**
 * Repayment plans (piani di rientro): the installments agreed with the housing office and whether
 * the household is keeping to them. Dates are ISO calendar dates (`YYYY-MM-DD`), amounts integer
 * cents. Date arithmetic is done on the calendar numbers in UTC, so no time zone or daylight
 * saving change can move a due date.
 */

export interface Installment {
  dueDate: string;
  amountCents: number;
}

export interface PlanPayment {
  date: string;
  amountCents: number;
}

export const PLAN_STATUSES = ['in_regola', 'in_ritardo', 'non_rispettato', 'concluso'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  in_regola: 'In regola',
  in_ritardo: 'In ritardo',
  non_rispettato: 'Non rispettato',
  concluso: 'Concluso',
};

export const DEFAULT_BREACH_AFTER_MISSED = 3;

// ── Calendar dates ───────────────────────────────────────────────────

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string): [number, number, number] {
  const match = ISO_DATE.exec(iso);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Data non valida: ${iso}`);
  }
  return [year, month, day];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/** `date` moved by `months` (may be negative), the day clamped to the month's end: 31/01 + 1 → 28/02 or 29/02. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return iso(y, m, Math.min(day, daysInMonth(y, m)));
}

/** `date` moved by `days` (may be negative). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

// ── Installments ─────────────────────────────────────────────────────

/**
 * Equal installments of a debt, the cents that do not divide evenly added to the last one.
 * The n-th due date is `firstDueDate` plus n × `everyMonths` months, always counted from the
 * first date and clamped to the month's end, so a plan starting on the 31st keeps paying on
 * the last day of each month (31/01 → 28/02 → 31/03) instead of drifting to the 28th.
 */
export function buildInstallments({
  totalCents,
  count,
  firstDueDate,
  everyMonths = 1,
}: {
  totalCents: number;
  count: number;
  firstDueDate: string;
  everyMonths?: number;
}): Installment[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) {
    throw new RangeError("L'importo del piano deve essere un numero intero di centesimi non negativo.");
  }
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError('Il piano deve avere almeno una rata.');
  if (!Number.isSafeInteger(everyMonths) || everyMonths < 1) {
    throw new RangeError('La cadenza delle rate deve essere di almeno un mese.');
  }
  parts(firstDueDate);
  const base = Math.floor(totalCents / count);
  const remainder = totalCents - base * count;
  return Array.from({ length: count }, (_, i) => ({
    dueDate: addMonths(firstDueDate, i * everyMonths),
    amountCents: i === count - 1 ? base + remainder : base,
  }));
}

// ── Status ───────────────────────────────────────────────────────────

export interface PlanStatusResult {
  status: PlanStatus;
  /** Sum of the installments due on or before asOf − tolerance.days. */
  expectedCents: number;
  /** Sum of the payments dated on or before asOf. */
  paidCents: number;
  /** max(0, expected − paid). */
  shortfallCents: number;
  /** Installments due on or before asOf − tolerance.days and not covered by the payments. */
  missedInstallments: number;
  /** The earliest installment not fully paid, with the part of it still owed; null when all are paid. */
  nextDue: Installment | null;
}

/**
 * Where a repayment plan stands on `asOf`.
 *
 * - An installment counts as due once `tolerance.days` have passed since its due date
 *   (due date ≤ asOf − tolerance.days): a payment a few days late is not a delay.
 * - Payments dated after `asOf` are ignored; the others are summed (paid).
 * - paid ≥ the plan's total → `concluso`, whatever the dates.
 * - Payments cover installments in due-date order, whatever the payment dates: an installment
 *   is covered when the payments reach the sum of it and every earlier installment, less
 *   `tolerance.amountCents` (so a few cents short never count as a missed installment while
 *   the plan is `in_regola`). `missedInstallments` counts the due installments not covered.
 * - shortfall = max(0, expected − paid). shortfall ≤ tolerance.amountCents → `in_regola`;
 *   otherwise `non_rispettato` when missedInstallments ≥ breachAfterMissed (default 3), else
 *   `in_ritardo`.
 * - `nextDue` is the earliest installment not fully covered (without tolerance), with only the
 *   part still owed: overdue when the plan is late, so the letter to the household can quote it.
 */
export function planStatus({
  installments,
  payments,
  asOf,
  tolerance,
  breachAfterMissed = DEFAULT_BREACH_AFTER_MISSED,
}: {
  installments: readonly Installment[];
  payments: readonly PlanPayment[];
  asOf: string;
  tolerance: { days: number; amountCents: number };
  breachAfterMissed?: number;
}): PlanStatusResult {
  const cutoff = addDays(asOf, -tolerance.days);
  const ordered = [...installments].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0,
  );

  let paidCents = 0;
  for (const payment of payments) if (payment.date <= asOf) paidCents += payment.amountCents;

  let totalCents = 0;
  let expectedCents = 0;
  let missedInstallments = 0;
  let nextDue: Installment | null = null;
  for (const installment of ordered) {
    const coveredBefore = totalCents;
    totalCents += installment.amountCents;
    if (installment.dueDate <= cutoff) {
      expectedCents += installment.amountCents;
      if (paidCents + tolerance.amountCents < totalCents) missedInstallments += 1;
    }
    if (nextDue === null && paidCents < totalCents) {
      nextDue = {
        dueDate: installment.dueDate,
        amountCents: totalCents - Math.max(paidCents, coveredBefore),
      };
    }
  }

  if (paidCents >= totalCents) {
    return {
      status: 'concluso',
      expectedCents,
      paidCents,
      shortfallCents: 0,
      missedInstallments: 0,
      nextDue: null,
    };
  }
  const shortfallCents = Math.max(0, expectedCents - paidCents);
  const status: PlanStatus =
    shortfallCents <= tolerance.amountCents
      ? 'in_regola'
      : missedInstallments >= breachAfterMissed
        ? 'non_rispettato'
        : 'in_ritardo';
  return { status, expectedCents, paidCents, shortfallCents, missedInstallments, nextDue };
}
