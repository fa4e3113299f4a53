/**
 * The rows of the exports to the Comune (issue 8). Each preset yields raw cells in the
 * order of its columns (shared/exports/columns.ts); the handler formats and writes them in
 * chunks. Rows are read with `.iterate()` so a five-year file never sits in memory; only
 * small lookup tables (vocabulary, buildings, plans) and the monthly aggregates are held.
 *
 * Nothing here reads a name, a tax code, a phone, a note, an outcome, a title or a
 * description: the only identifiers are the pseudonymous codes.
 */
import type { Db } from '../connection';
import { AppError } from '../errors';
import { allRows, firstRow, prepared } from './registry-common';
import { getArrearsSettings } from './risk';
import { residentsOn } from './activities';
import { assessIncolpevole, type IncolpevoleCause } from '../../shared/arrears/incolpevole';
import {
  presetColumns,
  EXPORT_LAYOUT_VERSION,
  type ExportColumn,
  type ExportPreset,
} from '../../shared/exports/columns';
import type { RawCell } from '../../shared/exports/format';
import { lastDayOfMonth, monthsOf } from '../../shared/exports/period';

export const BUILDING_CODE_SQL = (b: string) => `COALESCE(${b}.agency_code, 'C-' || printf('%04d', ${b}.id))`;
export const operatorCode = (id: number) => `OP-${String(id).padStart(3, '0')}`;

export interface ExportScope {
  from: string;
  to: string;
  /** null: every building. */
  buildingIds: number[] | null;
}

export interface ExportSource {
  columns: ExportColumn[];
  rows: Iterable<RawCell[]>;
  /**
   * Per column, what turns the value a row holds (an id) into the cell's value (a code or
   * label); undefined where the row already holds the cell's value. A decoder must answer
   * the same for the same value: the writer calls it once per distinct value.
   */
  decoders?: readonly (((value: RawCell) => RawCell) | undefined)[];
}

interface BuildingInfo {
  id: number;
  code: string;
  area: string;
  areaId: number;
}

function buildingInfo(db: Db): Map<number, BuildingInfo> {
  const rows = allRows<BuildingInfo>(
    db.raw,
    `SELECT b.id, ${BUILDING_CODE_SQL('b')} AS code, a.name AS area, a.id AS areaId
       FROM buildings b JOIN areas a ON a.id = b.area_id`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The buildings an export covers: those chosen plus those of the areas chosen; null when
 * neither was chosen (every building). Unknown ids are a validation error.
 */
export function resolveBuildings(
  db: Db,
  areaIds: readonly number[],
  buildingIds: readonly number[],
): number[] | null {
  if (areaIds.length === 0 && buildingIds.length === 0) return null;
  const areas = allRows<{ id: number }>(
    db.raw,
    'SELECT a.id FROM json_each(?) j JOIN areas a ON a.id = j.value',
    [JSON.stringify(areaIds)],
  );
  if (areas.length !== new Set(areaIds).size)
    throw new AppError('validation', 'Una delle zone scelte non esiste più: ricaricare la pagina.');
  const buildings = allRows<{ id: number }>(
    db.raw,
    'SELECT b.id FROM json_each(?) j JOIN buildings b ON b.id = j.value',
    [JSON.stringify(buildingIds)],
  );
  if (buildings.length !== new Set(buildingIds).size) {
    throw new AppError('validation', 'Uno dei caseggiati scelti non esiste più: ricaricare la pagina.');
  }
  const inAreas = allRows<{ id: number }>(
    db.raw,
    'SELECT b.id FROM buildings b WHERE b.area_id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(areaIds)],
  );
  return [...new Set([...buildings.map((b) => b.id), ...inAreas.map((b) => b.id)])].sort((a, b) => a - b);
}

/** All buildings in the scope, by area then code. */
function scopeBuildings(db: Db, scope: ExportScope): BuildingInfo[] {
  const all = [...buildingInfo(db).values()];
  const wanted = scope.buildingIds;
  const chosen = wanted === null ? all : all.filter((b) => wanted.includes(b.id));
  return chosen.sort(
    (a, b) => a.area.localeCompare(b.area, 'it') || a.code.localeCompare(b.code, 'it') || a.id - b.id,
  );
}

const buildingsJson = (scope: ExportScope) =>
  scope.buildingIds === null ? null : JSON.stringify(scope.buildingIds);
const IN_SCOPE = (column: string) =>
  `(@buildings IS NULL OR ${column} IN (SELECT value FROM json_each(@buildings)))`;

function vocabLabels(db: Db): Map<number, { label: string; position: number }> {
  const rows = allRows<{ id: number; label: string; position: number }>(
    db.raw,
    'SELECT id, label, position FROM vocabulary',
  );
  return new Map(rows.map((r) => [r.id, r]));
}

function interventionTypes(db: Db): { id: number; label: string }[] {
  return allRows(
    db.raw,
    `SELECT id, label FROM vocabulary WHERE kind = 'intervention_type' ORDER BY position, id`,
  );
}

// ---------- 1. Interventi ----------

const INTERVENTIONS_WHERE = `i.occurred_at >= @from AND i.occurred_at <= @to || 'T~' AND ${IN_SCOPE('i.building_id')}`;

export function countInterventions(db: Db, scope: ExportScope): number {
  return (
    firstRow<{ n: number }>(
      db.raw,
      `SELECT count(*) AS n FROM interventions i WHERE ${INTERVENTIONS_WHERE}`,
      [{ from: scope.from, to: scope.to, buildings: buildingsJson(scope) }],
    )?.n ?? 0
  );
}

export function countConfidentialInterventions(db: Db, scope: ExportScope): number {
  return (
    firstRow<{ n: number }>(
      db.raw,
      `SELECT count(*) AS n FROM interventions i WHERE ${INTERVENTIONS_WHERE} AND i.confidential = 1`,
      [{ from: scope.from, to: scope.to, buildings: buildingsJson(scope) }],
    )?.n ?? 0
  );
}

/**
 * Interventi: the rows come straight from SQLite with ids where a code or label goes, and
 * the source's decoders turn an id into its text. The file writer caches what it wrote per
 * value, so a label, a building code or a list of topics is looked up and encoded once per
 * distinct id rather than once per row (200,000 rows over five years).
 */
function interventionSource(db: Db, scope: ExportScope): ExportSource {
  const vocab = vocabLabels(db);
  const label = (id: RawCell) => vocab.get(id as number)?.label ?? '';
  const byPosition = (a: number, b: number) =>
    (vocab.get(a)?.position ?? 0) - (vocab.get(b)?.position ?? 0) || a - b;
  // Small tables are read once: joining them on 200,000 rows costs more than a Map lookup.
  const buildings = buildingInfo(db);
  const households = new Map(
    (prepared(db.raw, 'SELECT id, code FROM households').raw(true).all() as [number, string][]).map(
      ([id, code]) => [id, code],
    ),
  );
  const referrals = new Map<number, { services: string; statuses: string }>();
  for (const r of allRows<{ intervention_id: number; service_id: number; status: string }>(
    db.raw,
    `SELECT r.intervention_id, r.service_id, r.status FROM referrals r
      WHERE r.intervention_id IS NOT NULL ORDER BY r.intervention_id, r.referred_on, r.id`,
  )) {
    const previous = referrals.get(r.intervention_id);
    referrals.set(r.intervention_id, {
      services: previous ? `${previous.services}|${label(r.service_id)}` : label(r.service_id),
      statuses: previous ? `${previous.statuses}|${r.status}` : r.status,
    });
  }
  // A list of topic ids ("3,7") becomes its labels in the vocabulary's order.
  const topics = (ids: RawCell) =>
    ids === null ? '' : String(ids).split(',').map(Number).sort(byPosition).map(label).join('|');
  // One SQL column per CSV column, in the order of INTERVENTION_COLUMNS.
  const statement = prepared(
    db.raw,
    `SELECT @version, i.id, i.household_id, i.building_id, i.building_id, substr(i.occurred_at, 1, 10),
            i.type_id, i.channel_id, i.origin_id,
            (SELECT group_concat(t.topic_id) FROM intervention_topics t WHERE t.intervention_id = i.id),
            i.id, i.id, i.duration_min, i.operator_id
       FROM interventions i
      WHERE ${INTERVENTIONS_WHERE}
      ORDER BY i.occurred_at, i.id`,
  ).raw(true);
  return {
    columns: presetColumns('interventi'),
    // A generator, so that the cursor opens only when writing starts and closes with return().
    rows: (function* () {
      yield* statement.iterate({
        from: scope.from,
        to: scope.to,
        buildings: buildingsJson(scope),
        version: EXPORT_LAYOUT_VERSION,
      }) as Iterable<RawCell[]>;
    })(),
    decoders: [
      undefined,
      (id) => `I-${String(id).padStart(7, '0')}`,
      (id) => (id === null ? null : (households.get(id as number) ?? null)),
      (id) => buildings.get(id as number)?.code ?? '',
      (id) => buildings.get(id as number)?.area ?? '',
      undefined,
      label,
      label,
      label,
      topics,
      (id) => referrals.get(id as number)?.services ?? null,
      (id) => referrals.get(id as number)?.statuses ?? null,
      undefined,
      (id) => operatorCode(id as number),
    ],
  };
}

// ---------- where each household lived, month by month ----------

interface Stay {
  unitId: number;
  start: string;
  /** Exclusive: the stay covers day d when start <= d < end (strings compare as dates). */
  end: string;
}

/**
 * Each household's stays, by the rule of the attendance sheet (db/queries/activities.ts,
 * residentsOn): a stay runs from the move there up to the next move; the last stay of a
 * household no longer attivo ends when another household moves into the unit, or on the
 * day its record was last changed.
 */
function householdStays(db: Db): Map<number, Stay[]> {
  const moves = allRows<{ household_id: number; to_unit_id: number; moved_on: string }>(
    db.raw,
    'SELECT household_id, to_unit_id, moved_on FROM household_moves ORDER BY household_id, moved_on, id',
  );
  const closed = new Map(
    allRows<{ id: number; day: string }>(
      db.raw,
      `SELECT id, substr(updated_at, 1, 10) AS day FROM households WHERE status <> 'attivo'`,
    ).map((r) => [r.id, r.day]),
  );
  const arrivals = new Map<number, string[]>();
  for (const m of moves) {
    const list = arrivals.get(m.to_unit_id) ?? [];
    list.push(m.moved_on);
    arrivals.set(m.to_unit_id, list);
  }
  for (const list of arrivals.values()) list.sort();
  const stays = new Map<number, Stay[]>();
  for (const [i, m] of moves.entries()) {
    const next = moves[i + 1];
    let end: string;
    if (next && next.household_id === m.household_id) end = next.moved_on;
    else {
      const closedDay = closed.get(m.household_id);
      if (closedDay === undefined) end = '9999-12-31';
      else {
        // "on or before the day it was closed": any date string up to that day sorts below day + '~'.
        end = `${closedDay}~`;
        const other = arrivals.get(m.to_unit_id)?.find((d) => d > m.moved_on);
        if (other !== undefined && other < end) end = other;
      }
    }
    const list = stays.get(m.household_id) ?? [];
    list.push({ unitId: m.to_unit_id, start: m.moved_on, end });
    stays.set(m.household_id, list);
  }
  return stays;
}

/**
 * For each household, the building it counts in for each month of the period (0: none):
 * where it lived at the end of the month, or the last day it lived somewhere in it.
 */
function monthlyBuildings(db: Db, months: readonly string[], scope: ExportScope): Map<number, Int32Array> {
  const unitBuilding = new Map(
    allRows<{ id: number; building_id: number }>(db.raw, 'SELECT id, building_id FROM units').map((u) => [
      u.id,
      u.building_id,
    ]),
  );
  const windows = months.map((m) => {
    const first = `${m}-01`;
    const last = lastDayOfMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7)));
    return { from: first < scope.from ? scope.from : first, to: last > scope.to ? scope.to : last };
  });
  const result = new Map<number, Int32Array>();
  for (const [householdId, stays] of householdStays(db)) {
    const buildings = new Int32Array(months.length);
    const latestFirst = [...stays].reverse();
    let any = false;
    for (const [index, w] of windows.entries()) {
      // The latest stay that overlaps the month: where the household lived last in it.
      for (const stay of latestFirst) {
        if (stay.start <= w.to && stay.end > w.from) {
          buildings[index] = unitBuilding.get(stay.unitId) ?? 0;
          any = true;
          break;
        }
      }
    }
    if (any) result.set(householdId, buildings);
  }
  return result;
}

// ---------- 2. Riepilogo mensile per caseggiato ----------

export function countSummary(db: Db, scope: ExportScope): number {
  return scopeBuildings(db, scope).length * monthsOf(scope.from, scope.to).length;
}

const RISK_INDEX = { basso: 0, medio: 1, alto: 2, critico: 3 } as const;

function summarySource(db: Db, scope: ExportScope): ExportSource {
  const types = interventionTypes(db);
  const columns = presetColumns(
    'riepilogo_mensile',
    types.map((t) => t.label),
  );
  const months = monthsOf(scope.from, scope.to);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const buildings = scopeBuildings(db, scope);
  const typeIndex = new Map(types.map((t, i) => [t.id, i]));
  const params = { from: scope.from, to: scope.to, buildings: buildingsJson(scope) };

  interface Cell {
    active: number;
    reached: number;
    total: number;
    byType: number[];
    referrals: number;
    activities: number;
    presences: number;
    risk: [number, number, number, number];
    arrears: number;
  }
  const cells = new Map<string, Cell>();
  const cell = (buildingId: number, month: number): Cell => {
    const key = `${buildingId}:${month}`;
    let c = cells.get(key);
    if (!c) {
      c = {
        active: 0,
        reached: 0,
        total: 0,
        byType: types.map(() => 0),
        referrals: 0,
        activities: 0,
        presences: 0,
        risk: [0, 0, 0, 0],
        arrears: 0,
      };
      cells.set(key, c);
    }
    return c;
  };

  const lived = monthlyBuildings(db, months, scope);
  for (const byMonth of lived.values()) {
    byMonth.forEach((b, i) => {
      if (b !== 0) cell(b, i).active += 1;
    });
  }
  const livedIn = (householdId: number, month: string): number => {
    const i = monthIndex.get(month);
    return i === undefined ? 0 : (lived.get(householdId)?.[i] ?? 0);
  };

  for (const r of allRows<{ building_id: number; m: string; type_id: number; n: number }>(
    db.raw,
    `SELECT i.building_id, substr(i.occurred_at, 1, 7) AS m, i.type_id, count(*) AS n
       FROM interventions i WHERE ${INTERVENTIONS_WHERE} GROUP BY 1, 2, 3`,
    [params],
  )) {
    const month = monthIndex.get(r.m);
    if (month === undefined) continue;
    const c = cell(r.building_id, month);
    c.total += r.n;
    const t = typeIndex.get(r.type_id);
    if (t !== undefined) c.byType[t] = (c.byType[t] ?? 0) + r.n;
  }
  for (const r of allRows<{ building_id: number; m: string; n: number }>(
    db.raw,
    `SELECT i.building_id, substr(i.occurred_at, 1, 7) AS m, count(DISTINCT i.household_id) AS n
       FROM interventions i WHERE ${INTERVENTIONS_WHERE} AND i.household_id IS NOT NULL GROUP BY 1, 2`,
    [params],
  )) {
    const month = monthIndex.get(r.m);
    if (month !== undefined) cell(r.building_id, month).reached += r.n;
  }
  for (const r of allRows<{ household_id: number; m: string }>(
    db.raw,
    `SELECT household_id, substr(referred_on, 1, 7) AS m FROM referrals WHERE referred_on BETWEEN @from AND @to`,
    [params],
  )) {
    const b = livedIn(r.household_id, r.m);
    if (b !== 0) cell(b, monthIndex.get(r.m) ?? 0).referrals += 1;
  }
  for (const r of allRows<{ building_id: number; m: string; n: number }>(
    db.raw,
    `SELECT x.building_id, substr(a.held_on, 1, 7) AS m, count(*) AS n
       FROM activities a
       JOIN (SELECT ab.activity_id, ab.building_id FROM activity_buildings ab
             UNION ALL
             SELECT a2.id, b.id FROM activities a2 JOIN buildings b ON b.area_id = a2.area_id
              WHERE a2.area_id IS NOT NULL) x ON x.activity_id = a.id
      WHERE a.held_on BETWEEN @from AND @to
      GROUP BY 1, 2`,
    [params],
  )) {
    const month = monthIndex.get(r.m);
    if (month !== undefined) cell(r.building_id, month).activities += r.n;
  }
  for (const r of allRows<{ household_id: number; m: string }>(
    db.raw,
    `SELECT aa.household_id, substr(a.held_on, 1, 7) AS m
       FROM activity_attendance aa JOIN activities a ON a.id = aa.activity_id
      WHERE a.held_on BETWEEN @from AND @to`,
    [params],
  )) {
    const b = livedIn(r.household_id, r.m);
    if (b !== 0) cell(b, monthIndex.get(r.m) ?? 0).presences += 1;
  }
  for (const r of allRows<{ household_id: number; month: string; band: keyof typeof RISK_INDEX }>(
    db.raw,
    `SELECT household_id, month, band FROM risk_scores WHERE month BETWEEN @m0 AND @m1`,
    [{ m0: months[0], m1: months[months.length - 1] }],
  )) {
    const b = livedIn(r.household_id, r.month);
    if (b !== 0) cell(b, monthIndex.get(r.month) ?? 0).risk[RISK_INDEX[r.band]] += 1;
  }
  for (const r of allRows<{ building_id: number; period: string; owed: number }>(
    db.raw,
    `SELECT u.building_id, s.period, sum(max(s.balance_cents, 0)) AS owed
       FROM arrears_statements s JOIN units u ON u.id = s.unit_id
      WHERE s.period BETWEEN @m0 AND @m1 GROUP BY 1, 2`,
    [{ m0: months[0], m1: months[months.length - 1] }],
  )) {
    const month = monthIndex.get(r.period);
    if (month !== undefined) cell(r.building_id, month).arrears += r.owed;
  }

  function* rows(): Generator<RawCell[]> {
    for (const b of buildings) {
      for (const [i, m] of months.entries()) {
        const c = cells.get(`${b.id}:${i}`);
        yield [
          EXPORT_LAYOUT_VERSION,
          b.code,
          b.area,
          Number(m.slice(0, 4)),
          Number(m.slice(5, 7)),
          c?.active ?? 0,
          c?.reached ?? 0,
          c?.total ?? 0,
          ...(c?.byType ?? types.map(() => 0)),
          c?.referrals ?? 0,
          c?.activities ?? 0,
          c?.presences ?? 0,
          ...(c?.risk ?? [0, 0, 0, 0]),
          c?.arrears ?? 0,
        ];
      }
    }
  }
  return { columns, rows: rows() };
}

// ---------- 3. Morosità ----------

export function countArrears(db: Db, scope: ExportScope): { rows: number; withoutHousehold: number } {
  const months = monthsOf(scope.from, scope.to);
  const params = { m0: months[0], m1: months[months.length - 1], buildings: buildingsJson(scope) };
  const row = firstRow<{ n: number; orphans: number }>(
    db.raw,
    `SELECT count(s.household_id) AS n, count(*) - count(s.household_id) AS orphans
       FROM arrears_statements s JOIN units u ON u.id = s.unit_id
      WHERE s.period BETWEEN @m0 AND @m1 AND ${IN_SCOPE('u.building_id')}`,
    [params],
  );
  return { rows: row?.n ?? 0, withoutHousehold: row?.orphans ?? 0 };
}

interface PlanInfo {
  household_id: number;
  created_month: string;
  closed_month: string | null;
  status: string;
  close_reason: string | null;
}

function* arrearsRows(db: Db, scope: ExportScope, today: string): Generator<RawCell[]> {
  const months = monthsOf(scope.from, scope.to);
  const m0 = months[0] ?? scope.from.slice(0, 7);
  const m1 = months.at(-1) ?? scope.to.slice(0, 7);
  const threshold = getArrearsSettings(db).settings.iseeThresholdCents;
  const plans = new Map<number, PlanInfo[]>();
  for (const p of allRows<PlanInfo>(
    db.raw,
    `SELECT household_id, substr(min(created_at, first_due_on), 1, 7) AS created_month,
            substr(closed_on, 1, 7) AS closed_month, status, close_reason
       FROM repayment_plans ORDER BY household_id, id`,
  )) {
    const list = plans.get(p.household_id) ?? [];
    list.push(p);
    plans.set(p.household_id, list);
  }
  const causes = new Map<number, { cause: IncolpevoleCause; eventDate: string | null }[]>();
  for (const c of allRows<{ household_id: number; cause: IncolpevoleCause; event_date: string | null }>(
    db.raw,
    'SELECT household_id, cause, event_date FROM incolpevole_causes',
  )) {
    const list = causes.get(c.household_id) ?? [];
    list.push({ cause: c.cause, eventDate: c.event_date });
    causes.set(c.household_id, list);
  }
  const isee = new Map(
    allRows<{ household_id: number; value_cents: number; isee_date: string }>(
      db.raw,
      'SELECT household_id, value_cents, isee_date FROM household_isee',
    ).map((r) => [r.household_id, { valueCents: r.value_cents, date: r.isee_date }]),
  );
  // A stage set by hand speaks for the month it was set in (docs/decisions.md, legal stage).
  const manualStage = new Map(
    allRows<{ household_id: number; legal_stage: string; period: string }>(
      db.raw,
      `SELECT household_id, legal_stage, COALESCE(legal_stage_period, substr(legal_stage_set_at, 1, 7)) AS period
         FROM household_arrears WHERE legal_stage_set_by IS NOT NULL`,
    ).map((r) => [r.household_id, r]),
  );

  // Earlier months are read too (not written): the arrears' start and the legal stage carry over.
  const statement = prepared(
    db.raw,
    `SELECT s.household_id, h.code, ${BUILDING_CODE_SQL('b')}, a.name, s.period, s.balance_cents,
            s.months_unpaid, s.legal_stage, rs.band,
            (${IN_SCOPE('u.building_id')}) AS in_scope
       FROM arrears_statements s
       JOIN units u ON u.id = s.unit_id
       JOIN buildings b ON b.id = u.building_id
       JOIN areas a ON a.id = b.area_id
       JOIN households h ON h.id = s.household_id
       LEFT JOIN risk_scores rs ON rs.household_id = s.household_id AND rs.month = s.period
      WHERE s.household_id IS NOT NULL AND s.period <= @m1
      ORDER BY s.household_id, s.period, s.unit_id`,
  ).raw(true);
  type Row = [
    number,
    string,
    string,
    string,
    string,
    number,
    number | null,
    string | null,
    string | null,
    number,
  ];
  let current = -1;
  let runStart: string | null = null;
  let stage: { value: string; period: string } | null = null;
  for (const r of statement.iterate({ m1, buildings: buildingsJson(scope) }) as Iterable<Row>) {
    const [
      householdId,
      code,
      buildingCode,
      area,
      period,
      balance,
      monthsUnpaid,
      statementStage,
      band,
      inScope,
    ] = r;
    if (householdId !== current) {
      current = householdId;
      runStart = null;
      stage = null;
    }
    if (balance > 0) runStart ??= `${period}-01`;
    else runStart = null;
    if (statementStage !== null) stage = { value: statementStage, period };
    if (period < m0 || inScope !== 1) continue;

    const manual = manualStage.get(householdId);
    let legalStage = stage?.value ?? 'nessuna';
    if (manual && manual.period <= period && (stage === null || manual.period >= stage.period)) {
      legalStage = manual.legal_stage;
    }
    let planState = 'nessuno';
    const plan = (plans.get(householdId) ?? [])
      .filter((p) => p.created_month <= period && (p.closed_month === null || p.closed_month >= period))
      .at(-1);
    if (plan) planState = plan.closed_month === period ? (plan.close_reason ?? plan.status) : plan.status;
    const monthEnd = lastDayOfMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
    const eligible = assessIncolpevole({
      causes: causes.get(householdId) ?? [],
      arrearsStartDate: runStart,
      isee: isee.get(householdId) ?? null,
      thresholdCents: threshold,
      asOf: monthEnd < today ? monthEnd : today,
    }).eligible;
    yield [
      EXPORT_LAYOUT_VERSION,
      code,
      buildingCode,
      area,
      Number(period.slice(0, 4)),
      Number(period.slice(5, 7)),
      balance,
      monthsUnpaid,
      band,
      planState,
      legalStage,
      eligible,
    ];
  }
}

// ---------- 4. Attività comunitarie ----------

interface ActivityRow {
  id: number;
  held_on: string;
  type: string;
  promoter: string;
  area_id: number | null;
  guests: number;
  outsiders: number;
}

function activityBuildingIds(db: Db, row: Pick<ActivityRow, 'id' | 'area_id'>): number[] {
  if (row.area_id !== null) {
    return allRows<{ id: number }>(db.raw, 'SELECT id FROM buildings WHERE area_id = ? ORDER BY id', [
      row.area_id,
    ]).map((b) => b.id);
  }
  return allRows<{ id: number }>(
    db.raw,
    'SELECT building_id AS id FROM activity_buildings WHERE activity_id = ? ORDER BY building_id',
    [row.id],
  ).map((b) => b.id);
}

function activitiesInScope(
  db: Db,
  scope: ExportScope,
): Generator<{ row: ActivityRow; buildingIds: number[] }> {
  const statement = prepared(
    db.raw,
    `SELECT a.id, a.held_on, t.label AS type, a.promoter, a.area_id, a.guests,
            (SELECT count(*) FROM activity_outsiders o WHERE o.activity_id = a.id) AS outsiders
       FROM activities a JOIN activity_types t ON t.id = a.type_id
      WHERE a.held_on BETWEEN @from AND @to
      ORDER BY a.held_on, a.id`,
  );
  const wanted = scope.buildingIds === null ? null : new Set(scope.buildingIds);
  // The rows are collected first: the per-activity lookups below use the same connection.
  const rows = statement.all({ from: scope.from, to: scope.to }) as ActivityRow[];
  return (function* () {
    for (const row of rows) {
      const buildingIds = activityBuildingIds(db, row);
      if (wanted !== null && !buildingIds.some((id) => wanted.has(id))) continue;
      yield { row, buildingIds };
    }
  })();
}

export function countActivities(db: Db, scope: ExportScope): number {
  let n = 0;
  for (const _ of activitiesInScope(db, scope)) n += 1;
  return n;
}

function* activityRows(db: Db, scope: ExportScope): Generator<RawCell[]> {
  const buildings = buildingInfo(db);
  const attended = prepared(
    db.raw,
    'SELECT household_id FROM activity_attendance WHERE activity_id = ?',
  ).pluck(true);
  for (const { row, buildingIds } of activitiesInScope(db, scope)) {
    const residents = new Set(residentsOn(db, buildingIds, row.held_on).map((r) => r.household_id));
    const present = (attended.all(row.id) as number[]).filter((id) => residents.has(id)).length;
    const infos = buildingIds.map((id) => buildings.get(id)).filter((b) => b !== undefined);
    const codes = infos.map((b) => b.code).sort((a, b) => a.localeCompare(b, 'it'));
    const areas = [...new Set(infos.map((b) => b.area))].sort((a, b) => a.localeCompare(b, 'it'));
    yield [
      EXPORT_LAYOUT_VERSION,
      `A-${String(row.id).padStart(6, '0')}`,
      codes.join('|'),
      areas.join('|'),
      row.held_on,
      row.type,
      row.promoter,
      present,
      residents.size,
      row.guests + row.outsiders,
      residents.size === 0 ? null : present / residents.size,
    ];
  }
}

// ---------- the presets ----------

export function exportSource(db: Db, preset: ExportPreset, scope: ExportScope, today: string): ExportSource {
  switch (preset) {
    case 'interventi':
      return interventionSource(db, scope);
    case 'riepilogo_mensile':
      return summarySource(db, scope);
    case 'morosita':
      return { columns: presetColumns('morosita'), rows: arrearsRows(db, scope, today) };
    case 'attivita':
      return { columns: presetColumns('attivita'), rows: activityRows(db, scope) };
  }
}

/** The header names of a preset as they would be written (for the preview). */
export function presetHeaders(db: Db, preset: ExportPreset): ExportColumn[] {
  return preset === 'riepilogo_mensile'
    ? presetColumns(
        preset,
        interventionTypes(db).map((t) => t.label),
      )
    : presetColumns(preset);
}
