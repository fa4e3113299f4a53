import type { Db } from '../connection';
import { RISK_BANDS, type RiskBand } from '../../shared/risk/score';
import type { RiskContribution } from '../../shared/risk/score';
import { addToPeriod } from './arrears-facts';
import { allRows, firstRow } from './registry-common';

/**
 * The dashboard's aggregates, computed from the base tables on every read (no summary table to
 * keep in step with every write path). Everything is per calendar month `YYYY-MM`.
 *
 * Where a household counts in a month: in the building of the unit it lived in on the month's
 * last day, from `household_moves` (the latest move on or before that day). A household that is
 * no longer `attivo` counts up to the month before its record was last changed (when it was
 * closed or moved away; the registry keeps no leaving date, as for activities).
 * Arrears are read per unit (a statement is about a unit), so moves do not matter there.
 */

/** The buildings in scope: all of them (no condition) or a list of ids. */
export interface BuildingScope {
  all: boolean;
  ids: readonly number[];
}

/** SQL condition on a building id column, with its parameters. */
function inScope(scope: BuildingScope, column: string): { sql: string; params: unknown[] } {
  if (scope.all) return { sql: '1', params: [] };
  return { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(scope.ids)] };
}

/** The building a household (`hid` expression) lived in on the last day of the month (`monthExpr`). */
const buildingAtMonthEnd = (hid: string, monthExpr: string) =>
  `(SELECT u2.building_id FROM household_moves mv JOIN units u2 ON u2.id = mv.to_unit_id
     WHERE mv.household_id = ${hid} AND mv.moved_on <= ${monthExpr} || '-31'
     ORDER BY mv.moved_on DESC, mv.id DESC LIMIT 1)`;

/** The building a household lived in on a day (`dayExpr`, `YYYY-MM-DD`). */
const buildingOnDay = (hid: string, dayExpr: string) =>
  `(SELECT u2.building_id FROM household_moves mv JOIN units u2 ON u2.id = mv.to_unit_id
     WHERE mv.household_id = ${hid} AND mv.moved_on <= ${dayExpr}
     ORDER BY mv.moved_on DESC, mv.id DESC LIMIT 1)`;

/** Still followed in that month: active, or closed/transferred in a later month. */
const followedInMonth = (monthExpr: string) =>
  `(h.status = 'attivo' OR ${monthExpr} < substr(h.updated_at, 1, 7))`;

export const firstDay = (month: string) => `${month}-01`;
/** An upper bound (exclusive) for dates and timestamps of the month. */
export const afterMonth = (month: string) => `${addToPeriod(month, 1)}-01`;

/** The seeded "incontro di caseggiato / assemblea" type (migration 0005): renamed, it keeps its meaning. */
const MEETING_TYPE = `(SELECT min(id) FROM activity_types)`;

// ---------- scope ----------

export function scopeBuildingIds(
  db: Db,
  f: { areaId: number | null; buildingId: number | null; operatorId: number | null; viewerId: number | null },
): number[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.viewerId !== null) {
    where.push('b.id IN (SELECT building_id FROM building_operators WHERE operator_id = ?)');
    params.push(f.viewerId);
  }
  if (f.operatorId !== null) {
    where.push('b.id IN (SELECT building_id FROM building_operators WHERE operator_id = ?)');
    params.push(f.operatorId);
  }
  if (f.areaId !== null) {
    where.push('b.area_id = ?');
    params.push(f.areaId);
  }
  if (f.buildingId !== null) {
    where.push('b.id = ?');
    params.push(f.buildingId);
  }
  return allRows<{ id: number }>(
    db.raw,
    `SELECT b.id FROM buildings b WHERE ${where.length ? where.join(' AND ') : '1'} ORDER BY b.id`,
    params,
  ).map((r) => r.id);
}

// ---------- overview ----------

export function householdsFollowed(db: Db, scope: BuildingScope): number {
  const s = inScope(scope, 'u.building_id');
  return (
    firstRow<{ n: number }>(
      db.raw,
      `SELECT count(*) AS n FROM households h JOIN units u ON u.id = h.unit_id
        WHERE h.status = 'attivo' AND ${s.sql}`,
      s.params,
    )?.n ?? 0
  );
}

/** Interventions (one per household, as listed) in [from, to] and in [prevFrom, prevTo]. */
export function interventionCounts(
  db: Db,
  scope: BuildingScope,
  p: { from: string; to: string; previousFrom: string; previousTo: string },
): { current: number; previous: number } {
  const s = inScope(scope, 'i.building_id');
  const row = firstRow<{ current: number | null; previous: number | null }>(
    db.raw,
    `SELECT sum(i.occurred_at >= ?) AS current, sum(i.occurred_at < ?) AS previous
       FROM interventions i INDEXED BY interventions_occurred
      WHERE i.occurred_at >= ? AND i.occurred_at < ? AND ${s.sql}`,
    [firstDay(p.from), afterMonth(p.previousTo), firstDay(p.previousFrom), afterMonth(p.to), ...s.params],
  );
  return { current: row?.current ?? 0, previous: row?.previous ?? 0 };
}

/**
 * Arrears per month in [from, to]: the sum of the positive balances (a credit does not offset
 * someone else's debt) of the statements of units in scope. A month without any statement is
 * returned with totalCents null: a gap in the data, not zero arrears.
 */
export function arrearsByMonth(
  db: Db,
  scope: BuildingScope,
  from: string,
  to: string,
): { month: string; totalCents: number | null; units: number }[] {
  // Everything: the covering index alone. Some buildings: their units first, then each unit's
  // statements of the months through the (unit_id, period) key.
  const rows = scope.all
    ? allRows<{ month: string; total: number; units: number }>(
        db.raw,
        `SELECT s.period AS month, sum(max(s.balance_cents, 0)) AS total, count(*) AS units
           FROM arrears_statements s INDEXED BY arrears_statements_dashboard
          WHERE s.period >= ? AND s.period <= ?
          GROUP BY s.period`,
        [from, to],
      )
    : allRows<{ month: string; total: number; units: number }>(
        db.raw,
        `SELECT s.period AS month, sum(max(s.balance_cents, 0)) AS total, count(*) AS units
           FROM units u CROSS JOIN arrears_statements s ON s.unit_id = u.id AND s.period >= ? AND s.period <= ?
          WHERE u.building_id IN (SELECT value FROM json_each(?))
          GROUP BY s.period`,
        [from, to, JSON.stringify(scope.ids)],
      );
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return monthRange(from, to).map((month) => {
    const r = byMonth.get(month);
    return { month, totalCents: r ? r.total : null, units: r ? r.units : 0 };
  });
}

export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addToPeriod(m, 1)) out.push(m);
  return out;
}

/** Latest month in [from, to] with statements in scope, else null. */
export function latestStatementMonth(db: Db, scope: BuildingScope, from: string, to: string): string | null {
  const s = inScope(scope, 'u.building_id');
  return (
    firstRow<{ m: string | null }>(
      db.raw,
      `SELECT max(s.period) AS m FROM arrears_statements s INDEXED BY arrears_statements_dashboard
         JOIN units u ON u.id = s.unit_id
        WHERE s.period >= ? AND s.period <= ? AND ${s.sql}`,
      [from, to, ...s.params],
    )?.m ?? null
  );
}

export type BandCounts = Record<RiskBand, number>;
const zeroBands = (): BandCounts => ({ basso: 0, medio: 0, alto: 0, critico: 0 });

/**
 * Households per band in `month` (each where it lived at the month's end) and how many are in a
 * worse band than in `previousMonth` (households without a score then are not counted as moved).
 */
export function bandsOfMonth(
  db: Db,
  scope: BuildingScope,
  month: string,
  previousMonth: string,
): { counts: BandCounts; movedUp: number } {
  // Only a household above basso can have moved up: the previous month is looked up for those only.
  const up = `CASE WHEN r.band_rank = 0 THEN 0 ELSE r.band_rank > coalesce(
                (SELECT p.band_rank FROM risk_scores p WHERE p.household_id = r.household_id AND p.month = ?), 99) END`;
  const rows = scope.all
    ? allRows<{ band_rank: number; n: number; up: number }>(
        db.raw,
        `SELECT r.band_rank, count(*) AS n, sum(${up}) AS up
           FROM risk_scores r INDEXED BY risk_scores_month
           JOIN households h ON h.id = r.household_id
          WHERE r.month = ? AND ${followedInMonth('r.month')}
          GROUP BY r.band_rank`,
        [previousMonth, month],
      )
    : // Some buildings: the households that ever moved into them, each one's score of the month
      // by key, kept when that is where it lived at the month's end.
      allRows<{ band_rank: number; n: number; up: number }>(
        db.raw,
        `SELECT r.band_rank, count(*) AS n, sum(${up}) AS up
           FROM (SELECT DISTINCT m.household_id AS hid
                   FROM units u JOIN household_moves m INDEXED BY household_moves_to_unit ON m.to_unit_id = u.id
                  WHERE u.building_id IN (SELECT value FROM json_each(?))) c
           CROSS JOIN risk_scores r ON r.household_id = c.hid AND r.month = ?
           JOIN households h ON h.id = r.household_id
          WHERE ${followedInMonth('r.month')}
            AND ${buildingAtMonthEnd('r.household_id', 'r.month')} IN (SELECT value FROM json_each(?))
          GROUP BY r.band_rank`,
        [previousMonth, JSON.stringify(scope.ids), month, JSON.stringify(scope.ids)],
      );
  const counts = zeroBands();
  let movedUp = 0;
  for (const r of rows) {
    counts[RISK_BANDS[r.band_rank] ?? 'basso'] = r.n;
    movedUp += r.up;
  }
  return { counts, movedUp };
}

/**
 * Activities of the period touching the scope (on one of its buildings, or on the area of one),
 * their guests, and the households present who lived in scope that day (an operatore never sees
 * the neighbours of another building counted).
 */
export function activityFigures(
  db: Db,
  scope: BuildingScope,
  from: string,
  to: string,
): { count: number; attendances: number; households: number; guests: number } {
  const ab = inScope(scope, 'ab.building_id');
  const area = inScope(scope, 'b.id');
  const present = inScope(scope, buildingOnDay('t.household_id', 'a.held_on'));
  const touching = scope.all
    ? '1'
    : `(EXISTS (SELECT 1 FROM activity_buildings ab WHERE ab.activity_id = a.id AND ${ab.sql})
        OR a.area_id IN (SELECT b.area_id FROM buildings b WHERE ${area.sql}))`;
  const touchParams = scope.all ? [] : [...ab.params, ...area.params];
  const row = firstRow<{ n: number; guests: number | null }>(
    db.raw,
    `SELECT count(*) AS n, sum(a.guests) AS guests FROM activities a
      WHERE a.held_on >= ? AND a.held_on < ? AND ${touching}`,
    [firstDay(from), afterMonth(to), ...touchParams],
  );
  const att = firstRow<{ n: number; households: number }>(
    db.raw,
    `SELECT count(*) AS n, count(DISTINCT t.household_id) AS households
       FROM activities a JOIN activity_attendance t ON t.activity_id = a.id
      WHERE a.held_on >= ? AND a.held_on < ? AND ${present.sql}`,
    [firstDay(from), afterMonth(to), ...present.params],
  );
  return {
    count: row?.n ?? 0,
    guests: row?.guests ?? 0,
    attendances: att?.n ?? 0,
    households: att?.households ?? 0,
  };
}

/** Open follow-ups (now) of the buildings in scope, and those past due. Personal ones (no household, no building) are left out. */
export function followupFigures(
  db: Db,
  scope: BuildingScope,
  today: string,
): { open: number; overdue: number } {
  const s = inScope(scope, 'coalesce(f.building_id, u.building_id)');
  const row = firstRow<{ open: number; overdue: number | null }>(
    db.raw,
    `SELECT count(*) AS open, sum(f.due_on < ?) AS overdue
       FROM followups f INDEXED BY followups_open
       LEFT JOIN households h ON h.id = f.household_id
       LEFT JOIN units u ON u.id = h.unit_id
      WHERE f.done_at IS NULL AND (f.building_id IS NOT NULL OR f.household_id IS NOT NULL) AND ${s.sql}`,
    [today, ...s.params],
  );
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

// ---------- buildings table ----------

export interface BuildingFigures {
  id: number;
  area_id: number;
  address: string;
  city: string;
  area_name: string;
  households: number;
  units: number;
  arrears: number | null;
  arrears_units: number;
  high: number;
  high_previous: number;
  interventions: number;
  activities: number;
  participants: number;
  last_meeting_on: string | null;
  last_visit_at: string | null;
}

/**
 * One row per building in scope. Each figure is one grouped statement over the period's rows
 * (interventions by time, statements of one month, scores of two months, activities of the
 * period), merged by building id here.
 */
export function buildingFigures(
  db: Db,
  scope: BuildingScope,
  p: { from: string; to: string; arrearsMonth: string | null; month: string; previousMonth: string },
): BuildingFigures[] {
  const b = inScope(scope, 'b.id');
  const base = allRows<{
    id: number;
    area_id: number;
    address: string;
    city: string;
    area_name: string;
    households: number;
    units: number;
  }>(
    db.raw,
    `SELECT b.id, b.area_id, b.address, b.city, a.name AS area_name,
            (SELECT count(*) FROM units u WHERE u.building_id = b.id) AS units,
            (SELECT count(*) FROM units u JOIN households h ON h.unit_id = u.id AND h.status = 'attivo'
              WHERE u.building_id = b.id) AS households
       FROM buildings b JOIN areas a ON a.id = b.area_id
      WHERE ${b.sql}
      ORDER BY b.address COLLATE NOCASE, b.id`,
    b.params,
  );
  const rows = new Map<number, BuildingFigures>(
    base.map((r) => [
      r.id,
      {
        ...r,
        arrears: null,
        arrears_units: 0,
        high: 0,
        high_previous: 0,
        interventions: 0,
        activities: 0,
        participants: 0,
        last_meeting_on: null,
        last_visit_at: null,
      },
    ]),
  );
  const each = <R extends { building_id: number | null }>(
    list: R[],
    apply: (row: BuildingFigures, r: R) => void,
  ) => {
    for (const r of list) {
      const row = r.building_id === null ? undefined : rows.get(r.building_id);
      if (row) apply(row, r);
    }
  };
  if (p.arrearsMonth !== null) {
    each(
      allRows<{ building_id: number; total: number; n: number }>(
        db.raw,
        `SELECT u.building_id, sum(max(s.balance_cents, 0)) AS total, count(*) AS n
           FROM arrears_statements s INDEXED BY arrears_statements_dashboard
           JOIN units u ON u.id = s.unit_id
          WHERE s.period = ? GROUP BY u.building_id`,
        [p.arrearsMonth],
      ),
      (row, r) => {
        row.arrears = r.total;
        row.arrears_units = r.n;
      },
    );
  }
  each(
    allRows<{ building_id: number | null; now: number; before: number }>(
      db.raw,
      `SELECT x.building_id, sum(x.month = ?) AS now, sum(x.month = ?) AS before
         FROM (SELECT r.month, ${buildingAtMonthEnd('r.household_id', 'r.month')} AS building_id
                 FROM risk_scores r INDEXED BY risk_scores_month
                 JOIN households h ON h.id = r.household_id
                WHERE r.month IN (?, ?) AND r.band_rank >= 2 AND ${followedInMonth('r.month')}) x
        GROUP BY x.building_id`,
      [p.month, p.previousMonth, p.month, p.previousMonth],
    ),
    (row, r) => {
      row.high = r.now;
      row.high_previous = r.before;
    },
  );
  each(
    allRows<{ building_id: number; n: number }>(
      db.raw,
      `SELECT i.building_id, count(*) AS n FROM interventions i INDEXED BY interventions_occurred
        WHERE i.occurred_at >= ? AND i.occurred_at < ? GROUP BY i.building_id`,
      [firstDay(p.from), afterMonth(p.to)],
    ),
    (row, r) => {
      row.interventions = r.n;
    },
  );
  // Activities on the building itself, plus those on its whole area.
  each(
    allRows<{ building_id: number; n: number }>(
      db.raw,
      `SELECT x.building_id, count(*) AS n FROM (
          SELECT ab.building_id FROM activities a JOIN activity_buildings ab ON ab.activity_id = a.id
           WHERE a.held_on >= ? AND a.held_on < ?
          UNION ALL
          SELECT b.id FROM activities a JOIN buildings b ON b.area_id = a.area_id
           WHERE a.held_on >= ? AND a.held_on < ? AND a.area_id IS NOT NULL) x
        GROUP BY x.building_id`,
      [firstDay(p.from), afterMonth(p.to), firstDay(p.from), afterMonth(p.to)],
    ),
    (row, r) => {
      row.activities = r.n;
    },
  );
  each(
    allRows<{ building_id: number | null; n: number }>(
      db.raw,
      `SELECT x.building_id, count(DISTINCT x.household_id) AS n FROM (
          SELECT t.household_id, ${buildingOnDay('t.household_id', 'a.held_on')} AS building_id
            FROM activities a JOIN activity_attendance t ON t.activity_id = a.id
           WHERE a.held_on >= ? AND a.held_on < ?) x
        GROUP BY x.building_id`,
      [firstDay(p.from), afterMonth(p.to)],
    ),
    (row, r) => {
      row.participants = r.n;
    },
  );
  // Latest building meeting up to the period's end: meetings are few (one type), grouped once
  // per building and once per area (an area meeting is every building's of that area).
  const bound = afterMonth(p.to);
  each(
    allRows<{ building_id: number; held: string }>(
      db.raw,
      `SELECT ab.building_id, max(a.held_on) AS held
         FROM activities a INDEXED BY activities_type JOIN activity_buildings ab ON ab.activity_id = a.id
        WHERE a.type_id = ${MEETING_TYPE} AND a.held_on < ? GROUP BY ab.building_id`,
      [bound],
    ),
    (row, r) => {
      row.last_meeting_on = r.held;
    },
  );
  const areaMeetings = new Map(
    allRows<{ area_id: number; held: string }>(
      db.raw,
      `SELECT a.area_id, max(a.held_on) AS held FROM activities a INDEXED BY activities_type
        WHERE a.type_id = ${MEETING_TYPE} AND a.held_on < ? AND a.area_id IS NOT NULL GROUP BY a.area_id`,
      [bound],
    ).map((r) => [r.area_id, r.held]),
  );
  for (const row of rows.values()) {
    const held = areaMeetings.get(row.area_id);
    if (held !== undefined && (row.last_meeting_on === null || held > row.last_meeting_on))
      row.last_meeting_on = held;
  }
  // Latest intervention up to the period's end: one seek per building on (building_id, occurred_at).
  each(
    allRows<{ building_id: number; visit: string | null }>(
      db.raw,
      `SELECT b.id AS building_id,
              (SELECT i.occurred_at FROM interventions i INDEXED BY interventions_building
                WHERE i.building_id = b.id AND i.occurred_at < ?
                ORDER BY i.occurred_at DESC LIMIT 1) AS visit
         FROM buildings b WHERE ${b.sql}`,
      [bound, ...b.params],
    ),
    (row, r) => {
      row.last_visit_at = r.visit;
    },
  );
  return [...rows.values()];
}

// ---------- one building over 12-24 months ----------

/**
 * The stays of households in this building: from the move in to the next move of the household
 * (exclusive), or to the month its record was last changed when it is no longer `attivo`.
 * A stay covers month m when it started by the end of m and had not ended by then.
 */
const STAYS = `
  WITH stays AS MATERIALIZED (
    SELECT m.household_id, substr(m.moved_on, 1, 7) AS from_month,
           coalesce(substr((SELECT n.moved_on FROM household_moves n
                             WHERE n.household_id = m.household_id
                               AND (n.moved_on > m.moved_on OR (n.moved_on = m.moved_on AND n.id > m.id))
                             ORDER BY n.moved_on, n.id LIMIT 1), 1, 7),
                    CASE WHEN h.status = 'attivo' THEN '9999-99' ELSE substr(h.updated_at, 1, 7) END) AS to_month
      FROM units u
      JOIN household_moves m INDEXED BY household_moves_to_unit ON m.to_unit_id = u.id
      JOIN households h ON h.id = m.household_id
     WHERE u.building_id = ?)`;

export function buildingBands(
  db: Db,
  buildingId: number,
  from: string,
  to: string,
): { month: string; band_rank: number; n: number }[] {
  return allRows(
    db.raw,
    `${STAYS}
     SELECT r.month, r.band_rank, count(DISTINCT r.household_id) AS n
       FROM stays s CROSS JOIN risk_scores r ON r.household_id = s.household_id
      WHERE r.month >= ? AND r.month <= ? AND r.month >= s.from_month AND r.month < s.to_month
      GROUP BY r.month, r.band_rank`,
    [buildingId, from, to],
  );
}

export function buildingArrears(db: Db, buildingId: number, from: string, to: string) {
  return arrearsByMonth(db, { all: false, ids: [buildingId] }, from, to);
}

export function buildingInterventionsBy(
  db: Db,
  buildingId: number,
  from: string,
  to: string,
  by: 'type' | 'topic',
): { id: number; label: string; count: number }[] {
  const join =
    by === 'type'
      ? 'JOIN vocabulary v ON v.id = i.type_id'
      : 'JOIN intervention_topics t ON t.intervention_id = i.id JOIN vocabulary v ON v.id = t.topic_id';
  return allRows(
    db.raw,
    `SELECT v.id, v.label, count(*) AS count
       FROM interventions i INDEXED BY interventions_building ${join}
      WHERE i.building_id = ? AND i.occurred_at >= ? AND i.occurred_at < ?
      GROUP BY v.id ORDER BY count DESC, v.position, v.label`,
    [buildingId, firstDay(from), afterMonth(to)],
  );
}

export function buildingActivities(
  db: Db,
  buildingId: number,
  from: string,
  to: string,
): { month: string; activities: number; attendances: number; guests: number }[] {
  const rows = allRows<{ month: string; activities: number; attendances: number; guests: number }>(
    db.raw,
    `WITH acts AS (
       SELECT a.id, a.held_on, a.guests FROM activity_buildings ab JOIN activities a ON a.id = ab.activity_id
        WHERE ab.building_id = ? AND a.held_on >= ? AND a.held_on < ?
       UNION
       SELECT a.id, a.held_on, a.guests FROM activities a INDEXED BY activities_area
        WHERE a.area_id = (SELECT area_id FROM buildings WHERE id = ?) AND a.held_on >= ? AND a.held_on < ?)
     SELECT substr(x.held_on, 1, 7) AS month, count(*) AS activities, sum(x.guests) AS guests,
            sum((SELECT count(*) FROM activity_attendance t WHERE t.activity_id = x.id
                   AND ${buildingOnDay('t.household_id', 'x.held_on')} = ?)) AS attendances
       FROM acts x GROUP BY month`,
    [buildingId, firstDay(from), afterMonth(to), buildingId, firstDay(from), afterMonth(to), buildingId],
  );
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return monthRange(from, to).map((month) => {
    const r = byMonth.get(month);
    return {
      month,
      activities: r?.activities ?? 0,
      attendances: r?.attendances ?? 0,
      guests: r?.guests ?? 0,
    };
  });
}

export function buildingHighRisk(
  db: Db,
  buildingId: number,
  month: string,
): {
  householdId: number;
  code: string;
  referenceName: string | null;
  band: RiskBand;
  score: number;
  reasons: string[];
}[] {
  return allRows<{
    household_id: number;
    code: string;
    reference_name: string | null;
    band: RiskBand;
    score: number;
    contributions: string;
  }>(
    db.raw,
    `${STAYS}
     SELECT DISTINCT r.household_id, h.code, r.band, r.score, r.contributions,
            CASE WHEN mb.id IS NULL THEN NULL ELSE mb.surname || ' ' || mb.first_name END AS reference_name
       FROM stays s
       CROSS JOIN risk_scores r ON r.household_id = s.household_id AND r.month = ?
       JOIN households h ON h.id = r.household_id
       LEFT JOIN members mb ON mb.id = h.reference_member_id
      WHERE r.band_rank >= 2 AND r.month >= s.from_month AND r.month < s.to_month
      ORDER BY r.band_rank DESC, r.score DESC, h.code`,
    [buildingId, month],
  ).map((r) => ({
    householdId: r.household_id,
    code: r.code,
    referenceName: r.reference_name,
    band: r.band,
    score: r.score,
    reasons: (JSON.parse(r.contributions) as RiskContribution[]).slice(0, 3).map((c) => c.label),
  }));
}

export function buildingGroups(db: Db, buildingId: number, from: string, to: string) {
  return allRows<{
    id: number;
    name: string;
    status: 'attivo' | 'sospeso' | 'concluso';
    startedOn: string;
    referents: number;
    activities: number;
  }>(
    db.raw,
    `SELECT g.id, g.name, g.status, g.started_on AS startedOn,
            (SELECT count(*) FROM group_referents r WHERE r.group_id = g.id) AS referents,
            (SELECT count(*) FROM activities a WHERE a.group_id = g.id AND a.held_on >= ? AND a.held_on < ?) AS activities
       FROM group_buildings gb JOIN resident_groups g ON g.id = gb.group_id
      WHERE gb.building_id = ?
      ORDER BY g.status = 'attivo' DESC, g.name`,
    [firstDay(from), afterMonth(to), buildingId],
  );
}

export function buildingHeader(db: Db, buildingId: number) {
  return firstRow<{ id: number; address: string; city: string; areaName: string }>(
    db.raw,
    `SELECT b.id, b.address, b.city, a.name AS areaName FROM buildings b JOIN areas a ON a.id = b.area_id WHERE b.id = ?`,
    [buildingId],
  );
}
