import type { CallInput, Role } from '../../shared/contract';
import { startApp, type TestApp } from './helpers';

/**
 * Registry fixtures built through the real dispatcher: areas, buildings,
 * units, households and extra operators. Each helper returns the contract
 * object the call returned. The app passed in must be signed in as someone
 * allowed to make the call (the administrator from setUpApp, usually).
 */

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

export type MemberInput = CallInput<'households.create'>['members'][number];

/** A member with plausible defaults; override what the test cares about. */
export function member(overrides: Partial<MemberInput> = {}): MemberInput {
  const n = next();
  return {
    firstName: `Nome${n}`,
    surname: `Cognome${n}`,
    sex: 'F',
    birthDate: null,
    taxCode: null,
    phone: '',
    relationship: 'altro',
    fragilityIds: [],
    ...overrides,
  };
}

export async function createArea(app: TestApp, name = `Quartiere ${next()}`) {
  return (await app.ok('areas.create', { name })).area;
}

export async function createBuilding(app: TestApp, options: Partial<CallInput<'buildings.create'>> = {}) {
  const areaId = options.areaId ?? (await createArea(app)).id;
  const input: CallInput<'buildings.create'> = {
    address: `Via Milano ${next()}`,
    city: 'Cremona',
    agencyCode: '',
    owner: 'ALER',
    declaredUnits: null,
    notes: '',
    operatorIds: [],
    ...options,
    areaId,
  };
  return (await app.ok('buildings.create', input)).building;
}

export async function createUnit(
  app: TestApp,
  buildingId: number,
  options: Partial<Omit<CallInput<'units.create'>, 'buildingId'>> = {},
) {
  const input: CallInput<'units.create'> = {
    buildingId,
    staircase: 'A',
    floor: 0,
    number: String(next()),
    agencyCode: '',
    rooms: null,
    sizeSqm: null,
    ...options,
  };
  return (await app.ok('units.create', input)).unit;
}

/**
 * A household in `unitId`; `members[0]` is the reference person. Without
 * members, one reference person with generated names.
 */
export async function createHousehold(
  app: TestApp,
  unitId: number,
  options: Partial<Omit<CallInput<'households.create'>, 'unitId'>> = {},
) {
  const input: CallInput<'households.create'> = {
    unitId,
    since: '2020-01-01',
    phone: '',
    language: 'italiano',
    toTeam: false,
    notes: '',
    allowDuplicates: false,
    ...options,
    members: options.members ?? [member({ relationship: 'intestatario' })],
  };
  return (await app.ok('households.create', input)).household;
}

export interface ExtraOperator {
  id: number;
  username: string;
  /** The password after the first sign-in (the temporary one has been changed). */
  password: string;
  /**
   * A second app core on the same data folder, signed in as this operator
   * with the temporary password already changed. Create every operator with
   * the first app before signing anyone in: the first app's key ring would
   * otherwise overwrite the changed password on its next key-ring write.
   */
  signIn(): Promise<TestApp>;
}

/** Adds an operator through operators.create (the app must be an administrator's). */
export async function addOperator(
  app: TestApp,
  who: { username: string; role: Role; fullName?: string },
): Promise<ExtraOperator> {
  const temporaryPassword = `temporanea di ${who.username}`;
  const password = `password definitiva di ${who.username}`;
  const { operator } = await app.ok('operators.create', {
    fullName: who.fullName ?? `${who.username.charAt(0).toUpperCase()}${who.username.slice(1)} Rossi`,
    username: who.username,
    role: who.role,
    temporaryPassword,
  });
  let changed = false;
  return {
    id: operator.id,
    username: who.username,
    password,
    async signIn() {
      const other = startApp(app.dir);
      if (!changed) {
        await other.ok('session.login', { username: who.username, password: temporaryPassword });
        await other.ok('session.changePassword', {
          currentPassword: temporaryPassword,
          newPassword: password,
        });
        changed = true;
      } else {
        await other.ok('session.login', { username: who.username, password });
      }
      return other;
    },
  };
}

/** Vocabulary ids by kind and label (the lists seeded by migration 0002). */
export async function vocabularyIds(app: TestApp) {
  const { items } = await app.ok('vocabulary.list', {});
  return (kind: (typeof items)[number]['kind'], label: string): number => {
    const item = items.find((i) => i.kind === kind && i.label === label);
    if (!item) throw new Error(`no vocabulary item ${kind}/${label}`);
    return item.id;
  };
}
