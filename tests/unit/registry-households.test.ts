import { describe, expect, it } from 'vitest';
import type { ApiError, ApiResult, Member } from '../../shared/contract';
import { searchHouseholds } from '../../db/queries/households';
import { setUpApp, type TestApp } from './helpers';
import { createBuilding, createHousehold, createUnit, member, vocabularyIds } from './registry-fixtures';
import { auditRows, openWithKey, unwrapKey } from './support';

function errorOf(result: ApiResult<unknown>): ApiError {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

async function withAudit<T>(app: TestApp, read: (rows: ReturnType<typeof auditRows>) => T): Promise<T> {
  const db = openWithKey(app.dir, await unwrapKey(app.dir));
  try {
    return read(auditRows(db));
  } finally {
    db.close();
  }
}

/** The editable fields of a member as members.update takes them. */
function memberEdit(m: Member) {
  return {
    id: m.id,
    expectedUpdatedAt: m.updatedAt,
    firstName: m.firstName,
    surname: m.surname,
    sex: m.sex,
    birthDate: m.birthDate,
    taxCode: m.taxCode,
    phone: m.phone,
    relationship: m.relationship,
    fragilityIds: m.fragilityIds,
    leftOn: m.leftOn,
  };
}

async function count(app: TestApp, sql: string): Promise<number> {
  const db = openWithKey(app.dir, await unwrapKey(app.dir));
  try {
    return (db.raw.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('buildings and units', () => {
  it('creates a building with many units numbered floor by floor, with agency codes', async () => {
    const app = await setUpApp();
    const building = await createBuilding(app, { address: 'Via Brescia 14', agencyCode: 'CR-0014' });
    expect(building).toMatchObject({
      address: 'Via Brescia 14',
      agencyCode: 'CR-0014',
      active: true,
      operators: [],
    });

    const { units } = await app.ok('units.createMany', {
      buildingId: building.id,
      staircase: 'A',
      floorFrom: 0,
      floorTo: 2,
      perFloor: 3,
      codePrefix: 'CR14-A',
    });
    expect(units).toHaveLength(9);
    expect(units.map((u) => [u.floor, u.number, u.agencyCode])).toEqual([
      [0, '1', 'CR14-A1'],
      [0, '2', 'CR14-A2'],
      [0, '3', 'CR14-A3'],
      [1, '4', 'CR14-A4'],
      [1, '5', 'CR14-A5'],
      [1, '6', 'CR14-A6'],
      [2, '7', 'CR14-A7'],
      [2, '8', 'CR14-A8'],
      [2, '9', 'CR14-A9'],
    ]);
    expect(units[0]?.label).toBe('Scala A, piano terra, int. 1');
    expect(units[8]?.label).toBe('Scala A, piano 2, int. 9');
    const noStaircase = await createUnit(app, building.id, { staircase: '', floor: 3, number: '7' });
    expect(noStaircase.label).toBe('Piano 3, int. 7');
    expect((await app.ok('units.list', { buildingId: building.id })).units).toHaveLength(10);
    const listed = await app.ok('buildings.list', {});
    expect(listed.rows.find((r) => r.id === building.id)).toMatchObject({
      unitCount: 10,
      activeHouseholds: 0,
    });
  });

  it('createMany writes nothing when one position or one code is already taken', async () => {
    const app = await setUpApp();
    const building = await createBuilding(app);
    await createUnit(app, building.id, { staircase: 'B', floor: 1, number: '5' });
    const other = await createBuilding(app);
    await createUnit(app, other.id, { staircase: 'A', floor: 0, number: '1', agencyCode: 'X-3' });
    const before = await count(app, 'SELECT count(*) AS n FROM units');

    const position = errorOf(
      await app.call('units.createMany', {
        buildingId: building.id,
        staircase: 'B',
        floorFrom: 0,
        floorTo: 2,
        perFloor: 3,
      }),
    );
    expect(position.kind).toBe('conflict');
    expect(position.message).toContain('Scala B, piano 1, int. 5');

    const code = errorOf(
      await app.call('units.createMany', {
        buildingId: building.id,
        staircase: 'C',
        floorFrom: 0,
        floorTo: 1,
        perFloor: 2,
        codePrefix: 'x-',
      }),
    );
    expect(code.kind).toBe('conflict');
    expect(code.message).toContain('X-3');
    expect(await count(app, 'SELECT count(*) AS n FROM units')).toBe(before);
    expect(await count(app, `SELECT count(*) AS n FROM audit_log WHERE action = 'units.createMany'`)).toBe(0);
  });

  it('refuses a building agency code already used, and an unknown area or operator', async () => {
    const app = await setUpApp();
    const first = await createBuilding(app, { agencyCode: 'ALER-1' });
    expect(errorOf(await app.call('buildings.create', {
      areaId: first.areaId, address: 'Via Po 1', city: 'Cremona', agencyCode: 'aler-1', owner: 'ALER',
      declaredUnits: null, notes: '', operatorIds: [],
    })).kind).toBe('conflict');
    expect(errorOf(await app.call('buildings.create', {
      areaId: 999, address: 'Via Po 1', city: 'Cremona', agencyCode: '', owner: 'ALER',
      declaredUnits: null, notes: '', operatorIds: [],
    })).fields).toHaveProperty('areaId');
    expect(errorOf(await app.call('buildings.create', {
      areaId: first.areaId, address: 'Via Po 1', city: 'Cremona', agencyCode: '', owner: 'ALER',
      declaredUnits: null, notes: '', operatorIds: [42],
    })).fields).toHaveProperty('operatorIds');
  }); // prettier-ignore
});

describe('households', () => {
  async function world() {
    const app = await setUpApp();
    const building = await createBuilding(app, { address: 'Via Mantova 3' });
    const { units } = await app.ok('units.createMany', {
      buildingId: building.id,
      staircase: 'A',
      floorFrom: 0,
      floorTo: 1,
      perFloor: 2,
      codePrefix: 'MN3-',
    });
    const second = await createBuilding(app, { address: 'Viale Po 40' });
    const away = await createUnit(app, second.id, {
      staircase: 'B',
      floor: 2,
      number: '8',
      agencyCode: 'PO40-8',
    });
    return { app, building, units, second, away };
  }

  it('creates a household with three members: code, reference person, first move, search row', async () => {
    const { app, units } = await world();
    const vocab = await vocabularyIds(app);
    const household = await createHousehold(app, units[1]!.id, {
      since: '2019-05-01',
      phone: '0372 456789',
      members: [
        member({
          firstName: 'Nicolò',
          surname: 'D’Angelo',
          sex: 'M',
          birthDate: '1950-03-02',
          relationship: 'altro',
        }),
        member({
          firstName: 'Lucia',
          surname: 'Ferrari',
          birthDate: '1955-07-10',
          relationship: 'coniuge o convivente',
        }),
        member({
          firstName: 'Sara',
          surname: 'D’Angelo',
          birthDate: '2010-01-20',
          relationship: 'figlio/a',
          taxCode: 'rssmra80a01h501u',
          fragilityIds: [vocab('fragility', 'minori')],
        }),
      ],
    });
    expect(household.code).toMatch(/^N-\d{6}$/);
    expect(household.code).toBe(`N-${String(household.id).padStart(6, '0')}`);
    expect(household).toMatchObject({
      status: 'attivo',
      since: '2019-05-01',
      referenceName: 'D’Angelo Nicolò',
      unit: { id: units[1]!.id, label: 'Scala A, piano terra, int. 2', agencyCode: 'MN3-2' },
      building: { address: 'Via Mantova 3' },
    });

    const page = await app.ok('households.get', { id: household.id });
    expect(page.members).toHaveLength(3);
    expect(page.members[0]).toMatchObject({ firstName: 'Nicolò', relationship: 'intestatario' });
    expect(page.members[0]?.id).toBe(household.referenceMemberId);
    expect(page.members.find((m) => m.firstName === 'Sara')).toMatchObject({
      taxCode: 'RSSMRA80A01H501U',
      fragilityIds: [vocab('fragility', 'minori')],
    });
    expect(page.moves).toEqual([
      {
        id: expect.any(Number),
        movedOn: '2019-05-01',
        reason: '',
        from: null,
        to: {
          unitId: units[1]!.id,
          unitLabel: 'Scala A, piano terra, int. 2',
          buildingAddress: 'Via Mantova 3',
        },
      },
    ]);
    expect(page.interventions).toEqual([]);

    const unit = await app.ok('units.get', { id: units[1]!.id });
    expect(unit.unit.household).toEqual({
      id: household.id,
      code: household.code,
      referenceName: 'D’Angelo Nicolò',
    });

    // A second household in the same unit is refused, naming the one living there.
    const occupied = errorOf(
      await app.call('households.create', {
        unitId: units[1]!.id,
        since: '2020-01-01',
        phone: '',
        notes: '',
        members: [member()],
      }),
    );
    expect(occupied.kind).toBe('conflict');
    expect(occupied.message).toContain(household.code);
  });

  it('finds a household by a member’s first name typed without its accent, and by codes and phone', async () => {
    const { app, units, building } = await world();
    const target = await createHousehold(app, units[0]!.id, {
      phone: '333 123 4567',
      members: [
        member({ firstName: 'Maria', surname: 'Rossi', relationship: 'intestatario' }),
        member({ firstName: 'Nicolò', surname: 'Bianchi', taxCode: 'RSSMRA85T10A562S' }),
      ],
    });
    await createHousehold(app, units[2]!.id, {
      members: [member({ firstName: 'Giulia', surname: 'Nicoletti' })],
    });

    const byName = await app.ok('search.households', { q: 'nicolo' });
    expect(byName.results.map((r) => r.id)).toEqual([target.id]);
    expect(byName.results[0]).toMatchObject({
      code: target.code,
      referenceName: 'Rossi Maria',
      matchedMember: 'Bianchi Nicolò',
      buildingAddress: 'Via Mantova 3',
      unitLabel: 'Scala A, piano terra, int. 1',
      status: 'attivo',
    });
    // The reference person matching: no separate matched member.
    expect((await app.ok('search.households', { q: 'ROSSI mar' })).results[0]).toMatchObject({
      id: target.id,
      matchedMember: null,
    });
    for (const q of [
      'NICOLÒ',
      'rssmra85t10a562s',
      '3331234567',
      '333 123',
      target.code,
      target.code.slice(2),
      'MN3-1',
      'via mantova',
    ]) {
      const ids = (await app.ok('search.households', { q })).results.map((r) => r.id);
      expect(ids, q).toContain(target.id);
    }
    expect((await app.ok('search.households', { q: 'nicol' })).results).toHaveLength(2);
    expect((await app.ok('search.households', { q: 'zzzz' })).results).toEqual([]);
    expect((await app.ok('search.households', { q: ' ’ ' })).results).toEqual([]);

    // households.list filters with the same index.
    const listed = await app.ok('households.list', { q: 'nicolo', buildingId: building.id });
    expect(listed).toMatchObject({ total: 1, rows: [{ id: target.id, memberCount: 2 }] });

    // Renaming keeps the index in step.
    const page = await app.ok('households.get', { id: target.id });
    const nicolo = page.members.find((m) => m.firstName === 'Nicolò')!;
    await app.ok('members.update', { ...memberEdit(nicolo), firstName: 'Piero' });
    expect((await app.ok('search.households', { q: 'nicolo' })).results).toEqual([]);
    expect((await app.ok('search.households', { q: 'piero' })).results.map((r) => r.id)).toEqual([target.id]);
    // So does a new unit code.
    const unit = units[0]!;
    await app.ok('units.update', {
      id: unit.id,
      expectedUpdatedAt: unit.updatedAt,
      staircase: unit.staircase,
      floor: unit.floor,
      number: unit.number,
      agencyCode: 'NUOVO-77',
      rooms: null,
      sizeSqm: null,
    });
    expect((await app.ok('search.households', { q: 'nuovo-77' })).results.map((r) => r.id)).toEqual([
      target.id,
    ]);
    expect((await app.ok('search.households', { q: 'MN3-1' })).results).toEqual([]);
  });

  it('orders results by name, active first; a broad query takes active matches first without sorting all', async () => {
    const { app, units, away } = await world();
    const names = ['Zeta', 'Alfa', 'Emme', 'Bravo'];
    const created = [];
    for (const [i, surname] of names.entries()) {
      created.push(
        await createHousehold(app, units[i]!.id, { members: [member({ surname, firstName: 'Comune' })] }),
      );
    }
    const closed = await createHousehold(app, away.id, {
      members: [member({ surname: 'Aaa', firstName: 'Comune' })],
    });
    await app.ok('households.update', {
      id: closed.id,
      expectedUpdatedAt: closed.updatedAt,
      since: closed.since,
      phone: '',
      language: 'italiano',
      toTeam: false,
      notes: '',
      status: 'chiuso',
      referenceMemberId: closed.referenceMemberId,
    });
    const found = await app.ok('search.households', { q: 'comune' });
    expect(found.results.map((r) => r.referenceName)).toEqual([
      'Alfa Comune',
      'Bravo Comune',
      'Emme Comune',
      'Zeta Comune',
      'Aaa Comune',
    ]);
    expect((await app.ok('search.households', { q: 'comune', limit: 2 })).results).toHaveLength(2);

    // The broad path, forced with a threshold of one match.
    const db = openWithKey(app.dir, await unwrapKey(app.dir));
    try {
      const broad = searchHouseholds(db, { sql: '1', params: [] }, '"comune"*', 10, 1);
      expect(broad.map((r) => r.id)).toEqual([...created.map((h) => h.id).sort((a, b) => a - b), closed.id]);
      expect(searchHouseholds(db, { sql: '1', params: [] }, '"comune"*', 3, 1)).toHaveLength(3);
      const onlyAway = { sql: 'u.building_id = ?', params: [away.buildingId] };
      expect(searchHouseholds(db, onlyAway, '"comune"*', 10, 1).map((r) => r.id)).toEqual([closed.id]);
    } finally {
      db.close();
    }
  });

  it('shows possible duplicates before saving, by tax code or by surname and birth date', async () => {
    const { app, units } = await world();
    const first = await createHousehold(app, units[0]!.id, {
      members: [
        member({ firstName: 'Ugo', surname: 'Pèrego', birthDate: '1960-04-04', taxCode: 'RSSMRA80A01H501U' }),
      ],
    });
    const byTaxCode = errorOf(
      await app.call('households.create', {
        unitId: units[1]!.id,
        since: '2021-01-01',
        phone: '',
        notes: '',
        members: [member({ relationship: 'intestatario' }), member({ taxCode: 'rssmra80a01h501u' })],
      }),
    );
    expect(byTaxCode.kind).toBe('conflict');
    expect(byTaxCode.message).toContain(first.code);
    expect(byTaxCode.fields).toEqual({ 'members.1.taxCode': expect.stringContaining(first.code) });

    const bySurname = errorOf(
      await app.call('households.create', {
        unitId: units[1]!.id,
        since: '2021-01-01',
        phone: '',
        notes: '',
        members: [member({ surname: 'PEREGO', birthDate: '1960-04-04' })],
      }),
    );
    expect(bySurname.fields).toEqual({ 'members.0.surname': expect.stringContaining(first.code) });
    expect(await count(app, 'SELECT count(*) AS n FROM households')).toBe(1);

    const found = await app.ok('members.findDuplicates', {
      taxCode: null,
      surname: 'perego',
      birthDate: '1960-04-04',
    });
    expect(found.duplicates).toEqual([
      expect.objectContaining({
        householdId: first.id,
        householdCode: first.code,
        visible: true,
        fullName: 'Pèrego Ugo',
        buildingAddress: 'Via Mantova 3',
        matchedBy: 'surnameBirthDate',
      }),
    ]);
    const ugoId = found.duplicates[0]!.memberId;
    expect(
      (await app.ok('members.findDuplicates', { taxCode: 'RSSMRA80A01H501U', surname: '', birthDate: null }))
        .duplicates[0],
    ).toMatchObject({ memberId: ugoId, matchedBy: 'taxCode' });
    expect(
      (
        await app.ok('members.findDuplicates', {
          taxCode: 'RSSMRA80A01H501U',
          surname: 'Perego',
          birthDate: '1960-04-04',
          excludeMemberId: ugoId,
        })
      ).duplicates,
    ).toEqual([]);

    // Saving anyway, once the user has seen them.
    await createHousehold(app, units[1]!.id, {
      allowDuplicates: true,
      members: [member({ surname: 'Perego', birthDate: '1960-04-04' })],
    });
    // members.create checks too.
    const added = errorOf(
      await app.call('members.create', {
        householdId: first.id,
        ...member({ taxCode: 'RSSMRA80A01H501U' }),
      }),
    );
    expect(added.kind).toBe('conflict');
    expect(added.fields).toHaveProperty('taxCode');
  });

  it('moves a household, keeping the history on both units', async () => {
    const { app, units, away } = await world();
    const household = await createHousehold(app, units[0]!.id, {
      since: '2015-03-01',
      members: [member({ firstName: 'Ada', surname: 'Galli' })],
    });
    const early = errorOf(
      await app.call('households.move', {
        id: household.id,
        expectedUpdatedAt: household.updatedAt,
        toUnitId: away.id,
        movedOn: '2014-12-31',
        reason: 'cambio alloggio',
      }),
    );
    expect(early.fields).toHaveProperty('movedOn');

    const { household: moved } = await app.ok('households.move', {
      id: household.id,
      expectedUpdatedAt: household.updatedAt,
      toUnitId: away.id,
      movedOn: '2022-09-15',
      reason: 'alloggio più piccolo',
    });
    expect(moved).toMatchObject({
      since: '2022-09-15',
      unit: { id: away.id },
      building: { address: 'Viale Po 40' },
    });
    expect(moved.updatedAt > household.updatedAt).toBe(true);

    const oldUnit = await app.ok('units.get', { id: units[0]!.id });
    expect(oldUnit.unit.household).toBeNull();
    expect(oldUnit.history).toEqual([
      {
        householdId: household.id,
        householdCode: household.code,
        referenceName: 'Galli Ada',
        from: '2015-03-01',
        to: '2022-09-15',
        reason: '',
      },
    ]);
    const newUnit = await app.ok('units.get', { id: away.id });
    expect(newUnit.buildingAddress).toBe('Viale Po 40');
    expect(newUnit.unit.household?.id).toBe(household.id);
    expect(newUnit.history).toEqual([
      {
        householdId: household.id,
        householdCode: household.code,
        referenceName: 'Galli Ada',
        from: '2022-09-15',
        to: null,
        reason: 'alloggio più piccolo',
      },
    ]);
    const page = await app.ok('households.get', { id: household.id });
    expect(page.moves.map((m) => [m.from?.unitId ?? null, m.to.unitId, m.movedOn])).toEqual([
      [null, units[0]!.id, '2015-03-01'],
      [units[0]!.id, away.id, '2022-09-15'],
    ]);
    // The search index follows the household to its new address.
    expect((await app.ok('search.households', { q: 'viale po galli' })).results.map((r) => r.id)).toEqual([
      household.id,
    ]);
    expect((await app.ok('search.households', { q: 'mantova galli' })).results).toEqual([]);

    // Moving into an occupied unit is refused.
    const other = await createHousehold(app, units[1]!.id);
    const occupied = errorOf(
      await app.call('households.move', {
        id: other.id,
        expectedUpdatedAt: other.updatedAt,
        toUnitId: away.id,
        movedOn: '2023-01-01',
        reason: '',
      }),
    );
    expect(occupied.kind).toBe('conflict');
    expect(occupied.message).toContain(household.code);
  });

  it('refuses a save based on an old version, for households, members, units and buildings', async () => {
    const { app, units, building } = await world();
    const household = await createHousehold(app, units[0]!.id);
    const edit = {
      id: household.id,
      since: household.since,
      phone: '0372 1',
      language: 'italiano',
      toTeam: true,
      notes: 'prima modifica',
      status: 'attivo' as const,
      referenceMemberId: household.referenceMemberId,
    };
    const { household: saved } = await app.ok('households.update', {
      ...edit,
      expectedUpdatedAt: household.updatedAt,
    });
    expect(saved).toMatchObject({ toTeam: true, notes: 'prima modifica' });
    expect(saved.updatedAt > household.updatedAt).toBe(true);
    const stale = errorOf(
      await app.call('households.update', {
        ...edit,
        notes: 'seconda',
        expectedUpdatedAt: household.updatedAt,
      }),
    );
    expect(stale.kind).toBe('conflict');
    expect(stale.message).toMatch(/^Il nucleo è stato modificato da qualcun altro/);
    expect((await app.ok('households.get', { id: household.id })).household.notes).toBe('prima modifica');

    const unit = units[2]!;
    const unitEdit = {
      id: unit.id,
      staircase: unit.staircase,
      floor: unit.floor,
      number: unit.number,
      agencyCode: unit.agencyCode ?? '',
      rooms: 3,
      sizeSqm: null,
    };
    await app.ok('units.update', { ...unitEdit, expectedUpdatedAt: unit.updatedAt });
    expect(
      errorOf(await app.call('units.update', { ...unitEdit, expectedUpdatedAt: unit.updatedAt })).kind,
    ).toBe('conflict');

    const buildingEdit = {
      id: building.id,
      areaId: building.areaId,
      address: building.address,
      city: building.city,
      agencyCode: building.agencyCode ?? '',
      owner: building.owner,
      declaredUnits: 4,
      notes: '',
      active: true,
      operatorIds: [],
    };
    await app.ok('buildings.update', { ...buildingEdit, expectedUpdatedAt: building.updatedAt });
    expect(
      errorOf(await app.call('buildings.update', { ...buildingEdit, expectedUpdatedAt: building.updatedAt }))
        .kind,
    ).toBe('conflict');

    const reference = (await app.ok('households.get', { id: household.id })).members[0]!;
    const changed = { ...memberEdit(reference), phone: '333 1' };
    await app.ok('members.update', changed);
    expect(errorOf(await app.call('members.update', changed)).kind).toBe('conflict');
  });

  it('writes every change and every opening of a household page to the audit log, never contents', async () => {
    const { app, units } = await world();
    const household = await createHousehold(app, units[0]!.id, {
      members: [member({ firstName: 'Segretina', surname: 'Riservati' })],
    });
    await app.ok('households.get', { id: household.id });
    await app.ok('households.update', {
      id: household.id,
      expectedUpdatedAt: household.updatedAt,
      since: household.since,
      phone: '',
      language: 'italiano',
      toTeam: false,
      notes: 'nota sensibile',
      status: 'attivo',
      referenceMemberId: household.referenceMemberId,
    });
    await app.ok('households.get', { id: household.id });

    const rows = await withAudit(app, (all) => all);
    const about = rows.filter((r) => r.record_type === 'household' && r.record_id === String(household.id));
    expect(about.map((r) => r.action)).toEqual([
      'households.create',
      'households.open',
      'households.update',
      'households.open',
    ]);
    expect(about.every((r) => r.operator_id === 1)).toBe(true);
    const text = JSON.stringify(rows);
    for (const secret of ['Segretina', 'Riservati', 'nota sensibile']) expect(text).not.toContain(secret);
    const actions = new Set(rows.map((r) => r.action));
    for (const action of ['areas.create', 'buildings.create', 'units.createMany', 'units.create']) {
      expect(actions.has(action), action).toBe(true);
    }
    // A refused change writes nothing.
    const before = rows.length;
    errorOf(await app.call('households.update', { ...{ id: household.id, expectedUpdatedAt: 'vecchia', since: household.since, phone: '', language: 'italiano', toTeam: false, notes: '', status: 'attivo', referenceMemberId: null } })); // prettier-ignore
    expect(await withAudit(app, (all) => all.length)).toBe(before);
  });
});
