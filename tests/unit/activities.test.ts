import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/contract';
import { buildTemplate, session, type Session, type WorldTemplate } from './casework-fixtures';
import { activityInput, activityTypeIds, MEETING } from './activities-fixtures';
import { createHousehold, createUnit } from './registry-fixtures';
import { auditRows } from './support';

let template: WorldTemplate;

beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);

afterAll(() => template.cleanUp());

function withoutRepeat<T extends { repeat?: unknown }>(input: T): Omit<T, 'repeat'> {
  const { repeat: _repeat, ...rest } = input;
  return rest;
}

function errorOf(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected an error, got a value');
  return result.error;
}

async function meeting(s: Session, who: 'olga' | 'carla' | 'anna', buildingIds: number[], overrides = {}) {
  const app = await s.as(who);
  const types = await activityTypeIds(app);
  return (await app.ok('activities.create', activityInput(types[MEETING]!, buildingIds, overrides))).activity;
}

describe('activities and attendance', () => {
  it('records a building meeting, its attendance and the rate, and shows it on the household', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const activity = await meeting(s, 'olga', [world.buildings.a]);
    expect(activity).toMatchObject({
      typeLabel: MEETING,
      promoter: 'tutor',
      areaId: null,
      buildings: [{ id: world.buildings.a }],
      guests: 0,
      outsiders: [],
      seriesId: null,
    });
    const opened = await olga.ok('activities.get', { id: activity.id });
    expect(opened.attendance).toMatchObject({ eligible: 2, present: 0, rate: 0, hiddenEligible: 0 });
    expect(opened.attendance.households.map((h) => h.householdId).sort()).toEqual(
      [world.households.a1, world.households.a2].sort(),
    );
    const saved = await olga.ok('activities.saveAttendance', {
      id: activity.id,
      expectedUpdatedAt: opened.activity.updatedAt,
      householdIds: [world.households.a1],
      guests: 3,
      outsiders: ['Don Mario (parrocchia)'],
    });
    expect(saved.attendance).toMatchObject({ eligible: 2, present: 1, rate: 0.5 });
    expect(saved.activity).toMatchObject({ guests: 3, outsiders: ['Don Mario (parrocchia)'] });
    expect(saved.attendance.households.find((h) => h.householdId === world.households.a1)?.present).toBe(
      true,
    );

    const mine = await olga.ok('activities.household', { householdId: world.households.a1 });
    expect(mine).toEqual({
      count: 1,
      activities: [
        {
          activityId: activity.id,
          heldOn: '2024-06-15',
          startsAt: '18:00',
          title: 'Assemblea di caseggiato',
          typeLabel: MEETING,
        },
      ],
    });
    expect((await olga.ok('activities.household', { householdId: world.households.a2 })).count).toBe(0);

    // Unticking is a save like any other; an old version is refused.
    const stale = await olga.call('activities.saveAttendance', {
      id: activity.id,
      expectedUpdatedAt: opened.activity.updatedAt,
      householdIds: [],
      guests: 0,
      outsiders: [],
    });
    expect(errorOf(stale).kind).toBe('conflict');

    // Audited by record id only: no names, no counts.
    const audit = s.withDb((db) => auditRows(db)).filter((r) => r.action.startsWith('activities.'));
    expect(audit.map((r) => [r.action, r.record_type, r.record_id])).toEqual([
      ['activities.create', 'activity', String(activity.id)],
      ['activities.saveAttendance', 'activity', String(activity.id)],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Mario');
  });

  it('counts the households that lived in the buildings on the day, from their moves', async () => {
    const s = session(template);
    const { world } = s;
    const anna = await s.as('anna');
    const a = world.buildings.a;
    const u1 = await createUnit(anna, a);
    const u2 = await createUnit(anna, a);
    const u3 = await createUnit(anna, a);
    // Leaves A for B on 2024-06-01; its unit is taken on 2024-06-10.
    const leaver = await createHousehold(anna, u1.id, { since: '2019-03-01' });
    await anna.ok('households.move', {
      id: leaver.id,
      expectedUpdatedAt: leaver.updatedAt,
      toUnitId: world.freeUnitB,
      movedOn: '2024-06-01',
      reason: '',
    });
    const newcomer = await createHousehold(anna, u1.id, { since: '2024-06-10' });
    const later = await createHousehold(anna, u2.id, { since: '2025-01-01' });
    // Closed today, with no recorded leaving date: counted until someone else moves into its unit.
    const closed = await createHousehold(anna, u3.id, { since: '2018-01-01' });
    await anna.ok('households.update', {
      id: closed.id,
      expectedUpdatedAt: closed.updatedAt,
      since: '2018-01-01',
      phone: '',
      language: 'italiano',
      toTeam: false,
      notes: '',
      status: 'chiuso',
      referenceMemberId: closed.referenceMemberId,
    });
    const successor = await createHousehold(anna, u3.id, { since: '2024-09-01' });

    const present = async (heldOn: string) => {
      const activity = await meeting(s, 'anna', [a], { heldOn });
      const { attendance } = await anna.ok('activities.get', { id: activity.id });
      return { ids: attendance.households.map((h) => h.householdId).sort((x, y) => x - y), attendance };
    };
    const sorted = (...ids: number[]) => ids.sort((x, y) => x - y);
    const { a1, a2 } = world.households;

    expect((await present('2024-05-31')).ids).toEqual(sorted(a1, a2, leaver.id, closed.id));
    // The day of a move counts for the new home.
    expect((await present('2024-06-01')).ids).toEqual(sorted(a1, a2, closed.id));
    expect((await present('2024-06-10')).ids).toEqual(sorted(a1, a2, newcomer.id, closed.id));
    expect((await present('2024-10-01')).ids).toEqual(sorted(a1, a2, newcomer.id, successor.id));
    expect((await present('2025-02-01')).ids).toEqual(sorted(a1, a2, newcomer.id, later.id, successor.id));
    expect((await present('2019-12-31')).ids).toEqual(sorted(leaver.id, closed.id));

    // Building B on 2024-06-05: the leaver counts there now, next to b1.
    const onB = await meeting(s, 'anna', [world.buildings.b], { heldOn: '2024-06-05' });
    const sheetB = await anna.ok('activities.get', { id: onB.id });
    expect(sheetB.attendance.households.map((h) => h.householdId).sort()).toEqual(
      sorted(world.households.b1, leaver.id),
    );

    // Rate over two buildings: 3 present out of 6 living in A and B that day.
    const both = await meeting(s, 'anna', [a, world.buildings.b], { heldOn: '2024-06-15' });
    const opened = await anna.ok('activities.get', { id: both.id });
    expect(opened.attendance.eligible).toBe(6);
    const saved = await anna.ok('activities.saveAttendance', {
      id: both.id,
      expectedUpdatedAt: opened.activity.updatedAt,
      householdIds: [a1, newcomer.id, leaver.id],
      guests: 0,
      outsiders: [],
    });
    expect(saved.attendance).toMatchObject({ eligible: 6, present: 3, rate: 0.5 });

    // A household that did not live there that day cannot be ticked.
    const wrong = await anna.call('activities.saveAttendance', {
      id: both.id,
      expectedUpdatedAt: saved.activity.updatedAt,
      householdIds: [later.id],
      guests: 0,
      outsiders: [],
    });
    expect(errorOf(wrong)).toMatchObject({
      kind: 'validation',
      message:
        'Tra i nuclei presenti ce n’è uno che il 15/06/2024 non abitava nei caseggiati dell’attività: ricaricare la pagina.',
    });
  });

  it('creates a weekly series once, with attendance per occurrence', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const types = await activityTypeIds(olga);
    const created = await olga.ok(
      'activities.create',
      activityInput(types.laboratorio!, [world.buildings.a], {
        title: 'Laboratorio di cucito',
        heldOn: '2024-03-05',
        repeat: { everyWeeks: 1, until: '2024-03-26' },
      }),
    );
    expect(created.occurrenceIds).toHaveLength(4);
    const [first, second] = created.occurrenceIds;
    const one = await olga.ok('activities.get', { id: first! });
    expect(one.occurrences.map((o) => o.heldOn)).toEqual([
      '2024-03-05',
      '2024-03-12',
      '2024-03-19',
      '2024-03-26',
    ]);
    await olga.ok('activities.saveAttendance', {
      id: first!,
      expectedUpdatedAt: one.activity.updatedAt,
      householdIds: [world.households.a1, world.households.a2],
      guests: 1,
      outsiders: [],
    });
    const two = await olga.ok('activities.get', { id: second! });
    expect(two.attendance.present).toBe(0);
    await olga.ok('activities.saveAttendance', {
      id: second!,
      expectedUpdatedAt: two.activity.updatedAt,
      householdIds: [world.households.a2],
      guests: 0,
      outsiders: [],
    });
    const again = await olga.ok('activities.get', { id: second! });
    expect(again.occurrences.map((o) => o.present)).toEqual([2, 1, 0, 0]);
    expect((await olga.ok('activities.household', { householdId: world.households.a2 })).count).toBe(2);
  });

  it('changes an activity with the optimistic check and keeps deactivated types on old records', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const carla = await s.as('carla');
    const activity = await meeting(s, 'olga', [world.buildings.a]);
    const { typeId: _t, target: _g, repeat: _r, ...fields } = activityInput(activity.typeId, []);
    const changed = await olga.ok('activities.update', {
      id: activity.id,
      expectedUpdatedAt: activity.updatedAt,
      ...fields,
      typeId: activity.typeId,
      target: { kind: 'buildings', buildingIds: [world.buildings.a] },
      title: 'Assemblea sulle pulizie',
      outcome: 'Turni delle scale concordati.',
    });
    expect(changed.activity).toMatchObject({
      title: 'Assemblea sulle pulizie',
      outcome: 'Turni delle scale concordati.',
    });
    expect(changed.activity.updatedAt > activity.updatedAt).toBe(true);
    const stale = await olga.call('activities.update', {
      id: activity.id,
      expectedUpdatedAt: activity.updatedAt,
      ...fields,
      typeId: activity.typeId,
      target: { kind: 'buildings', buildingIds: [world.buildings.a] },
    });
    expect(errorOf(stale)).toMatchObject({ kind: 'conflict' });
    expect(errorOf(stale).message).toContain('L’attività è stato modificato'.slice(0, 12));

    // Types: coordinators only; a deactivated type stays on its activities but is not offered anew.
    expect(errorOf(await olga.call('activities.createType', { label: 'Cineforum' })).kind).toBe('forbidden');
    const { type } = await carla.ok('activities.createType', { label: 'Cineforum' });
    expect(errorOf(await carla.call('activities.createType', { label: 'cineforum' }))).toMatchObject({
      kind: 'conflict',
      message: 'Questo tipo di attività è già nell’elenco.',
    });
    const meetingType = (await carla.ok('activities.types', {})).types.find((t) => t.id === activity.typeId)!;
    expect(meetingType.used).toBe(true);
    await carla.ok('activities.updateType', {
      id: meetingType.id,
      expectedUpdatedAt: meetingType.updatedAt,
      label: meetingType.label,
      active: false,
      position: meetingType.position,
    });
    const kept = await olga.ok('activities.update', {
      id: activity.id,
      expectedUpdatedAt: changed.activity.updatedAt,
      ...fields,
      typeId: activity.typeId,
      target: { kind: 'buildings', buildingIds: [world.buildings.a] },
    });
    expect(kept.activity.typeId).toBe(activity.typeId);
    const refused = await olga.call('activities.create', activityInput(activity.typeId, [world.buildings.a]));
    expect(errorOf(refused)).toMatchObject({
      kind: 'validation',
      fields: { typeId: 'Tipo di attività: scegliere una voce attiva dell’elenco.' },
    });
    expect(
      (await olga.ok('activities.create', activityInput(type.id, [world.buildings.a]))).activity.typeLabel,
    ).toBe('Cineforum');
  });
});

describe('activities.list', () => {
  it('filters by text, dates, type, building and group, newest first', async () => {
    const s = session(template);
    const { world } = s;
    const carla = await s.as('carla');
    const types = await activityTypeIds(carla);
    const make = (title: string, heldOn: string, type: string, buildingIds: number[]) =>
      carla.ok('activities.create', activityInput(types[type]!, buildingIds, { title, heldOn }));
    const spring = await make('Festa di primavera', '2024-04-20', 'festa o evento', [world.buildings.a]);
    const meetingA = await make('Assemblea scala A', '2024-02-10', MEETING, [world.buildings.a]);
    const meetingB = await make('Assemblea caseggiato B', '2024-05-05', MEETING, [world.buildings.b]);
    const ids = async (input: Parameters<typeof carla.ok<'activities.list'>>[1]) =>
      (await carla.ok('activities.list', input)).rows.map((r) => r.id);
    expect(await ids({})).toEqual([meetingB.activity.id, spring.activity.id, meetingA.activity.id]);
    expect(await ids({ sortDir: 'asc' })).toEqual([
      meetingA.activity.id,
      spring.activity.id,
      meetingB.activity.id,
    ]);
    expect(await ids({ q: 'assemblea' })).toEqual([meetingB.activity.id, meetingA.activity.id]);
    expect(await ids({ q: 'sala comune', from: '2024-03-01', to: '2024-04-30' })).toEqual([
      spring.activity.id,
    ]);
    expect(await ids({ typeId: types[MEETING]!, buildingId: world.buildings.a })).toEqual([
      meetingA.activity.id,
    ]);
    expect(await ids({ pageSize: 5, page: 1 })).toEqual([]);
    expect((await carla.ok('activities.list', { pageSize: 5 })).total).toBe(3);
  });
});

describe('validation messages in Italian', () => {
  it('explains each mistake at its field', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const types = await activityTypeIds(olga);
    const base = activityInput(types[MEETING]!, [world.buildings.a]);
    const cases: [Partial<typeof base>, string, string][] = [
      [{ title: '  ' }, 'title', 'Inserire il titolo dell’attività.'],
      [{ endsAt: '17:00' }, 'endsAt', 'L’ora di fine deve venire dopo l’ora di inizio.'],
      [{ startsAt: '25:00' }, 'startsAt', 'Ora di inizio: inserire un’ora valida (hh:mm).'],
      [{ heldOn: '2024-02-30' }, 'heldOn', 'Data: inserire una data valida (gg/mm/aaaa).'],
      [{ promoter: 'gruppo' }, 'groupId', 'Scegliere il gruppo di residenti che ha promosso l’attività.'],
      [
        { target: { kind: 'buildings', buildingIds: [] } },
        'target.buildingIds',
        'Scegliere almeno un caseggiato.',
      ],
      [
        { repeat: { everyWeeks: 1, until: '2024-06-01' } },
        'repeat.until',
        'La data di fine della ripetizione deve venire dopo la prima data.',
      ],
      [
        { repeat: { everyWeeks: 1, until: '2026-06-15' } },
        'repeat.until',
        'Una serie può avere al massimo 60 date: scegliere una data di fine più vicina.',
      ],
    ];
    for (const [override, field, message] of cases) {
      const error = errorOf(await olga.call('activities.create', { ...base, ...override }));
      expect(error.kind).toBe('validation');
      expect(error.fields?.[field]).toBe(message);
    }
    const attendance = errorOf(
      await olga.call('activities.saveAttendance', {
        id: 1,
        expectedUpdatedAt: 'x',
        householdIds: [],
        guests: -1,
        outsiders: [''],
      }),
    );
    expect(attendance.fields).toMatchObject({
      guests: 'Partecipanti non registrati: non può essere negativo.',
      'outsiders.0': 'Inserire il nome della persona esterna.',
    });
  });
});

describe('visibility', () => {
  it('limits an operatore to activities touching their buildings, through every call', async () => {
    const s = session(template);
    const { world } = s;
    const { a, b } = world.buildings;
    const bruno = await s.as('bruno');
    const olga = await s.as('olga');
    const carla = await s.as('carla');
    const onA = await meeting(s, 'olga', [a]);
    const both = await meeting(s, 'carla', [a, b], { title: 'Festa di quartiere' });
    const types = await activityTypeIds(carla);

    // Bruno: not A's meeting, but the one on A and B.
    expect(errorOf(await bruno.call('activities.get', { id: onA.id })).kind).toBe('forbidden');
    const list = await bruno.ok('activities.list', {});
    expect(list.rows.map((r) => r.id)).toEqual([both.id]);
    expect(list.rows[0]).toMatchObject({ where: expect.stringContaining('e altri 1'), present: 0 });
    expect(errorOf(await bruno.call('activities.list', { buildingId: a })).kind).toBe('forbidden');
    expect(
      errorOf(
        await bruno.call('activities.update', {
          ...withoutRepeat(activityInput(types[MEETING]!, [a])),
          id: onA.id,
          expectedUpdatedAt: onA.updatedAt,
        }),
      ).kind,
    ).toBe('forbidden');
    expect(
      errorOf(
        await bruno.call('activities.saveAttendance', {
          id: onA.id,
          expectedUpdatedAt: onA.updatedAt,
          householdIds: [],
          guests: 0,
          outsiders: [],
        }),
      ).kind,
    ).toBe('forbidden');
    const createOnA = errorOf(await bruno.call('activities.create', activityInput(types[MEETING]!, [a])));
    expect(createOnA).toMatchObject({ kind: 'forbidden' });
    expect(createOnA.message).toContain('non è assegnato al proprio profilo');
    expect(errorOf(await bruno.call('activities.household', { householdId: world.households.a1 })).kind).toBe(
      'forbidden',
    );

    // On the shared activity each tutor sees and ticks the households of their own building only.
    const carlaSheet = await carla.ok('activities.get', { id: both.id });
    const afterCarla = await carla.ok('activities.saveAttendance', {
      id: both.id,
      expectedUpdatedAt: carlaSheet.activity.updatedAt,
      householdIds: [world.households.b1],
      guests: 0,
      outsiders: [],
    });
    const olgaSheet = await olga.ok('activities.get', { id: both.id });
    expect(olgaSheet.attendance).toMatchObject({
      eligible: 3,
      present: 1,
      hiddenEligible: 1,
      hiddenPresent: 1,
    });
    expect(olgaSheet.attendance.households.map((h) => h.householdId).sort()).toEqual(
      [world.households.a1, world.households.a2].sort(),
    );
    const olgaSaved = await olga.ok('activities.saveAttendance', {
      id: both.id,
      expectedUpdatedAt: afterCarla.activity.updatedAt,
      householdIds: [world.households.a1],
      guests: 2,
      outsiders: [],
    });
    // Olga's save leaves Bruno's household ticked.
    expect(olgaSaved.attendance).toMatchObject({ present: 2, hiddenPresent: 1 });
    const olgaTicksB1 = await olga.call('activities.saveAttendance', {
      id: both.id,
      expectedUpdatedAt: olgaSaved.activity.updatedAt,
      householdIds: [world.households.a1, world.households.b1],
      guests: 2,
      outsiders: [],
    });
    expect(errorOf(olgaTicksB1).kind).toBe('forbidden');

    // An activity on the area counts for each of its buildings.
    const areaId = (await carla.ok('buildings.get', { id: a })).building.areaId;
    const onArea = await meeting(s, 'carla', [a], {
      target: { kind: 'area', areaId },
      title: 'Festa d’estate',
    });
    expect(onArea.buildings.map((x) => x.id).sort()).toEqual([a, b].sort());
    expect((await bruno.ok('activities.list', { buildingId: b })).rows.map((r) => r.id)).toContain(onArea.id);
    expect(
      (await bruno.ok('activities.get', { id: onArea.id })).attendance.households.map((h) => h.householdId),
    ).toEqual([world.households.b1]);
    const olgaArea = await olga.ok('activities.create', {
      ...activityInput(types[MEETING]!, []),
      target: { kind: 'area', areaId },
    });
    expect(olgaArea.activity.areaName).not.toBeNull();
  });
});
