import {
  planStatus,
  type Installment,
  type PlanPayment,
  type PlanStatusResult,
} from '../../shared/arrears/plan';
import type { ArrearsSettings, Plan } from '../../shared/contract';
import type { Db } from '../connection';
import type { PlanCloseReason, PlanStatusValue } from '../schema';
import { allRows, firstRow, runSql } from './registry-common';

/**
 * Repayment plans (piani di rientro): the plan, its installments (built once with
 * buildInstallments and stored) and its payments, recorded by hand or matched from the
 * statements. The status column caches planStatus() for the worklist.
 */
export interface PlanRow {
  id: number;
  household_id: number;
  total_cents: number;
  installment_count: number;
  first_due_on: string;
  every_months: number;
  notes: string;
  status: PlanStatusValue;
  closed_on: string | null;
  close_reason: PlanCloseReason | null;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  created_by_name: string | null;
}

interface InstallmentRow {
  plan_id: number;
  seq: number;
  due_on: string;
  amount_cents: number;
}

interface PaymentRow {
  id: number;
  plan_id: number;
  paid_on: string;
  amount_cents: number;
  source: 'manuale' | 'estratto';
  statement_period: string | null;
  notes: string;
  created_at: string;
  created_by_name: string | null;
}

const PLAN_COLUMNS = `p.id, p.household_id, p.total_cents, p.installment_count, p.first_due_on, p.every_months,
  p.notes, p.status, p.closed_on, p.close_reason, p.created_at, p.updated_at, p.created_by,
  o.full_name AS created_by_name`;

export function getPlanRow(db: Db, id: number): PlanRow | undefined {
  return firstRow<PlanRow>(
    db.raw,
    `SELECT ${PLAN_COLUMNS} FROM repayment_plans p LEFT JOIN operators o ON o.id = p.created_by WHERE p.id = ?`,
    [id],
  );
}

/** The household's open plan (closed_on IS NULL), if any. */
export function openPlanRow(db: Db, householdId: number): PlanRow | undefined {
  return firstRow<PlanRow>(
    db.raw,
    `SELECT ${PLAN_COLUMNS} FROM repayment_plans p LEFT JOIN operators o ON o.id = p.created_by
      WHERE p.household_id = ? AND p.closed_on IS NULL`,
    [householdId],
  );
}

/** Every plan of the household: the open one first, then the closed ones, newest first. */
export function householdPlanRows(db: Db, householdId: number): PlanRow[] {
  return allRows<PlanRow>(
    db.raw,
    `SELECT ${PLAN_COLUMNS} FROM repayment_plans p LEFT JOIN operators o ON o.id = p.created_by
      WHERE p.household_id = ?
      ORDER BY p.closed_on IS NOT NULL, p.id DESC`,
    [householdId],
  );
}

function installmentRows(db: Db, planIds: readonly number[]): InstallmentRow[] {
  if (planIds.length === 0) return [];
  return allRows<InstallmentRow>(
    db.raw,
    `SELECT plan_id, seq, due_on, amount_cents FROM plan_installments
      WHERE plan_id IN (SELECT value FROM json_each(?)) ORDER BY plan_id, seq`,
    [JSON.stringify(planIds)],
  );
}

function paymentRows(db: Db, planIds: readonly number[]): PaymentRow[] {
  if (planIds.length === 0) return [];
  return allRows<PaymentRow>(
    db.raw,
    `SELECT pp.id, pp.plan_id, pp.paid_on, pp.amount_cents, pp.source, pp.statement_period, pp.notes,
            pp.created_at, o.full_name AS created_by_name
       FROM plan_payments pp LEFT JOIN operators o ON o.id = pp.created_by
      WHERE pp.plan_id IN (SELECT value FROM json_each(?))
      ORDER BY pp.plan_id, pp.paid_on, pp.id`,
    [JSON.stringify(planIds)],
  );
}

function groupBy<T extends { plan_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.plan_id);
    if (list) list.push(row);
    else map.set(row.plan_id, [row]);
  }
  return map;
}

export type PlanRules = Pick<ArrearsSettings, 'planTolerance' | 'breachAfterMissed'>;

/** planStatus() with the settings' tolerance. */
export function evaluatePlan(
  installments: readonly Installment[],
  payments: readonly PlanPayment[],
  asOf: string,
  rules: PlanRules,
): PlanStatusResult {
  return planStatus({
    installments,
    payments,
    asOf,
    tolerance: rules.planTolerance,
    breachAfterMissed: rules.breachAfterMissed,
  });
}

/**
 * Plans as the contract shows them, with the status computed as of `today` for open plans and
 * as of the closing day for closed ones (a closed plan keeps the state it ended in).
 */
export function planViews(db: Db, rows: readonly PlanRow[], today: string, rules: PlanRules): Plan[] {
  const ids = rows.map((r) => r.id);
  const installments = groupBy(installmentRows(db, ids));
  const payments = groupBy(paymentRows(db, ids));
  return rows.map((row) => {
    const own = installments.get(row.id) ?? [];
    const paid = payments.get(row.id) ?? [];
    const asOf = row.closed_on ?? today;
    const result = evaluatePlan(
      own.map((i) => ({ dueDate: i.due_on, amountCents: i.amount_cents })),
      paid.map((p) => ({ date: p.paid_on, amountCents: p.amount_cents })),
      asOf,
      rules,
    );
    // Payments cover installments in due-date order (the order of seq).
    let left = result.paidCents;
    const withCover = own.map((i) => {
      const coveredCents = Math.min(i.amount_cents, Math.max(0, left));
      left -= coveredCents;
      return { seq: i.seq, dueOn: i.due_on, amountCents: i.amount_cents, coveredCents };
    });
    return {
      id: row.id,
      householdId: row.household_id,
      totalCents: row.total_cents,
      installmentCount: row.installment_count,
      firstDueOn: row.first_due_on,
      everyMonths: row.every_months,
      notes: row.notes,
      status: result.status,
      expectedCents: result.expectedCents,
      paidCents: result.paidCents,
      shortfallCents: result.shortfallCents,
      missedInstallments: result.missedInstallments,
      nextDue: result.nextDue,
      closedOn: row.closed_on,
      closeReason: row.close_reason,
      installments: withCover,
      payments: paid.map((p) => ({
        id: p.id,
        paidOn: p.paid_on,
        amountCents: p.amount_cents,
        source: p.source,
        statementPeriod: p.statement_period,
        notes: p.notes,
        createdAt: p.created_at,
        createdBy: p.created_by_name,
      })),
      createdAt: row.created_at,
      createdBy: row.created_by_name,
      updatedAt: row.updated_at,
    };
  });
}

export function planView(db: Db, id: number, today: string, rules: PlanRules): Plan | undefined {
  const row = getPlanRow(db, id);
  return row ? planViews(db, [row], today, rules)[0] : undefined;
}

export interface NewPlan {
  householdId: number;
  totalCents: number;
  installmentCount: number;
  firstDueOn: string;
  everyMonths: number;
  notes: string;
}

/** Inserts the plan and its installments; returns the id. */
export function insertPlan(
  db: Db,
  plan: NewPlan,
  installments: readonly Installment[],
  status: PlanStatusValue,
  now: string,
  operatorId: number,
): number {
  const id = runSql(
    db.raw,
    `INSERT INTO repayment_plans (household_id, total_cents, installment_count, first_due_on, every_months, notes,
                                  status, closed_on, close_reason, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)`,
    [
      plan.householdId,
      plan.totalCents,
      plan.installmentCount,
      plan.firstDueOn,
      plan.everyMonths,
      plan.notes,
      status,
      now,
      now,
      operatorId,
      operatorId,
    ],
  );
  installments.forEach((installment, index) => {
    runSql(db.raw, 'INSERT INTO plan_installments (plan_id, seq, due_on, amount_cents) VALUES (?, ?, ?, ?)', [
      id,
      index + 1,
      installment.dueDate,
      installment.amountCents,
    ]);
  });
  return id;
}

export function closePlanRow(
  db: Db,
  id: number,
  values: { closedOn: string; reason: PlanCloseReason; status: PlanStatusValue },
  updatedAt: string,
  operatorId: number,
): void {
  runSql(
    db.raw,
    `UPDATE repayment_plans SET closed_on = ?, close_reason = ?, status = ?, updated_at = ?, updated_by = ?
      WHERE id = ?`,
    [values.closedOn, values.reason, values.status, updatedAt, operatorId, id],
  );
}

/** A change to the plan by a person: new version and cached status. */
export function touchPlan(
  db: Db,
  id: number,
  status: PlanStatusValue,
  updatedAt: string,
  operatorId: number,
): void {
  runSql(db.raw, 'UPDATE repayment_plans SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?', [
    status,
    updatedAt,
    operatorId,
    id,
  ]);
}

export function insertManualPayment(
  db: Db,
  planId: number,
  payment: { paidOn: string; amountCents: number; notes: string },
  now: string,
  operatorId: number,
): number {
  return runSql(
    db.raw,
    `INSERT INTO plan_payments (plan_id, paid_on, amount_cents, source, statement_period, notes, created_at, created_by)
     VALUES (?, ?, ?, 'manuale', NULL, ?, ?, ?)`,
    [planId, payment.paidOn, payment.amountCents, payment.notes, now, operatorId],
  );
}

export function getPaymentRow(
  db: Db,
  id: number,
): { id: number; plan_id: number; source: 'manuale' | 'estratto' } | undefined {
  return firstRow(db.raw, 'SELECT id, plan_id, source FROM plan_payments WHERE id = ?', [id]);
}

export function deletePayment(db: Db, id: number): void {
  runSql(db.raw, 'DELETE FROM plan_payments WHERE id = ?', [id]);
}

/** The plan's installments and payments as planStatus() takes them. */
export function planTerms(db: Db, planId: number): { installments: Installment[]; payments: PlanPayment[] } {
  return {
    installments: installmentRows(db, [planId]).map((i) => ({
      dueDate: i.due_on,
      amountCents: i.amount_cents,
    })),
    payments: paymentRows(db, [planId]).map((p) => ({ date: p.paid_on, amountCents: p.amount_cents })),
  };
}

/** The cached status of the plan as of `asOf`. */
export function currentPlanStatus(db: Db, planId: number, asOf: string, rules: PlanRules): PlanStatusResult {
  const { installments, payments } = planTerms(db, planId);
  return evaluatePlan(installments, payments, asOf, rules);
}

// ---------- payments matched from the statements ----------

interface MatchStatementRow {
  plan_id: number;
  period: string;
  due_cents: number;
  paid_cents: number;
  last_payment_date: string | null;
}

/**
 * Rebuilds the payments "from the statement" of the open plans of these households (all when
 * 'all'): in each monthly statement from the month of the plan's first installment on, what
 * was paid beyond the month's due is a plan payment (the installment is paid together with
 * the rent). A month in which a payment was recorded by hand is left to that payment, so the
 * same money is not counted twice. Dated with the statement's payment date, else the 15th.
 * Returns the ids of the plans whose payments changed. Not a user change: the plans'
 * updated_at stays.
 */
export function matchStatementPayments(
  db: Db,
  householdIds: readonly number[] | 'all',
  now: string,
): number[] {
  const filter = householdIds === 'all' ? '' : 'AND p.household_id IN (SELECT value FROM json_each(?))';
  const params = householdIds === 'all' ? [] : [JSON.stringify(householdIds)];
  const statements = allRows<MatchStatementRow>(
    db.raw,
    `SELECT p.id AS plan_id, s.period, s.due_cents, s.paid_cents, s.last_payment_date
       FROM repayment_plans p
       JOIN arrears_statements s ON s.household_id = p.household_id AND s.period >= substr(p.first_due_on, 1, 7)
      WHERE p.closed_on IS NULL ${filter} AND s.paid_cents > s.due_cents
        AND NOT EXISTS (SELECT 1 FROM plan_payments m
                         WHERE m.plan_id = p.id AND m.source = 'manuale' AND substr(m.paid_on, 1, 7) = s.period)`,
    params,
  );
  const existing = allRows<{
    id: number;
    plan_id: number;
    statement_period: string;
    paid_on: string;
    amount_cents: number;
  }>(
    db.raw,
    `SELECT pp.id, pp.plan_id, pp.statement_period, pp.paid_on, pp.amount_cents
       FROM plan_payments pp JOIN repayment_plans p ON p.id = pp.plan_id
      WHERE pp.source = 'estratto' AND p.closed_on IS NULL ${filter}`,
    params,
  );
  const wanted = new Map<string, { planId: number; period: string; paidOn: string; amountCents: number }>();
  for (const s of statements) {
    const paidOn =
      s.last_payment_date !== null && s.last_payment_date.startsWith(s.period)
        ? s.last_payment_date
        : `${s.period}-15`;
    wanted.set(`${s.plan_id}|${s.period}`, {
      planId: s.plan_id,
      period: s.period,
      paidOn,
      amountCents: s.paid_cents - s.due_cents,
    });
  }
  const changed = new Set<number>();
  for (const row of existing) {
    const key = `${row.plan_id}|${row.statement_period}`;
    const want = wanted.get(key);
    if (want && want.paidOn === row.paid_on && want.amountCents === row.amount_cents) {
      wanted.delete(key);
      continue;
    }
    runSql(db.raw, 'DELETE FROM plan_payments WHERE id = ?', [row.id]);
    changed.add(row.plan_id);
  }
  for (const want of wanted.values()) {
    runSql(
      db.raw,
      `INSERT INTO plan_payments (plan_id, paid_on, amount_cents, source, statement_period, notes, created_at, created_by)
       VALUES (?, ?, ?, 'estratto', ?, '', ?, NULL)`,
      [want.planId, want.paidOn, want.amountCents, want.period, now],
    );
    changed.add(want.planId);
  }
  return [...changed];
}
