import type { Household, HouseholdRow, Move } from '../../shared/contract';
import type { HouseholdStatus } from '../schema';
import type { Db } from '../connection';
import { allRows, firstRow, placeholders, REFERENCE_NAME_SQL, runSql, unitLabel } from './registry-common';

/** The pseudonymous code: from the never-reused AUTOINCREMENT id, never from personal data. */
export function householdCode(id: number): string {
  return `N-${String(id).padStart(6, '0')}`;
}

interface HouseholdDbRow {
  id: number;
  code: string;
  since: string;
  reference_member_id: number | null;
  reference_name: string | null;
  status: HouseholdStatus;
  phone: string;
  language: string;
  to_team: number;
  notes: string;
  updated_at: string;
  unit_id: number;
  staircase: string;
  floor: number;
  number: string;
  unit_code: string | null;
  building_id: number;
  address: string;
  city: string;
  area_name: string;
}

export function getHousehold(db: Db, id: number): Household | undefined {
  const row = firstRow<HouseholdDbRow>(
    db.raw,
    `SELECT h.id, h.code, h.since, h.reference_member_id, ${REFERENCE_NAME_SQL} AS reference_name, h.status,
            h.phone, h.language, h.to_team, h.notes, h.updated_at,
            u.id AS unit_id, u.staircase, u.floor, u.number, u.agency_code AS unit_code,
            b.id AS building_id, b.address, b.city, a.name AS area_name
       FROM households h
       JOIN units u ON u.id = h.unit_id
       JOIN buildings b ON b.id = u.building_id
       JOIN areas a ON a.id = b.area_id
       LEFT JOIN members m ON m.id = h.reference_member_id
      WHERE h.id = ?`,
    [id],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    code: row.code,
    since: row.since,
    referenceMemberId: row.reference_member_id,
    referenceName: row.reference_name,
    status: row.status,
    phone: row.phone,
    language: row.language,
    toTeam: row.to_team === 1,
    notes: row.notes,
    updatedAt: row.updated_at,
    unit: {
      id: row.unit_id,
      label: unitLabel(row.staircase, row.floor, row.number),
      staircase: row.staircase,
      floor: row.floor,
      number: row.number,
      agencyCode: row.unit_code,
    },
    building: { id: row.building_id, address: row.address, city: row.city, areaName: row.area_name },
  };
}

export interface HouseholdVersion {
  id: number;
  code: string;
  unit_id: number;
  status: HouseholdStatus;
  reference_member_id: number | null;
  updated_at: string;
}

export function householdVersion(db: Db, id: number): HouseholdVersion | undefined {
  return firstRow(
    db.raw,
    'SELECT id, code, unit_id, status, reference_member_id, updated_at FROM households WHERE id = ?',
    [id],
  );
}

export interface HouseholdValues {
  since: string;
  phone: string;
  language: string;
  toTeam: boolean;
  notes: string;
}

/** Inserts the household and gives it its code; returns the id. */
export function insertHousehold(
  db: Db,
  unitId: number,
  values: HouseholdValues,
  now: string,
  createdBy: number,
): number {
  // The code needs the id: a placeholder unique within this transaction, replaced at once.
  const id = runSql(
    db.raw,
    `INSERT INTO households (code, unit_id, since, reference_member_id, status, phone, language, to_team, notes,
                             created_at, updated_at, created_by)
     VALUES ('pending', ?, ?, NULL, 'attivo', ?, ?, ?, ?, ?, ?, ?)`,
    [
      unitId,
      values.since,
      values.phone,
      values.language,
      values.toTeam ? 1 : 0,
      values.notes,
      now,
      now,
      createdBy,
    ],
  );
  runSql(db.raw, 'UPDATE households SET code = ? WHERE id = ?', [householdCode(id), id]);
  return id;
}

export function updateHousehold(
  db: Db,
  id: number,
  values: HouseholdValues & { status: HouseholdStatus; referenceMemberId: number | null },
  updatedAt: string,
): void {
  runSql(
    db.raw,
    `UPDATE households SET since = ?, phone = ?, language = ?, to_team = ?, notes = ?, status = ?,
                           reference_member_id = ?, updated_at = ?
      WHERE id = ?`,
    [
      values.since,
      values.phone,
      values.language,
      values.toTeam ? 1 : 0,
      values.notes,
      values.status,
      values.referenceMemberId,
      updatedAt,
      id,
    ],
  );
}

export function setReferenceMember(db: Db, householdId: number, memberId: number): void {
  runSql(db.raw, 'UPDATE households SET reference_member_id = ? WHERE id = ?', [memberId, householdId]);
}

export function setHouseholdUnit(db: Db, id: number, unitId: number, since: string, updatedAt: string): void {
  runSql(db.raw, 'UPDATE households SET unit_id = ?, since = ?, updated_at = ? WHERE id = ?', [
    unitId,
    since,
    updatedAt,
    id,
  ]);
}

export function insertMove(
  db: Db,
  move: { householdId: number; fromUnitId: number | null; toUnitId: number; movedOn: string; reason: string },
  now: string,
  createdBy: number,
): number {
  return runSql(
    db.raw,
    `INSERT INTO household_moves (household_id, from_unit_id, to_unit_id, moved_on, reason, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [move.householdId, move.fromUnitId, move.toUnitId, move.movedOn, move.reason, now, createdBy],
  );
}

export function lastMoveDate(db: Db, householdId: number): string | undefined {
  return firstRow<{ moved_on: string }>(
    db.raw,
    'SELECT moved_on FROM household_moves WHERE household_id = ? ORDER BY moved_on DESC, id DESC LIMIT 1',
    [householdId],
  )?.moved_on;
}

/** A household's moves, oldest first, with the units and buildings they went from and to. */
export function listMoves(db: Db, householdId: number): Move[] {
  const rows = allRows<{
    id: number;
    moved_on: string;
    reason: string;
    from_id: number | null;
    from_staircase: string | null;
    from_floor: number | null;
    from_number: string | null;
    from_address: string | null;
    to_id: number;
    to_staircase: string;
    to_floor: number;
    to_number: string;
    to_address: string;
  }>(
    db.raw,
    `SELECT mv.id, mv.moved_on, mv.reason,
            fu.id AS from_id, fu.staircase AS from_staircase, fu.floor AS from_floor, fu.number AS from_number,
            fb.address AS from_address,
            tu.id AS to_id, tu.staircase AS to_staircase, tu.floor AS to_floor, tu.number AS to_number,
            tb.address AS to_address
       FROM household_moves mv
       LEFT JOIN units fu ON fu.id = mv.from_unit_id
       LEFT JOIN buildings fb ON fb.id = fu.building_id
       JOIN units tu ON tu.id = mv.to_unit_id
       JOIN buildings tb ON tb.id = tu.building_id
      WHERE mv.household_id = ?
      ORDER BY mv.moved_on, mv.id`,
    [householdId],
  );
  return rows.map((r) => ({
    id: r.id,
    movedOn: r.moved_on,
    reason: r.reason,
    from:
      r.from_id === null
        ? null
        : {
            unitId: r.from_id,
            unitLabel: unitLabel(r.from_staircase ?? '', r.from_floor ?? 0, r.from_number ?? ''),
            buildingAddress: r.from_address ?? '',
          },
    to: {
      unitId: r.to_id,
      unitLabel: unitLabel(r.to_staircase, r.to_floor, r.to_number),
      buildingAddress: r.to_address,
    },
  }));
}

interface HouseholdListDbRow {
  id: number;
  code: string;
  reference_name: string | null;
  building_id: number;
  address: string;
  unit_id: number;
  staircase: string;
  floor: number;
  number: string;
  status: HouseholdStatus;
  member_count: number;
  to_team: number;
  phone: string;
}

function toHouseholdRow(r: HouseholdListDbRow): HouseholdRow {
  return {
    id: r.id,
    code: r.code,
    referenceName: r.reference_name,
    buildingId: r.building_id,
    buildingAddress: r.address,
    unitId: r.unit_id,
    unitLabel: unitLabel(r.staircase, r.floor, r.number),
    status: r.status,
    memberCount: r.member_count,
    toTeam: r.to_team === 1,
    phone: r.phone,
  };
}

const SELECT_HOUSEHOLD_ROWS = `
  SELECT h.id, h.code, ${REFERENCE_NAME_SQL} AS reference_name, b.id AS building_id, b.address,
         u.id AS unit_id, u.staircase, u.floor, u.number, h.status, h.to_team, h.phone,
         (SELECT count(*) FROM members c WHERE c.household_id = h.id AND c.left_on IS NULL) AS member_count
    FROM households h
    JOIN units u ON u.id = h.unit_id
    JOIN buildings b ON b.id = u.building_id
    LEFT JOIN members m ON m.id = h.reference_member_id`;

/** Households living in a building now (any status): active first, then by name. */
export function buildingHouseholds(db: Db, buildingId: number): HouseholdRow[] {
  return allRows<HouseholdListDbRow>(
    db.raw,
    `${SELECT_HOUSEHOLD_ROWS}
      WHERE u.building_id = ?
      ORDER BY h.status <> 'attivo', m.surname_norm, m.first_name, h.id`,
    [buildingId],
  ).map(toHouseholdRow);
}

const HOUSEHOLD_SORT_SQL = {
  code: (d: string) => `h.code ${d}`,
  referenceName: (d: string) => `m.surname_norm ${d}, m.first_name COLLATE NOCASE ${d}`,
  address: (d: string) =>
    `b.address COLLATE NOCASE ${d}, u.staircase ${d}, u.floor ${d}, CAST(u.number AS INTEGER) ${d}`,
  status: (d: string) => `h.status ${d}`,
} as const;

export interface HouseholdListOptions {
  page: number;
  pageSize: number;
  sortField: keyof typeof HOUSEHOLD_SORT_SQL;
  sortDir: 'asc' | 'desc';
  /** An FTS5 query from ftsQuery(), or null for no text filter. */
  match: string | null;
  buildingId: number | null;
  status: HouseholdStatus | null;
  toTeam: boolean | null;
  /** Risk band of `riskMonth` (`YYYY-MM`, required with it) and area: the dashboard's links. */
  riskBand?: 'basso' | 'medio' | 'alto' | 'critico' | null;
  riskMonth?: string | null;
  areaId?: number | null;
}

/** A page of households, filtered, sorted and counted in SQL. `scope` is a condition on `u.building_id`. */
export function listHouseholds(
  db: Db,
  scope: { sql: string; params: number[] },
  options: HouseholdListOptions,
): { rows: HouseholdRow[]; total: number } {
  const where: string[] = [scope.sql];
  const params: unknown[] = [...scope.params];
  if (options.match !== null) {
    where.push('h.id IN (SELECT rowid FROM household_search WHERE household_search MATCH ?)');
    params.push(options.match);
  }
  if (options.buildingId !== null) {
    where.push('u.building_id = ?');
    params.push(options.buildingId);
  }
  if (options.status !== null) {
    where.push('h.status = ?');
    params.push(options.status);
  }
  if (options.toTeam !== null) {
    where.push('h.to_team = ?');
    params.push(options.toTeam ? 1 : 0);
  }
  if (options.riskBand && options.riskMonth) {
    where.push(
      'EXISTS (SELECT 1 FROM risk_scores r WHERE r.household_id = h.id AND r.month = ? AND r.band = ?)',
    );
    params.push(options.riskMonth, options.riskBand);
  }
  if (options.areaId) {
    where.push('u.building_id IN (SELECT id FROM buildings WHERE area_id = ?)');
    params.push(options.areaId);
  }
  const whereSql = where.join(' AND ');
  const total =
    firstRow<{ n: number }>(
      db.raw,
      `SELECT count(*) AS n FROM households h JOIN units u ON u.id = h.unit_id WHERE ${whereSql}`,
      params,
    )?.n ?? 0;
  const direction = options.sortDir === 'desc' ? 'DESC' : 'ASC';
  // Sort and page narrow rows first, then read the page's details: the member
  // count and the labels are computed for one page, not for every household.
  const ids = allRows<{ id: number }>(
    db.raw,
    `SELECT h.id
       FROM households h
       JOIN units u ON u.id = h.unit_id
       JOIN buildings b ON b.id = u.building_id
       LEFT JOIN members m ON m.id = h.reference_member_id
      WHERE ${whereSql}
      ORDER BY ${HOUSEHOLD_SORT_SQL[options.sortField](direction)}, h.id ${direction}
      LIMIT ? OFFSET ?`,
    [...params, options.pageSize, options.page * options.pageSize],
  ).map((r) => r.id);
  return { total, rows: householdRowsByIds(db, ids) };
}

/** Household rows for the given ids, in the same order. */
function householdRowsByIds(db: Db, ids: number[]): HouseholdRow[] {
  if (ids.length === 0) return [];
  const byId = new Map(
    allRows<HouseholdListDbRow>(
      db.raw,
      `${SELECT_HOUSEHOLD_ROWS} WHERE h.id IN (${placeholders(ids.length)})`,
      ids,
    ).map((r) => [r.id, r]),
  );
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toHouseholdRow(row)] : [];
  });
}

export interface SearchDbRow {
  id: number;
  code: string;
  reference_member_id: number | null;
  reference_name: string | null;
  address: string;
  staircase: string;
  floor: number;
  number: string;
  status: HouseholdStatus;
}

/** Above this many matches the search stops sorting by name (see searchHouseholds). */
const BROAD_MATCH = 600;

/**
 * Households matching an FTS5 query, among those the caller may see (`scope`
 * is a condition on `u.building_id`), active ones first. Up to BROAD_MATCH
 * matches they are sorted by the reference person's name; a broader query
 * (one or two letters typed so far) takes the first matches in index order,
 * which SQLite finds without reading every match.
 */
export function searchHouseholds(
  db: Db,
  scope: { sql: string; params: number[] },
  match: string,
  limit: number,
  broadMatch = BROAD_MATCH,
): SearchDbRow[] {
  const matches =
    firstRow<{ n: number }>(
      db.raw,
      'SELECT count(*) AS n FROM household_search WHERE household_search MATCH ?',
      [match],
    )?.n ?? 0;
  if (matches === 0) return [];
  const from = `FROM household_search s
       JOIN households h ON h.id = s.rowid
       JOIN units u ON u.id = h.unit_id
       LEFT JOIN members m ON m.id = h.reference_member_id
      WHERE household_search MATCH ? AND ${scope.sql}`;
  let ids: number[];
  if (matches <= broadMatch) {
    ids = allRows<{ id: number }>(
      db.raw,
      `SELECT h.id ${from} ORDER BY h.status <> 'attivo', m.surname_norm, m.first_name, h.id LIMIT ?`,
      [match, ...scope.params, limit],
    ).map((r) => r.id);
  } else {
    ids = allRows<{ id: number }>(db.raw, `SELECT h.id ${from} AND h.status = 'attivo' LIMIT ?`, [
      match,
      ...scope.params,
      limit,
    ]).map((r) => r.id);
    if (ids.length < limit) {
      ids.push(
        ...allRows<{ id: number }>(db.raw, `SELECT h.id ${from} AND h.status <> 'attivo' LIMIT ?`, [
          match,
          ...scope.params,
          limit - ids.length,
        ]).map((r) => r.id),
      );
    }
  }
  if (ids.length === 0) return [];
  const byId = new Map(
    allRows<SearchDbRow>(
      db.raw,
      `SELECT h.id, h.code, h.reference_member_id, ${REFERENCE_NAME_SQL} AS reference_name, b.address,
              u.staircase, u.floor, u.number, h.status
         FROM households h
         JOIN units u ON u.id = h.unit_id
         JOIN buildings b ON b.id = u.building_id
         LEFT JOIN members m ON m.id = h.reference_member_id
        WHERE h.id IN (${placeholders(ids.length)})`,
      ids,
    ).map((r) => [r.id, r]),
  );
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}
