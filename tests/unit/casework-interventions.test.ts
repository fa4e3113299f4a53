import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/contract';
import { auditRows } from './support';
import {
  buildTemplate,
  interventionInput,
  localDay,
  session,
  updateInput,
  type Session,
  type WorldTemplate,
} from './casework-fixtures';

let template: WorldTemplate;

beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);

afterAll(() => template.cleanUp());

function errorKind(result: ApiResult<unknown>): string {
  if (result.ok) throw new Error('expected an error, got a value');
  return result.error.kind;
}

function errorOf(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected an error, got a value');
  return result.error;
}

const count = (s: Session, table: 'interventions' | 'followups' | 'intervention_topics') =>
  s.withDb((db) => (db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);

describe('interventions.create', () => {
  it('records an intervention on one household with its follow-up, in the contract shape', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const created = await olga.ok(
      'interventions.create',
      interventionInput(world, [world.households.a1], {
        followup: { dueOn: localDay(2), text: 'Richiamare per il rinnovo', operatorId: null },
      }),
    );
    expect(created.interventions).toHaveLength(1);
    const [intervention] = created.interventions;
    expect(intervention).toMatchObject({
      groupId: null,
      operatorId: world.ops.olga,
      operatorName: 'Olga Rossi',
      householdId: world.households.a1,
      householdName: 'Rossi Maria',
      buildingId: world.buildings.a,
      typeLabel: 'ascolto',
      channelLabel: 'sportello',
      originLabel: 'proattivo',
      topicIds: [world.vocab['topic/morosità'], world.vocab['topic/salute']],
      topicLabels: ['morosità', 'salute'],
      notes: 'Note del colloquio',
      confidential: false,
      editable: true,
    });
    expect(intervention!.householdCode).toMatch(/^N-\d+$/);
    expect(created.followups).toEqual([
      expect.objectContaining({
        dueOn: localDay(2),
        operatorId: world.ops.olga,
        householdId: world.households.a1,
        householdName: 'Rossi Maria',
        buildingId: world.buildings.a,
        interventionId: intervention!.id,
        referralId: null,
        done: false,
      }),
    ]);

    // The same record through interventions.get and the household page.
    const got = await olga.ok('interventions.get', { id: intervention!.id });
    expect(got.intervention).toEqual(intervention);
    const page = await olga.ok('households.get', { id: world.households.a1 });
    expect(page.interventions.map((i) => i.id)).toEqual([intervention!.id]);
    expect(page.followups.map((f) => f.id)).toEqual([created.followups[0]!.id]);
  });

  it('puts follow-ups in the agenda: overdue, today and the next 7 days, by due date', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const ids: Record<string, number> = {};
    for (const [name, offset] of [
      ['inFive', 5],
      ['yesterday', -1],
      ['today', 0],
      ['inEight', 8],
      ['lastMonth', -30],
      ['inSeven', 7],
      ['tomorrow', 1],
    ] as const) {
      const created = await olga.ok(
        'interventions.create',
        interventionInput(world, [world.households.a1], {
          followup: { dueOn: localDay(offset), text: `Promemoria ${name}`, operatorId: null },
        }),
      );
      ids[name] = created.followups[0]!.id;
    }
    const agenda = await olga.ok('agenda.get', { operatorId: null });
    expect(agenda.today).toBe(localDay(0));
    expect(agenda.operatorId).toBe(world.ops.olga);
    expect(agenda.overdue.map((f) => f.id)).toEqual([ids.lastMonth, ids.yesterday]);
    expect(agenda.dueToday.map((f) => f.id)).toEqual([ids.today]);
    expect(agenda.nextDays.map((f) => f.id)).toEqual([ids.tomorrow, ids.inFive, ids.inSeven]);

    // Done ones leave the agenda.
    await olga.ok('followups.setDone', { id: ids.yesterday!, done: true });
    const after = await olga.ok('agenda.get', { operatorId: null });
    expect(after.overdue.map((f) => f.id)).toEqual([ids.lastMonth]);
  });

  it('a group intervention creates one linked record per household, its follow-up on the building', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const created = await olga.ok(
      'interventions.create',
      interventionInput(world, [world.households.a1, world.households.a2], {
        typeId: world.vocab['intervention_type/incontro di gruppo']!,
        followup: { dueOn: localDay(3), text: 'Convocare la riunione di scala', operatorId: null },
      }),
    );
    const rows = created.interventions;
    expect(rows.map((r) => r.householdId)).toEqual([world.households.a1, world.households.a2]);
    expect(rows[0]!.groupId).toBe(rows[0]!.id);
    expect(rows[1]!.groupId).toBe(rows[0]!.id);
    expect(rows.map((r) => r.buildingId)).toEqual([world.buildings.a, world.buildings.a]);
    expect(rows[1]!.topicIds).toEqual(rows[0]!.topicIds);
    expect(created.followups).toEqual([
      expect.objectContaining({
        householdId: null,
        buildingId: world.buildings.a,
        interventionId: rows[0]!.id,
      }),
    ]);
    // Each household's page shows its own linked record.
    const a2 = await olga.ok('households.get', { id: world.households.a2 });
    expect(a2.interventions.map((i) => i.id)).toEqual([rows[1]!.id]);

    // One household outside the operator's buildings refuses the whole group, and nothing is written.
    const before = count(s, 'interventions');
    const refused = await olga.call(
      'interventions.create',
      interventionInput(world, [world.households.a1, world.households.b1]),
    );
    expect(errorKind(refused)).toBe('forbidden');
    expect(count(s, 'interventions')).toBe(before);
  });

  it('a building-level intervention has no household and is visible to the building’s tutors only', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const created = await olga.ok(
      'interventions.create',
      interventionInput(world, [], {
        target: { kind: 'building', buildingId: world.buildings.a },
        followup: { dueOn: localDay(1), text: 'Segnalare la perdita in cantina', operatorId: null },
      }),
    );
    const [row] = created.interventions;
    expect(row).toMatchObject({ householdId: null, householdCode: null, buildingId: world.buildings.a });
    expect(created.followups[0]).toMatchObject({ householdId: null, buildingId: world.buildings.a });

    const paolo = await s.as('paolo');
    expect((await paolo.ok('interventions.get', { id: row!.id })).intervention.id).toBe(row!.id);
    const bruno = await s.as('bruno');
    expect(errorKind(await bruno.call('interventions.get', { id: row!.id }))).toBe('forbidden');
    expect(
      errorKind(
        await bruno.call('interventions.create', {
          ...interventionInput(world, []),
          target: { kind: 'building', buildingId: world.buildings.a },
        }),
      ),
    ).toBe('forbidden');
  });

  it('only a coordinator records for another operator, and only for an active one', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const forOther = interventionInput(world, [world.households.a1], { operatorId: world.ops.paolo });
    expect(errorKind(await olga.call('interventions.create', forOther))).toBe('forbidden');

    const carla = await s.as('carla');
    const created = await carla.ok('interventions.create', forOther);
    expect(created.interventions[0]).toMatchObject({
      operatorId: world.ops.paolo,
      operatorName: 'Paolo Rossi',
    });

    s.withDb((db) => db.raw.prepare('UPDATE operators SET active = 0 WHERE id = ?').run(world.ops.bruno));
    const inactive = errorOf(
      await carla.call(
        'interventions.create',
        interventionInput(world, [world.households.a1], { operatorId: world.ops.bruno }),
      ),
    );
    expect(inactive.kind).toBe('validation');
    expect(inactive.fields).toHaveProperty('operatorId');
  });
});

describe('confidential notes', () => {
  it('are sent only to the author and coordinators, through every call', async () => {
    const s = session(template);
    const { world } = s;
    const SECRET = 'Riferisce violenze in famiglia';
    const olga = await s.as('olga');
    const created = await olga.ok(
      'interventions.create',
      interventionInput(world, [world.households.a1], { notes: SECRET, confidential: true }),
    );
    const [mine] = created.interventions;
    expect(mine).toMatchObject({ notes: SECRET, confidential: true, editable: true });

    // Paolo tutors the same building: sees that it exists, never its notes.
    const paolo = await s.as('paolo');
    const answers = [
      await paolo.ok('interventions.get', { id: mine!.id }),
      await paolo.ok('interventions.list', { householdId: world.households.a1 }),
      await paolo.ok('interventions.list', {}),
      await paolo.ok('households.get', { id: world.households.a1 }),
      await paolo.ok('buildings.get', { id: world.buildings.a }),
    ];
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(SECRET);
    const seen = (await paolo.ok('interventions.get', { id: mine!.id })).intervention;
    expect(seen).toMatchObject({ notes: null, confidential: true, editable: false, outcome: mine!.outcome });
    const listed = await paolo.ok('households.get', { id: world.households.a1 });
    expect(listed.interventions[0]).toMatchObject({ id: mine!.id, notes: null });

    // Nor can he overwrite them.
    const update = await paolo.call('interventions.update', updateInput(world, mine!.id, mine!.updatedAt));
    expect(errorKind(update)).toBe('forbidden');

    // The author and a coordinator see them everywhere.
    expect((await olga.ok('interventions.get', { id: mine!.id })).intervention.notes).toBe(SECRET);
    expect((await olga.ok('households.get', { id: world.households.a1 })).interventions[0]!.notes).toBe(
      SECRET,
    );
    const carla = await s.as('carla');
    const forCarla = (await carla.ok('interventions.get', { id: mine!.id })).intervention;
    expect(forCarla).toMatchObject({ notes: SECRET, editable: true });
    const carlaList = await carla.ok('interventions.list', { householdId: world.households.a1 });
    expect(carlaList.rows[0]!.notes).toBe(SECRET);

    // Recorded by a coordinator for Olga: Olga is its author too, and Paolo still sees nothing.
    const onBehalf = await carla.ok(
      'interventions.create',
      interventionInput(world, [world.households.a2], {
        notes: SECRET,
        confidential: true,
        operatorId: world.ops.olga,
      }),
    );
    const id = onBehalf.interventions[0]!.id;
    expect((await olga.ok('interventions.get', { id })).intervention.notes).toBe(SECRET);
    expect((await paolo.ok('interventions.get', { id })).intervention.notes).toBeNull();
    // A non-confidential intervention's notes are for every tutor of the building.
    const open = await olga.ok('interventions.create', interventionInput(world, [world.households.a1]));
    expect((await paolo.ok('interventions.get', { id: open.interventions[0]!.id })).intervention.notes).toBe(
      'Note del colloquio',
    );
  });
});

describe('visibility across buildings', () => {
  it('an operator of another building cannot read, list, change or add on the household', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const created = await olga.ok(
      'interventions.create',
      interventionInput(world, [world.households.a1], {
        followup: { dueOn: localDay(0), text: 'Telefonare', operatorId: null },
      }),
    );
    const [row] = created.interventions;
    const bruno = await s.as('bruno');
    expect(errorKind(await bruno.call('interventions.get', { id: row!.id }))).toBe('forbidden');
    expect(errorKind(await bruno.call('interventions.list', { householdId: world.households.a1 }))).toBe(
      'forbidden',
    );
    expect(errorKind(await bruno.call('interventions.list', { buildingId: world.buildings.a }))).toBe(
      'forbidden',
    );
    expect(
      errorKind(await bruno.call('interventions.update', updateInput(world, row!.id, row!.updatedAt))),
    ).toBe('forbidden');
    expect(
      errorKind(await bruno.call('interventions.create', interventionInput(world, [world.households.a1]))),
    ).toBe('forbidden');
    expect(
      errorKind(
        await bruno.call('referrals.create', {
          householdId: world.households.a1,
          serviceId: world.vocab['referral_service/servizi sociali']!,
          referredOn: localDay(),
          reason: '',
          status: 'inviato',
          checkBy: null,
        }),
      ),
    ).toBe('forbidden');
    expect(
      errorKind(
        await bruno.call('followups.create', {
          householdId: world.households.a1,
          dueOn: localDay(),
          text: 'Tentativo',
        }),
      ),
    ).toBe('forbidden');
    const followupId = created.followups[0]!.id;
    expect(errorKind(await bruno.call('followups.setDone', { id: followupId, done: true }))).toBe(
      'forbidden',
    );
    // The unfiltered list holds only what Bruno may see.
    await bruno.ok('interventions.create', interventionInput(world, [world.households.b1]));
    const mine = await bruno.ok('interventions.list', {});
    expect(mine.total).toBe(1);
    expect(mine.rows.map((r) => r.householdId)).toEqual([world.households.b1]);
    // A missing intervention is not_found.
    expect(errorKind(await bruno.call('interventions.get', { id: 999_999 }))).toBe('not_found');
  });
});

describe('visibility follows the household', () => {
  it('after a move to another building, its history goes with it to the new tutors', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const onHousehold = await olga.ok(
      'interventions.create',
      interventionInput(world, [world.households.a1], {
        followup: { dueOn: localDay(0), text: 'Richiamare', operatorId: null },
      }),
    );
    const onBuilding = await olga.ok(
      'interventions.create',
      interventionInput(world, [], { target: { kind: 'building', buildingId: world.buildings.a } }),
    );
    const carla = await s.as('carla');
    const { household } = await carla.ok('households.get', { id: world.households.a1 });
    await carla.ok('households.move', {
      id: household.id,
      expectedUpdatedAt: household.updatedAt,
      toUnitId: world.freeUnitB,
      movedOn: localDay(0),
      reason: 'Cambio alloggio',
    });

    const moved = onHousehold.interventions[0]!.id;
    const stays = onBuilding.interventions[0]!.id;
    expect(errorKind(await olga.call('interventions.get', { id: moved }))).toBe('forbidden');
    const olgaList = await olga.ok('interventions.list', {});
    expect(olgaList.rows.map((r) => r.id)).toEqual([stays]);
    expect(olgaList.total).toBe(1);
    // Her follow-up on the household is no longer hers to see, even in her own agenda.
    expect((await olga.ok('agenda.get', { operatorId: null })).dueToday).toEqual([]);

    const bruno = await s.as('bruno');
    expect((await bruno.ok('interventions.get', { id: moved })).intervention.buildingId).toBe(
      world.buildings.a,
    );
    const brunoList = await bruno.ok('interventions.list', {});
    expect(brunoList.rows.map((r) => r.id)).toEqual([moved]);
    expect(errorKind(await bruno.call('interventions.get', { id: stays }))).toBe('forbidden');
  });
});

describe('interventions.update', () => {
  it('saves with the current version, refuses a stale one, and replaces the topics', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const [row] = (await olga.ok('interventions.create', interventionInput(world, [world.households.a1])))
      .interventions;
    const input = updateInput(world, row!.id, row!.updatedAt, {
      topicIds: [world.vocab['topic/lavoro']!],
      outcome: 'Inviato al centro per l’impiego',
    });
    const saved = (await olga.ok('interventions.update', input)).intervention;
    expect(saved).toMatchObject({ outcome: 'Inviato al centro per l’impiego', topicLabels: ['lavoro'] });
    expect(saved.updatedAt > row!.updatedAt).toBe(true);

    // A coordinator working from the old version gets a conflict, and nothing changes.
    const carla = await s.as('carla');
    const stale = errorOf(await carla.call('interventions.update', { ...input, outcome: 'Altro' }));
    expect(stale.kind).toBe('conflict');
    expect(stale.message).toMatch(/modificato da qualcun altro/);
    expect((await olga.ok('interventions.get', { id: row!.id })).intervention.outcome).toBe(
      'Inviato al centro per l’impiego',
    );
    // From the new version the coordinator may change it.
    const byCarla = await carla.ok('interventions.update', {
      ...input,
      expectedUpdatedAt: saved.updatedAt,
      outcome: 'Rivisto',
    });
    expect(byCarla.intervention.outcome).toBe('Rivisto');
  });
});

describe('vocabulary', () => {
  it('refuses inactive or wrong-kind entries on create, keeps an inactive one already on the record', async () => {
    const s = session(template);
    const { world } = s;
    const v = world.vocab;
    const olga = await s.as('olga');
    const [row] = (await olga.ok('interventions.create', interventionInput(world, [world.households.a1])))
      .interventions;
    s.withDb((db) =>
      db.raw
        .prepare('UPDATE vocabulary SET active = 0 WHERE id IN (?, ?, ?)')
        .run(
          v['topic/salute'],
          v['intervention_type/ascolto'],
          v['intervention_type/mediazione dei conflitti'],
        ),
    );
    const before = count(s, 'interventions');
    const inactiveTopic = errorOf(
      await olga.call(
        'interventions.create',
        interventionInput(world, [world.households.a1], {
          typeId: v['intervention_type/informazione']!,
        }),
      ),
    );
    expect(inactiveTopic.kind).toBe('validation');
    expect(inactiveTopic.fields).toHaveProperty('topicIds');
    expect(inactiveTopic.message).toMatch(/Temi/);

    const wrongKind = errorOf(
      await olga.call(
        'interventions.create',
        interventionInput(world, [world.households.a1], {
          typeId: v['channel/telefono']!,
          topicIds: [v['topic/lavoro']!],
        }),
      ),
    );
    expect(wrongKind.kind).toBe('validation');
    expect(wrongKind.fields).toHaveProperty('typeId');
    expect(count(s, 'interventions')).toBe(before);

    // The record keeps its now-inactive type and topic...
    const saved = await olga.ok(
      'interventions.update',
      updateInput(world, row!.id, row!.updatedAt, { outcome: 'Aggiornato' }),
    );
    expect(saved.intervention.typeLabel).toBe('ascolto');
    expect(saved.intervention.topicLabels).toEqual(['morosità', 'salute']);
    // ...but cannot switch to another inactive one.
    const switched = errorOf(
      await olga.call(
        'interventions.update',
        updateInput(world, row!.id, saved.intervention.updatedAt, {
          typeId: v['intervention_type/mediazione dei conflitti']!,
        }),
      ),
    );
    expect(switched.kind).toBe('validation');
    expect(switched.fields).toHaveProperty('typeId');
  });
});

describe('interventions.list', () => {
  it('pages, sorts and filters in the database', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const carla = await s.as('carla');
    const days = ['2024-03-01', '2024-03-05', '2024-03-10', '2024-04-01', '2024-04-15'];
    for (const [index, day] of days.entries()) {
      const app = index % 2 === 0 ? olga : carla;
      await app.ok(
        'interventions.create',
        interventionInput(world, [index < 3 ? world.households.a1 : world.households.a2], {
          occurredAt: `${day}T09:00`,
        }),
      );
    }
    await carla.ok('interventions.create', interventionInput(world, [world.households.b1]));

    const firstPage = await olga.ok('interventions.list', { pageSize: 5, page: 0 });
    expect(firstPage.total).toBe(5);
    expect(firstPage.rows.map((r) => r.occurredAt.slice(0, 10))).toEqual([...days].reverse());
    const asc = await olga.ok('interventions.list', { pageSize: 5, page: 0, sortDir: 'asc' });
    expect(asc.rows.map((r) => r.occurredAt.slice(0, 10))).toEqual(days);
    const second = await olga.ok('interventions.list', { pageSize: 5, page: 1 });
    expect(second).toEqual({ rows: [], total: 5 });

    const march = await olga.ok('interventions.list', { from: '2024-03-05', to: '2024-03-10' });
    expect(march.rows.map((r) => r.occurredAt.slice(0, 10))).toEqual(['2024-03-10', '2024-03-05']);
    const byCarla = await olga.ok('interventions.list', { operatorId: world.ops.carla });
    expect(byCarla.total).toBe(2);
    const a2 = await olga.ok('interventions.list', { householdId: world.households.a2 });
    expect(a2.total).toBe(2);
    const byOperator = await olga.ok('interventions.list', { sortField: 'operator', sortDir: 'asc' });
    expect(byOperator.rows.map((r) => r.operatorName)).toEqual([
      'Carla Rossi',
      'Carla Rossi',
      'Olga Rossi',
      'Olga Rossi',
      'Olga Rossi',
    ]);
    // The coordinator sees every building.
    expect((await carla.ok('interventions.list', {})).total).toBe(6);
  });
});

describe('audit', () => {
  it('writes who, which call and which record for each change, never the contents', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const created = await olga.ok(
      'interventions.create',
      interventionInput(world, [world.households.a1, world.households.a2], {
        notes: 'Contenuto riservato da non registrare',
        followup: { dueOn: localDay(1), text: 'Testo del promemoria', operatorId: null },
      }),
    );
    const [first] = created.interventions;
    await olga.ok('interventions.update', updateInput(world, first!.id, first!.updatedAt));
    const rows = s.withDb((db) => auditRows(db)).filter((r) => r.action.startsWith('interventions.'));
    expect(rows.map((r) => [r.action, r.record_type, r.record_id, r.operator_id])).toEqual([
      ['interventions.create', 'intervention', String(first!.id), world.ops.olga],
      ['interventions.create', 'intervention', String(created.interventions[1]!.id), world.ops.olga],
      ['interventions.create', 'followup', String(created.followups[0]!.id), world.ops.olga],
      ['interventions.update', 'intervention', String(first!.id), world.ops.olga],
    ]);
    const everything = JSON.stringify(s.withDb((db) => auditRows(db)));
    expect(everything).not.toContain('Contenuto riservato');
    expect(everything).not.toContain('Testo del promemoria');
    // A refused call writes nothing.
    const paolo = await s.as('paolo');
    const before = s.withDb((db) => auditRows(db)).length;
    const stale = await olga.call('interventions.update', updateInput(world, first!.id, first!.updatedAt));
    expect(errorKind(stale)).toBe('conflict');
    const notAuthor = await paolo.call('interventions.update', updateInput(world, first!.id, 'qualsiasi'));
    expect(errorKind(notAuthor)).toBe('forbidden');
    expect(s.withDb((db) => auditRows(db)).length).toBe(before);
  });
});

describe('the household page', () => {
  it('holds the newest 100 interventions and the total; older ones are paged with interventions.list', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    for (let day = 1; day <= 103; day += 1) {
      const date = new Date(Date.UTC(2020, 0, day)).toISOString().slice(0, 10);
      await olga.ok('interventions.create', {
        ...interventionInput(world, [world.households.a2]),
        occurredAt: `${date}T10:00`,
      });
    }
    const page = await olga.ok('households.get', { id: world.households.a2 });
    const before = await olga.ok('interventions.list', { householdId: world.households.a2, pageSize: 5 });
    expect(page.interventionTotal).toBe(before.total);
    expect(page.interventionTotal).toBeGreaterThanOrEqual(103);
    expect(page.interventions).toHaveLength(100);
    const dates = page.interventions.map((i) => i.occurredAt);
    expect(dates).toEqual([...dates].sort().reverse());
    // The oldest of the 103 is not on the page, and is the last of the full list.
    expect(dates).not.toContain('2020-01-01T10:00');
    const last = await olga.ok('interventions.list', {
      householdId: world.households.a2,
      pageSize: 5,
      page: Math.ceil(before.total / 5) - 1,
    });
    expect(last.rows.at(-1)?.occurredAt).toBe('2020-01-01T10:00');
  }, 60_000);
});
