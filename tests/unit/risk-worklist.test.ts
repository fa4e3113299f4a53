import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterStatementsChanged } from '../../electron/handlers/risk';
import { formatMoney } from '../../shared/format';
import { addDays } from '../../shared/arrears/plan';
import { DEFAULT_ARREARS_SETTINGS, type ArrearsSettings } from '../../shared/contract';
import {
  buildTemplate,
  interventionInput,
  updateInput,
  localDay,
  session,
  type Session,
  type WorldTemplate,
} from './casework-fixtures';
import { arrearsRun, errorOf, insertStatements } from './risk-fixtures';
import { auditRows } from './support';

let template: WorldTemplate;

beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);

afterAll(() => template.cleanUp());

const RENT = 30_000;

/**
 * Three households in arrears: a1 six months unpaid (critico), a2 three (alto), b1 two (medio).
 * a1 and a2 live in building A (olga, paolo), b1 in building B (bruno).
 */
function threeInArrears(s: Session): void {
  const { a1, a2, b1 } = s.world.households;
  s.withDb((db) => {
    insertStatements(db, a1, s.world.ops.carla, arrearsRun({ due: RENT, paidMonths: 8, unpaidMonths: 6 }));
    insertStatements(db, a2, s.world.ops.carla, arrearsRun({ due: RENT, paidMonths: 10, unpaidMonths: 3 }));
    insertStatements(db, b1, s.world.ops.carla, arrearsRun({ due: RENT, paidMonths: 12, unpaidMonths: 2 }));
    afterStatementsChanged(db, 'all', new Date().toISOString());
  });
}

const ids = (rows: { householdId: number }[]) => rows.map((r) => r.householdId);

describe('risk.worklist', () => {
  it('lists households by band then score, with the top reasons, the balance and the last contact', async () => {
    const s = session(template);
    threeInArrears(s);
    const { a1, a2, b1 } = s.world.households;
    const carla = await s.as('carla');
    const list = await carla.ok('risk.worklist', {});
    expect(list.total).toBe(3);
    expect(list.contactDays).toBe(30);
    expect(list.month).toBe(localDay().slice(0, 7));
    expect(ids(list.rows)).toEqual([a1, a2, b1]);
    expect(list.rows.map((r) => r.band)).toEqual(['critico', 'alto', 'medio']);
    expect(list.rows[0]).toMatchObject({
      referenceName: 'Rossi Maria',
      buildingId: s.world.buildings.a,
      balanceCents: 6 * RENT,
      lastContactAt: null,
      planStatus: null,
    });
    expect(list.rows[0]!.code).toMatch(/^N-\d{6}$/);
    expect(list.rows[0]!.topReasons).toEqual([
      '6 mensilità non pagate: +50',
      `Saldo pari a 6 mensilità di canone (${formatMoney(180_000)}): +25`,
      expect.stringMatching(/^Nessun pagamento da \d+ giorni: \+20$/),
    ]);
    // Only one band; paging.
    expect(ids((await carla.ok('risk.worklist', { band: 'alto' })).rows)).toEqual([a2]);
    const page = await carla.ok('risk.worklist', { page: 0, pageSize: 5 });
    expect(page.rows).toHaveLength(3);
    expect((await carla.ok('risk.worklist', { page: 1, pageSize: 5 })).rows).toEqual([]);
  });

  it('shows an operatore only the households of their buildings; coordinators anyone’s', async () => {
    const s = session(template);
    threeInArrears(s);
    const { a1, a2, b1 } = s.world.households;
    const olga = await s.as('olga');
    expect(ids((await olga.ok('risk.worklist', {})).rows)).toEqual([a1, a2]);
    expect(ids((await olga.ok('risk.worklist', { operatorId: s.world.ops.olga })).rows)).toEqual([a1, a2]);
    const bruno = await s.as('bruno');
    expect(ids((await bruno.ok('risk.worklist', {})).rows)).toEqual([b1]);
    const refused = errorOf(await olga.call('risk.worklist', { operatorId: s.world.ops.bruno }));
    expect(refused).toEqual({
      kind: 'forbidden',
      message: 'Solo un coordinatore può vedere la lista «Da contattare» di un altro operatore.',
    });
    const carla = await s.as('carla');
    expect(ids((await carla.ok('risk.worklist', { operatorId: s.world.ops.bruno })).rows)).toEqual([b1]);
    expect(ids((await carla.ok('risk.worklist', { operatorId: s.world.ops.paolo })).rows)).toEqual([a1, a2]);
    // Carla follows no building herself.
    expect((await carla.ok('risk.worklist', { operatorId: s.world.ops.carla })).rows).toEqual([]);
  });

  it('hides a household contacted in the last N days, and one with a plan in regola', async () => {
    const s = session(template);
    threeInArrears(s);
    const { a1, a2, b1 } = s.world.households;
    const olga = await s.as('olga');
    // Contacted today: hidden.
    await olga.ok('interventions.create', interventionInput(s.world, [a2]));
    // Contacted 45 days ago: still listed (beyond 30 days), with its last contact.
    const bruno = await s.as('bruno');
    await bruno.ok(
      'interventions.create',
      interventionInput(s.world, [b1], { occurredAt: `${localDay(-45)}T09:00` }),
    );
    const carla = await s.as('carla');
    let list = await carla.ok('risk.worklist', {});
    expect(ids(list.rows)).toEqual([a1, b1]);
    expect(list.rows[1]!.lastContactAt).toBe(`${localDay(-45)}T09:00`);

    // A plan in regola hides a1; once late it shows again, with the plan's status.
    const { plan } = await olga.ok('plans.create', {
      householdId: a1,
      totalCents: 180_000,
      installmentCount: 12,
      firstDueOn: addDays(localDay(), 10),
    });
    list = await carla.ok('risk.worklist', {});
    expect(ids(list.rows)).toEqual([b1]);
    await olga.ok('plans.close', {
      planId: plan.id,
      expectedUpdatedAt: plan.updatedAt,
      closedOn: localDay(),
      reason: 'annullato',
    });
    const { plan: late } = await olga.ok('plans.create', {
      householdId: a1,
      totalCents: 180_000,
      installmentCount: 12,
      firstDueOn: addDays(localDay(), -20),
    });
    expect(late.status).toBe('in_ritardo');
    list = await carla.ok('risk.worklist', {});
    expect(ids(list.rows)).toEqual([a1, b1]);
    expect(list.rows[0]!.planStatus).toBe('in_ritardo');

    // With the contact window at 0 days, nobody is hidden for a contact.
    const current = await carla.ok('risk.settings', {});
    await carla.ok('risk.updateSettings', {
      settings: { ...current.settings, worklistContactDays: 0 },
      expectedUpdatedAt: current.updatedAt,
    });
    expect(ids((await carla.ok('risk.worklist', {})).rows)).toContain(a2);
  });
});

describe('risk.settings and risk.updateSettings', () => {
  const withBands = (bands: ArrearsSettings['risk']['bands']): ArrearsSettings => ({
    ...DEFAULT_ARREARS_SETTINGS,
    risk: { ...DEFAULT_ARREARS_SETTINGS.risk, bands },
  });

  it('are for coordinators: the defaults until changed, refused to an operatore', async () => {
    const s = session(template);
    const olga = await s.as('olga');
    expect(errorOf(await olga.call('risk.settings', {})).kind).toBe('forbidden');
    expect(
      errorOf(
        await olga.call('risk.updateSettings', {
          settings: DEFAULT_ARREARS_SETTINGS,
          expectedUpdatedAt: null,
        }),
      ).kind,
    ).toBe('forbidden');
    expect(errorOf(await olga.call('risk.recompute', {})).kind).toBe('forbidden');
    const carla = await s.as('carla');
    const settings = await carla.ok('risk.settings', {});
    expect(settings).toEqual({
      settings: DEFAULT_ARREARS_SETTINGS,
      defaults: DEFAULT_ARREARS_SETTINGS,
      updatedAt: null,
      updatedBy: null,
      history: [],
    });
  });

  it('refuses invalid values with Italian messages naming the field, writing nothing', async () => {
    const s = session(template);
    const carla = await s.as('carla');
    const bands = errorOf(
      await carla.call('risk.updateSettings', {
        settings: withBands({ medio: 40, alto: 30, critico: 80 }),
        expectedUpdatedAt: null,
      }),
    );
    expect(bands).toMatchObject({
      kind: 'validation',
      message: 'Le soglie devono crescere: Medio < Alto < Critico.',
    });
    const negative = DEFAULT_ARREARS_SETTINGS.risk.weights;
    const weights = errorOf(
      await carla.call('risk.updateSettings', {
        settings: {
          ...DEFAULT_ARREARS_SETTINGS,
          risk: {
            ...DEFAULT_ARREARS_SETTINGS.risk,
            weights: { ...negative, noContact: { points: -5 } },
          },
        },
        expectedUpdatedAt: null,
      }),
    );
    expect(weights).toMatchObject({
      kind: 'validation',
      message: 'Nessun contatto recente con il tutor, punti: non può essere negativo.',
    });
    expect(weights.fields).toHaveProperty(['settings.risk.weights.noContact.points']);
    const tolerance = errorOf(
      await carla.call('risk.updateSettings', {
        settings: { ...DEFAULT_ARREARS_SETTINGS, planTolerance: { days: 10, amountCents: 200_000 } },
        expectedUpdatedAt: null,
      }),
    );
    expect(tolerance.message).toBe(
      `Tolleranza dei piani di rientro, importo: al massimo ${formatMoney(100_000)}.`,
    );
    const unknown = errorOf(
      await carla.call('risk.updateSettings', {
        settings: { ...DEFAULT_ARREARS_SETTINGS, extra: 1 } as ArrearsSettings,
        expectedUpdatedAt: null,
      }),
    );
    expect(unknown.kind).toBe('validation');
    expect(s.withDb((db) => auditRows(db)).filter((r) => r.action === 'risk.updateSettings')).toEqual([]);
  });

  it('saves a change with the values before and after, audits it and scores everyone again', async () => {
    const s = session(template);
    threeInArrears(s);
    const { a1 } = s.world.households;
    const carla = await s.as('carla');
    const before = (await carla.ok('risk.worklist', {})).rows.find((r) => r.householdId === a1)!;
    const changed: ArrearsSettings = {
      ...DEFAULT_ARREARS_SETTINGS,
      risk: {
        ...DEFAULT_ARREARS_SETTINGS.risk,
        weights: { ...DEFAULT_ARREARS_SETTINGS.risk.weights, noContact: { points: 20 } },
      },
    };
    const saved = await carla.ok('risk.updateSettings', { settings: changed, expectedUpdatedAt: null });
    expect(saved.settings).toEqual(changed);
    expect(saved.updatedBy).toBe('Carla Rossi');
    expect(saved.history).toEqual([
      expect.objectContaining({
        operatorName: 'Carla Rossi',
        changes: [{ path: 'risk.weights.noContact.points', before: 5, after: 20 }],
      }),
    ]);
    const after = (await carla.ok('risk.worklist', {})).rows.find((r) => r.householdId === a1)!;
    expect(after.score).toBe(before.score + 15);

    const audit = s.withDb((db) => auditRows(db)).filter((r) => r.action === 'risk.updateSettings');
    expect(audit).toEqual([
      expect.objectContaining({
        operator_id: s.world.ops.carla,
        record_type: 'settings_history',
        record_id: String(saved.history[0]!.id),
      }),
    ]);
    const row = s.withDb(
      (db) =>
        db.raw.prepare('SELECT before, after FROM settings_history').get() as {
          before: string | null;
          after: string;
        },
    );
    expect(row.before).toBeNull();
    expect(JSON.parse(row.after)).toEqual(changed);

    // A second form that started from the defaults is refused.
    const stale = errorOf(
      await carla.call('risk.updateSettings', {
        settings: DEFAULT_ARREARS_SETTINGS,
        expectedUpdatedAt: null,
      }),
    );
    expect(stale.kind).toBe('conflict');
    expect(stale.message).toContain('modificate da qualcun altro');
  });

  it('risk.recompute scores every household again and is audited', async () => {
    const s = session(template);
    threeInArrears(s);
    const carla = await s.as('carla');
    const result = await carla.ok('risk.recompute', {});
    expect(result).toEqual({ month: localDay().slice(0, 7), households: 3 });
    expect(s.withDb((db) => auditRows(db)).filter((r) => r.action === 'risk.recompute')).toHaveLength(1);
  });
});

describe('scores follow the casework', () => {
  const reasonsOf = (s: Session, householdId: number) =>
    s.withDb((db) => {
      const row = db.raw
        .prepare('SELECT contributions FROM risk_scores WHERE household_id = ? AND month = ?')
        .pluck()
        .get(householdId, localDay().slice(0, 7)) as string;
      return (JSON.parse(row) as { signal: string; points: number }[]).map(
        (c) => `${c.signal} ${String(c.points)}`,
      );
    });

  it('an intervention moved into the last 60 days removes "no contact"; a fragility marker adds points', async () => {
    const s = session(template);
    threeInArrears(s);
    const { a2 } = s.world.households;
    const olga = await s.as('olga');
    expect(reasonsOf(s, a2)).toContain('noContact 5');

    // A contact 90 days ago is not recent.
    const old = await olga.ok(
      'interventions.create',
      interventionInput(s.world, [a2], { occurredAt: `${addDays(localDay(), -90)}T10:00` }),
    );
    expect(reasonsOf(s, a2)).toContain('noContact 5');
    const [intervention] = old.interventions;
    if (!intervention) throw new Error('no intervention');
    await olga.ok(
      'interventions.update',
      updateInput(s.world, intervention.id, intervention.updatedAt, { occurredAt: `${localDay()}T09:00` }),
    );
    expect(reasonsOf(s, a2)).not.toContain('noContact 5');

    // Two fragility markers on a member: +3 each.
    const page = await olga.ok('households.get', { id: a2 });
    const member = page.members[0];
    if (!member) throw new Error('no member');
    expect(reasonsOf(s, a2).some((r) => r.startsWith('fragility'))).toBe(false);
    await olga.ok('members.update', {
      id: member.id,
      expectedUpdatedAt: member.updatedAt,
      firstName: member.firstName,
      surname: member.surname,
      sex: member.sex,
      birthDate: member.birthDate,
      taxCode: member.taxCode,
      phone: member.phone,
      relationship: member.relationship,
      fragilityIds: [s.world.vocab['fragility/anziano solo']!, s.world.vocab['fragility/disabilità']!],
      leftOn: member.leftOn,
    });
    expect(reasonsOf(s, a2)).toContain('fragility 6');
  });
});
