import { describe, expect, it } from 'vitest';
import type { ApiError, ApiResult } from '../../shared/contract';
import { setUpApp } from './helpers';
import {
  addOperator,
  createArea,
  createBuilding,
  createHousehold,
  createUnit,
  member,
} from './registry-fixtures';

function errorOf(result: ApiResult<unknown>): ApiError {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

describe('lists are paged, sorted and filtered in the database', () => {
  it('buildings.list: pages, sort fields both ways, area, text and inactive filters, counts', async () => {
    const app = await setUpApp();
    const north = await createArea(app, 'Zona Nord');
    const south = await createArea(app, 'Zona Sud');
    const addresses = ['Via Dante 3', 'Via Arno 1', 'Via Cavour 9', 'Via Bixio 2', 'Via Europa 5', 'Via Fermi 6'];
    const buildings = [];
    for (const [i, address] of addresses.entries()) {
      buildings.push(
        await createBuilding(app, { address, areaId: i % 2 === 0 ? north.id : south.id, agencyCode: `C${9 - i}` }),
      );
    }
    // Units and active households give Via Cavour 9 the most of both.
    const cavour = buildings[2]!;
    const units = (
      await app.ok('units.createMany', { buildingId: cavour.id, staircase: '', floorFrom: 1, floorTo: 1, perFloor: 3 })
    ).units;
    await createHousehold(app, units[0]!.id);
    await createHousehold(app, units[1]!.id);
    await createUnit(app, buildings[0]!.id);

    const first = await app.ok('buildings.list', { pageSize: 5 });
    expect(first.total).toBe(6);
    expect(first.rows.map((r) => r.address)).toEqual(['Via Arno 1', 'Via Bixio 2', 'Via Cavour 9', 'Via Dante 3', 'Via Europa 5']);
    const second = await app.ok('buildings.list', { pageSize: 5, page: 1 });
    expect(second.rows.map((r) => r.address)).toEqual(['Via Fermi 6']);
    expect((await app.ok('buildings.list', { sortDir: 'desc', pageSize: 5 })).rows[0]?.address).toBe('Via Fermi 6');
    expect((await app.ok('buildings.list', { sortField: 'agencyCode' })).rows.map((r) => r.agencyCode)).toEqual([
      'C4', 'C5', 'C6', 'C7', 'C8', 'C9',
    ]);
    const byUnits = await app.ok('buildings.list', { sortField: 'unitCount', sortDir: 'desc' });
    expect(byUnits.rows.slice(0, 2).map((r) => [r.address, r.unitCount])).toEqual([['Via Cavour 9', 3], ['Via Dante 3', 1]]);
    const byHouseholds = await app.ok('buildings.list', { sortField: 'activeHouseholds', sortDir: 'desc' });
    expect(byHouseholds.rows[0]).toMatchObject({ address: 'Via Cavour 9', activeHouseholds: 2 });
    expect((await app.ok('buildings.list', { sortField: 'area' })).rows[0]?.areaName).toBe('Zona Nord');

    const inNorth = await app.ok('buildings.list', { areaId: north.id });
    expect(inNorth.total).toBe(3);
    expect(inNorth.rows.every((r) => r.areaName === 'Zona Nord')).toBe(true);
    expect((await app.ok('buildings.list', { q: 'cavour' })).rows.map((r) => r.id)).toEqual([cavour.id]);
    expect((await app.ok('buildings.list', { q: 'c7' })).rows.map((r) => r.address)).toEqual(['Via Cavour 9']);
    expect((await app.ok('buildings.list', { q: '100%' })).total).toBe(0);

    // A deactivated building leaves the default list and the form options.
    const fermi = buildings[5]!;
    await app.ok('buildings.update', {
      id: fermi.id, expectedUpdatedAt: fermi.updatedAt, areaId: fermi.areaId, address: fermi.address,
      city: fermi.city, agencyCode: fermi.agencyCode ?? '', owner: fermi.owner, declaredUnits: null, notes: '',
      active: false, operatorIds: [],
    }); // prettier-ignore
    expect((await app.ok('buildings.list', {})).total).toBe(5);
    expect((await app.ok('buildings.list', { includeInactive: true })).total).toBe(6);
    expect((await app.ok('buildings.options', {})).buildings.map((b) => b.id)).not.toContain(fermi.id);
    expect((await app.ok('areas.list', {})).areas.map((a) => [a.name, a.buildingCount])).toEqual([
      ['Zona Nord', 3],
      ['Zona Sud', 3],
    ]);
  }); // prettier-ignore

  it('households.list: pages, sorts by name, code, address and status, filters by building, status, équipe', async () => {
    const app = await setUpApp();
    const one = await createBuilding(app, { address: 'Via Uno 1' });
    const two = await createBuilding(app, { address: 'Via Due 2' });
    const unitsOne = (
      await app.ok('units.createMany', {
        buildingId: one.id,
        staircase: 'A',
        floorFrom: 0,
        floorTo: 1,
        perFloor: 2,
      })
    ).units;
    const unitTwo = await createUnit(app, two.id);
    const surnames = ['Zanetti', 'Àlberti', 'Moretti', 'Bassi'];
    const households = [];
    for (const [i, surname] of surnames.entries()) {
      households.push(
        await createHousehold(app, unitsOne[i]!.id, {
          toTeam: i === 2,
          members: [member({ surname, firstName: 'Pia' }), member({ surname, firstName: 'Leo' })],
        }),
      );
    }
    const elsewhere = await createHousehold(app, unitTwo.id, {
      members: [member({ surname: 'Carli', firstName: 'Ivo' })],
    });
    await app.ok('households.update', {
      id: elsewhere.id, expectedUpdatedAt: elsewhere.updatedAt, since: elsewhere.since, phone: '',
      language: 'italiano', toTeam: false, notes: '', status: 'chiuso', referenceMemberId: elsewhere.referenceMemberId,
    }); // prettier-ignore

    const all = await app.ok('households.list', { pageSize: 5 });
    expect(all.total).toBe(5);
    // Accents do not move a name out of place: "Àlberti" sorts as "alberti".
    expect(all.rows.map((r) => r.referenceName)).toEqual([
      'Àlberti Pia', 'Bassi Pia', 'Carli Ivo', 'Moretti Pia', 'Zanetti Pia',
    ]); // prettier-ignore
    expect(all.rows[0]).toMatchObject({
      memberCount: 2,
      buildingAddress: 'Via Uno 1',
      unitLabel: 'Scala A, piano terra, int. 2',
    });
    const paged = await app.ok('households.list', { pageSize: 5, page: 0, sortDir: 'desc' });
    expect(paged.rows[0]?.referenceName).toBe('Zanetti Pia');
    expect((await app.ok('households.list', { pageSize: 5, page: 1 })).rows).toEqual([]);
    expect((await app.ok('households.list', { sortField: 'code' })).rows.map((r) => r.id)).toEqual(
      [...households.map((h) => h.id), elsewhere.id].sort((a, b) => a - b),
    );
    expect((await app.ok('households.list', { sortField: 'address' })).rows[0]?.buildingAddress).toBe(
      'Via Due 2',
    );
    expect((await app.ok('households.list', { sortField: 'status' })).rows.at(-1)?.status).toBe('chiuso');
    const inOne = await app.ok('households.list', { buildingId: one.id });
    expect(inOne.total).toBe(4);
    expect((await app.ok('households.list', { status: 'chiuso' })).rows.map((r) => r.id)).toEqual([
      elsewhere.id,
    ]);
    expect((await app.ok('households.list', { toTeam: true })).rows.map((r) => r.id)).toEqual([
      households[2]!.id,
    ]);
    expect((await app.ok('households.list', { q: 'leo moretti' })).rows.map((r) => r.id)).toEqual([
      households[2]!.id,
    ]);
    expect((await app.ok('households.list', { q: ' - ' })).total).toBe(0);

    // A member who left is no longer counted.
    const page = await app.ok('households.get', { id: households[0]!.id });
    const leo = page.members.find((m) => m.firstName === 'Leo')!;
    const left = await app.ok('members.update', {
      id: leo.id, expectedUpdatedAt: leo.updatedAt, firstName: leo.firstName, surname: leo.surname, sex: leo.sex,
      birthDate: leo.birthDate, taxCode: leo.taxCode, phone: leo.phone, relationship: leo.relationship,
      fragilityIds: [], leftOn: '2024-02-01',
    }); // prettier-ignore
    expect(left.member.leftOn).toBe('2024-02-01');
    const after = await app.ok('households.list', { q: 'zanetti' });
    expect(after.rows[0]?.memberCount).toBe(1);
    const building = await app.ok('buildings.get', { id: one.id });
    expect(building.households).toHaveLength(4);
    expect(building.units.map((u) => u.household?.code)).toEqual(households.map((h) => h.code));
  });
});

describe('editable lists', () => {
  it('lists every kind, marks used entries, refuses duplicates, renames and deactivates, never deletes', async () => {
    const app = await setUpApp();
    const { items } = await app.ok('vocabulary.list', {});
    expect(new Set(items.map((i) => i.kind))).toEqual(
      new Set(['fragility', 'intervention_type', 'channel', 'origin', 'topic', 'referral_service']),
    );
    const disability = items.find((i) => i.kind === 'fragility' && i.label === 'disabilità')!;
    expect(disability.used).toBe(false);
    const building = await createBuilding(app);
    const unit = await createUnit(app, building.id);
    const fragile = await createHousehold(app, unit.id, {
      members: [member({ fragilityIds: [disability.id] })],
    });
    const now = (await app.ok('vocabulary.list', {})).items;
    expect(now.find((i) => i.id === disability.id)?.used).toBe(true);
    expect(now.filter((i) => i.used).map((i) => i.id)).toEqual([disability.id]);

    const duplicate = errorOf(
      await app.call('vocabulary.create', { kind: 'fragility', label: 'DISABILITÀ' }),
    );
    expect(duplicate.kind).toBe('conflict');
    expect(
      errorOf(await app.call('vocabulary.create', { kind: 'fragility', label: 'Disabilita' })).kind,
    ).toBe('conflict');
    // The same label in another list is fine.
    const created = await app.ok('vocabulary.create', { kind: 'topic', label: 'Disabilità' });
    const topics = now.filter((i) => i.kind === 'topic');
    expect(created.item).toMatchObject({ kind: 'topic', active: true, used: false });
    expect(created.item.position).toBe(Math.max(...topics.map((t) => t.position)) + 1);

    const deactivated = await app.ok('vocabulary.update', {
      id: disability.id,
      expectedUpdatedAt: disability.updatedAt,
      label: 'disabilità (certificata)',
      active: false,
      position: 9,
    });
    expect(deactivated.item).toMatchObject({
      label: 'disabilità (certificata)',
      active: false,
      used: true,
      position: 9,
    });
    const stale = errorOf(
      await app.call('vocabulary.update', {
        id: disability.id,
        expectedUpdatedAt: disability.updatedAt,
        label: 'altro',
        active: true,
        position: 0,
      }),
    );
    expect(stale.kind).toBe('conflict');
    expect((await app.ok('vocabulary.list', {})).items).toHaveLength(items.length + 1);

    // A deactivated fragility cannot be chosen for a new member, but one already linked stays.
    const household = await createHousehold(app, (await createUnit(app, building.id)).id);
    const refused = errorOf(
      await app.call('members.create', {
        householdId: household.id,
        ...member({ fragilityIds: [disability.id] }),
      }),
    );
    expect(refused.kind).toBe('validation');
    expect(refused.fields).toHaveProperty('fragilityIds');
    const [linked] = (await app.ok('households.get', { id: fragile.id })).members;
    const kept = await app.ok('members.update', {
      id: linked!.id, expectedUpdatedAt: linked!.updatedAt, firstName: linked!.firstName, surname: linked!.surname,
      sex: linked!.sex, birthDate: linked!.birthDate, taxCode: linked!.taxCode, phone: '0372 1',
      relationship: linked!.relationship, fragilityIds: linked!.fragilityIds, leftOn: null,
    }); // prettier-ignore
    expect(kept.member.fragilityIds).toEqual([disability.id]);
    expect(kept.member.phone).toBe('0372 1');
  });
});

describe('areas and the operator directory', () => {
  it('keeps area names unique, case-insensitively, and checks versions', async () => {
    const app = await setUpApp();
    const area = await createArea(app, 'San Bernardo – Borgo Loreto');
    expect(area).toMatchObject({ active: true, buildingCount: 0 });
    expect(errorOf(await app.call('areas.create', { name: 'san bernardo – borgo loreto' })).kind).toBe('conflict');
    const other = await createArea(app, 'Zona Centro');
    expect(
      errorOf(
        await app.call('areas.update', { id: other.id, expectedUpdatedAt: other.updatedAt, name: 'SAN BERNARDO – BORGO LORETO', active: true }),
      ).fields,
    ).toHaveProperty('name');
    const renamed = await app.ok('areas.update', { id: other.id, expectedUpdatedAt: other.updatedAt, name: 'Centro storico', active: false });
    expect(renamed.area).toMatchObject({ name: 'Centro storico', active: false });
    expect(
      errorOf(await app.call('areas.update', { id: other.id, expectedUpdatedAt: other.updatedAt, name: 'X', active: true })).kind,
    ).toBe('conflict');
    expect((await app.ok('areas.list', {})).areas.map((a) => a.name)).toEqual(['Centro storico', 'San Bernardo – Borgo Loreto']);
  }); // prettier-ignore

  it('lists every operator by name with role and state, without usernames', async () => {
    const app = await setUpApp();
    await addOperator(app, { username: 'zeno', role: 'operatore', fullName: 'Zeno Verdi' });
    await addOperator(app, { username: 'bea', role: 'coordinatore', fullName: 'Beatrice Ala' });
    const { operators } = await app.ok('operators.directory', {});
    expect(operators).toEqual([
      { id: 1, fullName: 'Anna Bianchi', role: 'amministratore', active: true },
      { id: expect.any(Number), fullName: 'Beatrice Ala', role: 'coordinatore', active: true },
      { id: expect.any(Number), fullName: 'Zeno Verdi', role: 'operatore', active: true },
    ]);
  });
});

describe('households.update', () => {
  it('takes as reference person only a member of the same household, and reopens only into a free unit', async () => {
    const app = await setUpApp();
    const building = await createBuilding(app);
    const unit = await createUnit(app, building.id);
    const first = await createHousehold(app, unit.id, {
      members: [member(), member({ firstName: 'Secondo' })],
    });
    const stranger = await createHousehold(app, (await createUnit(app, building.id)).id);
    const base = {
      id: first.id, expectedUpdatedAt: first.updatedAt, since: first.since, phone: '', language: 'italiano',
      toTeam: false, notes: '', status: 'attivo' as const,
    }; // prettier-ignore
    const wrong = errorOf(
      await app.call('households.update', { ...base, referenceMemberId: stranger.referenceMemberId }),
    );
    expect(wrong.fields).toHaveProperty('referenceMemberId');
    const page = await app.ok('households.get', { id: first.id });
    const secondo = page.members.find((m) => m.firstName === 'Secondo')!;
    const changed = await app.ok('households.update', { ...base, referenceMemberId: secondo.id });
    expect(changed.household.referenceName).toBe(`${secondo.surname} Secondo`);

    // Closed, another household moves in, reopening the first is refused.
    const closed = await app.ok('households.update', {
      ...base, expectedUpdatedAt: changed.household.updatedAt, referenceMemberId: secondo.id, status: 'chiuso',
    }); // prettier-ignore
    const newcomer = await createHousehold(app, unit.id);
    const reopen = errorOf(
      await app.call('households.update', {
        ...base, expectedUpdatedAt: closed.household.updatedAt, referenceMemberId: secondo.id, status: 'attivo',
      }), // prettier-ignore
    );
    expect(reopen.kind).toBe('conflict');
    expect(reopen.message).toContain(newcomer.code);
  });
});
