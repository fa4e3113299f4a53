import type { Building, BuildingRow, OperatorRef } from '../../shared/contract';
import type { BuildingOwner } from '../schema';
import type { Db } from '../connection';
import { allRows, firstRow, placeholders, runSql } from './registry-common';

interface BuildingDbRow {
  id: number;
  area_id: number;
  area_name: string;
  address: string;
  city: string;
  agency_code: string | null;
  owner: BuildingOwner;
  declared_units: number | null;
  notes: string;
  active: number;
  updated_at: string;
}

/** The operators assigned to each building, by building id, in one query. */
export function buildingOperators(db: Db, buildingIds: number[]): Map<number, OperatorRef[]> {
  const byBuilding = new Map<number, OperatorRef[]>();
  if (buildingIds.length === 0) return byBuilding;
  const rows = allRows<{ building_id: number; id: number; full_name: string }>(
    db.raw,
    `SELECT bo.building_id, o.id, o.full_name
       FROM building_operators bo JOIN operators o ON o.id = bo.operator_id
      WHERE bo.building_id IN (${placeholders(buildingIds.length)})
      ORDER BY o.full_name COLLATE NOCASE, o.id`,
    buildingIds,
  );
  for (const row of rows) {
    const list = byBuilding.get(row.building_id) ?? [];
    list.push({ id: row.id, fullName: row.full_name });
    byBuilding.set(row.building_id, list);
  }
  return byBuilding;
}

export function getBuilding(db: Db, id: number): Building | undefined {
  const row = firstRow<BuildingDbRow>(
    db.raw,
    `SELECT b.id, b.area_id, a.name AS area_name, b.address, b.city, b.agency_code, b.owner, b.declared_units,
            b.notes, b.active, b.updated_at
       FROM buildings b JOIN areas a ON a.id = b.area_id
      WHERE b.id = ?`,
    [id],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    areaId: row.area_id,
    areaName: row.area_name,
    address: row.address,
    city: row.city,
    agencyCode: row.agency_code,
    owner: row.owner,
    declaredUnits: row.declared_units,
    notes: row.notes,
    active: row.active === 1,
    operators: buildingOperators(db, [row.id]).get(row.id) ?? [],
    updatedAt: row.updated_at,
  };
}

export interface BuildingVersion {
  id: number;
  area_id: number;
  address: string;
  city: string;
  agency_code: string | null;
  active: number;
  updated_at: string;
}

export function buildingVersion(db: Db, id: number): BuildingVersion | undefined {
  return firstRow(
    db.raw,
    'SELECT id, area_id, address, city, agency_code, active, updated_at FROM buildings WHERE id = ?',
    [id],
  );
}

export function assignedOperatorIds(db: Db, buildingId: number): number[] {
  return allRows<{ operator_id: number }>(
    db.raw,
    'SELECT operator_id FROM building_operators WHERE building_id = ? ORDER BY operator_id',
    [buildingId],
  ).map((r) => r.operator_id);
}

/** Ids among `ids` that are not active operators. */
export function inactiveOrMissingOperators(db: Db, ids: number[]): number[] {
  if (ids.length === 0) return [];
  const found = new Set(
    allRows<{ id: number }>(
      db.raw,
      `SELECT id FROM operators WHERE active = 1 AND id IN (${placeholders(ids.length)})`,
      ids,
    ).map((r) => r.id),
  );
  return ids.filter((id) => !found.has(id));
}

export function buildingCodeTaken(db: Db, code: string, exceptId: number | null): boolean {
  return (
    firstRow(db.raw, 'SELECT 1 FROM buildings WHERE agency_code = ? COLLATE NOCASE AND id IS NOT ?', [
      code,
      exceptId,
    ]) !== undefined
  );
}

export interface BuildingValues {
  areaId: number;
  address: string;
  city: string;
  agencyCode: string | null;
  owner: BuildingOwner;
  declaredUnits: number | null;
  notes: string;
}

export function insertBuilding(db: Db, values: BuildingValues, now: string, createdBy: number): number {
  return runSql(
    db.raw,
    `INSERT INTO buildings (area_id, address, city, agency_code, owner, declared_units, notes, active,
                            created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    [
      values.areaId,
      values.address,
      values.city,
      values.agencyCode,
      values.owner,
      values.declaredUnits,
      values.notes,
      now,
      now,
      createdBy,
    ],
  );
}

export function updateBuilding(
  db: Db,
  id: number,
  values: BuildingValues & { active: boolean },
  updatedAt: string,
): void {
  runSql(
    db.raw,
    `UPDATE buildings SET area_id = ?, address = ?, city = ?, agency_code = ?, owner = ?, declared_units = ?,
                          notes = ?, active = ?, updated_at = ?
      WHERE id = ?`,
    [
      values.areaId,
      values.address,
      values.city,
      values.agencyCode,
      values.owner,
      values.declaredUnits,
      values.notes,
      values.active ? 1 : 0,
      updatedAt,
      id,
    ],
  );
}

export function setBuildingOperators(db: Db, buildingId: number, operatorIds: number[]): void {
  runSql(db.raw, 'DELETE FROM building_operators WHERE building_id = ?', [buildingId]);
  for (const operatorId of new Set(operatorIds)) {
    runSql(db.raw, 'INSERT INTO building_operators (building_id, operator_id) VALUES (?, ?)', [
      buildingId,
      operatorId,
    ]);
  }
}

/** Households whose unit is in the building (any status): their search rows carry its address. */
export function buildingHouseholdIds(db: Db, buildingId: number): number[] {
  return allRows<{ id: number }>(
    db.raw,
    'SELECT h.id FROM units u JOIN households h ON h.unit_id = u.id WHERE u.building_id = ?',
    [buildingId],
  ).map((r) => r.id);
}

const BUILDING_SORT_SQL = {
  address: 'b.address COLLATE NOCASE',
  area: 'a.name COLLATE NOCASE',
  agencyCode: 'b.agency_code COLLATE NOCASE',
  unitCount: 'unit_count',
  activeHouseholds: 'active_households',
} as const;

export interface BuildingListOptions {
  page: number;
  pageSize: number;
  sortField: keyof typeof BUILDING_SORT_SQL;
  sortDir: 'asc' | 'desc';
  q: string;
  areaId: number | null;
  includeInactive: boolean;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A page of buildings, filtered, sorted and counted in SQL. `scope` is a condition on `b.id`. */
export function listBuildings(
  db: Db,
  scope: { sql: string; params: number[] },
  options: BuildingListOptions,
): { rows: BuildingRow[]; total: number } {
  const where: string[] = [scope.sql];
  const params: unknown[] = [...scope.params];
  if (!options.includeInactive) where.push('b.active = 1');
  if (options.areaId !== null) {
    where.push('b.area_id = ?');
    params.push(options.areaId);
  }
  if (options.q !== '') {
    where.push(
      `(b.address LIKE ? ESCAPE '\\' OR b.city LIKE ? ESCAPE '\\' OR b.agency_code LIKE ? ESCAPE '\\')`,
    );
    const pattern = likePattern(options.q);
    params.push(pattern, pattern, pattern);
  }
  const whereSql = where.join(' AND ');
  const total =
    firstRow<{ n: number }>(db.raw, `SELECT count(*) AS n FROM buildings b WHERE ${whereSql}`, params)?.n ??
    0;
  const direction = options.sortDir === 'desc' ? 'DESC' : 'ASC';
  const rows = allRows<{
    id: number;
    address: string;
    city: string;
    area_id: number;
    area_name: string;
    agency_code: string | null;
    owner: BuildingOwner;
    active: number;
    unit_count: number;
    active_households: number;
  }>(
    db.raw,
    `SELECT b.id, b.address, b.city, b.area_id, a.name AS area_name, b.agency_code, b.owner, b.active,
            (SELECT count(*) FROM units u WHERE u.building_id = b.id) AS unit_count,
            (SELECT count(*) FROM units u JOIN households h ON h.unit_id = u.id AND h.status = 'attivo'
              WHERE u.building_id = b.id) AS active_households
       FROM buildings b JOIN areas a ON a.id = b.area_id
      WHERE ${whereSql}
      ORDER BY ${BUILDING_SORT_SQL[options.sortField]} ${direction}, b.id ${direction}
      LIMIT ? OFFSET ?`,
    [...params, options.pageSize, options.page * options.pageSize],
  );
  const operators = buildingOperators(
    db,
    rows.map((r) => r.id),
  );
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      address: r.address,
      city: r.city,
      areaId: r.area_id,
      areaName: r.area_name,
      agencyCode: r.agency_code,
      owner: r.owner,
      unitCount: r.unit_count,
      activeHouseholds: r.active_households,
      operators: operators.get(r.id) ?? [],
      active: r.active === 1,
    })),
  };
}

/** Active buildings the caller may see, for form choices. `scope` is a condition on `b.id`. */
export function buildingOptions(
  db: Db,
  scope: { sql: string; params: number[] },
): { id: number; address: string; city: string; areaName: string }[] {
  return allRows<{ id: number; address: string; city: string; area_name: string }>(
    db.raw,
    `SELECT b.id, b.address, b.city, a.name AS area_name
       FROM buildings b JOIN areas a ON a.id = b.area_id
      WHERE b.active = 1 AND ${scope.sql}
      ORDER BY b.address COLLATE NOCASE, b.id`,
    scope.params,
  ).map((r) => ({ id: r.id, address: r.address, city: r.city, areaName: r.area_name }));
}
