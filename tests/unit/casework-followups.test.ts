import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CallInput } from '../../shared/contract';
import { localDate } from '../../electron/handlers/agenda';
import { auditRows } from './support';
import { buildTemplate, localDay, session, type World, type WorldTemplate } from './casework-fixtures';

let template: WorldTemplate;

beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);

afterAll(() => template.cleanUp());

function errorOf(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected an error, got a value');
  return result.error;
}

function referralInput(
  world: World,
  overrides: Partial<CallInput<'referrals.create'>> = {},
): CallInput<'referrals.create'> {
  return {
    householdId: world.households.a1,
    serviceId: world.vocab['referral_service/servizi sociali']!,
    referredOn: localDay(),
    reason: 'Richiesta di contributo per l’affitto',
    status: 'inviato',
    checkBy: localDay(10),
    ...overrides,
  };
}

describe('referrals', () => {
  it('with a check-by date creates a follow-up; a new date moves it; concluding closes it', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const { referral } = await olga.ok('referrals.create', referralInput(world));
    expect(referral).toMatchObject({
      householdId: world.households.a1,
      serviceLabel: 'servizi sociali',
      status: 'inviato',
      checkBy: localDay(10),
      operatorId: world.ops.olga,
      operatorName: 'Olga Rossi',
    });
    const followups = async () =>
      (await olga.ok('households.get', { id: world.households.a1 })).followups.filter(
        (f) => f.referralId === referral.id,
      );
    const [followup] = await followups();
    expect(followup).toMatchObject({
      dueOn: localDay(10),
      operatorId: world.ops.olga,
      text: 'Verificare l’esito dell’invio: servizi sociali',
      householdId: world.households.a1,
      done: false,
    });
    const page = await olga.ok('households.get', { id: world.households.a1 });
    expect(page.referrals.map((r) => r.id)).toEqual([referral.id]);

    // A new check-by date moves the open follow-up (inside the agenda's next days now).
    const moved = (
      await olga.ok('referrals.update', {
        id: referral.id,
        expectedUpdatedAt: referral.updatedAt,
        serviceId: referral.serviceId,
        referredOn: referral.referredOn,
        reason: referral.reason,
        status: 'preso_in_carico',
        checkBy: localDay(3),
      })
    ).referral;
    expect(moved).toMatchObject({ status: 'preso_in_carico', checkBy: localDay(3) });
    expect((await followups()).map((f) => [f.id, f.dueOn, f.done])).toEqual([
      [followup!.id, localDay(3), false],
    ]);
    const agenda = await olga.ok('agenda.get', { operatorId: null });
    expect(agenda.nextDays.map((f) => f.id)).toContain(followup!.id);

    // A stale save is a conflict and changes nothing.
    const stale = errorOf(
      await olga.call('referrals.update', {
        id: referral.id,
        expectedUpdatedAt: referral.updatedAt,
        serviceId: referral.serviceId,
        referredOn: referral.referredOn,
        reason: 'Altro',
        status: 'concluso',
        checkBy: localDay(3),
      }),
    );
    expect(stale.kind).toBe('conflict');
    expect((await followups())[0]!.done).toBe(false);

    // Concluding closes the follow-up.
    const concluded = (
      await olga.ok('referrals.update', {
        id: referral.id,
        expectedUpdatedAt: moved.updatedAt,
        serviceId: referral.serviceId,
        referredOn: referral.referredOn,
        reason: referral.reason,
        status: 'concluso',
        checkBy: localDay(3),
      })
    ).referral;
    expect(concluded.status).toBe('concluso');
    expect((await followups()).map((f) => [f.id, f.done])).toEqual([[followup!.id, true]]);
    const after = await olga.ok('agenda.get', { operatorId: null });
    expect(after.nextDays.map((f) => f.id)).not.toContain(followup!.id);

    const audit = s
      .withDb((db) => auditRows(db))
      .filter((r) => r.action.startsWith('referrals.'))
      .map((r) => [r.action, r.record_type, r.record_id]);
    expect(audit).toEqual([
      ['referrals.create', 'referral', String(referral.id)],
      ['referrals.create', 'followup', String(followup!.id)],
      ['referrals.update', 'referral', String(referral.id)],
      ['referrals.update', 'followup', String(followup!.id)],
      ['referrals.update', 'referral', String(referral.id)],
      ['referrals.update', 'followup', String(followup!.id)],
    ]);
  });

  it('without a check-by date adds no follow-up; adding one later does; not_accolto closes it', async () => {
    const s = session(template);
    const { world } = s;
    const paolo = await s.as('paolo');
    const { referral } = await paolo.ok('referrals.create', referralInput(world, { checkBy: null }));
    const linked = async () =>
      (await paolo.ok('households.get', { id: world.households.a1 })).followups.filter(
        (f) => f.referralId === referral.id,
      );
    expect(await linked()).toEqual([]);
    const updated = (
      await paolo.ok('referrals.update', {
        id: referral.id,
        expectedUpdatedAt: referral.updatedAt,
        serviceId: referral.serviceId,
        referredOn: referral.referredOn,
        reason: referral.reason,
        status: 'inviato',
        checkBy: localDay(0),
      })
    ).referral;
    const [followup] = await linked();
    expect(followup).toMatchObject({ dueOn: localDay(0), operatorId: world.ops.paolo, done: false });
    expect((await paolo.ok('agenda.get', { operatorId: null })).dueToday.map((f) => f.id)).toEqual([
      followup!.id,
    ]);
    await paolo.ok('referrals.update', {
      id: referral.id,
      expectedUpdatedAt: updated.updatedAt,
      serviceId: referral.serviceId,
      referredOn: referral.referredOn,
      reason: referral.reason,
      status: 'non_accolto',
      checkBy: localDay(0),
    });
    expect((await linked())[0]!.done).toBe(true);
  });

  it('refuses an inactive service, and an intervention of another household', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    s.withDb((db) =>
      db.raw
        .prepare('UPDATE vocabulary SET active = 0 WHERE id = ?')
        .run(world.vocab['referral_service/SerD']),
    );
    const inactive = errorOf(
      await olga.call(
        'referrals.create',
        referralInput(world, { serviceId: world.vocab['referral_service/SerD']! }),
      ),
    );
    expect(inactive.kind).toBe('validation');
    expect(inactive.fields).toHaveProperty('serviceId');
    const wrongKind = errorOf(
      await olga.call('referrals.create', referralInput(world, { serviceId: world.vocab['topic/salute']! })),
    );
    expect(wrongKind.fields).toHaveProperty('serviceId');

    const { interventions } = await olga.ok('interventions.create', {
      occurredAt: `${localDay()}T09:00`,
      durationMin: 15,
      typeId: world.vocab['intervention_type/segnalazione ai servizi']!,
      channelId: world.vocab['channel/ufficio']!,
      originId: world.vocab['origin/proattivo']!,
      topicIds: [world.vocab['topic/salute']!],
      notes: '',
      outcome: '',
      target: { kind: 'households', householdIds: [world.households.a2] },
    });
    const otherHousehold = errorOf(
      await olga.call('referrals.create', referralInput(world, { interventionId: interventions[0]!.id })),
    );
    expect(otherHousehold.fields).toHaveProperty('interventionId');
    const fine = await olga.ok(
      'referrals.create',
      referralInput(world, { householdId: world.households.a2, interventionId: interventions[0]!.id }),
    );
    expect(fine.referral.interventionId).toBe(interventions[0]!.id);
    const none = s.withDb(
      (db) => (db.raw.prepare('SELECT count(*) AS n FROM referrals').get() as { n: number }).n,
    );
    expect(none).toBe(1);
  });
});

describe('follow-ups', () => {
  it('marks done and undoes ("Annulla"), each change audited', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const { followup } = await olga.ok('followups.create', {
      householdId: world.households.a2,
      dueOn: localDay(0),
      text: 'Portare il modulo ISEE',
    });
    expect(followup).toMatchObject({
      operatorId: world.ops.olga,
      householdId: world.households.a2,
      householdName: 'Esposito Luca',
      buildingId: world.buildings.a,
      done: false,
      doneAt: null,
    });
    const done = (await olga.ok('followups.setDone', { id: followup.id, done: true })).followup;
    expect(done.done).toBe(true);
    expect(done.doneAt).not.toBeNull();
    expect((await olga.ok('agenda.get', { operatorId: null })).dueToday).toEqual([]);
    const undone = (await olga.ok('followups.setDone', { id: followup.id, done: false })).followup;
    expect(undone).toMatchObject({ done: false, doneAt: null });
    expect((await olga.ok('agenda.get', { operatorId: null })).dueToday.map((f) => f.id)).toEqual([
      followup.id,
    ]);
    // Saving from the version before the two changes is a conflict.
    const stale = errorOf(
      await olga.call('followups.update', {
        id: followup.id,
        expectedUpdatedAt: followup.updatedAt,
        dueOn: localDay(1),
        text: 'Altro',
        operatorId: world.ops.olga,
      }),
    );
    expect(stale.kind).toBe('conflict');
    // From the current one, it moves and goes to Paolo.
    const moved = await olga.ok('followups.update', {
      id: followup.id,
      expectedUpdatedAt: undone.updatedAt,
      dueOn: localDay(1),
      text: 'Portare il modulo ISEE firmato',
      operatorId: world.ops.paolo,
    });
    expect(moved.followup).toMatchObject({ operatorId: world.ops.paolo, dueOn: localDay(1) });
    const paolo = await s.as('paolo');
    expect((await paolo.ok('agenda.get', { operatorId: null })).nextDays.map((f) => f.id)).toEqual([
      followup.id,
    ]);

    const audit = s
      .withDb((db) => auditRows(db))
      .filter((r) => r.action.startsWith('followups.'))
      .map((r) => [r.action, r.record_type, r.record_id, r.operator_id]);
    const id = String(followup.id);
    expect(audit).toEqual([
      ['followups.create', 'followup', id, world.ops.olga],
      ['followups.setDone', 'followup', id, world.ops.olga],
      ['followups.setDone', 'followup', id, world.ops.olga],
      ['followups.update', 'followup', id, world.ops.olga],
    ]);
  });

  it('are linked only to visible households and buildings, and assigned only to active operators', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const base = { dueOn: localDay(2), text: 'Sopralluogo' };
    expect(
      errorOf(await olga.call('followups.create', { ...base, buildingId: world.buildings.b })).kind,
    ).toBe('forbidden');
    expect(
      errorOf(await olga.call('followups.create', { ...base, householdId: world.households.b1 })).kind,
    ).toBe('forbidden');
    const missing = errorOf(await olga.call('followups.create', base));
    expect(missing.kind).toBe('validation');
    const onBuilding = await olga.ok('followups.create', { ...base, buildingId: world.buildings.a });
    expect(onBuilding.followup).toMatchObject({ householdId: null, buildingId: world.buildings.a });

    s.withDb((db) => db.raw.prepare('UPDATE operators SET active = 0 WHERE id = ?').run(world.ops.bruno));
    const inactive = errorOf(
      await olga.call('followups.create', {
        ...base,
        buildingId: world.buildings.a,
        operatorId: world.ops.bruno,
      }),
    );
    expect(inactive.kind).toBe('validation');
    expect(inactive.fields).toHaveProperty('operatorId');
  });
});

describe('agenda.get', () => {
  it('shows another operator’s agenda to a coordinator only, and only follow-ups the caller may see', async () => {
    const s = session(template);
    const { world } = s;
    const carla = await s.as('carla');
    // Olga's follow-ups: one on her building, one (assigned by the coordinator) on building B.
    const own = await carla.ok('followups.create', {
      householdId: world.households.a1,
      dueOn: localDay(0),
      text: 'Chiamare la signora Rossi',
      operatorId: world.ops.olga,
    });
    const elsewhere = await carla.ok('followups.create', {
      householdId: world.households.b1,
      dueOn: localDay(-2),
      text: 'Visita alla famiglia Colombo',
      operatorId: world.ops.olga,
    });

    const olga = await s.as('olga');
    const refused = errorOf(await olga.call('agenda.get', { operatorId: world.ops.paolo }));
    expect(refused.kind).toBe('forbidden');
    const mine = await olga.ok('agenda.get', { operatorId: world.ops.olga });
    expect(mine.dueToday.map((f) => f.id)).toEqual([own.followup.id]);
    expect(mine.overdue).toEqual([]);

    const seen = await carla.ok('agenda.get', { operatorId: world.ops.olga });
    expect(seen).toMatchObject({
      operatorId: world.ops.olga,
      operatorName: 'Olga Rossi',
      today: localDay(0),
    });
    expect(seen.dueToday.map((f) => f.id)).toEqual([own.followup.id]);
    expect(seen.overdue.map((f) => f.id)).toEqual([elsewhere.followup.id]);
    expect(seen.overdue[0]).toMatchObject({
      householdName: 'Colombo Giulia',
      buildingId: world.buildings.b,
    });
    // The coordinator's own agenda is empty: these are Olga's.
    const carlas = await carla.ok('agenda.get', { operatorId: null });
    expect([...carlas.overdue, ...carlas.dueToday, ...carlas.nextDays]).toEqual([]);
    expect(errorOf(await carla.call('agenda.get', { operatorId: 999_999 })).kind).toBe('not_found');
  });
});

describe('the agenda’s today', () => {
  it('is the local calendar date, not the UTC one, also across a change of summer time', () => {
    const saved = process.env.TZ;
    try {
      // Node re-reads the time zone when TZ is assigned.
      process.env.TZ = 'Europe/Rome';
      expect(localDate('2026-03-25T23:30:00.000Z')).toBe('2026-03-26');
      expect(localDate('2026-03-25T23:30:00.000Z', 7)).toBe('2026-04-02');
      expect(localDate('2026-12-31T22:59:00.000Z')).toBe('2026-12-31');
      expect(localDate('2026-12-31T23:00:00.000Z')).toBe('2027-01-01');
      process.env.TZ = 'Pacific/Pago_Pago';
      expect(localDate('2026-03-10T05:00:00.000Z')).toBe('2026-03-09');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
