import { foldText } from '../../shared/normalize';
import { isoDate, timestamp } from './dates';
import { AREAS, BUILDING_NOTES, HOUSEHOLD_NOTES, OPERATOR_NAMES, STREETS } from './names';
import { PeopleFactory, type HouseholdDraft } from './people';
import type { BuildingInfo, HouseholdInfo, OperatorInfo, Stay, UnitInfo, World } from './world';

/** Names of the two operators created through the app, who can sign in. */
export const SIGNABLE_TUTOR_NAME = 'Giulia Ferrari';
export const SIGNABLE_COORDINATOR_NAME = 'Roberta Dossena';

/** Relative size of each quartiere's public housing stock. */
const AREA_WEIGHTS: Record<(typeof AREAS)[number], number> = {
  'Zona Centro': 0.8,
  'San Bernardo – Borgo Loreto': 1.4,
  Cambonino: 1.3,
  'Quartiere Po': 1.1,
  Maristella: 1,
  Boschetto: 0.9,
  Zaist: 1,
  'San Felice': 0.8,
};

const MOVE_REASONS = [
  'Cambio alloggio per sottoutilizzo',
  'Alloggio senza barriere architettoniche',
  'Mobilità richiesta dal nucleo',
  'Lavori di ristrutturazione dell’alloggio',
  'Sovraffollamento',
];

/** Splits `total` into `parts` integers close to `weights` (largest remainders). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) out[order[k % order.length]![1]]! += 1;
  return out;
}

const slug = (name: string) => foldText(name).replace(/ /g, '.');

/** The other tutors and coordinators, as rows without key slots (they cannot sign in). */
export function seedOperators(w: World, signable: { tutorId: number; coordinatorId: number }): void {
  const created = timestamp(w.start - 30, 9 * 60);
  const insert = w.raw.prepare(
    `INSERT INTO operators (full_name, username, role, active, must_change_password, created_at, updated_at, created_by)
     VALUES (?, ?, ?, 1, 0, ?, ?, ?)`,
  );
  // The two signable operators were created with a temporary password equal to the final one.
  w.raw
    .prepare('UPDATE operators SET must_change_password = 0 WHERE id IN (?, ?)')
    .run(signable.tutorId, signable.coordinatorId);
  const names = OPERATOR_NAMES.filter((n) => n !== SIGNABLE_TUTOR_NAME && n !== SIGNABLE_COORDINATOR_NAME);
  const add = (role: 'operatore' | 'coordinatore'): OperatorInfo => {
    const name = names.shift();
    if (!name) throw new Error('not enough operator names');
    const id = Number(insert.run(name, slug(name), role, created, created, w.adminId).lastInsertRowid);
    return { id, role, buildings: [] };
  };
  w.tutors.push({ id: signable.tutorId, role: 'operatore', buildings: [] });
  while (w.tutors.length < w.spec.tutors) w.tutors.push(add('operatore'));
  w.coordinators.push({ id: signable.coordinatorId, role: 'coordinatore', buildings: [] });
  while (w.coordinators.length < w.spec.coordinators) w.coordinators.push(add('coordinatore'));
}

/** Areas, buildings and `unitTotal` housing units spread over them. */
export function seedBuildings(w: World, unitTotal: number): void {
  const r = w.random;
  const areas = AREAS.slice(0, w.spec.areas);
  const created = (offset: number) => timestamp(w.start - 20 + offset, 9 * 60 + r.int(0, 480), r.int(0, 59));
  const insertArea = w.raw.prepare(
    'INSERT INTO areas (name, active, created_at, updated_at, created_by) VALUES (?, 1, ?, ?, ?)',
  );
  const areaIds = areas.map((name) => {
    const at = created(0);
    return Number(insertArea.run(name, at, at, w.adminId).lastInsertRowid);
  });

  const perArea = apportion(
    w.spec.buildings,
    areas.map((a) => AREA_WEIGHTS[a]),
  );
  const insertBuilding = w.raw.prepare(
    `INSERT INTO buildings (area_id, address, city, agency_code, owner, declared_units, notes, active, created_at, updated_at, created_by)
     VALUES (?, ?, 'Cremona', ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const insertUnit = w.raw.prepare(
    `INSERT INTO units (building_id, staircase, floor, number, agency_code, rooms, size_sqm, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const sizes = apportion(
    unitTotal,
    Array.from({ length: w.spec.buildings }, () => Math.exp(0.45 * r.normal())),
  ).map((n) => Math.max(6, n));
  // The benchmark opens the attendance sheet of a 120-unit building: the large set has one.
  if (w.spec.buildings >= 300) sizes[sizes.indexOf(Math.max(...sizes))] = 120;
  const usedAddresses = new Set<string>();
  let alerCode = r.int(100, 300);
  let comuneCode = r.int(10, 60);
  let index = 0;
  areas.forEach((area, a) => {
    for (let k = 0; k < perArea[a]!; k++) {
      const units = sizes[index++]!;
      let address: string;
      do {
        const number = String(r.int(1, 160)) + (r.chance(0.08) ? `/${r.pick(['A', 'B', 'C'])}` : '');
        address = `${r.pick(STREETS[area])} ${number}`;
      } while (usedAddresses.has(address));
      usedAddresses.add(address);
      const owner = r.weighted([
        ['ALER', 75],
        ['Comune', 22],
        ['altro', 3],
      ] as const);
      const code =
        owner === 'ALER'
          ? `AL${String((alerCode += r.int(1, 9))).padStart(4, '0')}`
          : owner === 'Comune'
            ? `CO${String((comuneCode += r.int(1, 5))).padStart(4, '0')}`
            : null;
      const declared = r.weighted([
        [units, 85],
        [null, 10],
        [units + r.int(-2, 2), 5],
      ] as const);
      const at = created(r.int(0, 20));
      const id = Number(
        insertBuilding.run(
          areaIds[a],
          address,
          code,
          owner,
          declared === null ? null : Math.max(0, declared),
          r.chance(0.25) ? r.pick(BUILDING_NOTES) : '',
          at,
          at,
          w.adminId,
        ).lastInsertRowid,
      );
      const building: BuildingInfo = { id, tutors: [], units: [], stays: [] };
      w.buildings.push(building);

      const stairs = units <= 20 ? 1 : Math.min(4, Math.ceil(units / r.int(16, 28)));
      const perFloor = r.int(2, 4);
      const perStair = apportion(
        units,
        Array.from({ length: stairs }, () => 1),
      );
      let number = 1;
      perStair.forEach((count, s) => {
        const staircase = stairs === 1 ? (r.chance(0.5) ? '' : 'A') : 'ABCD'.charAt(s);
        for (let i = 0; i < count; i++, number++) {
          const rooms = r.chance(0.15)
            ? null
            : r.weighted([
                [1, 10],
                [2, 35],
                [3, 35],
                [4, 15],
                [5, 5],
              ] as const);
          const unitId = Number(
            insertUnit.run(
              id,
              staircase,
              Math.floor(i / perFloor),
              String(number),
              code ? `CR-${code}-${String(number).padStart(3, '0')}` : null,
              rooms,
              rooms === null ? null : 28 + rooms * 16 + r.int(-4, 12),
              at,
              at,
              w.adminId,
            ).lastInsertRowid,
          );
          const unit: UnitInfo = { id: unitId, building, occupiedFrom: Infinity, current: null };
          building.units.push(unit);
          w.units.push(unit);
        }
      });
    }
  });
}

/**
 * Each tutor gets a run of neighbouring buildings (about the same number
 * each); a few buildings get a second tutor.
 */
export function assignTutors(w: World): void {
  const r = w.random;
  const tutors = w.tutors;
  const base = w.buildings.length / tutors.length;
  const spread = Math.min(3, Math.floor(base / 4));
  const counts = apportion(
    w.buildings.length,
    tutors.map(() => base + r.int(-spread, spread)),
  );
  let next = 0;
  tutors.forEach((tutor, t) => {
    for (let k = 0; k < counts[t]!; k++) {
      const building = w.buildings[next++]!;
      building.tutors.push(tutor);
      tutor.buildings.push(building);
    }
  });
  const max = Math.max(...counts) + 2;
  for (const building of w.buildings) {
    const first = building.tutors[0]!;
    const second = tutors[(tutors.indexOf(first) + 1) % tutors.length]!;
    if (second !== first && r.chance(0.09) && second.buildings.length < max) {
      building.tutors.push(second);
      second.buildings.push(building);
    }
  }
  const insert = w.raw.prepare('INSERT INTO building_operators (building_id, operator_id) VALUES (?, ?)');
  for (const building of w.buildings) for (const tutor of building.tutors) insert.run(building.id, tutor.id);
}

interface PendingHousehold {
  info: HouseholdInfo;
  draft: HouseholdDraft;
  moveReason: string | null;
}

/** Days lived somewhere: exponential with the given mean (years), within bounds (days). */
function stayLength(w: World, meanYears: number, min: number, max: number): number {
  const days = Math.round(-Math.log(1 - w.random.next()) * meanYears * 365.25);
  return Math.max(min, Math.min(max, days));
}

/**
 * Households with their members, unit history and fragilities. About 93%
 * live in a unit now (at most one per unit); the others moved away or were
 * closed, after living in a unit before its present household.
 */
export function seedHouseholds(w: World, activeCount: number): void {
  const r = w.random;
  const people = new PeopleFactory(r, w.today, new Set());
  const pending: PendingHousehold[] = [];
  const newHousehold = (status: HouseholdInfo['status'], stays: Omit<Stay, 'household'>[]): HouseholdInfo => {
    const info: HouseholdInfo = {
      id: 0,
      status,
      registeredOn: 0,
      stays: [],
      weight: 1,
      topics: [],
      foreign: false,
    };
    info.stays = stays.map((s) => ({ ...s, household: info }));
    return info;
  };

  // Present households, one per occupied unit.
  const free = r.shuffle([...w.units]);
  for (const unit of free.slice(0, activeCount)) {
    const since = w.today - stayLength(w, 11, 20, 45 * 365);
    const info = newHousehold('attivo', [{ unit, from: since, to: Infinity }]);
    unit.occupiedFrom = since;
    unit.current = info;
    pending.push({ info, draft: people.household(since), moveReason: null });
  }
  // A few moved from another unit, left empty or taken later by someone else.
  for (const p of pending) {
    if (!r.chance(0.03)) continue;
    const stay = p.info.stays[0]!;
    for (let attempt = 0; attempt < 30; attempt++) {
      const other = r.pick(w.units);
      if (other === stay.unit || other.occupiedFrom <= stay.from + 30) continue;
      const from = stay.from - stayLength(w, 7, 365, 30 * 365);
      other.occupiedFrom = from;
      p.info.stays.unshift({ household: p.info, unit: other, from, to: stay.from });
      p.moveReason = r.pick(MOVE_REASONS);
      break;
    }
  }
  // Former households: they lived in a unit before its present one, within the recorded years.
  const formerCount = w.spec.households - activeCount;
  for (let made = 0, attempt = 0; made < formerCount && attempt < formerCount * 50; attempt++) {
    const unit = r.pick(w.units);
    if (unit.occupiedFrom <= w.start + 150) continue;
    const to = Number.isFinite(unit.occupiedFrom)
      ? unit.occupiedFrom - r.int(7, 120)
      : w.today - r.int(20, Math.min(1500, w.today - w.start - 60));
    const from = to - stayLength(w, 9, 365, 40 * 365);
    unit.occupiedFrom = from;
    const info = newHousehold(r.chance(0.55) ? 'trasferito' : 'chiuso', [{ unit, from, to }]);
    pending.push({ info, draft: people.household(from), moveReason: null });
    made++;
  }
  if (pending.length !== w.spec.households) throw new Error('could not place every household');

  // Codes follow registration: the first census at the start, then newcomers as they arrive.
  for (const p of pending) {
    const first = p.info.stays[0]!.from;
    const last = p.info.stays[p.info.stays.length - 1]!;
    let day = first > w.start ? Math.min(w.today - 1, first + r.int(0, 20)) : w.start + r.int(0, 120);
    if (Number.isFinite(last.to)) day = Math.min(day, last.to - 1);
    p.info.registeredOn = day;
  }
  const ordered = pending
    .map((p, i) => ({ p, key: p.info.registeredOn * 1e6 + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.p);
  insertHouseholds(w, ordered);
}

function insertHouseholds(w: World, ordered: PendingHousehold[]): void {
  const r = w.random;
  const raw = w.raw;
  const fragilityIds = new Map(
    (
      raw.prepare("SELECT id, label FROM vocabulary WHERE kind = 'fragility'").all() as {
        id: number;
        label: string;
      }[]
    ).map((row) => [row.label, row.id]),
  );
  const insertHousehold = raw.prepare(
    `INSERT INTO households (id, code, unit_id, since, reference_member_id, status, phone, language, to_team, notes, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMember = raw.prepare(
    `INSERT INTO members (id, household_id, first_name, surname, surname_norm, sex, birth_date, tax_code, phone, relationship, left_on, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFragility = raw.prepare(
    'INSERT INTO member_fragilities (member_id, fragility_id) VALUES (?, ?)',
  );
  const insertMove = raw.prepare(
    `INSERT INTO household_moves (household_id, from_unit_id, to_unit_id, moved_on, reason, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  let memberId = 1;
  ordered.forEach(({ info, draft, moveReason }, index) => {
    const id = index + 1;
    info.id = id;
    w.households.push(info);
    const first = info.stays[0]!;
    const last = info.stays[info.stays.length - 1]!;
    const building = last.unit.building;
    const author = r.chance(0.8) ? building.tutors[0]!.id : r.pick(w.coordinators).id;
    const createdAt = timestamp(info.registeredOn, 9 * 60 + r.int(0, 480), r.int(0, 59));
    const updatedAt =
      r.chance(0.2) && info.registeredOn < w.today - 2
        ? timestamp(r.int(info.registeredOn + 1, w.today - 1), 9 * 60 + r.int(0, 480))
        : createdAt;
    const toTeam = info.status === 'attivo' && r.chance(0.03);
    const notes =
      info.status === 'trasferito'
        ? r.pick(['Trasferito in altro comune.', 'Trasferito in un alloggio privato.', ''])
        : info.status === 'chiuso'
          ? r.pick(['Nucleo chiuso.', ''])
          : r.chance(0.12)
            ? r.pick(HOUSEHOLD_NOTES)
            : '';
    insertHousehold.run(
      id,
      `N-${String(id).padStart(6, '0')}`,
      last.unit.id,
      isoDate(last.from),
      memberId,
      info.status,
      draft.phone,
      draft.language,
      toTeam ? 1 : 0,
      notes,
      createdAt,
      updatedAt,
      author,
    );
    let fragilities = 0;
    let elderly = false;
    let minors = false;
    for (const person of draft.members) {
      const age = (w.today - person.birthDay) / 365.25;
      elderly ||= age >= 65;
      minors ||= age < 18;
      const leftOn =
        person.relationship !== 'intestatario' && age >= 19 && info.status === 'attivo' && r.chance(0.02)
          ? isoDate(r.int(Math.max(info.registeredOn, w.start), w.today - 1))
          : null;
      insertMember.run(
        memberId,
        id,
        person.firstName,
        person.surname,
        foldText(person.surname),
        person.sex,
        isoDate(person.birthDay),
        person.taxCode,
        person.phone,
        person.relationship,
        leftOn,
        createdAt,
        createdAt,
        author,
      );
      for (const label of person.fragilities) {
        insertFragility.run(memberId, fragilityIds.get(label));
        fragilities++;
      }
      memberId++;
    }
    insertMove.run(
      id,
      null,
      first.unit.id,
      isoDate(first.from),
      'Assegnazione dell’alloggio',
      createdAt,
      author,
    );
    if (info.stays.length > 1) {
      insertMove.run(
        id,
        first.unit.id,
        last.unit.id,
        isoDate(last.from),
        moveReason ?? '',
        createdAt,
        author,
      );
    }
    for (const stay of info.stays) stay.unit.building.stays.push(stay);

    info.foreign = draft.origin !== null;
    info.weight = Math.exp(1.1 * r.normal()) * (1 + 0.4 * fragilities) * (toTeam ? 2.5 : 1);
    info.topics = householdTopics(w, draft, { elderly, minors });
  });
}

function householdTopics(
  w: World,
  draft: HouseholdDraft,
  has: { elderly: boolean; minors: boolean },
): string[] {
  const all = new Set(draft.members.flatMap((m) => m.fragilities));
  const weights = new Map<string, number>([
    ['morosità', 3],
    ['manutenzione', 4],
    ['convivenza e conflitti', 2],
    ['pratiche amministrative', 3],
    ['altro', 0.5],
    ['salute', 0.5],
    ['lavoro', 0.5],
    ['solitudine', 0.2],
    ['scuola e minori', 0.2],
  ]);
  const bump = (topic: string, by: number) => weights.set(topic, (weights.get(topic) ?? 0) + by);
  if (has.elderly) {
    bump('solitudine', draft.members.length === 1 ? 5 : 2);
    bump('salute', 3);
  }
  if (has.minors) bump('scuola e minori', 3);
  if (all.has('disoccupazione')) {
    bump('lavoro', 4);
    bump('morosità', 2);
  }
  if (all.has('barriere linguistiche')) bump('pratiche amministrative', 3);
  if (all.has('problemi di salute') || all.has('disabilità')) bump('salute', 4);
  const table = [...weights.entries()];
  const first = w.random.weighted(table);
  if (w.random.chance(0.5)) return [first];
  const second = w.random.weighted(table.filter(([t]) => t !== first));
  return [first, second];
}
