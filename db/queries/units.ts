import type { Unit } from '../../shared/contract';
import type { Db } from '../connection';
import { allRows, firstRow, REFERENCE_NAME_SQL, runSql, unitLabel } from './registry-common';

export interface UnitRow {
  id: number;
  building_id: number;
  staircase: string;
  floor: number;
  number: string;
  agency_code: string | null;
  rooms: number | null;
  size_sqm: number | null;
  updated_at: string;
  household_id: number | null;
  household_code: string | null;
  reference_name: string | null;
}

/** Units with the active household living there now (at most one by the rules of households.create/move). */
const SELECT_UNITS = `
  SELECT u.id, u.building_id, u.staircase, u.floor, u.number, u.agency_code, u.rooms, u.size_sqm, u.updated_at,
         h.id AS household_id, h.code AS household_code, ${REFERENCE_NAME_SQL} AS reference_name
    FROM units u
    LEFT JOIN households h
      ON h.id = (SELECT x.id FROM households x WHERE x.unit_id = u.id AND x.status = 'attivo' ORDER BY x.id LIMIT 1)
    LEFT JOIN members m ON m.id = h.reference_member_id`;

/** Natural order: staircase, floor, then interno as a number where it is one. */
const UNIT_ORDER = `ORDER BY u.staircase, u.floor, CAST(u.number AS INTEGER), u.number, u.id`;

export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    buildingId: row.building_id,
    staircase: row.staircase,
    floor: row.floor,
    number: row.number,
    label: unitLabel(row.staircase, row.floor, row.number),
    agencyCode: row.agency_code,
    rooms: row.rooms,
    sizeSqm: row.size_sqm,
    updatedAt: row.updated_at,
    household:
      row.household_id === null
        ? null
        : { id: row.household_id, code: row.household_code ?? '', referenceName: row.reference_name },
  };
}

export function listBuildingUnits(db: Db, buildingId: number): Unit[] {
  return allRows<UnitRow>(db.raw, `${SELECT_UNITS} WHERE u.building_id = ? ${UNIT_ORDER}`, [buildingId]).map(
    toUnit,
  );
}

export function getUnit(db: Db, id: number): Unit | undefined {
  const row = firstRow<UnitRow>(db.raw, `${SELECT_UNITS} WHERE u.id = ?`, [id]);
  return row && toUnit(row);
}

export function unitVersion(
  db: Db,
  id: number,
): { id: number; building_id: number; updated_at: string; agency_code: string | null } | undefined {
  return firstRow(db.raw, 'SELECT id, building_id, updated_at, agency_code FROM units WHERE id = ?', [id]);
}

export function unitBuildingAddress(db: Db, unitId: number): string {
  return (
    firstRow<{ address: string }>(
      db.raw,
      'SELECT b.address FROM units u JOIN buildings b ON b.id = u.building_id WHERE u.id = ?',
      [unitId],
    )?.address ?? ''
  );
}

export interface UnitPosition {
  staircase: string;
  floor: number;
  number: string;
  agencyCode: string | null;
}

/** Positions (staircase, floor, interno) already taken in the building, other than `exceptId`. */
export function takenPositions(
  db: Db,
  buildingId: number,
  positions: UnitPosition[],
  exceptId: number | null,
): UnitPosition[] {
  return positions.filter(
    (p) =>
      firstRow(
        db.raw,
        'SELECT 1 FROM units WHERE building_id = ? AND staircase = ? AND floor = ? AND number = ? AND id IS NOT ?',
        [buildingId, p.staircase, p.floor, p.number, exceptId],
      ) !== undefined,
  );
}

/** Agency codes (case-insensitive) already used by another unit, as they are stored. */
export function takenUnitCodes(db: Db, codes: string[], exceptId: number | null): string[] {
  return codes.flatMap((code) => {
    const row = firstRow<{ agency_code: string }>(
      db.raw,
      'SELECT agency_code FROM units WHERE agency_code = ? COLLATE NOCASE AND id IS NOT ?',
      [code, exceptId],
    );
    return row ? [row.agency_code] : [];
  });
}

export function insertUnit(
  db: Db,
  buildingId: number,
  values: UnitPosition & { rooms: number | null; sizeSqm: number | null },
  now: string,
  createdBy: number,
): number {
  return runSql(
    db.raw,
    `INSERT INTO units (building_id, staircase, floor, number, agency_code, rooms, size_sqm, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      buildingId,
      values.staircase,
      values.floor,
      values.number,
      values.agencyCode,
      values.rooms,
      values.sizeSqm,
      now,
      now,
      createdBy,
    ],
  );
}

export function updateUnit(
  db: Db,
  id: number,
  values: UnitPosition & { rooms: number | null; sizeSqm: number | null },
  updatedAt: string,
): void {
  runSql(
    db.raw,
    `UPDATE units SET staircase = ?, floor = ?, number = ?, agency_code = ?, rooms = ?, size_sqm = ?, updated_at = ?
      WHERE id = ?`,
    [
      values.staircase,
      values.floor,
      values.number,
      values.agencyCode,
      values.rooms,
      values.sizeSqm,
      updatedAt,
      id,
    ],
  );
}

/** Every household whose unit this is (any status): their search rows carry the unit's code. */
export function unitHouseholdIds(db: Db, unitId: number): number[] {
  return allRows<{ id: number }>(db.raw, 'SELECT id FROM households WHERE unit_id = ?', [unitId]).map(
    (r) => r.id,
  );
}

/** The active household living in the unit, other than `exceptHouseholdId`. */
export function activeOccupant(
  db: Db,
  unitId: number,
  exceptHouseholdId: number | null,
): { id: number; code: string } | undefined {
  return firstRow(
    db.raw,
    `SELECT id, code FROM households WHERE unit_id = ? AND status = 'attivo' AND id IS NOT ? LIMIT 1`,
    [unitId, exceptHouseholdId],
  );
}

export interface UnitHistoryRow {
  household_id: number;
  household_code: string;
  reference_name: string | null;
  moved_on: string;
  left_on: string | null;
  reason: string;
  visible: number;
}

/**
 * Who lived in the unit, newest first: each move into it, with the date of
 * the household's next move (when it left) or null. `scope` is a condition
 * on `cb.id`, the household's current building: names only where visible.
 */
export function unitHistory(
  db: Db,
  unitId: number,
  scope: { sql: string; params: number[] },
): UnitHistoryRow[] {
  return allRows<UnitHistoryRow>(
    db.raw,
    `SELECT mv.household_id, h.code AS household_code, ${REFERENCE_NAME_SQL} AS reference_name, mv.moved_on, mv.reason,
            (SELECT n.moved_on FROM household_moves n
              WHERE n.household_id = mv.household_id
                AND (n.moved_on > mv.moved_on OR (n.moved_on = mv.moved_on AND n.id > mv.id))
              ORDER BY n.moved_on, n.id LIMIT 1) AS left_on,
            (SELECT cu.building_id FROM units cu WHERE cu.id = h.unit_id) IN
              (SELECT cb.id FROM buildings cb WHERE ${scope.sql}) AS visible
       FROM household_moves mv
       JOIN households h ON h.id = mv.household_id
       LEFT JOIN members m ON m.id = h.reference_member_id
      WHERE mv.to_unit_id = ?
      ORDER BY mv.moved_on DESC, mv.id DESC`,
    [...scope.params, unitId],
  );
}
