import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/connection';
import type { CallInput } from '../../shared/contract';
import { activityTypeIds, MEETING } from './activities-fixtures';
import { ADMIN, COOPERATIVE, startApp, tempDir, type TestApp } from './helpers';
import {
  addOperator,
  createArea,
  createBuilding,
  createHousehold,
  createUnit,
  member,
  vocabularyIds,
} from './registry-fixtures';
import { errorOf } from './risk-fixtures';
import { openWithKey, unwrapKey } from './support';

/*
 * A small world built through the API (statements and past months' scores written straight
 * into their tables, as an import and the monthly scoring leave them), with the app's clock
 * fixed at 15/06/2026, and every expected figure worked out by hand below.
 *
 *   area Nord: B1 (units u1 u2 u3, tutor olga), B2 (u4 u5)        area Sud: B3 (u6)
 *   H1 u1 since 2020 · H2 u2, moved to u4 (B2) on 10/04/2026 · H3 u3, closed (chiuso) on 15/06/2026
 *   H4 u5 · H5 u6
 *
 * Statements (balance, euro): u1 Jan 100 Feb 200 Apr 300 May 400 · u2 Jan 50 Feb 60 · u4 Apr 70
 * May 80 · u5 Jan −10 Feb −10 Apr 20 May 20 · u6 May 1000. No statement anywhere in March.
 * Scores: Mar H1 basso, H2 basso · Apr H1 medio, H2 basso, H3 alto, H4 basso, H5 critico ·
 * May H1 alto(60), H2 critico, H3 alto(55), H4 basso, H5 critico.
 */
const NOW = Date.parse('2026-06-15T10:00:00Z');
const EUR = 100;

interface Fixture {
  dir: string;
  olgaPassword: string;
  key: Buffer;
  area: { nord: number; sud: number };
  b: { b1: number; b2: number; b3: number };
  h: Record<'h1' | 'h2' | 'h3' | 'h4' | 'h5', number>;
  adminId: number;
}

let template: Fixture;

/** A copy of the template for one test, with the administrator and olga signed in on demand. */
type Caller = Pick<TestApp, 'call' | 'ok'>;
interface World extends Fixture {
  admin: Caller;
  olga: Caller;
}
let fx: World;

beforeEach(() => {
  const dir = tempDir('cortile-dashboard-');
  fs.cpSync(template.dir, dir, { recursive: true });
  const lazy = (get: () => Promise<TestApp>): Caller => {
    let app: Promise<TestApp> | undefined;
    const ready = () => (app ??= get());
    return {
      call: async (name, input) => (await ready()).call(name, input),
      ok: async (name, input) => (await ready()).ok(name, input),
    };
  };
  fx = {
    ...template,
    dir,
    admin: lazy(async () => {
      const admin = startApp(dir, () => NOW);
      await admin.ok('session.login', ADMIN);
      return admin;
    }),
    olga: lazy(async () => {
      const olga = startApp(dir, () => NOW);
      await olga.ok('session.login', { username: 'olga', password: template.olgaPassword });
      return olga;
    }),
  };
});

afterAll(() => {
  vi.useRealTimers();
  fs.rmSync(template.dir, { recursive: true, force: true });
});

function withDb<T>(fn: (db: Db) => T): T {
  const db = openWithKey(fx.dir, fx.key);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function insertStatements(
  db: Db,
  adminId: number,
  rows: [unitId: number, householdId: number, period: string, euro: number][],
) {
  const importId = Number(
    db.raw
      .prepare(
        `INSERT INTO arrears_imports (file_name, sha256, imported_at, imported_by, rows_read, rows_written,
                                      rows_unchanged, rows_skipped, rows_error, period_min, period_max)
         VALUES ('estratto.csv', ?, ?, ?, ?, ?, 0, 0, 0, NULL, NULL)`,
      )
      .run('0'.repeat(64), new Date(NOW).toISOString(), adminId, rows.length, rows.length).lastInsertRowid,
  );
  const insert = db.raw.prepare(
    `INSERT INTO arrears_statements (unit_id, household_id, period, due_cents, paid_cents, balance_cents, import_id)
     VALUES (?, ?, ?, 30000, 0, ?, ?)`,
  );
  for (const [unit, household, period, euro] of rows)
    insert.run(unit, household, period, euro * EUR, importId);
}

const RANK = { basso: 0, medio: 1, alto: 2, critico: 3 } as const;
function insertScores(
  db: Db,
  rows: [householdId: number, month: string, band: keyof typeof RANK, score: number][],
) {
  const insert = db.raw.prepare(
    `INSERT INTO risk_scores (household_id, month, score, band, band_rank, contributions, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [household, month, band, score] of rows) {
    const contributions =
      score === 0
        ? []
        : [
            { signal: 'monthsUnpaid', points: score - 10, label: `Mesi non pagati (${household})` },
            { signal: 'balance', points: 5, label: 'Debito alto' },
            { signal: 'legalStage', points: 3, label: 'Diffida' },
            { signal: 'noContact', points: 2, label: 'Nessun contatto' },
          ];
    insert.run(
      household,
      month,
      score,
      band,
      RANK[band],
      JSON.stringify(contributions),
      new Date(NOW).toISOString(),
    );
  }
}

beforeAll(async () => {
  // The handlers read the calendar from Date: only Date is faked, timers run as usual.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-dashboard-template-'));
  const admin = startApp(dir, () => NOW);
  await admin.ok('setup.create', { cooperative: COOPERATIVE, admin: ADMIN });
  const olgaOp = await addOperator(admin, { username: 'olga', role: 'operatore' });
  const nord = await createArea(admin, 'Nord');
  const sud = await createArea(admin, 'Sud');
  const b1 = await createBuilding(admin, { areaId: nord.id, operatorIds: [olgaOp.id] });
  const b2 = await createBuilding(admin, { areaId: nord.id });
  const b3 = await createBuilding(admin, { areaId: sud.id });
  const [u1, u2, u3, u4, u5, u6] = [
    await createUnit(admin, b1.id),
    await createUnit(admin, b1.id),
    await createUnit(admin, b1.id),
    await createUnit(admin, b2.id),
    await createUnit(admin, b2.id),
    await createUnit(admin, b3.id),
  ];
  const household = (unitId: number, surname: string) =>
    createHousehold(admin, unitId, {
      members: [member({ surname, firstName: 'Anna', relationship: 'intestatario' })],
    });
  const h1 = await household(u1.id, 'Uno');
  const h2 = await household(u2.id, 'Due');
  const h3 = await household(u3.id, 'Tre');
  const h4 = await household(u5.id, 'Quattro');
  const h5 = await household(u6.id, 'Cinque');
  const moved = await admin.ok('households.move', {
    id: h2.id,
    expectedUpdatedAt: h2.updatedAt,
    toUnitId: u4.id,
    movedOn: '2026-04-10',
    reason: 'Cambio alloggio',
  });
  expect(moved.household.unit.id).toBe(u4.id);
  const { household: h3now } = await admin.ok('households.get', { id: h3.id });
  await admin.ok('households.update', {
    id: h3.id,
    expectedUpdatedAt: h3now.updatedAt,
    since: h3now.since,
    phone: h3now.phone,
    language: h3now.language,
    toTeam: false,
    notes: '',
    status: 'chiuso',
    referenceMemberId: h3now.referenceMemberId,
  });

  // Interventions: H1 on 11/04 and 03/05 (B1), H4 on 20/05 (B2).
  const vocab = await vocabularyIds(admin);
  const intervention = (householdId: number, occurredAt: string): CallInput<'interventions.create'> => ({
    occurredAt,
    durationMin: 30,
    typeId: vocab('intervention_type', 'ascolto'),
    channelId: vocab('channel', 'sportello'),
    originId: vocab('origin', 'proattivo'),
    topicIds: [vocab('topic', 'morosità')],
    notes: '',
    outcome: '',
    confidential: false,
    target: { kind: 'households', householdIds: [householdId] },
  });
  await admin.ok('interventions.create', intervention(h1.id, '2026-04-11T10:00'));
  await admin.ok('interventions.create', intervention(h1.id, '2026-05-03T10:00'));
  await admin.ok('interventions.create', intervention(h4.id, '2026-05-20T10:00'));

  // Activities: a building meeting on B1 (10/05, H1 present, 3 guests), a party on area Nord
  // (12/05, H2 and H4 present: both live in B2 that day).
  const types = await activityTypeIds(admin);
  const base = {
    title: 'Incontro',
    startsAt: '18:00',
    endsAt: '19:00',
    place: 'Cortile',
    promoter: 'tutor' as const,
    groupId: null,
    description: '',
    outcome: '',
    repeat: null,
  };
  const meeting = await admin.ok('activities.create', {
    ...base,
    typeId: types[MEETING]!,
    heldOn: '2026-05-10',
    target: { kind: 'buildings', buildingIds: [b1.id] },
  });
  await admin.ok('activities.saveAttendance', {
    id: meeting.activity.id,
    expectedUpdatedAt: meeting.activity.updatedAt,
    householdIds: [h1.id],
    guests: 3,
    outsiders: [],
  });
  const party = await admin.ok('activities.create', {
    ...base,
    typeId: types['festa o evento']!,
    heldOn: '2026-05-12',
    target: { kind: 'area', areaId: nord.id },
  });
  await admin.ok('activities.saveAttendance', {
    id: party.activity.id,
    expectedUpdatedAt: party.activity.updatedAt,
    householdIds: [h2.id, h4.id],
    guests: 0,
    outsiders: [],
  });

  // Follow-ups: H1 due 01/06 (overdue on 15/06), H4 due 01/07, one on B1 done.
  await admin.ok('followups.create', { dueOn: '2026-06-01', text: 'Richiamare', householdId: h1.id });
  await admin.ok('followups.create', { dueOn: '2026-07-01', text: 'Richiamare', householdId: h4.id });
  const done = await admin.ok('followups.create', { dueOn: '2026-05-01', text: 'Fatto', buildingId: b1.id });
  await admin.ok('followups.setDone', { id: done.followup.id, done: true });

  const adminId = (await admin.ok('operators.list', {})).operators.find(
    (o) => o.username === ADMIN.username,
  )!.id;
  const key = await unwrapKey(dir);
  // olga changes her temporary password once, on a core closed before the copies are made.
  const olgaApp = await olgaOp.signIn();
  olgaApp.core.close();
  admin.core.close();
  template = {
    dir,
    olgaPassword: olgaOp.password,
    key,
    area: { nord: nord.id, sud: sud.id },
    b: { b1: b1.id, b2: b2.id, b3: b3.id },
    h: { h1: h1.id, h2: h2.id, h3: h3.id, h4: h4.id, h5: h5.id },
    adminId,
  };
  const db = openWithKey(dir, key);
  try {
    const u = { u1: u1.id, u2: u2.id, u4: u4.id, u5: u5.id, u6: u6.id };
    insertStatements(db, adminId, [
      [u.u1, h1.id, '2026-01', 100],
      [u.u1, h1.id, '2026-02', 200],
      [u.u1, h1.id, '2026-04', 300],
      [u.u1, h1.id, '2026-05', 400],
      [u.u2, h2.id, '2026-01', 50],
      [u.u2, h2.id, '2026-02', 60],
      [u.u4, h2.id, '2026-04', 70],
      [u.u4, h2.id, '2026-05', 80],
      [u.u5, h4.id, '2026-01', -10],
      [u.u5, h4.id, '2026-02', -10],
      [u.u5, h4.id, '2026-04', 20],
      [u.u5, h4.id, '2026-05', 20],
      [u.u6, h5.id, '2026-05', 1000],
    ]);
    insertScores(db, [
      [h1.id, '2026-03', 'basso', 0],
      [h2.id, '2026-03', 'basso', 0],
      [h1.id, '2026-04', 'medio', 30],
      [h2.id, '2026-04', 'basso', 0],
      [h3.id, '2026-04', 'alto', 50],
      [h4.id, '2026-04', 'basso', 0],
      [h5.id, '2026-04', 'critico', 90],
      [h1.id, '2026-05', 'alto', 60],
      [h2.id, '2026-05', 'critico', 80],
      [h3.id, '2026-05', 'alto', 55],
      [h4.id, '2026-05', 'basso', 0],
      [h5.id, '2026-05', 'critico', 90],
    ]);
  } finally {
    db.close();
  }
}, 120_000);

const MAY = { from: '2026-05', to: '2026-05' };

describe('dashboard.overview', () => {
  it('adds up the whole cooperative for a month, against hand-computed values', async () => {
    const o = await fx.admin.ok('dashboard.overview', MAY);
    expect(o.period).toEqual({
      from: '2026-05',
      to: '2026-05',
      previousFrom: '2026-04',
      previousTo: '2026-04',
      today: '2026-06-15',
    });
    expect(o.buildings).toBe(3);
    // H3 is closed: not followed.
    expect(o.householdsFollowed).toBe(4);
    expect(o.interventions).toEqual({ current: 2, previous: 1 });
    // May: 400 + 80 + 20 + 1000.
    expect(o.arrears.month).toBe('2026-05');
    expect(o.arrears.totalCents).toBe(1500 * EUR);
    const trend = Object.fromEntries(o.arrears.trend.map((p) => [p.month, p.totalCents]));
    expect(o.arrears.trend.map((p) => p.month)).toEqual([
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    // A credit (u5, −10) does not offset the others; March has no statement: a gap, not zero.
    expect(trend['2026-01']).toBe(150 * EUR);
    expect(trend['2026-02']).toBe(260 * EUR);
    expect(trend['2026-03']).toBeNull();
    expect(trend['2026-04']).toBe(390 * EUR);
    expect(trend['2025-12']).toBeNull();
    // May: H4 basso, H1 and H3 alto (H3 was still followed in May), H2 and H5 critico;
    // H1 (medio → alto) and H2 (basso → critico) moved up.
    expect(o.bands).toEqual({
      month: '2026-05',
      previousMonth: '2026-04',
      counts: { basso: 1, medio: 0, alto: 2, critico: 2 },
      movedUp: 2,
    });
    expect(o.activities).toEqual({ count: 2, attendances: 3, households: 3, guests: 3 });
    expect(o.followups).toEqual({ open: 2, overdue: 1 });
  });

  it('counts a household that moved in the building where it lived each month', async () => {
    const b1May = await fx.admin.ok('dashboard.overview', { ...MAY, buildingId: fx.b.b1 });
    // End of May: H1 and H3 in B1 (H2 left for B2 on 10/04).
    expect(b1May.bands.counts).toEqual({ basso: 0, medio: 0, alto: 2, critico: 0 });
    expect(b1May.bands.movedUp).toBe(1);
    const b2May = await fx.admin.ok('dashboard.overview', { ...MAY, buildingId: fx.b.b2 });
    expect(b2May.bands.counts).toEqual({ basso: 1, medio: 0, alto: 0, critico: 1 });
    expect(b2May.bands.movedUp).toBe(1);
    const b1March = await fx.admin.ok('dashboard.overview', {
      from: '2026-03',
      to: '2026-03',
      buildingId: fx.b.b1,
    });
    expect(b1March.bands.counts).toEqual({ basso: 2, medio: 0, alto: 0, critico: 0 });
    // Arrears follow the unit: u2's statements stay with B1, u4's are B2's.
    const b1Trend = Object.fromEntries(b1May.arrears.trend.map((p) => [p.month, p.totalCents]));
    expect(b1Trend['2026-02']).toBe(260 * EUR);
    expect(b1Trend['2026-04']).toBe(300 * EUR);
    expect(b1May.arrears.totalCents).toBe(400 * EUR);
    // The area party: only H1 of B1 was at an activity; the B2 neighbours are not counted here.
    expect(b1May.activities).toEqual({ count: 2, attendances: 1, households: 1, guests: 3 });
    expect(b2May.activities).toEqual({ count: 1, attendances: 2, households: 2, guests: 0 });
    expect(b1May.householdsFollowed).toBe(1);
    expect(b1May.interventions).toEqual({ current: 1, previous: 1 });
    expect(b1May.followups).toEqual({ open: 1, overdue: 1 });
  });

  it('leaves a closed household out from the month it was closed in, and filters by area and operator', async () => {
    const june = await fx.admin.ok('dashboard.overview', {});
    expect(june.period.from).toBe('2026-06');
    const { basso, medio, alto, critico } = june.bands.counts;
    // June's scores are computed for every household; H3 (closed in June) is not counted.
    expect(basso + medio + alto + critico).toBe(4);
    const nord = await fx.admin.ok('dashboard.overview', { ...MAY, areaId: fx.area.nord });
    expect(nord.buildings).toBe(2);
    expect(nord.arrears.totalCents).toBe(500 * EUR);
    expect(nord.bands.counts).toEqual({ basso: 1, medio: 0, alto: 2, critico: 1 });
    const sud = await fx.admin.ok('dashboard.overview', { ...MAY, areaId: fx.area.sud });
    expect(sud.arrears.totalCents).toBe(1000 * EUR);
    expect(sud.activities.count).toBe(0);
    const olgaId = (await fx.admin.ok('operators.list', {})).operators.find((o) => o.username === 'olga')!.id;
    const byOlga = await fx.admin.ok('dashboard.overview', { ...MAY, operatorId: olgaId });
    const byB1 = await fx.admin.ok('dashboard.overview', { ...MAY, buildingId: fx.b.b1 });
    expect(byOlga).toEqual(byB1);
  });

  it('compares a quarter with the quarter before', async () => {
    const q = await fx.admin.ok('dashboard.overview', { from: '2026-04', to: '2026-06' });
    expect(q.period.previousFrom).toBe('2026-01');
    expect(q.period.previousTo).toBe('2026-03');
    expect(q.interventions).toEqual({ current: 3, previous: 0 });
    // The latest month of the quarter with statements.
    expect(q.arrears.month).toBe('2026-05');
    expect(q.activities.count).toBe(2);
  });

  it('refuses a period that ends before it starts, in Italian', async () => {
    const error = errorOf(await fx.admin.call('dashboard.overview', { from: '2026-05', to: '2026-04' }));
    expect(error.kind).toBe('validation');
    expect(JSON.stringify(error)).toContain('la fine non può precedere l’inizio');
  });
});

describe('operator scope', () => {
  it('shows an operatore only the figures of their own buildings', async () => {
    const mine = await fx.olga.ok('dashboard.overview', MAY);
    const b1 = await fx.admin.ok('dashboard.overview', { ...MAY, buildingId: fx.b.b1 });
    expect(mine).toEqual(b1);
    expect(mine.buildings).toBe(1);
    // An area filter cannot widen it: still B1 only.
    const nord = await fx.olga.ok('dashboard.overview', { ...MAY, areaId: fx.area.nord });
    expect(nord).toEqual(b1);
    const sud = await fx.olga.ok('dashboard.overview', { ...MAY, areaId: fx.area.sud });
    expect(sud.buildings).toBe(0);
    expect(sud.householdsFollowed).toBe(0);
    expect(sud.arrears.totalCents).toBeNull();
    expect(sud.bands.counts).toEqual({ basso: 0, medio: 0, alto: 0, critico: 0 });
    const table = await fx.olga.ok('dashboard.buildings', MAY);
    expect(table.rows.map((r) => r.buildingId)).toEqual([fx.b.b1]);
  });

  it('refuses another building or another operator’s buildings', async () => {
    expect(errorOf(await fx.olga.call('dashboard.overview', { buildingId: fx.b.b2 })).kind).toBe('forbidden');
    expect(errorOf(await fx.olga.call('dashboard.overview', { operatorId: fx.adminId })).kind).toBe(
      'forbidden',
    );
    expect(errorOf(await fx.olga.call('dashboard.building', { buildingId: fx.b.b3 })).kind).toBe('forbidden');
    expect(
      errorOf(
        await fx.olga.call('dashboard.updateSettings', {
          expectedUpdatedAt: null,
          settings: { visitDays: 10, meetingDays: 10, riskGrowth: 1 },
        }),
      ).kind,
    ).toBe('forbidden');
  });
});

describe('dashboard.buildings', () => {
  it('gives each building its figures and the reasons it needs attention', async () => {
    const t = await fx.admin.ok('dashboard.buildings', MAY);
    const row = (id: number) => t.rows.find((r) => r.buildingId === id)!;
    expect(t.month).toBe('2026-05');
    expect(row(fx.b.b1)).toMatchObject({
      households: 1,
      units: 3,
      arrearsCents: 400 * EUR,
      arrearsPerUnitCents: Math.round((400 * EUR) / 3),
      highRisk: 2,
      highRiskPrevious: 1,
      interventions: 1,
      activities: 2,
      participationRate: 1,
      lastMeetingOn: '2026-05-10',
      lastVisitOn: '2026-05-03',
      // Days to the period's last day, 31/05.
      daysSinceVisit: 28,
      attention: ['rischio_in_crescita'],
    });
    expect(row(fx.b.b2)).toMatchObject({
      households: 2,
      units: 2,
      arrearsCents: 100 * EUR,
      highRisk: 1,
      highRiskPrevious: 0,
      interventions: 1,
      activities: 1,
      participationRate: 1,
      lastMeetingOn: null,
      lastVisitOn: '2026-05-20',
      daysSinceVisit: 11,
      attention: ['rischio_in_crescita', 'nessuna_assemblea'],
    });
    expect(row(fx.b.b3)).toMatchObject({
      households: 1,
      arrearsCents: 1000 * EUR,
      highRisk: 1,
      highRiskPrevious: 1,
      interventions: 0,
      activities: 0,
      participationRate: 0,
      lastVisitOn: null,
      attention: ['nessuna_assemblea', 'nessuna_visita'],
    });
  });

  it('reads the thresholds from its own settings', async () => {
    const before = await fx.admin.ok('dashboard.settings', {});
    expect(before.settings).toEqual({ visitDays: 30, meetingDays: 90, riskGrowth: 1 });
    const saved = await fx.admin.ok('dashboard.updateSettings', {
      expectedUpdatedAt: before.updatedAt,
      settings: { visitDays: 10, meetingDays: 90, riskGrowth: 2 },
    });
    const t = await fx.admin.ok('dashboard.buildings', MAY);
    expect(t.rows.find((r) => r.buildingId === fx.b.b1)!.attention).toEqual(['nessuna_visita']);
    // Put back for the other tests; a stale version is refused.
    const stale = await fx.admin.call('dashboard.updateSettings', {
      expectedUpdatedAt: before.updatedAt,
      settings: before.settings,
    });
    expect(errorOf(stale).kind).toBe('conflict');
    await fx.admin.ok('dashboard.updateSettings', {
      expectedUpdatedAt: saved.updatedAt,
      settings: before.settings,
    });
    const audit = withDb(
      (db) =>
        db.raw
          .prepare("SELECT count(*) FROM audit_log WHERE action = 'dashboard.updateSettings'")
          .pluck()
          .get() as number,
    );
    expect(audit).toBe(2);
  });
});

describe('dashboard.building', () => {
  it('stacks the bands by month where each household lived, with arrears gaps and the households at risk', async () => {
    const d = await fx.admin.ok('dashboard.building', { buildingId: fx.b.b1, to: '2026-05', months: 12 });
    expect(d.months[0]).toBe('2025-06');
    expect(d.months).toHaveLength(12);
    const band = (month: string) => d.bands.find((b) => b.month === month)!;
    expect(band('2026-03')).toEqual({ month: '2026-03', basso: 2, medio: 0, alto: 0, critico: 0 });
    expect(band('2026-04')).toEqual({ month: '2026-04', basso: 0, medio: 1, alto: 1, critico: 0 });
    expect(band('2026-05')).toEqual({ month: '2026-05', basso: 0, medio: 0, alto: 2, critico: 0 });
    const arrears = Object.fromEntries(d.arrears.map((p) => [p.month, p.totalCents]));
    expect(arrears['2026-01']).toBe(150 * EUR);
    expect(arrears['2026-03']).toBeNull();
    expect(arrears['2026-05']).toBe(400 * EUR);
    expect(d.highRisk.map((h) => [h.householdId, h.band, h.score])).toEqual([
      [fx.h.h1, 'alto', 60],
      [fx.h.h3, 'alto', 55],
    ]);
    expect(d.highRisk[0]!.reasons).toEqual([`Mesi non pagati (${fx.h.h1})`, 'Debito alto', 'Diffida']);
    expect(d.interventionsByType).toEqual([expect.objectContaining({ label: 'ascolto', count: 2 })]);
    expect(d.interventionsByTopic).toEqual([expect.objectContaining({ label: 'morosità', count: 2 })]);
    const may = d.activities.find((a) => a.month === '2026-05')!;
    expect(may).toEqual({ month: '2026-05', activities: 2, attendances: 1, guests: 3 });
    const b2 = await fx.admin.ok('dashboard.building', { buildingId: fx.b.b2, to: '2026-05', months: 12 });
    expect(b2.bands.find((b) => b.month === '2026-04')).toEqual({
      month: '2026-04',
      basso: 2,
      medio: 0,
      alto: 0,
      critico: 0,
    });
    expect(b2.activities.find((a) => a.month === '2026-05')).toEqual({
      month: '2026-05',
      activities: 1,
      attendances: 2,
      guests: 0,
    });
  });

  it('drops the closed household from this month’s list', async () => {
    const d = await fx.admin.ok('dashboard.building', { buildingId: fx.b.b1, months: 12 });
    expect(d.months.at(-1)).toBe('2026-06');
    expect(d.highRisk.map((h) => h.householdId)).not.toContain(fx.h.h3);
  });
});

describe('households.list by risk band (the links of the dashboard)', () => {
  it('lists the households of a band in a month, by building or area, and is unchanged without it', async () => {
    const ids = async (input: CallInput<'households.list'>) =>
      (await fx.admin.ok('households.list', input)).rows.map((r) => r.id).sort((a, b) => a - b);
    expect(await ids({ riskBand: 'alto', riskMonth: '2026-05' })).toEqual([fx.h.h1, fx.h.h3]);
    expect(await ids({ riskBand: 'alto', riskMonth: '2026-05', status: 'attivo' })).toEqual([fx.h.h1]);
    expect(await ids({ riskBand: 'critico', riskMonth: '2026-05', areaId: fx.area.nord })).toEqual([fx.h.h2]);
    expect(await ids({ riskBand: 'critico', riskMonth: '2026-05', areaId: fx.area.sud })).toEqual([fx.h.h5]);
    expect(await ids({ areaId: fx.area.sud })).toEqual([fx.h.h5]);
    expect(await ids({})).toHaveLength(5);
    // The operatore's list stays limited to their buildings.
    const olga = (await fx.olga.ok('households.list', { riskBand: 'critico', riskMonth: '2026-05' })).rows;
    expect(olga).toEqual([]);
  });
});

describe('query plans', () => {
  it('reads the months it shows through the dashboard indexes', async () => {
    const { bandsOfMonth, arrearsByMonth, followupFigures } = await import('../../db/queries/dashboard');
    const plans = withDb((db) => {
      const seen: { text: string; params: unknown[] }[] = [];
      const prepare = db.raw.prepare.bind(db.raw);
      const spy = ((text: string) => {
        const statement = prepare(text);
        const all = statement.all.bind(statement);
        const get = statement.get.bind(statement);
        statement.all = (...params: unknown[]) => {
          seen.push({ text, params });
          return all(...params);
        };
        statement.get = (...params: unknown[]) => {
          seen.push({ text, params });
          return get(...params);
        };
        return statement;
      }) as typeof db.raw.prepare;
      db.raw.prepare = spy;
      const all = { all: true, ids: [] };
      bandsOfMonth(db, all, '2026-05', '2026-04');
      arrearsByMonth(db, all, '2025-06', '2026-05');
      followupFigures(db, all, '2026-06-15');
      db.raw.prepare = prepare;
      return seen.map(({ text, params }) => ({
        text,
        plan: (prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[])
          .map((r) => r.detail)
          .join('\n'),
      }));
    });
    for (const p of plans) console.log(`${p.text.replace(/\s+/g, ' ').slice(0, 80)}…\n${p.plan}\n`);
    expect(plans[0]!.plan).toMatch(/SEARCH r USING COVERING INDEX risk_scores_month \(month=\?\)/);
    expect(plans[1]!.plan).toMatch(
      /SEARCH s USING COVERING INDEX arrears_statements_dashboard \(period>\? AND period<\?\)/,
    );
    expect(plans[2]!.plan).toMatch(/(SCAN|SEARCH) f USING (COVERING )?INDEX followups_open/);
  });
});
