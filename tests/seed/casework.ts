import { isoDate, localDateTime, monthDay, timestamp, weekday } from './dates';
import { FOLLOWUP_TEXTS, NOTES_BY_TOPIC, OUTCOMES, REFERRAL_REASONS } from './names';
import { WeightedTable } from './random';
import type { BuildingInfo, HouseholdInfo, OperatorInfo, Stay, World } from './world';

type Weights = readonly (readonly [string, number])[];

const TOPICS: Weights = [
  ['morosità', 18],
  ['manutenzione', 20],
  ['convivenza e conflitti', 14],
  ['salute', 10],
  ['lavoro', 6],
  ['pratiche amministrative', 16],
  ['solitudine', 8],
  ['scuola e minori', 5],
  ['altro', 3],
];

const TYPES: Weights = [
  ['ascolto', 14],
  ['informazione', 16],
  ['orientamento', 12],
  ['accompagnamento', 5],
  ['mediazione dei conflitti', 3],
  ['visita domiciliare', 12],
  ['colloquio allo sportello', 16],
  ['contatto telefonico', 18],
  ['segnalazione ai servizi', 3],
];

/** How a topic shifts the kind of work done. */
const TYPE_BOOST: Record<string, Record<string, number>> = {
  'convivenza e conflitti': { 'mediazione dei conflitti': 6, ascolto: 1.5 },
  salute: { accompagnamento: 2.5, 'segnalazione ai servizi': 3, 'visita domiciliare': 1.5 },
  solitudine: { 'visita domiciliare': 3, ascolto: 2, 'contatto telefonico': 1.3 },
  morosità: { 'colloquio allo sportello': 2, orientamento: 1.5 },
  'pratiche amministrative': { informazione: 2, accompagnamento: 2 },
  manutenzione: { 'contatto telefonico': 1.5, 'visita domiciliare': 1.5, 'segnalazione ai servizi': 0.2 },
  lavoro: { orientamento: 2.5, 'segnalazione ai servizi': 1.5 },
  'scuola e minori': { orientamento: 1.5, accompagnamento: 1.5 },
};

const CHANNELS: Record<string, Weights> = {
  ascolto: [
    ['sportello', 3],
    ['domicilio', 4],
    ['telefono', 2],
    ['spazi comuni', 1],
  ],
  informazione: [
    ['sportello', 5],
    ['telefono', 4],
    ['ufficio', 1],
  ],
  orientamento: [
    ['sportello', 5],
    ['ufficio', 2],
    ['telefono', 2],
  ],
  accompagnamento: [
    ['altro', 6],
    ['ufficio', 2],
  ],
  'mediazione dei conflitti': [
    ['domicilio', 4],
    ['spazi comuni', 4],
    ['ufficio', 2],
  ],
  'visita domiciliare': [['domicilio', 1]],
  'colloquio allo sportello': [['sportello', 1]],
  'contatto telefonico': [['telefono', 1]],
  'incontro di gruppo': [['spazi comuni', 1]],
  'segnalazione ai servizi': [
    ['ufficio', 4],
    ['telefono', 2],
    ['sportello', 2],
  ],
};

const DURATIONS: Record<string, [number, number]> = {
  ascolto: [20, 60],
  informazione: [10, 30],
  orientamento: [20, 45],
  accompagnamento: [60, 120],
  'mediazione dei conflitti': [30, 90],
  'visita domiciliare': [30, 75],
  'colloquio allo sportello': [15, 45],
  'contatto telefonico': [10, 25],
  'incontro di gruppo': [60, 120],
  'segnalazione ai servizi': [15, 40],
};

function origins(topic: string): Weights {
  const base: [string, number][] = [
    ['proattivo', 38],
    ['richiesta del residente', 42],
    ['segnalazione dei servizi', 12],
    ["segnalazione dell'ente gestore", 8],
  ];
  if (topic === 'morosità') base[3]![1] = 35;
  if (topic === 'manutenzione') base[1]![1] = 70;
  if (topic === 'salute' || topic === 'solitudine') base[2]![1] = 25;
  return base;
}

const SERVICES: Record<string, Weights> = {
  morosità: [
    ['ufficio casa', 3],
    ['ALER/ente gestore', 3],
    ['servizi sociali', 2],
  ],
  salute: [
    ['servizi sanitari', 5],
    ['CPS', 2],
    ['SerD', 1],
  ],
  lavoro: [
    ['centro per l’impiego', 6],
    ['associazioni', 1],
  ],
  solitudine: [
    ['associazioni', 4],
    ['servizi sociali', 3],
  ],
  'scuola e minori': [
    ['servizi sociali', 4],
    ['associazioni', 2],
  ],
  'convivenza e conflitti': [
    ['servizi sociali', 2],
    ['ALER/ente gestore', 2],
    ['CPS', 1],
  ],
  'pratiche amministrative': [
    ['servizi sociali', 2],
    ['ufficio casa', 2],
    ['altro', 1],
  ],
  manutenzione: [['ALER/ente gestore', 1]],
  altro: [
    ['altro', 1],
    ['associazioni', 1],
  ],
};

/** Interventions of every tutor over five years, with referrals and follow-ups. */
export class CaseworkSeeder {
  private readonly insertIntervention;
  private readonly insertTopic;
  private readonly insertReferral;
  private readonly insertFollowup;
  private interventionId = 0;
  private readonly lastWorkday: number;
  /** Latest moment a made-up record may carry: yesterday evening. */
  private readonly latest: string;

  constructor(private readonly w: World) {
    const raw = w.raw;
    this.insertIntervention = raw.prepare(
      `INSERT INTO interventions (id, group_id, occurred_at, duration_min, operator_id, household_id, building_id, type_id, channel_id, origin_id, notes, outcome, confidential, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertTopic = raw.prepare(
      'INSERT INTO intervention_topics (intervention_id, topic_id) VALUES (?, ?)',
    );
    this.insertReferral = raw.prepare(
      `INSERT INTO referrals (household_id, intervention_id, service_id, referred_on, reason, status, check_by, operator_id, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertFollowup = raw.prepare(
      `INSERT INTO followups (due_on, operator_id, text, household_id, building_id, intervention_id, referral_id, done_at, done_by, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.lastWorkday = w.today - 1;
    this.latest = timestamp(w.today - 1, 22 * 60);
  }

  run(): void {
    this.interventions();
    for (const tutor of this.w.tutors) this.agenda(tutor, 1);
    for (const coordinator of this.w.coordinators) this.agenda(coordinator, 0.3);
  }

  private clamp(ts: string): string {
    return ts > this.latest ? this.latest : ts;
  }

  /** Working days, fewer in August and over Christmas, a little more work each year. */
  private days(): WeightedTable<number> {
    const { start } = this.w;
    const days: number[] = [];
    for (let d = start; d <= this.lastWorkday; d++) days.push(d);
    return new WeightedTable(days, (d) => {
      const wd = weekday(d);
      if (wd === 0) return 0;
      const { month, dayOfMonth } = monthDay(d);
      let weight = wd === 6 ? 0.04 : 1;
      if (month === 8) weight *= dayOfMonth >= 8 && dayOfMonth <= 24 ? 0.15 : 0.6;
      if ((month === 12 && dayOfMonth >= 24) || (month === 1 && dayOfMonth <= 6)) weight *= 0.3;
      return weight * (0.8 + (0.3 * (d - start)) / (this.lastWorkday - start));
    });
  }

  private interventions(): void {
    const { w } = this;
    const r = w.random;
    const total = w.spec.interventions;
    const calendar = this.days();
    const dates: number[] = [];
    for (let i = 0; i < total; i++) dates.push(calendar.pick(r));
    dates.sort((a, b) => a - b);

    const buildingWeight = (b: BuildingInfo) => 1 + b.stays.reduce((sum, s) => sum + s.household.weight, 0);
    const staysOf = new Map(
      w.buildings.map((b) => [b, new WeightedTable(b.stays, (s) => s.household.weight)]),
    );
    const perTutor = new Map(w.tutors.map((t) => [t, new WeightedTable(t.buildings, buildingWeight)]));
    const anyBuilding = new WeightedTable(w.buildings, buildingWeight);
    // Tutors work about the same hours; some a little more.
    const tutorTable = new WeightedTable(w.tutors, () => 0.8 + 0.4 * r.next());

    // A group intervention writes several rows: it takes the dates of the next few too.
    let made = 0;
    for (let i = 0; made < total && i < dates.length; i = made) {
      const day = dates[i]!;
      const byCoordinator = r.chance(0.015);
      const operator = byCoordinator ? r.pick(w.coordinators) : tutorTable.pick(r);
      const building = byCoordinator ? anyBuilding.pick(r) : perTutor.get(operator)!.pick(r);
      const present = (s: Stay) => s.from <= day && day < s.to && s.household.registeredOn <= day;
      const kind = r.next();
      if (kind < 0.004) {
        const stays = building.stays.filter(present);
        if (stays.length >= 3) {
          const group = r.sample(stays, Math.min(total - made, r.int(3, 10)));
          made += this.intervention(operator, building, day, group);
          continue;
        }
      }
      let stay: Stay | null = null;
      if (kind >= 0.024) {
        const table = staysOf.get(building)!;
        for (let attempt = 0; attempt < 16 && !stay && table.size > 0; attempt++) {
          const candidate = table.pick(r);
          if (present(candidate)) stay = candidate;
        }
      }
      made += this.intervention(operator, building, day, stay ? [stay] : []);
    }
  }

  /** One intervention (or one row per household for a group); returns the rows written. */
  private intervention(operator: OperatorInfo, building: BuildingInfo, day: number, stays: Stay[]): number {
    const { w } = this;
    const r = w.random;
    const v = w.vocabulary;
    const group = stays.length > 1;
    const household: HouseholdInfo | null = stays.length === 1 ? stays[0]!.household : null;

    let topic: string;
    let type: string;
    if (group) {
      topic = r.weighted([
        ['convivenza e conflitti', 4],
        ['manutenzione', 4],
        ['altro', 2],
      ]);
      type = 'incontro di gruppo';
    } else if (!household) {
      topic = r.weighted([
        ['manutenzione', 5],
        ['convivenza e conflitti', 4],
        ['morosità', 1],
        ['altro', 1],
      ]);
      type = r.weighted([
        ['informazione', 3],
        ['mediazione dei conflitti', 3],
        ['incontro di gruppo', 2],
        ['contatto telefonico', 2],
        ['ascolto', 1],
      ]);
    } else {
      topic = household.topics.length > 0 && r.chance(0.65) ? r.pick(household.topics) : r.weighted(TOPICS);
      const boost = TYPE_BOOST[topic] ?? {};
      type = r.weighted(TYPES.map(([t, weight]) => [t, weight * (boost[t] ?? 1)] as const));
    }
    const channel = r.weighted(CHANNELS[type]!);
    const origin = group ? 'proattivo' : r.weighted(origins(topic));
    const topics = new Set([topic]);
    const extra = r.weighted([
      [0, 60],
      [1, 30],
      [2, 10],
    ]);
    for (let i = 0; i < extra; i++) {
      topics.add(
        household && household.topics.length > 0 && r.chance(0.5)
          ? r.pick(household.topics)
          : r.weighted(TOPICS),
      );
    }
    const [minDuration, maxDuration] = DURATIONS[type]!;
    const duration = 5 * Math.round(r.int(minDuration, maxDuration) / 5);
    const minute =
      type === 'incontro di gruppo'
        ? r.int(16 * 12, 17 * 12) * 5
        : channel === 'sportello'
          ? r.chance(0.6)
            ? r.int(9 * 12, 12 * 12) * 5
            : r.int(14 * 12 + 6, 17 * 12) * 5
          : r.int(8 * 12 + 6, 17 * 12 + 6) * 5;
    const occurredAt = localDateTime(day, minute);
    const confidential =
      !group && household && r.chance(topic === 'salute' || topic === 'convivenza e conflitti' ? 0.12 : 0.035)
        ? 1
        : 0;
    const notes = r.pick(NOTES_BY_TOPIC[topic] ?? NOTES_BY_TOPIC.altro!);
    const outcome = r.pick(OUTCOMES);
    const createdAt = this.clamp(
      r.chance(0.7)
        ? timestamp(day, minute + duration + r.int(0, 120), r.int(0, 59))
        : timestamp(day + r.int(1, 3), 9 * 60 + r.int(0, 540), r.int(0, 59)),
    );
    const updatedAt = r.chance(0.08)
      ? this.clamp(timestamp(day + r.int(1, 10), 9 * 60 + r.int(0, 540)))
      : createdAt;
    const author = r.chance(0.96) ? operator.id : r.pick(w.coordinators).id;
    const ids = {
      type: v.id('intervention_type', type),
      channel: v.id('channel', channel),
      origin: v.id('origin', origin),
      topics: [...topics].map((t) => v.id('topic', t)),
    };

    const rows = group ? stays.map((s) => s.household) : [household];
    const groupId = group ? this.interventionId + 1 : null;
    for (const member of rows) {
      const id = ++this.interventionId;
      this.insertIntervention.run(
        id,
        groupId,
        occurredAt,
        duration,
        operator.id,
        member?.id ?? null,
        building.id,
        ids.type,
        ids.channel,
        ids.origin,
        notes,
        outcome,
        confidential,
        createdAt,
        updatedAt,
        author,
      );
      for (const topicId of ids.topics) this.insertTopic.run(id, topicId);
    }

    if (group) return rows.length;
    const id = this.interventionId;
    const referral =
      household !== null &&
      (type === 'segnalazione ai servizi' ||
        (['salute', 'lavoro', 'morosità', 'scuola e minori', 'solitudine'].includes(topic) &&
          r.chance(0.02)));
    if (referral) {
      this.referral(operator, household, id, day, topic, createdAt);
    } else if (r.chance(0.08)) {
      const due = day + r.int(2, 21);
      this.followup({
        due,
        operator,
        text: r.pick(FOLLOWUP_TEXTS),
        householdId: household?.id ?? null,
        buildingId: household ? null : building.id,
        interventionId: id,
        referralId: null,
        createdAt,
        done: due < w.today && (r.chance(0.96) || w.today - due > 40),
      });
    }
    return 1;
  }

  private referral(
    operator: OperatorInfo,
    household: HouseholdInfo,
    interventionId: number,
    day: number,
    topic: string,
    createdAt: string,
  ): void {
    const { w } = this;
    const r = w.random;
    const service = r.weighted(SERVICES[topic] ?? SERVICES.altro!);
    const age = w.today - day;
    const status =
      age < 14
        ? r.weighted([
            ['inviato', 80],
            ['preso_in_carico', 20],
          ] as const)
        : age < 60
          ? r.weighted([
              ['inviato', 35],
              ['preso_in_carico', 50],
              ['concluso', 10],
              ['non_accolto', 5],
            ] as const)
          : r.weighted([
              ['inviato', 5],
              ['preso_in_carico', 25],
              ['concluso', 55],
              ['non_accolto', 15],
            ] as const);
    const checkBy = r.chance(0.8) ? day + r.int(21, 60) : null;
    const updatedAt =
      status === 'inviato' ? createdAt : this.clamp(timestamp(day + r.int(3, 40), 9 * 60 + r.int(0, 540)));
    const referralId = Number(
      this.insertReferral.run(
        household.id,
        interventionId,
        w.vocabulary.id('referral_service', service),
        isoDate(day),
        r.pick(REFERRAL_REASONS[service] ?? REFERRAL_REASONS.altro!),
        status,
        checkBy === null ? null : isoDate(checkBy),
        operator.id,
        createdAt,
        updatedAt > createdAt ? updatedAt : createdAt,
        operator.id,
      ).lastInsertRowid,
    );
    if (checkBy === null) return;
    const closed = status === 'concluso' || status === 'non_accolto';
    this.followup({
      due: checkBy,
      operator,
      text: `Verificare l’esito dell’invio: ${service}.`,
      householdId: household.id,
      buildingId: null,
      interventionId: null,
      referralId,
      createdAt,
      done: checkBy < w.today && (closed || r.chance(0.7) || w.today - checkBy > 30),
    });
  }

  private followup(f: {
    due: number;
    operator: OperatorInfo;
    text: string;
    householdId: number | null;
    buildingId: number | null;
    interventionId: number | null;
    referralId: number | null;
    createdAt: string;
    done: boolean;
  }): void {
    const r = this.w.random;
    const doneAt = f.done
      ? this.clamp(timestamp(Math.max(f.due + r.int(-3, 3), 0), 9 * 60 + r.int(0, 540), r.int(0, 59)))
      : null;
    const done = doneAt !== null && doneAt < f.createdAt ? f.createdAt : doneAt;
    this.insertFollowup.run(
      isoDate(f.due),
      f.operator.id,
      f.text,
      f.householdId,
      f.buildingId,
      f.interventionId,
      f.referralId,
      done,
      done === null ? null : f.operator.id,
      f.createdAt,
      done ?? f.createdAt,
      f.operator.id,
    );
  }

  /** Open follow-ups around today: a few overdue, some today, the next days, later. */
  private agenda(operator: OperatorInfo, scale: number): void {
    const { w } = this;
    const r = w.random;
    const buildings = operator.buildings.length > 0 ? operator.buildings : w.buildings;
    const plan: [number, number, number][] = [
      [r.int(2, 6), -20, -1],
      [r.int(1, 3), 0, 0],
      [r.int(3, 8), 1, 7],
      [r.int(2, 6), 8, 40],
    ];
    for (const [count, from, to] of plan) {
      for (let i = 0; i < Math.max(1, Math.round(count * scale)); i++) {
        const due = w.today + r.int(from, to);
        const building = r.pick(buildings);
        const residents = building.units.map((u) => u.current).filter((h) => h !== null);
        const household = residents.length > 0 && r.chance(0.85) ? r.pick(residents) : null;
        this.followup({
          due,
          operator,
          text: r.pick(FOLLOWUP_TEXTS),
          householdId: household?.id ?? null,
          buildingId: household ? null : building.id,
          interventionId: null,
          referralId: null,
          createdAt: timestamp(
            Math.min(w.today - 1, due - r.int(1, 14)),
            9 * 60 + r.int(0, 540),
            r.int(0, 59),
          ),
          done: false,
        });
      }
    }
  }
}
