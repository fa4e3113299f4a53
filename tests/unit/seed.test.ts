import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { matchStatementPayments } from '../../db/queries/plans';
import { computeRiskAsOf, lastFullRecompute, recomputeRisk } from '../../db/queries/risk';
import { createAppCore, type AppCore } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/logger';
import { INCOLPEVOLE_CAUSES } from '../../shared/arrears/incolpevole';
import { buildInstallments, planStatus } from '../../shared/arrears/plan';
import { LEGAL_STAGES } from '../../shared/risk/score';
import { checkTaxCode } from '../../shared/codice-fiscale';
import {
  DEFAULT_ARREARS_SETTINGS,
  type ApiResult,
  type CallInput,
  type CallName,
  type CallOutput,
  type HouseholdRow,
  type Member,
} from '../../shared/contract';
import { foldText } from '../../shared/normalize';
import { ARREARS_MONTHS, ARREARS_ROWS, RISK_HISTORY_MONTHS } from '../seed/arrears';
import { parseSeedArgs } from '../seed/cli';
import { MEETINGS } from '../seed/meetings';
import { COMMUNITY } from '../seed/community';
import { localToday } from '../seed/dates';
import { createSeed, SeedError, SIZES, type SeedResult } from '../seed/generate';
import { openWithKey, unwrapKey } from './support';

const PASSWORD = 'una password lunga di prova';
const TODAY = localToday();
/** `YYYY-MM` moved by n months. */
const addMonth = (period: string, n: number) => {
  const i = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
/** The statements run to last month (this month's file has not arrived yet). */
const LAST_PERIOD = addMonth(TODAY.slice(0, 7), -1);
const PERIODS = Array.from({ length: ARREARS_MONTHS }, (_, i) =>
  addMonth(LAST_PERIOD, i + 1 - ARREARS_MONTHS),
);
const folders: string[] = [];
const newFolder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-seed-'));
  folders.push(dir);
  return path.join(dir, 'dati');
};

/** Households, members, interventions and the arrears, in id order, hashed: equal data gives an equal digest. */
async function digest(dir: string): Promise<string> {
  const db = openWithKey(dir, await unwrapKey(dir, 'admin', PASSWORD));
  try {
    const hash = crypto.createHash('sha256');
    for (const sql of [
      'SELECT id, code, unit_id, since, reference_member_id, status, phone, language, to_team, notes, created_at FROM households ORDER BY id',
      'SELECT id, household_id, first_name, surname, sex, birth_date, tax_code, phone, relationship, left_on FROM members ORDER BY id',
      'SELECT id, group_id, occurred_at, operator_id, household_id, building_id, type_id, confidential FROM interventions ORDER BY id',
      'SELECT id, file_name, sha256, imported_at, imported_by, rows_read, rows_written, rows_skipped FROM arrears_imports ORDER BY id',
      'SELECT * FROM arrears_statements ORDER BY id',
      'SELECT * FROM household_arrears ORDER BY household_id',
      'SELECT * FROM repayment_plans ORDER BY id',
      'SELECT * FROM plan_installments ORDER BY plan_id, seq',
      'SELECT * FROM plan_payments ORDER BY id',
      'SELECT * FROM incolpevole_causes ORDER BY id',
      'SELECT * FROM household_isee ORDER BY household_id',
      'SELECT household_id, month, score, band, contributions FROM risk_scores ORDER BY household_id, month',
    ]) {
      for (const row of db.raw.prepare(sql).iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

describe('synthetic data set (small)', () => {
  let dir: string;
  let seeded: SeedResult;
  let core: AppCore;
  const call = <N extends CallName>(name: N, input: CallInput<N>) =>
    core.dispatch(name, input) as Promise<ApiResult<CallOutput<N>>>;
  const ok = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const result = await call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.kind} ${result.error.message}`);
    return result.value;
  };

  beforeAll(async () => {
    dir = newFolder();
    seeded = await createSeed({ dataDir: dir, size: 'small', password: PASSWORD, seed: 7, today: TODAY });
    core = createAppCore({ dataDir: dir, log: silentLogger });
    await ok('session.login', { username: 'admin', password: PASSWORD });
  }, 60_000);

  afterAll(() => {
    core.close();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('holds the expected numbers of records, seen through the app', async () => {
    const spec = SIZES.small;
    expect(seeded.counts.households).toBe(spec.households);
    expect(seeded.counts.interventions).toBe(spec.interventions);
    expect((await ok('areas.list', {})).areas).toHaveLength(spec.areas);
    expect((await ok('buildings.list', { pageSize: 100 })).total).toBe(spec.buildings);
    expect((await ok('households.list', { pageSize: 5 })).total).toBe(spec.households);
    const operators = (await ok('operators.list', {})).operators;
    expect(operators.filter((o) => o.role === 'operatore')).toHaveLength(spec.tutors);
    expect(operators.filter((o) => o.role === 'coordinatore')).toHaveLength(spec.coordinators);
    expect((await ok('interventions.list', { pageSize: 5 })).total).toBe(spec.interventions);
    // About 2.5 people per household.
    expect(seeded.counts.members).toBeGreaterThan(330);
    expect(seeded.counts.members).toBeLessThan(450);
  });

  it('numbers households N-000001… and keeps one present household per unit', async () => {
    const rows: HouseholdRow[] = [];
    for (let page = 0; page * 100 < SIZES.small.households; page++) {
      rows.push(
        ...(await ok('households.list', { page, pageSize: 100, sortField: 'code', sortDir: 'asc' })).rows,
      );
    }
    expect(rows.map((r) => r.code)).toEqual(
      Array.from({ length: SIZES.small.households }, (_, i) => `N-${String(i + 1).padStart(6, '0')}`),
    );
    const occupied = rows.filter((r) => r.status === 'attivo').map((r) => r.unitId);
    expect(new Set(occupied).size).toBe(occupied.length);
    expect(rows.some((r) => r.status !== 'attivo')).toBe(true);
  });

  it('gives every member a valid codice fiscale (or none), and an accent-free search finds them', async () => {
    const list = await ok('households.list', { pageSize: 100 });
    const more = await ok('households.list', { page: 1, pageSize: 100 });
    const members: Member[] = [];
    for (const row of [...list.rows, ...more.rows]) {
      const page = await ok('households.get', { id: row.id });
      expect(page.members[0]?.relationship).toBe('intestatario');
      expect(page.household.referenceMemberId).toBe(page.members[0]?.id);
      members.push(...page.members);
    }
    expect(members).toHaveLength(seeded.counts.members!);
    const withCode = members.filter((m) => m.taxCode !== null);
    expect(withCode.length).toBeGreaterThan(members.length * 0.8);
    for (const member of withCode)
      expect(checkTaxCode(member.taxCode!), member.taxCode!).toMatchObject({ ok: true });

    const accented = members.filter((m) => foldText(m.firstName) !== m.firstName.toLowerCase());
    expect(accented.length).toBeGreaterThan(0);
    const frequency = (name: string) =>
      members.filter((m) => foldText(m.firstName) === foldText(name)).length;
    const person = [...accented].sort((a, b) => frequency(a.firstName) - frequency(b.firstName))[0]!;
    const q = foldText(person.firstName);
    expect(q).not.toBe(person.firstName.toLowerCase());
    const { results } = await ok('search.households', { q, limit: 50 });
    expect(results.map((r) => r.id)).toContain(person.householdId);
  });

  it('lets the sample tutor sign in, see only their buildings and find an agenda', async () => {
    await ok('session.logout', {});
    try {
      await ok('session.login', { username: seeded.tutor, password: PASSWORD });
      const buildings = await ok('buildings.list', { pageSize: 100 });
      expect(buildings.total).toBeGreaterThan(0);
      expect(buildings.total).toBeLessThan(SIZES.small.buildings);
      const agenda = await ok('agenda.get', {});
      expect(agenda.overdue.length).toBeGreaterThan(0);
      expect(agenda.dueToday.length + agenda.nextDays.length).toBeGreaterThan(0);
    } finally {
      await call('session.logout', {});
      await ok('session.login', { username: 'admin', password: PASSWORD });
    }
  });

  describe('arrears', () => {
    let db: Db;
    const all = <R>(sql: string, ...params: unknown[]) => db.raw.prepare(sql).all(...params) as R[];
    const value = (sql: string, ...params: unknown[]): unknown =>
      db.raw
        .prepare(sql)
        .pluck()
        .get(...params);
    /** Runs fn in a transaction that is always rolled back. */
    const rolledBack = (fn: () => void) => {
      const rollback = new Error('rollback');
      try {
        db.raw.transaction(() => {
          fn();
          throw rollback;
        })();
      } catch (err) {
        if (err !== rollback) throw err;
      }
    };

    beforeAll(async () => {
      db = openWithKey(dir, await unwrapKey(dir, 'admin', PASSWORD));
    });
    afterAll(() => db.close());

    interface StatementRow {
      unit_id: number;
      household_id: number;
      period: string;
      rent_cents: number;
      charges_cents: number;
      due_cents: number;
      paid_cents: number;
      balance_cents: number;
      months_unpaid: number;
      legal_stage: string | null;
      last_payment_date: string | null;
    }
    const statements = () =>
      all<StatementRow>(
        `SELECT unit_id, household_id, period, rent_cents, charges_cents, due_cents, paid_cents, balance_cents,
                months_unpaid, legal_stage, last_payment_date
           FROM arrears_statements ORDER BY unit_id, period`,
      );

    it('imports one ALER file a month for five years, up to last month', () => {
      const imports = all<{
        file_name: string;
        sha256: string;
        rows_read: number;
        rows_written: number;
        rows_skipped: number;
        period_min: string;
        period_max: string;
        written: number;
        changes: number;
      }>(
        `SELECT i.file_name, i.sha256, i.rows_read, i.rows_written, i.rows_skipped, i.period_min, i.period_max,
                (SELECT count(*) FROM arrears_statements s WHERE s.import_id = i.id AND s.period = i.period_min) AS written,
                (SELECT count(*) FROM arrears_statement_changes c WHERE c.import_id = i.id AND c.previous IS NULL) AS changes
           FROM arrears_imports i ORDER BY i.id`,
      );
      expect(imports.map((i) => i.file_name)).toEqual(PERIODS.map((p) => `estratto_ALER_${p}.csv`));
      for (const i of imports) {
        expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(i.period_max).toBe(i.period_min);
        expect(i.rows_written).toBe(i.written);
        expect(i.changes).toBe(i.written);
        expect(i.rows_read).toBe(i.rows_written + i.rows_skipped);
      }
      expect(new Set(imports.map((i) => i.sha256)).size).toBe(ARREARS_MONTHS);
      expect(value('SELECT count(*) FROM arrears_statements')).toBe(seeded.counts.arrears_statements);
      expect(seeded.counts.arrears_statements).toBeGreaterThanOrEqual(ARREARS_ROWS.small);
      expect(seeded.counts.arrears_statements).toBeLessThan(ARREARS_ROWS.small + ARREARS_MONTHS);
    });

    it('bills each unit every month someone lived there, to the household living there on the 15th', () => {
      const units = all<{ unit_id: number; n: number; lo: string; hi: string; households: number }>(
        `SELECT unit_id, count(*) AS n, min(period) AS lo, max(period) AS hi, count(DISTINCT household_id) AS households
           FROM arrears_statements GROUP BY unit_id`,
      );
      expect(units.length).toBeGreaterThan(40);
      for (const u of units) {
        expect(u.n).toBeLessThanOrEqual(ARREARS_MONTHS);
        expect(u.lo >= PERIODS[0]! && u.hi <= LAST_PERIOD).toBe(true);
      }
      // Most units were lived in all five years; the others changed household or stood empty for a while.
      expect(units.filter((u) => u.n === ARREARS_MONTHS).length).toBeGreaterThan(units.length * 0.6);
      expect(
        value(
          `SELECT count(*) FROM arrears_statements s JOIN units u ON u.id = s.unit_id JOIN buildings b ON b.id = u.building_id
            WHERE b.owner IS NOT 'ALER' OR u.agency_code IS NULL`,
        ),
      ).toBe(0);
      // The household had moved into that unit by the 15th…
      expect(
        value(
          `SELECT count(*) FROM arrears_statements s
            WHERE NOT EXISTS (SELECT 1 FROM household_moves m WHERE m.household_id = s.household_id
                               AND m.to_unit_id = s.unit_id AND m.moved_on <= s.period || '-15')`,
        ),
      ).toBe(0);
      // …and from the month the present household arrived, the statements are its own.
      expect(
        value(
          `SELECT count(*) FROM arrears_statements s JOIN households h ON h.unit_id = s.unit_id AND h.status = 'attivo'
            WHERE h.since <= s.period || '-15' AND s.household_id <> h.id`,
        ),
      ).toBe(0);
    });

    it('keeps balance, months unpaid and last payment consistent with the monthly amounts', () => {
      // Balance = running sum of due − paid of that household in that unit.
      expect(
        value(
          `SELECT count(*) FROM (
             SELECT balance_cents, sum(due_cents - paid_cents) OVER (PARTITION BY unit_id, household_id ORDER BY period) AS running
               FROM arrears_statements) WHERE balance_cents <> running`,
        ),
      ).toBe(0);
      const rows = statements();
      // A sample unit, by hand: the one whose balance moved most.
      const sample = [...new Set(rows.map((r) => r.unit_id))]
        .map((id) => rows.filter((r) => r.unit_id === id))
        .sort(
          (a, b) => new Set(b.map((r) => r.balance_cents)).size - new Set(a.map((r) => r.balance_cents)).size,
        )[0]!;
      let balance = 0;
      for (const row of sample) {
        balance += row.due_cents - row.paid_cents;
        expect(row.balance_cents).toBe(balance);
      }
      expect(Math.max(...sample.map((r) => r.balance_cents))).toBeGreaterThan(0);

      const wrong: string[] = [];
      let prev: StatementRow | null = null;
      for (const row of rows) {
        const same =
          prev !== null &&
          prev.unit_id === row.unit_id &&
          prev.household_id === row.household_id &&
          addMonth(prev.period, 1) === row.period;
        const months =
          row.balance_cents > 0 && row.paid_cents === 0 ? (same ? prev!.months_unpaid : 0) + 1 : 0;
        const lastPayment =
          row.paid_cents > 0
            ? row.last_payment_date?.startsWith(row.period)
            : row.last_payment_date === (same ? prev!.last_payment_date : null);
        const where = `${row.unit_id} ${row.period}`;
        if (row.due_cents !== row.rent_cents + row.charges_cents) wrong.push(`${where}: due`);
        if (row.rent_cents < 4_000 || row.rent_cents > 35_000) wrong.push(`${where}: rent ${row.rent_cents}`);
        if (row.charges_cents < 2_000 || row.charges_cents > 9_000) wrong.push(`${where}: charges`);
        if (row.paid_cents < 0) wrong.push(`${where}: paid`);
        if (row.months_unpaid !== months)
          wrong.push(`${where}: months unpaid ${row.months_unpaid}, expected ${months}`);
        if (!lastPayment) wrong.push(`${where}: last payment ${row.last_payment_date}`);
        if (row.last_payment_date !== null && row.last_payment_date >= TODAY)
          wrong.push(`${where}: payment in the future`);
        prev = row;
      }
      expect(wrong).toEqual([]);
    });

    it('has households that always pay, that slip and recover, and that spiral into legal steps', () => {
      const households = all<{
        household_id: number;
        peak: number;
        max_due: number;
        latest: number;
        latest_due: number;
      }>(
        `SELECT s.household_id, max(s.balance_cents) AS peak, max(s.due_cents) AS max_due,
                (SELECT l.balance_cents FROM arrears_statements l WHERE l.household_id = s.household_id ORDER BY l.period DESC LIMIT 1) AS latest,
                (SELECT l.due_cents FROM arrears_statements l WHERE l.household_id = s.household_id ORDER BY l.period DESC LIMIT 1) AS latest_due
           FROM arrears_statements s GROUP BY s.household_id`,
      );
      const n = households.length;
      // Never more than one month behind (a late month caught up the next one).
      const paying = households.filter((h) => h.peak <= h.max_due);
      expect(paying.length).toBeGreaterThan(n * 0.6);
      expect(paying.length).toBeLessThan(n * 0.9);
      expect(paying.some((h) => h.peak > 0)).toBe(true);
      // Owed two months or more, and owe nothing now.
      expect(households.filter((h) => h.peak >= 2 * h.max_due && h.latest <= 0).length).toBeGreaterThan(0);
      // Owe three months or more now.
      const spiralling = households.filter((h) => h.latest >= 3 * h.latest_due);
      expect(spiralling.length).toBeGreaterThan(0);

      // Stages only go forward (back to 'nessuna' when the debt is paid), and only while something is owed.
      const rank = (stage: string) => LEGAL_STAGES.indexOf(stage as (typeof LEGAL_STAGES)[number]);
      const latestStage = new Map<number, string>();
      const wrong: string[] = [];
      for (const row of all<StatementRow>(
        'SELECT household_id, period, balance_cents, legal_stage FROM arrears_statements WHERE legal_stage IS NOT NULL ORDER BY household_id, period',
      )) {
        const before = latestStage.get(row.household_id);
        const stage = row.legal_stage!;
        if (stage === 'nessuna' ? row.balance_cents > 0 : row.balance_cents <= 0)
          wrong.push(`${row.household_id} ${row.period}: ${stage} with balance ${row.balance_cents}`);
        if (before !== undefined && stage !== 'nessuna' && before !== 'nessuna' && rank(stage) < rank(before))
          wrong.push(`${row.household_id} ${row.period}: ${before} → ${stage}`);
        latestStage.set(row.household_id, stage);
      }
      expect(wrong).toEqual([]);
      // The household's stage is the latest one stated, set by the import of that month.
      const stored = all<{
        household_id: number;
        legal_stage: string;
        legal_stage_period: string;
        legal_stage_set_by: number | null;
      }>(
        'SELECT household_id, legal_stage, legal_stage_period, legal_stage_set_by FROM household_arrears ORDER BY household_id',
      );
      expect(new Map(stored.map((s) => [s.household_id, s.legal_stage]))).toEqual(latestStage);
      expect(stored.every((s) => s.legal_stage_set_by === null)).toBe(true);
      expect(stored.some((s) => rank(s.legal_stage) >= rank('diffida'))).toBe(true);
      expect(
        value(
          `SELECT count(*) FROM household_arrears a JOIN arrears_imports i ON i.id = a.legal_stage_import_id
            WHERE i.period_min <> a.legal_stage_period OR i.imported_at <> a.legal_stage_set_at`,
        ),
      ).toBe(0);

      // Morosità incolpevole: known causes, dated in the past, for households that fell behind.
      const codes = new Set<string>(INCOLPEVOLE_CAUSES.map((c) => c.code));
      const behind = new Set(households.filter((h) => h.peak > 0).map((h) => h.household_id));
      for (const c of all<{ household_id: number; cause: string; event_date: string | null }>(
        'SELECT household_id, cause, event_date FROM incolpevole_causes',
      )) {
        expect(codes.has(c.cause)).toBe(true);
        expect(behind.has(c.household_id)).toBe(true);
        if (c.event_date !== null) expect(c.event_date < TODAY).toBe(true);
      }
      for (const i of all<{ household_id: number; isee_date: string }>(
        'SELECT household_id, isee_date FROM household_isee',
      )) {
        expect(behind.has(i.household_id)).toBe(true);
        expect(i.isee_date < TODAY).toBe(true);
      }
    });

    it('gives repayment plans installments summing to the total, payments from the statements and their status', () => {
      const plans = all<{
        id: number;
        household_id: number;
        total_cents: number;
        installment_count: number;
        first_due_on: string;
        every_months: number;
        status: string;
        closed_on: string | null;
        close_reason: string | null;
      }>('SELECT * FROM repayment_plans ORDER BY id');
      expect(plans.length).toBeGreaterThan(0);
      const { planTolerance, breachAfterMissed } = DEFAULT_ARREARS_SETTINGS;
      for (const plan of plans) {
        const installments = all<{ due_on: string; amount_cents: number }>(
          'SELECT due_on, amount_cents FROM plan_installments WHERE plan_id = ? ORDER BY seq',
          plan.id,
        );
        expect(installments).toHaveLength(plan.installment_count);
        expect(installments.reduce((sum, i) => sum + i.amount_cents, 0)).toBe(plan.total_cents);
        expect(installments).toEqual(
          buildInstallments({
            totalCents: plan.total_cents,
            count: plan.installment_count,
            firstDueDate: plan.first_due_on,
            everyMonths: plan.every_months,
          }).map((i) => ({ due_on: i.dueDate, amount_cents: i.amountCents })),
        );
        // The debt of the month the plan was agreed.
        expect(
          value(
            'SELECT balance_cents FROM arrears_statements WHERE household_id = ? AND period = ?',
            plan.household_id,
            addMonth(plan.first_due_on.slice(0, 7), -1),
          ),
        ).toBe(plan.total_cents);
        // Each payment is what that month's statement shows paid beyond the due.
        const payments = all<{
          paid_on: string;
          amount_cents: number;
          statement_period: string;
          extra: number;
        }>(
          `SELECT p.paid_on, p.amount_cents, p.statement_period, s.paid_cents - s.due_cents AS extra
             FROM plan_payments p JOIN arrears_statements s ON s.household_id = ? AND s.period = p.statement_period
            WHERE p.plan_id = ? AND p.source = 'estratto' ORDER BY p.paid_on`,
          plan.household_id,
          plan.id,
        );
        expect(payments).toHaveLength(
          Number(value('SELECT count(*) FROM plan_payments WHERE plan_id = ?', plan.id)),
        );
        for (const p of payments) {
          expect(p.amount_cents).toBe(p.extra);
          expect(p.paid_on.startsWith(p.statement_period)).toBe(true);
        }
        const status = planStatus({
          installments: installments.map((i) => ({ dueDate: i.due_on, amountCents: i.amount_cents })),
          payments: payments.map((p) => ({ date: p.paid_on, amountCents: p.amount_cents })),
          asOf: plan.closed_on ?? TODAY,
          tolerance: planTolerance,
          breachAfterMissed,
        }).status;
        expect(plan.status).toBe(status);
        if (plan.close_reason === 'concluso') expect(status).toBe('concluso');
        if (plan.close_reason === 'decaduto') expect(status).toBe('non_rispettato');
      }
      // The app's own matching after an import finds nothing to change.
      rolledBack(() => expect(matchStatementPayments(db, 'all', `${TODAY}T08:00:00.000Z`)).toEqual([]));
    });

    it('scores every household this month and keeps 24 months of history, as the app computes them', () => {
      const month = TODAY.slice(0, 7);
      expect(value('SELECT count(*) FROM risk_scores WHERE month = ?', month)).toBe(SIZES.small.households);
      expect(lastFullRecompute(db)).toBe(TODAY);
      // Those who owe at least two months' rent score something.
      expect(
        value(
          `SELECT count(*) FROM arrears_statements s JOIN risk_scores r ON r.household_id = s.household_id AND r.month = ?
            WHERE s.period = ? AND s.balance_cents >= 2 * s.due_cents AND r.score = 0`,
          month,
          LAST_PERIOD,
        ),
      ).toBe(0);
      expect(value('SELECT count(*) FROM risk_scores WHERE month = ? AND score > 0', month)).toBeGreaterThan(
        0,
      );
      // History: the households billed in each of the last 24 months, and no other month.
      const history = all<{ month: string; n: number; billed: number }>(
        `SELECT r.month, count(*) AS n,
                (SELECT count(*) FROM arrears_statements s WHERE s.period = r.month) AS billed
           FROM risk_scores r WHERE r.month <> ? GROUP BY r.month ORDER BY r.month`,
        month,
      );
      expect(history.map((h) => h.month)).toEqual(PERIODS.slice(-RISK_HISTORY_MONTHS));
      for (const h of history) expect(h.n).toBe(h.billed);
      expect(
        value(
          `SELECT count(*) FROM risk_scores r WHERE r.month <> ?
              AND NOT EXISTS (SELECT 1 FROM arrears_statements s WHERE s.household_id = r.household_id AND s.period = r.month)`,
          month,
        ),
      ).toBe(0);

      // Computing them again with the app's functions changes nothing.
      const scores = (m: string) =>
        all(
          'SELECT household_id, score, band, band_rank, contributions FROM risk_scores WHERE month = ? ORDER BY household_id',
          m,
        );
      const planStatuses = () => all('SELECT id, status FROM repayment_plans ORDER BY id');
      rolledBack(() => {
        for (const m of [PERIODS.at(-RISK_HISTORY_MONTHS)!, PERIODS.at(-7)!, LAST_PERIOD]) {
          const stored = scores(m);
          const ids = all<{ id: number }>(
            'SELECT DISTINCT household_id AS id FROM arrears_statements WHERE period = ?',
            m,
          );
          computeRiskAsOf(
            db,
            ids.map((i) => i.id),
            m,
            { today: TODAY, now: 'again' },
          );
          expect(scores(m), m).toEqual(stored);
        }
        const stored = scores(month);
        const statuses = planStatuses();
        recomputeRisk(db, { householdIds: 'all', asOf: TODAY, now: 'again' });
        expect(scores(month)).toEqual(stored);
        expect(planStatuses()).toEqual(statuses);
      });
    });
  });

  it('holds weekly team meetings whose cases have decisions and actions that are follow-ups', async () => {
    expect(seeded.counts.meetings).toBe(MEETINGS.small);
    expect(seeded.counts.meeting_cases).toBeGreaterThanOrEqual(MEETINGS.small * 3);
    expect(seeded.counts.meeting_actions).toBeGreaterThan(MEETINGS.small);
    const list = await ok('meetings.list', { pageSize: 25 });
    expect(list.total).toBe(MEETINGS.small);
    const dates = list.rows.map((r) => r.heldOn);
    expect(dates[0]! < TODAY).toBe(true);
    expect([...dates].sort().reverse()).toEqual(dates);
    const newest = await ok('meetings.get', { id: list.rows[0]!.id });
    expect(newest.cases.length).toBeGreaterThanOrEqual(3);
    expect(newest.meeting.guests.length).toBeGreaterThan(0);
    expect(newest.cases.every((c) => c.decisions !== '' && c.discussed)).toBe(true);
    expect(newest.openEarlier.length).toBeGreaterThan(0);
    const db = openWithKey(dir, await unwrapKey(dir, 'admin', PASSWORD));
    try {
      // Each action is a follow-up on its case's household, created by the meeting's chair.
      const mismatched = db.raw
        .prepare(
          `SELECT count(*) FROM meeting_actions a JOIN meeting_cases c ON c.id = a.case_id
             JOIN followups f ON f.id = a.followup_id JOIN meetings m ON m.id = a.meeting_id
            WHERE f.household_id <> c.household_id OR c.meeting_id <> a.meeting_id OR f.created_by <> m.created_by
               OR f.due_on <= m.held_on`,
        )
        .pluck()
        .get();
      expect(mismatched).toBe(0);
      const confidential = db.raw
        .prepare('SELECT avg(confidential) FROM meeting_cases')
        .pluck()
        .get() as number;
      expect(confidential).toBeGreaterThan(0.5);
    } finally {
      db.close();
    }
  });

  it('holds community activities with attendance, weekly series and resident groups', async () => {
    expect(seeded.counts.activities).toBe(COMMUNITY.small.activities);
    expect(seeded.counts.resident_groups).toBe(COMMUNITY.small.groups);
    expect(seeded.counts.activity_attendance).toBeGreaterThan(COMMUNITY.small.activities);
    const list = await ok('activities.list', { pageSize: 100 });
    expect(list.total).toBe(COMMUNITY.small.activities);
    expect(list.rows.every((r) => r.heldOn < TODAY)).toBe(true);
    let series = 0;
    for (const row of list.rows) {
      const { attendance, occurrences } = await ok('activities.get', { id: row.id });
      // Every ticked household lived in the activity's buildings that day.
      expect(attendance.households.filter((h) => !h.eligible)).toEqual([]);
      expect(attendance.present).toBe(row.present);
      expect(attendance.present).toBeLessThanOrEqual(attendance.eligible);
      if (occurrences.length > 0) series += 1;
    }
    expect(series).toBeGreaterThan(5);
    const { groups } = await ok('groups.list', {});
    expect(groups).toHaveLength(COMMUNITY.small.groups);
    expect(groups.every((g) => g.referents.length > 0 && g.buildings.length > 0)).toBe(true);
  }, 60_000);

  it('gives the same data for the same seed', async () => {
    const again = newFolder();
    await createSeed({ dataDir: again, size: 'small', password: PASSWORD, seed: 7, today: TODAY });
    expect(await digest(again)).toBe(await digest(dir));
  }, 60_000);

  it('refuses a folder that already holds a database, and bad arguments', async () => {
    await expect(createSeed({ dataDir: dir, size: 'small', password: PASSWORD })).rejects.toThrow(
      /contiene già un database/,
    );
    expect(() => parseSeedArgs(['--data', dir, '--size', 'medium', '--password', PASSWORD])).toThrow(
      SeedError,
    );
    expect(() => parseSeedArgs(['--data', dir])).toThrow(/--password/);
    expect(
      parseSeedArgs(['--data', 'x', '--size', 'large', '--password', PASSWORD, '--seed', '3']),
    ).toMatchObject({
      size: 'large',
      seed: 3,
      username: 'admin',
    });
  });
});
