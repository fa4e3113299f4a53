import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CallInput, CallName, Household, Unit } from '../../shared/contract';
import { ADMIN, COOPERATIVE, startApp, tempDir, type TestApp } from './helpers';
import { addOperator, createArea, createBuilding, createHousehold, member } from './registry-fixtures';

/**
 * One folder built once and copied for each test: operatore Olga is assigned
 * building A (Via Aosta), not building B (Via Bergamo); coordinatore Carlo is
 * assigned neither. Both buildings have a household whose members share the
 * surname "Comune" so one search finds both.
 */
let template = '';
const who = { olga: { username: 'olga', password: '' }, carlo: { username: 'carlo', password: '' } };
let world: {
  buildingA: number;
  buildingB: number;
  unitA: Unit;
  unitA2: Unit;
  unitB: Unit;
  unitB2: Unit;
  householdA: Household;
  householdB: Household;
  memberB: number;
  memberBUpdatedAt: string;
};

const TAX_B = 'RSSMRA80A01H501U';

beforeAll(async () => {
  template = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-visibility-'));
  const admin = startApp(template);
  await admin.ok('setup.create', { cooperative: COOPERATIVE, admin: ADMIN });
  const olga = await addOperator(admin, { username: 'olga', role: 'operatore', fullName: 'Olga Neri' });
  const carlo = await addOperator(admin, { username: 'carlo', role: 'coordinatore', fullName: 'Carlo Blu' });
  const area = await createArea(admin, 'San Bernardo – Borgo Loreto');
  const a = await createBuilding(admin, { areaId: area.id, address: 'Via Aosta 1', operatorIds: [olga.id] });
  const b = await createBuilding(admin, { areaId: area.id, address: 'Via Bergamo 2' });
  const unitsA = (
    await admin.ok('units.createMany', {
      buildingId: a.id,
      staircase: 'A',
      floorFrom: 0,
      floorTo: 0,
      perFloor: 2,
    })
  ).units;
  const unitsB = (
    await admin.ok('units.createMany', {
      buildingId: b.id,
      staircase: 'B',
      floorFrom: 1,
      floorTo: 1,
      perFloor: 2,
    })
  ).units;
  const householdA = await createHousehold(admin, unitsA[0]!.id, {
    members: [member({ firstName: 'Anna', surname: 'Comune', birthDate: '1970-01-01' })],
  });
  const householdB = await createHousehold(admin, unitsB[0]!.id, {
    members: [
      member({ firstName: 'Bice', surname: 'Comune', birthDate: '1971-02-02' }),
      member({ firstName: 'Bruno', surname: 'Segreto', taxCode: TAX_B, birthDate: '1980-01-01' }),
    ],
  });
  const pageB = await admin.ok('households.get', { id: householdB.id });
  const bruno = pageB.members.find((m) => m.firstName === 'Bruno')!;
  world = {
    buildingA: a.id,
    buildingB: b.id,
    unitA: unitsA[0]!,
    unitA2: unitsA[1]!,
    unitB: unitsB[0]!,
    unitB2: unitsB[1]!,
    householdA,
    householdB,
    memberB: bruno.id,
    memberBUpdatedAt: bruno.updatedAt,
  };
  // First sign-in changes the temporary passwords; later sign-ins use the new ones.
  const signedOlga = await olga.signIn();
  const signedCarlo = await carlo.signIn();
  who.olga.password = olga.password;
  who.carlo.password = carlo.password;
  for (const app of [admin, signedOlga, signedCarlo]) app.core.close();
}, 60_000);

afterAll(() => {
  if (template) fs.rmSync(template, { recursive: true, force: true });
});

/** A copy of the template with Olga and Carlo signed in on two app cores. */
async function signedIn(): Promise<{ olga: TestApp; carlo: TestApp }> {
  const dir = tempDir();
  fs.cpSync(template, dir, { recursive: true });
  const olga = startApp(dir);
  await olga.ok('session.login', who.olga);
  const carlo = startApp(dir);
  await carlo.ok('session.login', who.carlo);
  return { olga, carlo };
}

async function refused<N extends CallName>(app: TestApp, name: N, input: CallInput<N>): Promise<string> {
  const result: ApiResult<unknown> = await app.call(name, input);
  expect(result.ok, `${name} ${JSON.stringify(result)}`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.kind, name).toBe('forbidden');
  return result.error.message;
}

function householdEdit(h: Household) {
  return {
    id: h.id,
    expectedUpdatedAt: h.updatedAt,
    since: h.since,
    phone: h.phone,
    language: h.language,
    toTeam: h.toTeam,
    notes: 'modifica',
    status: h.status,
    referenceMemberId: h.referenceMemberId,
  };
}

describe('an operatore sees only the buildings assigned to them', () => {
  it('reads a household of their building, and not one of another building, through every read call', async () => {
    const { olga } = await signedIn();
    const { householdA, householdB, unitA, unitB, buildingA, buildingB } = world;

    expect((await olga.ok('households.get', { id: householdA.id })).household.code).toBe(householdA.code);
    expect(await refused(olga, 'households.get', { id: householdB.id })).toMatch(/non assegnato/);

    const listed = await olga.ok('households.list', {});
    expect(listed.rows.map((r) => r.id)).toEqual([householdA.id]);
    expect(listed.total).toBe(1);
    expect((await olga.ok('households.list', { buildingId: buildingB })).total).toBe(0);
    expect((await olga.ok('households.list', { q: 'comune' })).rows.map((r) => r.id)).toEqual([
      householdA.id,
    ]);

    const found = await olga.ok('search.households', { q: 'comune' });
    expect(found.results.map((r) => r.id)).toEqual([householdA.id]);
    expect((await olga.ok('search.households', { q: 'segreto' })).results).toEqual([]);
    expect((await olga.ok('search.households', { q: TAX_B })).results).toEqual([]);
    expect((await olga.ok('search.households', { q: 'bergamo' })).results).toEqual([]);

    expect((await olga.ok('units.get', { id: unitA.id })).unit.household?.id).toBe(householdA.id);
    await refused(olga, 'units.get', { id: unitB.id });
    expect((await olga.ok('units.list', { buildingId: buildingA })).units).toHaveLength(2);
    await refused(olga, 'units.list', { buildingId: buildingB });

    expect((await olga.ok('buildings.get', { id: buildingA })).households.map((h) => h.id)).toEqual([
      householdA.id,
    ]);
    await refused(olga, 'buildings.get', { id: buildingB });
    expect((await olga.ok('buildings.list', {})).rows.map((r) => r.id)).toEqual([buildingA]);
    expect((await olga.ok('buildings.list', {})).total).toBe(1);
    expect((await olga.ok('buildings.options', {})).buildings.map((b) => b.id)).toEqual([buildingA]);
    expect((await olga.ok('areas.list', {})).areas[0]?.buildingCount).toBe(1);
  });

  it('cannot change anything of another building’s household, unit or building', async () => {
    const { olga, carlo } = await signedIn();
    const { householdA, householdB, unitA2, unitB, unitB2, buildingB, memberB, memberBUpdatedAt } = world;

    await refused(olga, 'households.update', householdEdit(householdB));
    await refused(olga, 'households.move', {
      id: householdB.id,
      expectedUpdatedAt: householdB.updatedAt,
      toUnitId: unitA2.id,
      movedOn: '2024-01-01',
      reason: '',
    });
    // Nor move their own household into a unit of another building.
    await refused(olga, 'households.move', {
      id: householdA.id,
      expectedUpdatedAt: householdA.updatedAt,
      toUnitId: unitB2.id,
      movedOn: '2024-01-01',
      reason: '',
    });
    await refused(olga, 'households.create', {
      unitId: unitB2.id,
      since: '2024-01-01',
      phone: '',
      notes: '',
      members: [member()],
    });
    await refused(olga, 'members.create', { householdId: householdB.id, ...member() });
    await refused(olga, 'members.update', {
      id: memberB,
      expectedUpdatedAt: memberBUpdatedAt,
      firstName: 'Cambiato',
      surname: 'Segreto',
      sex: 'M',
      birthDate: '1980-01-01',
      taxCode: TAX_B,
      phone: '',
      relationship: 'altro',
      fragilityIds: [],
      leftOn: null,
    });
    await refused(olga, 'units.create', {
      buildingId: buildingB,
      staircase: 'Z',
      floor: 0,
      number: '1',
      agencyCode: '',
      rooms: null,
      sizeSqm: null,
    });
    await refused(olga, 'units.createMany', {
      buildingId: buildingB,
      staircase: 'Z',
      floorFrom: 0,
      floorTo: 0,
      perFloor: 1,
    });
    await refused(olga, 'units.update', {
      id: unitB.id,
      expectedUpdatedAt: unitB.updatedAt,
      staircase: 'B',
      floor: 1,
      number: '1',
      agencyCode: 'NUOVO',
      rooms: null,
      sizeSqm: null,
    });

    // Nothing changed, as the coordinator sees.
    const page = await carlo.ok('households.get', { id: householdB.id });
    expect(page.household).toMatchObject({ notes: '', unit: { id: unitB.id } });
    expect(page.members.map((m) => m.firstName).sort()).toEqual(['Bice', 'Bruno']);
    expect((await carlo.ok('units.list', { buildingId: buildingB })).units.map((u) => u.agencyCode)).toEqual([
      null,
      null,
    ]);
    expect((await carlo.ok('households.get', { id: householdA.id })).household.unit.id).toBe(world.unitA.id);
  });

  it('sees possible duplicates in other buildings only as a household code, with no name or address', async () => {
    const { olga, carlo } = await signedIn();
    const hidden = await olga.ok('members.findDuplicates', { taxCode: TAX_B, surname: '', birthDate: null });
    expect(hidden.duplicates).toEqual([
      {
        memberId: world.memberB,
        householdId: world.householdB.id,
        householdCode: world.householdB.code,
        visible: false,
        fullName: null,
        birthDate: null,
        buildingAddress: null,
        matchedBy: 'taxCode',
      },
    ]);
    const own = await olga.ok('members.findDuplicates', {
      taxCode: null,
      surname: 'comune',
      birthDate: '1970-01-01',
    });
    expect(own.duplicates).toEqual([
      expect.objectContaining({ visible: true, fullName: 'Comune Anna', buildingAddress: 'Via Aosta 1' }),
    ]);
    expect(
      (await carlo.ok('members.findDuplicates', { taxCode: TAX_B, surname: '', birthDate: null }))
        .duplicates[0],
    ).toMatchObject({ visible: true, fullName: 'Segreto Bruno', buildingAddress: 'Via Bergamo 2' });

    // Creating the same person in their own building: refused as a duplicate, naming only the code.
    const result = await olga.call('members.create', {
      householdId: world.householdA.id,
      ...member({ firstName: 'Bruno', surname: 'Segreto', taxCode: TAX_B }),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('conflict');
      expect(result.error.message).toContain(world.householdB.code);
      expect(result.error.message).not.toContain('Segreto');
    }
  });

  it('changes the details of an assigned building, but not its area, tutors or state', async () => {
    const { olga, carlo } = await signedIn();
    const { building } = await olga.ok('buildings.get', { id: world.buildingA });
    const edit = {
      id: building.id,
      expectedUpdatedAt: building.updatedAt,
      areaId: building.areaId,
      address: 'Via Aosta 1/A',
      city: building.city,
      agencyCode: '',
      owner: building.owner,
      declaredUnits: 12,
      notes: 'citofono rotto',
      active: true,
      operatorIds: building.operators.map((o) => o.id),
    };
    const other = await carlo.ok('areas.create', { name: 'Zona Centro' });
    const carloId = (await olga.ok('operators.directory', {})).operators.find(
      (o) => o.fullName === 'Carlo Blu',
    )!.id;
    expect(await refused(olga, 'buildings.update', { ...edit, areaId: other.area.id })).toMatch(
      /coordinatore/,
    );
    await refused(olga, 'buildings.update', { ...edit, operatorIds: [...edit.operatorIds, carloId] });
    await refused(olga, 'buildings.update', { ...edit, operatorIds: [] });
    await refused(olga, 'buildings.update', { ...edit, active: false });
    await refused(olga, 'buildings.update', {
      ...edit,
      id: world.buildingB,
      expectedUpdatedAt: (await carlo.ok('buildings.get', { id: world.buildingB })).building.updatedAt,
    });
    const saved = await olga.ok('buildings.update', edit);
    expect(saved.building).toMatchObject({
      address: 'Via Aosta 1/A',
      declaredUnits: 12,
      notes: 'citofono rotto',
    });
    // The search index follows the new address.
    expect((await olga.ok('search.households', { q: 'aosta 1 a comune' })).results.map((r) => r.id)).toEqual([
      world.householdA.id,
    ]);
    // The coordinator may reassign it.
    const reassigned = await carlo.ok('buildings.update', {
      ...edit,
      expectedUpdatedAt: saved.building.updatedAt,
      operatorIds: [carloId],
    });
    expect(reassigned.building.operators.map((o) => o.fullName)).toEqual(['Carlo Blu']);
    await refused(olga, 'households.get', { id: world.householdA.id });
  });

  it('loses sight of a household once it moves to another building, and keeps the unit history without its name', async () => {
    const { olga, carlo } = await signedIn();
    await olga.ok('households.get', { id: world.householdA.id });
    await carlo.ok('households.move', {
      id: world.householdA.id,
      expectedUpdatedAt: world.householdA.updatedAt,
      toUnitId: world.unitB2.id,
      movedOn: '2024-06-01',
      reason: 'trasferimento',
    });
    await refused(olga, 'households.get', { id: world.householdA.id });
    expect((await olga.ok('search.households', { q: 'anna' })).results).toEqual([]);
    const history = (await olga.ok('units.get', { id: world.unitA.id })).history;
    expect(history).toEqual([
      expect.objectContaining({
        householdCode: world.householdA.code,
        referenceName: null,
        to: '2024-06-01',
      }),
    ]);
    expect((await carlo.ok('units.get', { id: world.unitA.id })).history[0]?.referenceName).toBe(
      'Comune Anna',
    );
  });

  it('cannot make coordinator calls', async () => {
    const { olga } = await signedIn();
    for (const [name, input] of [
      ['areas.create', { name: 'Nuova' }],
      ['vocabulary.create', { kind: 'topic', label: 'nuovo tema' }],
      [
        'buildings.create',
        {
          areaId: 1,
          address: 'Via X',
          city: 'Cremona',
          agencyCode: '',
          owner: 'ALER',
          declaredUnits: null,
          notes: '',
          operatorIds: [],
        },
      ],
    ] as const) {
      expect(await refused(olga, name, input as never)).toMatch(/ruolo/);
    }
  });
});

describe('a coordinatore sees every building', () => {
  it('reads both households, lists and searches both', async () => {
    const { carlo } = await signedIn();
    await carlo.ok('households.get', { id: world.householdA.id });
    await carlo.ok('households.get', { id: world.householdB.id });
    expect((await carlo.ok('households.list', {})).total).toBe(2);
    expect((await carlo.ok('search.households', { q: 'comune' })).results).toHaveLength(2);
    const segreto = await carlo.ok('search.households', { q: 'segreto' });
    expect(segreto.results[0]).toMatchObject({ id: world.householdB.id, matchedMember: 'Segreto Bruno' });
    expect((await carlo.ok('buildings.list', {})).total).toBe(2);
    expect((await carlo.ok('buildings.options', {})).buildings).toHaveLength(2);
    expect((await carlo.ok('units.get', { id: world.unitB.id })).unit.household?.id).toBe(
      world.householdB.id,
    );
    expect((await carlo.ok('areas.list', {})).areas[0]?.buildingCount).toBe(2);
  });
});
