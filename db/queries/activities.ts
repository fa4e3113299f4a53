import type { Activity, ActivityRow, ActivityType, Attendee, Promoter } from '../../shared/contract';
import { foldText } from '../../shared/normalize';
import type { Db } from '../connection';
import type { ActivitiesTable } from '../schema';
import type { Selectable } from 'kysely';
import { allRows, firstRow, REFERENCE_NAME_SQL, runSql, unitLabel } from './registry-common';

export type ActivityDbRow = Selectable<ActivitiesTable>;

/**
 * A visibility rule: `null` for coordinators (everything), else the operator
 * whose assigned buildings limit what is seen.
 */
export type Viewer = { operatorId: number } | null;

// ---------- activity types ----------

interface TypeDbRow {
  id: number;
  label: string;
  position: number;
  active: number;
  updated_at: string;
  used: number;
}

const SELECT_TYPES = `SELECT t.id, t.label, t.position, t.active, t.updated_at,
                             EXISTS (SELECT 1 FROM activities a WHERE a.type_id = t.id) AS used
                        FROM activity_types t`;

function toType(row: TypeDbRow): ActivityType {
  return {
    id: row.id,
    label: row.label,
    position: row.position,
    active: row.active === 1,
    used: row.used === 1,
    updatedAt: row.updated_at,
  };
}

export function listActivityTypes(db: Db): ActivityType[] {
  return allRows<TypeDbRow>(db.raw, `${SELECT_TYPES} ORDER BY t.position, t.label, t.id`).map(toType);
}

export function getActivityType(db: Db, id: number): ActivityType | undefined {
  const row = firstRow<TypeDbRow>(db.raw, `${SELECT_TYPES} WHERE t.id = ?`, [id]);
  return row && toType(row);
}

export function activityTypeRow(
  db: Db,
  id: number,
): { id: number; label: string; active: number; updated_at: string } | undefined {
  return firstRow(db.raw, 'SELECT id, label, active, updated_at FROM activity_types WHERE id = ?', [id]);
}

/** Is the label already in the list (ignoring case and accents), other than `exceptId`? */
export function activityTypeTaken(db: Db, label: string, exceptId: number | null): boolean {
  const folded = foldText(label);
  return allRows<{ id: number; label: string }>(db.raw, 'SELECT id, label FROM activity_types').some(
    (row) => row.id !== exceptId && foldText(row.label) === folded,
  );
}

export function insertActivityType(db: Db, label: string, now: string, createdBy: number): number {
  const position =
    (firstRow<{ p: number | null }>(db.raw, 'SELECT max(position) AS p FROM activity_types')?.p ?? -1) + 1;
  return runSql(
    db.raw,
    `INSERT INTO activity_types (label, position, active, created_at, updated_at, created_by)
     VALUES (?, ?, 1, ?, ?, ?)`,
    [label, position, now, now, createdBy],
  );
}

export function updateActivityType(
  db: Db,
  id: number,
  values: { label: string; active: boolean; position: number },
  updatedAt: string,
): void {
  runSql(
    db.raw,
    'UPDATE activity_types SET label = ?, active = ?, position = ?, updated_at = ? WHERE id = ?',
    [values.label, values.active ? 1 : 0, values.position, updatedAt, id],
  );
}

// ---------- visibility ----------

/** SQL (named parameter `@op`: the operator id) true when activity `a` touches one of the operator's buildings. */
export const ACTIVITY_VISIBLE_SQL = `(EXISTS (SELECT 1 FROM activity_buildings ab
                 JOIN building_operators bo ON bo.building_id = ab.building_id
                WHERE ab.activity_id = a.id AND bo.operator_id = @op)
         OR a.area_id IN (SELECT b.area_id FROM building_operators bo JOIN buildings b ON b.id = bo.building_id
                           WHERE bo.operator_id = @op))`;

export function activityVisible(db: Db, viewer: Viewer, id: number): boolean {
  if (viewer === null) return true;
  return (
    firstRow(db.raw, `SELECT 1 FROM activities a WHERE a.id = @id AND ${ACTIVITY_VISIBLE_SQL}`, [
      { op: viewer.operatorId, id },
    ]) !== undefined
  );
}

// ---------- activities ----------

export function getActivityRow(db: Db, id: number): ActivityDbRow | undefined {
  return firstRow<ActivityDbRow>(db.raw, 'SELECT * FROM activities WHERE id = ?', [id]);
}

/** The activity's buildings: its own, or for an area activity every building of the area. */
export function activityBuildings(
  db: Db,
  row: Pick<ActivityDbRow, 'id' | 'area_id'>,
): { id: number; address: string }[] {
  if (row.area_id !== null) {
    return allRows(
      db.raw,
      'SELECT id, address FROM buildings WHERE area_id = ? ORDER BY address COLLATE NOCASE, id',
      [row.area_id],
    );
  }
  return allRows(
    db.raw,
    `SELECT b.id, b.address FROM activity_buildings ab JOIN buildings b ON b.id = ab.building_id
      WHERE ab.activity_id = ? ORDER BY b.address COLLATE NOCASE, b.id`,
    [row.id],
  );
}

export function activityOutsiders(db: Db, id: number): string[] {
  return allRows<{ name: string }>(
    db.raw,
    'SELECT name FROM activity_outsiders WHERE activity_id = ? ORDER BY seq',
    [id],
  ).map((row) => row.name);
}

export function getActivity(db: Db, id: number): Activity | undefined {
  const row = firstRow<
    ActivityDbRow & { type_label: string; group_name: string | null; area_name: string | null }
  >(
    db.raw,
    `SELECT a.*, t.label AS type_label, g.name AS group_name, ar.name AS area_name
       FROM activities a
       JOIN activity_types t ON t.id = a.type_id
       LEFT JOIN resident_groups g ON g.id = a.group_id
       LEFT JOIN areas ar ON ar.id = a.area_id
      WHERE a.id = ?`,
    [id],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    seriesId: row.series_id,
    typeId: row.type_id,
    typeLabel: row.type_label,
    title: row.title,
    heldOn: row.held_on,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    promoter: row.promoter,
    groupId: row.group_id,
    groupName: row.group_name,
    areaId: row.area_id,
    areaName: row.area_name,
    buildings: activityBuildings(db, row),
    description: row.description,
    outcome: row.outcome,
    guests: row.guests,
    outsiders: activityOutsiders(db, row.id),
    updatedAt: row.updated_at,
  };
}

export interface ActivityValues {
  seriesId: number | null;
  typeId: number;
  title: string;
  heldOn: string;
  startsAt: string;
  endsAt: string;
  place: string;
  promoter: Promoter;
  groupId: number | null;
  areaId: number | null;
  description: string;
  outcome: string;
}

export function insertActivity(db: Db, values: ActivityValues, now: string, createdBy: number): number {
  return runSql(
    db.raw,
    `INSERT INTO activities (series_id, type_id, title, held_on, starts_at, ends_at, place, promoter, group_id,
                             area_id, description, outcome, guests, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    [
      values.seriesId,
      values.typeId,
      values.title,
      values.heldOn,
      values.startsAt,
      values.endsAt,
      values.place,
      values.promoter,
      values.groupId,
      values.areaId,
      values.description,
      values.outcome,
      now,
      now,
      createdBy,
    ],
  );
}

export function updateActivity(
  db: Db,
  id: number,
  values: Omit<ActivityValues, 'seriesId'>,
  updatedAt: string,
): void {
  runSql(
    db.raw,
    `UPDATE activities SET type_id = ?, title = ?, held_on = ?, starts_at = ?, ends_at = ?, place = ?, promoter = ?,
                           group_id = ?, area_id = ?, description = ?, outcome = ?, updated_at = ?
      WHERE id = ?`,
    [
      values.typeId,
      values.title,
      values.heldOn,
      values.startsAt,
      values.endsAt,
      values.place,
      values.promoter,
      values.groupId,
      values.areaId,
      values.description,
      values.outcome,
      updatedAt,
      id,
    ],
  );
}

export function insertSeries(
  db: Db,
  everyWeeks: number,
  until: string,
  now: string,
  createdBy: number,
): number {
  return runSql(
    db.raw,
    'INSERT INTO activity_series (every_weeks, until_on, created_at, created_by) VALUES (?, ?, ?, ?)',
    [everyWeeks, until, now, createdBy],
  );
}

/** Replaces the activity's buildings (none for an area activity). */
export function setActivityBuildings(db: Db, id: number, buildingIds: readonly number[]): void {
  runSql(db.raw, 'DELETE FROM activity_buildings WHERE activity_id = ?', [id]);
  for (const buildingId of buildingIds) {
    runSql(db.raw, 'INSERT INTO activity_buildings (activity_id, building_id) VALUES (?, ?)', [
      id,
      buildingId,
    ]);
  }
}

export function setActivityGuests(
  db: Db,
  id: number,
  guests: number,
  outsiders: readonly string[],
  updatedAt: string,
): void {
  runSql(db.raw, 'UPDATE activities SET guests = ?, updated_at = ? WHERE id = ?', [guests, updatedAt, id]);
  runSql(db.raw, 'DELETE FROM activity_outsiders WHERE activity_id = ?', [id]);
  outsiders.forEach((name, index) => {
    runSql(db.raw, 'INSERT INTO activity_outsiders (activity_id, seq, name) VALUES (?, ?, ?)', [
      id,
      index + 1,
      name,
    ]);
  });
}

export function attendedHouseholdIds(db: Db, id: number): number[] {
  return allRows<{ household_id: number }>(
    db.raw,
    'SELECT household_id FROM activity_attendance WHERE activity_id = ?',
    [id],
  ).map((row) => row.household_id);
}

export function addAttendance(db: Db, id: number, householdId: number, now: string, by: number): void {
  runSql(
    db.raw,
    'INSERT INTO activity_attendance (activity_id, household_id, created_at, created_by) VALUES (?, ?, ?, ?)',
    [id, householdId, now, by],
  );
}

export function removeAttendance(db: Db, id: number, householdId: number): void {
  runSql(db.raw, 'DELETE FROM activity_attendance WHERE activity_id = ? AND household_id = ?', [
    id,
    householdId,
  ]);
}

// ---------- who lived there that day ----------

export interface ResidentRow {
  household_id: number;
  unit_id: number;
  staircase: string;
  floor: number;
  number: string;
  building_id: number;
  address: string;
}

/**
 * Households that lived in one of the buildings on `date`, from their moves:
 * a stay in a unit starts on the day of the move there and ends on the day
 * of the household's next move. A household no longer attivo (trasferito,
 * chiuso) has no recorded leaving date: its last stay ends when another
 * household moves into the unit, or else on the day its record was last
 * changed (when it was closed).
 */
export function residentsOn(db: Db, buildingIds: readonly number[], date: string): ResidentRow[] {
  if (buildingIds.length === 0) return [];
  return allRows<ResidentRow>(
    db.raw,
    `SELECT mv.household_id, u.id AS unit_id, u.staircase, u.floor, u.number, u.building_id, b.address
       FROM json_each(@buildings) bs
       JOIN buildings b ON b.id = bs.value
       JOIN units u ON u.building_id = b.id
       JOIN household_moves mv ON mv.to_unit_id = u.id AND mv.moved_on <= @date
       JOIN households h ON h.id = mv.household_id
      WHERE NOT EXISTS (SELECT 1 FROM household_moves n
                         WHERE n.household_id = mv.household_id AND n.moved_on <= @date
                           AND (n.moved_on > mv.moved_on OR (n.moved_on = mv.moved_on AND n.id > mv.id)))
        AND (h.status = 'attivo'
             OR EXISTS (SELECT 1 FROM household_moves n WHERE n.household_id = mv.household_id AND n.moved_on > @date)
             OR (@date <= substr(h.updated_at, 1, 10)
                 AND NOT EXISTS (SELECT 1 FROM household_moves o
                                  WHERE o.to_unit_id = mv.to_unit_id AND o.household_id <> mv.household_id
                                    AND o.moved_on > mv.moved_on AND o.moved_on <= @date)))
      ORDER BY b.address COLLATE NOCASE, b.id, u.staircase, u.floor, CAST(u.number AS INTEGER), u.number, mv.household_id`,
    [{ buildings: JSON.stringify(buildingIds), date }],
  );
}

interface HouseholdBrief {
  id: number;
  code: string;
  reference_name: string | null;
  staircase: string;
  floor: number;
  number: string;
  building_id: number;
  address: string;
  visible: number;
}

/** Code, name, present unit and whether `viewer` sees each household (it lives now in one of their buildings). */
export function householdBriefs(db: Db, viewer: Viewer, ids: readonly number[]): Map<number, HouseholdBrief> {
  if (ids.length === 0) return new Map();
  const rows = allRows<HouseholdBrief>(
    db.raw,
    `SELECT h.id, h.code, ${REFERENCE_NAME_SQL} AS reference_name, u.staircase, u.floor, u.number,
            u.building_id, b.address,
            (@all = 1 OR EXISTS (SELECT 1 FROM building_operators bo
                                  WHERE bo.building_id = u.building_id AND bo.operator_id = @op)) AS visible
       FROM json_each(@ids) j
       JOIN households h ON h.id = j.value
       JOIN units u ON u.id = h.unit_id
       JOIN buildings b ON b.id = u.building_id
       LEFT JOIN members m ON m.id = h.reference_member_id`,
    [{ ids: JSON.stringify(ids), all: viewer === null ? 1 : 0, op: viewer?.operatorId ?? 0 }],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

export interface AttendanceSheet {
  households: Attendee[];
  hiddenEligible: number;
  hiddenPresent: number;
  eligible: number;
  present: number;
  rate: number | null;
  /** Ids the viewer may tick or untick. */
  editable: Set<number>;
  eligibleIds: Set<number>;
}

/**
 * The attendance sheet of an activity as `viewer` may see it: the residents of
 * that day by building, staircase, floor and unit, then any household ticked
 * earlier that no longer counts as living there (after a correction of its moves).
 */
export function attendanceSheet(
  db: Db,
  viewer: Viewer,
  row: Pick<ActivityDbRow, 'id' | 'area_id' | 'held_on'>,
): AttendanceSheet {
  const buildingIds = activityBuildings(db, row).map((b) => b.id);
  const residents = residentsOn(db, buildingIds, row.held_on);
  const attended = new Set(attendedHouseholdIds(db, row.id));
  const eligibleIds = new Set(residents.map((r) => r.household_id));
  const others = [...attended].filter((id) => !eligibleIds.has(id));
  const briefs = householdBriefs(db, viewer, [...eligibleIds, ...others]);
  const households: Attendee[] = [];
  const editable = new Set<number>();
  let hiddenEligible = 0;
  let hiddenPresent = 0;
  let present = 0;
  for (const resident of residents) {
    const brief = briefs.get(resident.household_id);
    const isPresent = attended.has(resident.household_id);
    if (isPresent) present += 1;
    if (!brief || brief.visible !== 1) {
      hiddenEligible += 1;
      if (isPresent) hiddenPresent += 1;
      continue;
    }
    editable.add(resident.household_id);
    households.push({
      householdId: resident.household_id,
      code: brief.code,
      referenceName: brief.reference_name,
      buildingId: resident.building_id,
      buildingAddress: resident.address,
      staircase: resident.staircase,
      unitLabel: unitLabel(resident.staircase, resident.floor, resident.number),
      present: isPresent,
      eligible: true,
    });
  }
  for (const id of others) {
    const brief = briefs.get(id);
    if (!brief || brief.visible !== 1) {
      hiddenPresent += 1;
      continue;
    }
    editable.add(id);
    households.push({
      householdId: id,
      code: brief.code,
      referenceName: brief.reference_name,
      buildingId: brief.building_id,
      buildingAddress: brief.address,
      staircase: brief.staircase,
      unitLabel: unitLabel(brief.staircase, brief.floor, brief.number),
      present: true,
      eligible: false,
    });
  }
  const eligible = residents.length;
  return {
    households,
    hiddenEligible,
    hiddenPresent,
    eligible,
    present,
    rate: eligible === 0 ? null : present / eligible,
    editable,
    eligibleIds,
  };
}

export function seriesOccurrences(
  db: Db,
  seriesId: number,
): { id: number; heldOn: string; present: number }[] {
  return allRows<{ id: number; held_on: string; present: number }>(
    db.raw,
    `SELECT a.id, a.held_on, (SELECT count(*) FROM activity_attendance aa WHERE aa.activity_id = a.id) AS present
       FROM activities a WHERE a.series_id = ? ORDER BY a.held_on, a.starts_at, a.id`,
    [seriesId],
  ).map((row) => ({ id: row.id, heldOn: row.held_on, present: row.present }));
}

// ---------- lists ----------

interface ActivityListDbRow {
  id: number;
  series_id: number | null;
  held_on: string;
  starts_at: string;
  ends_at: string;
  title: string;
  type_label: string;
  place: string;
  promoter: Promoter;
  group_name: string | null;
  area_name: string | null;
  first_address: string | null;
  building_count: number;
  present: number;
  guests: number;
}

const SELECT_ACTIVITY_ROWS = `
  SELECT a.id, a.series_id, a.held_on, a.starts_at, a.ends_at, a.title, t.label AS type_label, a.place,
         a.promoter, g.name AS group_name, ar.name AS area_name, a.guests,
         (SELECT min(b.address) FROM activity_buildings ab JOIN buildings b ON b.id = ab.building_id
           WHERE ab.activity_id = a.id) AS first_address,
         (SELECT count(*) FROM activity_buildings ab WHERE ab.activity_id = a.id) AS building_count,
         (SELECT count(*) FROM activity_attendance aa WHERE aa.activity_id = a.id) AS present
    FROM activities a
    JOIN activity_types t ON t.id = a.type_id
    LEFT JOIN resident_groups g ON g.id = a.group_id
    LEFT JOIN areas ar ON ar.id = a.area_id`;

function toActivityRow(row: ActivityListDbRow): ActivityRow {
  const where =
    row.area_name !== null
      ? `Area ${row.area_name}`
      : row.building_count > 1
        ? `${row.first_address ?? ''} e altri ${row.building_count - 1}`
        : (row.first_address ?? '');
  return {
    id: row.id,
    seriesId: row.series_id,
    heldOn: row.held_on,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    title: row.title,
    typeLabel: row.type_label,
    place: row.place,
    promoter: row.promoter,
    groupName: row.group_name,
    where,
    present: row.present,
    guests: row.guests,
  };
}

export interface ActivityListQuery {
  page: number;
  pageSize: number;
  sortDir: 'asc' | 'desc';
  q: string;
  buildingId: number | null;
  groupId: number | null;
  typeId: number | null;
  from: string | null;
  to: string | null;
}

/** A page of activities the viewer may see, newest first by default. */
export function listActivities(
  db: Db,
  viewer: Viewer,
  query: ActivityListQuery,
): { rows: ActivityRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (viewer !== null) {
    where.push(ACTIVITY_VISIBLE_SQL);
    params.op = viewer.operatorId;
  }
  if (query.buildingId !== null) {
    where.push(`(a.id IN (SELECT activity_id FROM activity_buildings WHERE building_id = @building)
                 OR a.area_id = (SELECT area_id FROM buildings WHERE id = @building))`);
    params.building = query.buildingId;
  }
  if (query.groupId !== null) {
    where.push('a.group_id = @group');
    params.group = query.groupId;
  }
  if (query.typeId !== null) {
    where.push('a.type_id = @type');
    params.type = query.typeId;
  }
  if (query.from !== null) {
    where.push('a.held_on >= @from');
    params.from = query.from;
  }
  if (query.to !== null) {
    where.push('a.held_on <= @to');
    params.to = query.to;
  }
  if (query.q !== '') {
    where.push("instr(lower(a.title || ' ' || a.place), lower(@q)) > 0");
    params.q = query.q;
  }
  const whereSql = where.length === 0 ? '1' : where.join(' AND ');
  const total =
    firstRow<{ n: number }>(db.raw, `SELECT count(*) AS n FROM activities a WHERE ${whereSql}`, [params])
      ?.n ?? 0;
  if (total === 0) return { rows: [], total };
  const dir = query.sortDir === 'asc' ? 'ASC' : 'DESC';
  const rows = allRows<ActivityListDbRow>(
    db.raw,
    `${SELECT_ACTIVITY_ROWS}
      WHERE a.id IN (SELECT a.id FROM activities a WHERE ${whereSql}
                      ORDER BY a.held_on ${dir}, a.starts_at ${dir}, a.id ${dir} LIMIT @limit OFFSET @offset)
      ORDER BY a.held_on ${dir}, a.starts_at ${dir}, a.id ${dir}`,
    [{ ...params, limit: query.pageSize, offset: query.page * query.pageSize }],
  );
  return { rows: rows.map(toActivityRow), total };
}

/** Activities of a group, newest first (the caller has checked the group is visible). */
export function groupActivities(db: Db, groupId: number, limit = 200): ActivityRow[] {
  return allRows<ActivityListDbRow>(
    db.raw,
    `${SELECT_ACTIVITY_ROWS} WHERE a.group_id = ? ORDER BY a.held_on DESC, a.starts_at DESC, a.id DESC LIMIT ?`,
    [groupId, limit],
  ).map(toActivityRow);
}

/** The activities a household took part in, newest first. */
export function householdActivities(
  db: Db,
  householdId: number,
): { activityId: number; heldOn: string; startsAt: string; title: string; typeLabel: string }[] {
  return allRows<{ id: number; held_on: string; starts_at: string; title: string; type_label: string }>(
    db.raw,
    `SELECT a.id, a.held_on, a.starts_at, a.title, t.label AS type_label
       FROM activity_attendance aa
       JOIN activities a ON a.id = aa.activity_id
       JOIN activity_types t ON t.id = a.type_id
      WHERE aa.household_id = ?
      ORDER BY a.held_on DESC, a.starts_at DESC, a.id DESC`,
    [householdId],
  ).map((row) => ({
    activityId: row.id,
    heldOn: row.held_on,
    startsAt: row.starts_at,
    title: row.title,
    typeLabel: row.type_label,
  }));
}
