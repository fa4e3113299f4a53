import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CallInput } from '../../shared/contract';
import { buildTemplate, session, type Session, type WorldTemplate } from './casework-fixtures';
import { activityInput, activityTypeIds, MEETING } from './activities-fixtures';
import { auditRows } from './support';

let template: WorldTemplate;

beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);

afterAll(() => template.cleanUp());

function errorOf(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected an error, got a value');
  return result.error;
}

async function referentOf(s: Session, householdId: number): Promise<number> {
  const carla = await s.as('carla');
  const { members } = await carla.ok('households.get', { id: householdId });
  return members[0]!.id;
}

function groupInput(
  buildingIds: number[],
  referentIds: number[],
  overrides: Partial<CallInput<'groups.create'>> = {},
): CallInput<'groups.create'> {
  return {
    name: 'Amici del cortile',
    buildingIds,
    purpose: 'Cura delle aiuole e feste di caseggiato.',
    referentIds,
    status: 'attivo',
    startedOn: '2023-04-01',
    ...overrides,
  };
}

describe('resident groups', () => {
  it('creates a group with referents, links its activities and lists it on the building', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const referent = await referentOf(s, world.households.a1);
    const options = await olga.ok('groups.memberOptions', { buildingIds: [world.buildings.a] });
    expect(options.members.map((m) => m.name)).toEqual(['Esposito Luca', 'Rossi Maria']);

    const { group } = await olga.ok('groups.create', groupInput([world.buildings.a], [referent]));
    expect(group).toMatchObject({
      name: 'Amici del cortile',
      status: 'attivo',
      startedOn: '2023-04-01',
      buildings: [{ id: world.buildings.a }],
      referents: [{ memberId: referent, householdId: world.households.a1, name: 'Rossi Maria' }],
      activityCount: 0,
      lastActivityOn: null,
    });

    const types = await activityTypeIds(olga);
    await olga.ok(
      'activities.create',
      activityInput(types['cura degli spazi comuni']!, [world.buildings.a], {
        promoter: 'gruppo',
        groupId: group.id,
        heldOn: '2024-05-04',
      }),
    );
    const got = await olga.ok('groups.get', { id: group.id });
    expect(got.group).toMatchObject({ activityCount: 1, lastActivityOn: '2024-05-04' });
    expect(got.activities.map((a) => a.groupName)).toEqual(['Amici del cortile']);
    expect((await olga.ok('groups.list', { buildingId: world.buildings.a })).groups.map((g) => g.id)).toEqual(
      [group.id],
    );
    expect((await olga.ok('activities.list', { groupId: group.id })).total).toBe(1);

    const changed = await olga.ok('groups.update', {
      id: group.id,
      expectedUpdatedAt: group.updatedAt,
      ...groupInput([world.buildings.a], [referent], {
        status: 'sospeso',
        name: 'Amici del cortile (pausa)',
      }),
    });
    expect(changed.group).toMatchObject({ status: 'sospeso', name: 'Amici del cortile (pausa)' });
    const stale = await olga.call('groups.update', {
      id: group.id,
      expectedUpdatedAt: group.updatedAt,
      ...groupInput([world.buildings.a], [referent]),
    });
    expect(errorOf(stale).kind).toBe('conflict');

    const audit = s.withDb((db) => auditRows(db)).filter((r) => r.action.startsWith('groups.'));
    expect(audit.map((r) => [r.action, r.record_type, r.record_id])).toEqual([
      ['groups.create', 'resident_group', String(group.id)],
      ['groups.update', 'resident_group', String(group.id)],
    ]);
  });

  it('checks referents and messages in Italian', async () => {
    const s = session(template);
    const { world } = s;
    const olga = await s.as('olga');
    const carla = await s.as('carla');
    const fromB = await referentOf(s, world.households.b1);
    const elsewhere = errorOf(await carla.call('groups.create', groupInput([world.buildings.a], [fromB])));
    expect(elsewhere).toMatchObject({
      kind: 'validation',
      fields: {
        referentIds:
          'I referenti devono essere componenti di nuclei che abitano in uno dei caseggiati del gruppo.',
      },
    });
    const empty = errorOf(
      await olga.call('groups.create', groupInput([], [], { name: '', status: 'boh' as never })),
    );
    expect(empty.fields).toMatchObject({
      name: 'Inserire il nome del gruppo.',
      buildingIds: 'Scegliere almeno un caseggiato.',
      status: 'Scegliere lo stato del gruppo.',
    });
  });

  it('shows an operatore only the groups of their buildings, through every call', async () => {
    const s = session(template);
    const { world } = s;
    const bruno = await s.as('bruno');
    const olga = await s.as('olga');
    const carla = await s.as('carla');
    const onA = (await olga.ok('groups.create', groupInput([world.buildings.a], []))).group;
    const referentA = await referentOf(s, world.households.a1);
    const referentB = await referentOf(s, world.households.b1);
    const shared = (
      await carla.ok(
        'groups.create',
        groupInput([world.buildings.a, world.buildings.b], [referentA, referentB], {
          name: 'Comitato inquilini',
        }),
      )
    ).group;

    expect((await bruno.ok('groups.list', {})).groups.map((g) => g.id)).toEqual([shared.id]);
    expect(errorOf(await bruno.call('groups.get', { id: onA.id })).kind).toBe('forbidden');
    expect(errorOf(await bruno.call('groups.list', { buildingId: world.buildings.a })).kind).toBe(
      'forbidden',
    );
    expect(errorOf(await bruno.call('groups.memberOptions', { buildingIds: [world.buildings.a] })).kind).toBe(
      'forbidden',
    );
    expect(
      errorOf(
        await bruno.call('groups.update', {
          id: onA.id,
          expectedUpdatedAt: onA.updatedAt,
          ...groupInput([world.buildings.a], []),
        }),
      ).kind,
    ).toBe('forbidden');
    expect(errorOf(await bruno.call('groups.create', groupInput([world.buildings.a], []))).kind).toBe(
      'forbidden',
    );
    // On the shared group Bruno sees the referent of A by code only.
    const seen = (await bruno.ok('groups.get', { id: shared.id })).group.referents;
    expect(seen.find((r) => r.memberId === referentA)).toMatchObject({ name: null });
    expect(seen.find((r) => r.memberId === referentB)).toMatchObject({ name: 'Colombo Giulia' });
    // A group Bruno cannot see cannot be named on his activity.
    const types = await activityTypeIds(bruno);
    const linked = errorOf(
      await bruno.call(
        'activities.create',
        activityInput(types[MEETING]!, [world.buildings.b], { promoter: 'gruppo', groupId: onA.id }),
      ),
    );
    expect(linked).toMatchObject({ kind: 'validation' });
    expect(linked.fields?.groupId).toContain('non è visibile');
  });
});
