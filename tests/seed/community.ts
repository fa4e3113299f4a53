import { isoDate, timestamp, weekday } from './dates';
import { Random } from './random';
import type { BuildingInfo, HouseholdInfo, World } from './world';
import type { SeedSize } from './world';

/** How many activities (over the five years) and resident groups each size holds. */
export const COMMUNITY = {
  small: { activities: 60, groups: 3 },
  large: { activities: 3_000, groups: 40 },
} as const;

const TYPE_WEIGHTS: [string, number][] = [
  ['incontro di caseggiato / assemblea', 30],
  ['laboratorio', 18],
  ['festa o evento', 14],
  ['cura degli spazi comuni', 14],
  ['gruppo autopromosso', 8],
  ['sportello itinerante', 10],
  ['altro', 6],
];

const TITLES: Record<string, string[]> = {
  'incontro di caseggiato / assemblea': [
    'Assemblea di caseggiato',
    'Incontro sulle pulizie delle scale',
    'Incontro sui lavori di manutenzione',
    'Assemblea con l’ente gestore',
    'Incontro sulla raccolta differenziata',
  ],
  laboratorio: [
    'Laboratorio di cucito',
    'Laboratorio di italiano',
    'Compiti insieme',
    'Laboratorio di cucina',
  ],
  'festa o evento': ['Festa di primavera', 'Cena di caseggiato', 'Festa d’estate in cortile', 'Tombolata'],
  'cura degli spazi comuni': ['Pulizia del cortile', 'Cura delle aiuole', 'Tinteggiatura della sala comune'],
  'gruppo autopromosso': ['Incontro del gruppo', 'Riunione del comitato inquilini'],
  'sportello itinerante': ['Sportello nel cortile', 'Sportello itinerante'],
  altro: ['Passeggiata di quartiere', 'Cineforum in sala comune'],
};

const PLACES = [
  'Sala comune',
  'Cortile',
  'Androne scala A',
  'Saletta del quartiere',
  'Giardino condominiale',
];
const GROUP_NAMES = [
  'Comitato inquilini',
  'Amici del cortile',
  'Gruppo aiuole',
  'Mamme in rete',
  'Gruppo festa',
  'Orto condiviso',
  'Custodi delle scale',
  'Gruppo anziani attivi',
];
const GROUP_PURPOSES = [
  'Cura degli spazi comuni e delle aiuole.',
  'Organizzare feste e momenti di incontro tra vicini.',
  'Portare all’ente gestore le segnalazioni del caseggiato.',
  'Aiuto reciproco tra famiglie con bambini.',
];
const OUTSIDERS = [
  'Volontaria dell’associazione',
  'Assistente sociale del Comune',
  'Referente ALER',
  'Parroco',
];

interface GroupSeed {
  id: number;
  buildings: BuildingInfo[];
  startedOn: number;
  status: 'attivo' | 'sospeso' | 'concluso';
}

/** Households living in the buildings on `day` whose leaving the registry can date (see residentsOn). */
function residents(buildings: BuildingInfo[], day: number): HouseholdInfo[] {
  const out: HouseholdInfo[] = [];
  for (const building of buildings) {
    for (const stay of building.stays) {
      if (stay.from > day || stay.to <= day) continue;
      const last = stay.household.stays[stay.household.stays.length - 1];
      if (stay.household.status !== 'attivo' && stay === last) continue;
      out.push(stay.household);
    }
  }
  return out;
}

/**
 * Community activities over the five years with attendance (building
 * meetings, workshops in weekly series, parties, care of common spaces) and
 * resident groups with referents. Uses its own dice, so the rest of the data
 * set stays as it was.
 */
export function seedCommunity(
  w: World,
  size: SeedSize,
  seed: number,
): { activities: number; groups: number } {
  const r = new Random(seed * 7919 + 5);
  const raw = w.raw;
  const spec = COMMUNITY[size];
  const typeIds = new Map(
    (raw.prepare('SELECT id, label FROM activity_types').all() as { id: number; label: string }[]).map(
      (t) => [t.label, t.id],
    ),
  );
  const buildings = w.buildings.filter((b) => b.units.length > 0);
  const bySize: [BuildingInfo, number][] = buildings.map((b) => [b, b.units.length]);
  const areaOf = new Map(
    (raw.prepare('SELECT id, area_id FROM buildings').all() as { id: number; area_id: number }[]).map((b) => [
      b.id,
      b.area_id,
    ]),
  );
  const created = (day: number) => timestamp(day, 9 * 60 + r.int(0, 480), r.int(0, 59));
  const author = (building: BuildingInfo) =>
    r.chance(0.85) ? building.tutors[0]!.id : r.pick(w.coordinators).id;

  // ---------- groups ----------
  const insertGroup = raw.prepare(
    `INSERT INTO resident_groups (name, purpose, status, started_on, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertGroupBuilding = raw.prepare(
    'INSERT INTO group_buildings (group_id, building_id) VALUES (?, ?)',
  );
  const insertReferent = raw.prepare('INSERT INTO group_referents (group_id, member_id) VALUES (?, ?)');
  const membersOf = raw.prepare(
    `SELECT m.id FROM members m JOIN households h ON h.id = m.household_id JOIN units u ON u.id = h.unit_id
      WHERE u.building_id = ? AND h.status = 'attivo' AND m.left_on IS NULL ORDER BY m.id`,
  );
  const groups: GroupSeed[] = [];
  const big = [...bySize].sort((a, b) => b[1] - a[1]).map(([b]) => b);
  for (let g = 0; g < spec.groups; g++) {
    const first = big[Math.min(big.length - 1, g + r.int(0, 2))]!;
    const index = buildings.indexOf(first);
    const chosen = [first];
    if (r.chance(0.25) && index + 1 < buildings.length) chosen.push(buildings[index + 1]!);
    const startedOn = r.int(w.start - 365, w.today - 60);
    const status = r.weighted([
      ['attivo', 60],
      ['sospeso', 15],
      ['concluso', 25],
    ] as const);
    const at = created(Math.max(startedOn, w.start));
    const name = `${GROUP_NAMES[g % GROUP_NAMES.length]!}${g >= GROUP_NAMES.length ? ` ${Math.floor(g / GROUP_NAMES.length) + 1}` : ''}`;
    const id = Number(
      insertGroup.run(name, r.pick(GROUP_PURPOSES), status, isoDate(startedOn), at, at, author(first))
        .lastInsertRowid,
    );
    for (const building of chosen) insertGroupBuilding.run(id, building.id);
    const candidates = membersOf.pluck().all(first.id) as number[];
    for (const memberId of r.sample(candidates, r.int(1, 3))) insertReferent.run(id, memberId);
    groups.push({ id, buildings: chosen, startedOn, status });
  }

  // ---------- activities ----------
  const insertSeries = raw.prepare(
    'INSERT INTO activity_series (every_weeks, until_on, created_at, created_by) VALUES (?, ?, ?, ?)',
  );
  const insertActivity = raw.prepare(
    `INSERT INTO activities (series_id, type_id, title, held_on, starts_at, ends_at, place, promoter, group_id, area_id,
                             description, outcome, guests, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertActivityBuilding = raw.prepare(
    'INSERT INTO activity_buildings (activity_id, building_id) VALUES (?, ?)',
  );
  const insertAttendance = raw.prepare(
    'INSERT INTO activity_attendance (activity_id, household_id, created_at, created_by) VALUES (?, ?, ?, ?)',
  );
  const insertOutsider = raw.prepare(
    'INSERT INTO activity_outsiders (activity_id, seq, name) VALUES (?, ?, ?)',
  );
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

  let made = 0;
  const add = (
    type: string,
    title: string,
    day: number,
    where: BuildingInfo[],
    options: {
      areaId?: number | null;
      seriesId?: number | null;
      group?: GroupSeed | null;
      core?: HouseholdInfo[];
      share: number;
    },
  ) => {
    const start = r.pick([10 * 60, 15 * 60, 16 * 60 + 30, 17 * 60, 18 * 60, 20 * 60 + 30]);
    const by = author(where[0]!);
    const at = created(day + r.int(0, 3));
    const group = options.group ?? null;
    const promoter = group
      ? 'gruppo'
      : r.weighted([
          ['tutor', 70],
          ['servizi', 10],
          ['ente_gestore', 8],
          ['associazione', 12],
        ] as const);
    const id = Number(
      insertActivity.run(
        options.seriesId ?? null,
        typeIds.get(type),
        title,
        isoDate(day),
        hhmm(start),
        hhmm(start + r.pick([60, 90, 120, 180])),
        r.pick(PLACES),
        promoter,
        group?.id ?? null,
        options.areaId ?? null,
        r.chance(0.5) ? 'Avviso affisso nelle bacheche delle scale una settimana prima.' : '',
        r.chance(0.4)
          ? r.pick(['Buona partecipazione.', 'Concordati i prossimi passi.', 'Poche presenze.'])
          : '',
        r.chance(0.6) ? r.int(0, 12) : 0,
        at,
        at,
        by,
      ).lastInsertRowid,
    );
    if (options.areaId == null) for (const b of where) insertActivityBuilding.run(id, b.id);
    const living = residents(where, day);
    const present = new Set<HouseholdInfo>();
    for (const h of options.core ?? []) if (living.includes(h) && r.chance(0.8)) present.add(h);
    for (const h of living) if (r.chance(options.share)) present.add(h);
    for (const h of present) insertAttendance.run(id, h.id, at, by);
    if (r.chance(0.15)) insertOutsider.run(id, 1, r.pick(OUTSIDERS));
    made++;
  };

  // Weekly workshops (about a quarter of the activities) with a core of regulars.
  while (made < spec.activities * 0.25) {
    const building = r.weighted(bySize);
    const first = r.int(w.start, w.today - 90);
    const count = Math.min(r.int(6, 12), spec.activities - made);
    const until = first + 7 * (count - 1);
    const seriesId = Number(
      insertSeries.run(1, isoDate(until), created(first - r.int(3, 10)), building.tutors[0]!.id)
        .lastInsertRowid,
    );
    const type = r.chance(0.8) ? 'laboratorio' : 'sportello itinerante';
    const title = r.pick(TITLES[type]!);
    const core = r.sample(residents([building], first), r.int(3, 8));
    for (let k = 0; k < count; k++)
      add(type, title, first + 7 * k, [building], { seriesId, core, share: 0.02 });
  }
  while (made < spec.activities) {
    const group = r.chance(0.15) ? r.pick(groups) : null;
    let where: BuildingInfo[];
    let areaId: number | null = null;
    if (group) where = group.buildings;
    else if (r.chance(0.05)) {
      const building = r.pick(buildings);
      areaId = areaOf.get(building.id)!;
      where = buildings.filter((b) => areaOf.get(b.id) === areaId);
    } else {
      const building = r.weighted(bySize);
      where = [building];
      const next = buildings[buildings.indexOf(building) + 1];
      if (next && r.chance(0.1)) where.push(next);
    }
    let day = r.int(group ? Math.max(group.startedOn, w.start) : w.start, w.today - 1);
    // Meetings fall on weekdays, parties often at the weekend.
    const type = group
      ? r.pick(['gruppo autopromosso', 'cura degli spazi comuni', 'festa o evento'])
      : r.weighted(TYPE_WEIGHTS.filter(([t]) => t !== 'laboratorio'));
    const wd = weekday(day);
    if (type !== 'festa o evento' && (wd === 0 || wd === 6)) day -= wd === 0 ? 2 : 1;
    const share =
      type === 'festa o evento'
        ? 0.3
        : type === 'incontro di caseggiato / assemblea'
          ? 0.22
          : areaId
            ? 0.03
            : 0.1;
    add(type, r.pick(TITLES[type]!), day, where, { areaId, group, share });
  }
  return { activities: made, groups: groups.length };
}
