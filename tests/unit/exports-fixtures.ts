import type { Db } from '../../db/connection';
import { buildTemplate, type World, type WorldTemplate } from './casework-fixtures';
import { openWithKey } from './support';

/**
 * The export tests' world: the casework world (buildings A and B in one area, households
 * a1 and a2 in A, b1 in B) plus, written straight into the database, the first quarter of
 * 2025 with values chosen so every figure of every preset can be worked out by hand:
 *
 * - a2 moves from A to B's free unit on 10/02/2025;
 * - interventions i1 (15/01, a1, A, confidential), i2 (20/01, A, building-level),
 *   i3 (12/02, a2, B, with a referral), i4 (03/03, b1, B, with labels that look like formulas),
 *   and two just outside the quarter;
 * - statements of a1's unit for 12/2024 … 03/2025 (the last one a credit), b1's for 01/2025,
 *   one of an empty unit in A for 02/2025; risk scores, a plan, a cause and an ISEE for a1;
 * - an activity on the whole area (10/01, a1 and b1 present) and one on A (05/03, a1 present).
 *
 * Names, tax codes, phones and notes that must never appear in an export are in SECRETS.
 */
export const SECRETS = [
  'Maria',
  'Rossi',
  'Luca',
  'Esposito',
  'Giulia',
  'Colombo',
  'RSSMRA80A41D150X',
  'SPSLCU75B12D150Y',
  '3331234567',
  '333 1234567',
  '0372 998877',
  'Nota del colloquio riservata',
  'Esito segreto del colloquio',
  'Nota sul nucleo: diabete',
  'Festa con la signora Bianchi',
  'Descrizione con nomi',
  'Giovanni Esterno',
  'Nota del piano di rientro',
  'Lettera di licenziamento',
  'Via Milano',
  'olga',
  'paolo',
  'bruno',
] as const;

export interface ExportWorld {
  areaId: number;
  areaName: string;
  buildingCodes: { a: string; b: string };
  householdCodes: { a1: string; a2: string; b1: string };
  interventions: { i1: number; i2: number; i3: number; i4: number };
  activities: { area: number; a: number };
  labels: {
    ascolto: string;
    formulaType: string;
    formulaChannel: string;
    formulaOrigin: string;
    formulaTopic: string;
    tabActivityType: string;
  };
  service: string;
  ops: { olga: number; paolo: number; bruno: number };
}

const AT = '2025-01-01T08:00:00.000Z';

/** The template with the quarter written into it; copy it per test with `session(template)`. */
export async function buildExportWorld(): Promise<{ template: WorldTemplate; world: ExportWorld }> {
  const template = await buildTemplate();
  const db = openWithKey(template.dir, template.key);
  try {
    return { template, world: seed(db, template.world) };
  } finally {
    db.close();
  }
}

function seed(db: Db, w: World): ExportWorld {
  const raw = db.raw;
  const run = (sql: string, ...params: unknown[]) => Number(raw.prepare(sql).run(...params).lastInsertRowid);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the row's shape
  const get = <T>(sql: string, ...params: unknown[]) => raw.prepare(sql).get(...params) as T;
  const h = w.households;

  // Personal data that must not leave.
  run(`UPDATE members SET tax_code = 'RSSMRA80A41D150X', phone = '333 1234567' WHERE household_id = ?`, h.a1);
  run(`UPDATE members SET tax_code = 'SPSLCU75B12D150Y', phone = '3331234567' WHERE household_id = ?`, h.a2);
  run(`UPDATE households SET phone = '0372 998877', notes = 'Nota sul nucleo: diabete' WHERE id = ?`, h.b1);

  const unitOf = (id: number) =>
    get<{ unit_id: number }>('SELECT unit_id FROM households WHERE id = ?', id).unit_id;
  const unitA1 = unitOf(h.a1);
  const unitA2 = unitOf(h.a2);
  const unitB1 = unitOf(h.b1);
  // a2 moves from A to B on 10/02/2025.
  run(
    `INSERT INTO household_moves (household_id, from_unit_id, to_unit_id, moved_on, reason, created_at, created_by)
     VALUES (?, ?, ?, '2025-02-10', 'cambio alloggio', ?, ?)`,
    h.a2,
    unitA2,
    w.freeUnitB,
    AT,
    w.ops.anna,
  );
  run('UPDATE households SET unit_id = ? WHERE id = ?', w.freeUnitB, h.a2);
  // An empty unit in A, for a statement with no household.
  const emptyUnitA = run(
    `INSERT INTO units (building_id, staircase, floor, number, agency_code, rooms, size_sqm, created_at, updated_at, created_by)
     VALUES (?, 'B', 1, '99', NULL, NULL, NULL, ?, ?, ?)`,
    w.buildings.a,
    AT,
    AT,
    w.ops.anna,
  );

  // Vocabulary whose labels start with formula characters.
  const vocab = (kind: string, label: string) =>
    run(
      `INSERT INTO vocabulary (kind, label, position, active, created_at, updated_at, created_by)
       VALUES (?, ?, 99, 1, ?, ?, ?)`,
      kind,
      label,
      AT,
      AT,
      w.ops.anna,
    );
  const labels = {
    ascolto: 'ascolto',
    formulaType: '=1+1',
    formulaChannel: '+39 canale',
    formulaOrigin: '-origine',
    formulaTopic: '@tema',
    tabActivityType: '\tlaboratorio',
  };
  const formulaType = vocab('intervention_type', labels.formulaType);
  const formulaChannel = vocab('channel', labels.formulaChannel);
  const formulaOrigin = vocab('origin', labels.formulaOrigin);
  const formulaTopic = vocab('topic', labels.formulaTopic);

  const v = w.vocab;
  const intervention = (
    at: string,
    householdId: number | null,
    buildingId: number,
    operatorId: number,
    typeId: number,
    channelId: number,
    originId: number,
    minutes: number,
    confidential: number,
    topics: number[],
  ) => {
    const id = run(
      `INSERT INTO interventions (group_id, occurred_at, duration_min, operator_id, household_id, building_id, type_id,
                                  channel_id, origin_id, notes, outcome, confidential, created_at, updated_at, created_by)
       VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, 'Nota del colloquio riservata', 'Esito segreto del colloquio', ?, ?, ?, ?)`,
      at,
      minutes,
      operatorId,
      householdId,
      buildingId,
      typeId,
      channelId,
      originId,
      confidential,
      AT,
      AT,
      operatorId,
    );
    for (const topic of topics)
      run('INSERT INTO intervention_topics (intervention_id, topic_id) VALUES (?, ?)', id, topic);
    return id;
  };
  const ascolto = v['intervention_type/ascolto']!;
  const sportello = v['channel/sportello']!;
  const proattivo = v['origin/proattivo']!;
  const otherType = Object.entries(v).find(
    ([k]) => k.startsWith('intervention_type/') && k !== 'intervention_type/ascolto',
  )!;
  const i1 = intervention(
    '2025-01-15T10:00',
    h.a1,
    w.buildings.a,
    w.ops.olga,
    ascolto,
    sportello,
    proattivo,
    30,
    1,
    [v['topic/salute']!, v['topic/morosità']!],
  );
  const i2 = intervention(
    '2025-01-20T09:00',
    null,
    w.buildings.a,
    w.ops.paolo,
    otherType[1],
    sportello,
    proattivo,
    45,
    0,
    [],
  );
  const i3 = intervention(
    '2025-02-12T11:00',
    h.a2,
    w.buildings.b,
    w.ops.bruno,
    ascolto,
    sportello,
    proattivo,
    20,
    0,
    [v['topic/morosità']!],
  );
  const i4 = intervention(
    '2025-03-03T16:30',
    h.b1,
    w.buildings.b,
    w.ops.bruno,
    formulaType,
    formulaChannel,
    formulaOrigin,
    15,
    0,
    [formulaTopic],
  );
  intervention('2024-12-31T23:59', h.a1, w.buildings.a, w.ops.olga, ascolto, sportello, proattivo, 10, 0, []);
  intervention('2025-04-01T00:00', h.a1, w.buildings.a, w.ops.olga, ascolto, sportello, proattivo, 10, 0, []);
  const serviceKey = Object.keys(v).find((k) => k.startsWith('referral_service/'))!;
  run(
    `INSERT INTO referrals (household_id, intervention_id, service_id, referred_on, reason, status, check_by, operator_id,
                            created_at, updated_at, created_by)
     VALUES (?, ?, ?, '2025-02-12', 'Motivo con nomi: Luca Esposito', 'preso_in_carico', NULL, ?, ?, ?, ?)`,
    h.a2,
    i3,
    v[serviceKey],
    w.ops.bruno,
    AT,
    AT,
    w.ops.bruno,
  );

  // Arrears.
  const importId = run(
    `INSERT INTO arrears_imports (file_name, sha256, profile_id, imported_at, imported_by, rows_read, rows_written,
                                  rows_unchanged, rows_skipped, rows_error, period_min, period_max)
     VALUES ('estratto.csv', ?, NULL, ?, ?, 6, 6, 0, 0, 0, '2024-12', '2025-03')`,
    '0'.repeat(64),
    AT,
    w.ops.carla,
  );
  const statement = (
    unitId: number,
    householdId: number | null,
    period: string,
    balance: number,
    monthsUnpaid: number | null,
    stage: string | null,
  ) =>
    run(
      `INSERT INTO arrears_statements (unit_id, household_id, period, rent_cents, charges_cents, due_cents, paid_cents,
                                       balance_cents, months_unpaid, legal_stage, last_payment_date, import_id)
       VALUES (?, ?, ?, 10000, 2500, 12500, 0, ?, ?, ?, NULL, ?)`,
      unitId,
      householdId,
      period,
      balance,
      monthsUnpaid,
      stage,
      importId,
    );
  statement(unitA1, h.a1, '2024-12', 10000, 1, null);
  statement(unitA1, h.a1, '2025-01', 25000, 2, 'sollecito');
  statement(unitA1, h.a1, '2025-02', 40000, 3, null);
  statement(unitA1, h.a1, '2025-03', -1250, 0, null);
  statement(unitB1, h.b1, '2025-01', 5000, null, null);
  statement(emptyUnitA, null, '2025-02', 7000, 1, null);
  const score = (householdId: number, month: string, band: string, rank: number) =>
    run(
      `INSERT INTO risk_scores (household_id, month, score, band, band_rank, contributions, computed_at)
       VALUES (?, ?, ?, ?, ?, '[]', ?)`,
      householdId,
      month,
      rank * 20 + 5,
      band,
      rank,
      AT,
    );
  score(h.a1, '2025-01', 'alto', 2);
  score(h.a1, '2025-02', 'critico', 3);
  score(h.a2, '2025-02', 'medio', 1);
  score(h.b1, '2025-03', 'basso', 0);
  run(
    `INSERT INTO repayment_plans (household_id, total_cents, installment_count, first_due_on, every_months, notes, status,
                                  closed_on, close_reason, created_at, updated_at, created_by, updated_by)
     VALUES (?, 40000, 8, '2025-02-15', 1, 'Nota del piano di rientro', 'in_regola', NULL, NULL,
             '2025-02-01T10:00:00.000Z', '2025-02-01T10:00:00.000Z', ?, ?)`,
    h.a1,
    w.ops.carla,
    w.ops.carla,
  );
  run(
    `INSERT INTO incolpevole_causes (household_id, cause, event_date, notes, created_at, created_by)
     VALUES (?, 'licenziamento', '2024-11-20', 'Lettera di licenziamento', ?, ?)`,
    h.a1,
    AT,
    w.ops.carla,
  );
  run(
    `INSERT INTO household_isee (household_id, value_cents, isee_date, updated_at, updated_by) VALUES (?, 1000000, '2025-01-10', ?, ?)`,
    h.a1,
    AT,
    w.ops.carla,
  );

  // Activities.
  const area = get<{ id: number; name: string }>(
    'SELECT a.id, a.name FROM areas a JOIN buildings b ON b.area_id = a.id WHERE b.id = ?',
    w.buildings.a,
  );
  const activityType = run(
    `INSERT INTO activity_types (label, position, active, created_at, updated_at, created_by) VALUES (?, 99, 1, ?, ?, ?)`,
    labels.tabActivityType,
    AT,
    AT,
    w.ops.anna,
  );
  const activity = (heldOn: string, areaId: number | null, promoter: string, guests: number) =>
    run(
      `INSERT INTO activities (series_id, type_id, title, held_on, starts_at, ends_at, place, promoter, group_id, area_id,
                               description, outcome, guests, created_at, updated_at, created_by)
       VALUES (NULL, ?, 'Festa con la signora Bianchi', ?, '17:00', '19:00', 'Cortile', ?, NULL, ?,
               'Descrizione con nomi', 'Esito', ?, ?, ?, ?)`,
      activityType,
      heldOn,
      promoter,
      areaId,
      guests,
      AT,
      AT,
      w.ops.carla,
    );
  const actArea = activity('2025-01-10', area.id, 'tutor', 2);
  run(`INSERT INTO activity_outsiders (activity_id, seq, name) VALUES (?, 1, 'Giovanni Esterno')`, actArea);
  const actA = activity('2025-03-05', null, 'associazione', 0);
  run('INSERT INTO activity_buildings (activity_id, building_id) VALUES (?, ?)', actA, w.buildings.a);
  const tick = (activityId: number, householdId: number) =>
    run(
      'INSERT INTO activity_attendance (activity_id, household_id, created_at, created_by) VALUES (?, ?, ?, ?)',
      activityId,
      householdId,
      AT,
      w.ops.carla,
    );
  tick(actArea, h.a1);
  tick(actArea, h.b1);
  tick(actA, h.a1);

  const code = (id: number) => get<{ code: string }>('SELECT code FROM households WHERE id = ?', id).code;
  return {
    areaId: area.id,
    areaName: area.name,
    buildingCodes: {
      a: `C-${String(w.buildings.a).padStart(4, '0')}`,
      b: `C-${String(w.buildings.b).padStart(4, '0')}`,
    },
    householdCodes: { a1: code(h.a1), a2: code(h.a2), b1: code(h.b1) },
    interventions: { i1, i2, i3, i4 },
    activities: { area: actArea, a: actA },
    labels,
    service: serviceKey.slice('referral_service/'.length),
    ops: { olga: w.ops.olga, paolo: w.ops.paolo, bruno: w.ops.bruno },
  };
}
