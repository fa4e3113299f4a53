import type { Area } from '../../shared/contract';
import { foldText } from '../../shared/normalize';
import type { Db } from '../connection';
import { allRows, firstRow, runSql } from './registry-common';

interface AreaRow {
  id: number;
  name: string;
  active: number;
  updated_at: string;
  building_count: number;
}

function toArea(row: AreaRow): Area {
  return {
    id: row.id,
    name: row.name,
    active: row.active === 1,
    buildingCount: row.building_count,
    updatedAt: row.updated_at,
  };
}

/** `scope` is a condition on `b.id` from electron/handlers/scope.ts buildingFilter. */
function selectAreas(scope: string): string {
  return `SELECT a.id, a.name, a.active, a.updated_at,
                 (SELECT count(*) FROM buildings b WHERE b.area_id = a.id AND ${scope}) AS building_count
            FROM areas a`;
}

/** Every area; buildingCount counts the buildings the caller may see. */
export function listAreas(db: Db, scope: { sql: string; params: number[] }): Area[] {
  return allRows<AreaRow>(
    db.raw,
    `${selectAreas(scope.sql)} ORDER BY a.name COLLATE NOCASE`,
    scope.params,
  ).map(toArea);
}

export function getArea(db: Db, id: number, scope: { sql: string; params: number[] }): Area | undefined {
  const row = firstRow<AreaRow>(db.raw, `${selectAreas(scope.sql)} WHERE a.id = ?`, [...scope.params, id]);
  return row && toArea(row);
}

export function areaRow(db: Db, id: number): { id: number; updated_at: string; active: number } | undefined {
  return firstRow(db.raw, 'SELECT id, updated_at, active FROM areas WHERE id = ?', [id]);
}

/** An area with this name (ignoring case and accents), other than `exceptId`. */
export function areaNameTaken(db: Db, name: string, exceptId: number | null): boolean {
  const folded = foldText(name);
  return allRows<{ id: number; name: string }>(db.raw, 'SELECT id, name FROM areas').some(
    (row) => row.id !== exceptId && foldText(row.name) === folded,
  );
}

export function insertArea(db: Db, name: string, now: string, createdBy: number): number {
  return runSql(
    db.raw,
    'INSERT INTO areas (name, active, created_at, updated_at, created_by) VALUES (?, 1, ?, ?, ?)',
    [name, now, now, createdBy],
  );
}

export function updateArea(
  db: Db,
  id: number,
  values: { name: string; active: boolean },
  updatedAt: string,
): void {
  runSql(db.raw, 'UPDATE areas SET name = ?, active = ?, updated_at = ? WHERE id = ?', [
    values.name,
    values.active ? 1 : 0,
    updatedAt,
    id,
  ]);
}
