import { roleAtLeast } from '../../shared/contract';
import { AppError } from '../../db/errors';
import type { OperatorRow } from '../../db/queries/operators';
import type { RawDb } from '../../db/connection';

/**
 * Who sees what. Coordinators and administrators see every building; an
 * operatore sees only the buildings assigned to them, the households living
 * in those buildings now, and the interventions, referrals and follow-ups of
 * those households and buildings. Every registry handler goes through here.
 */
export function seesAll(operator: OperatorRow): boolean {
  return roleAtLeast(operator.role, 'coordinatore');
}

export const NOT_ASSIGNED_BUILDING =
  'Questo caseggiato non è assegnato al proprio profilo: chiedere a un coordinatore.';
export const NOT_VISIBLE_HOUSEHOLD =
  'Questo nucleo abita in un caseggiato non assegnato al proprio profilo: chiedere a un coordinatore.';

export function isBuildingAssigned(raw: RawDb, operatorId: number, buildingId: number): boolean {
  return (
    raw
      .prepare('SELECT 1 FROM building_operators WHERE building_id = ? AND operator_id = ?')
      .get(buildingId, operatorId) !== undefined
  );
}

/** Throws not_found when the building does not exist, forbidden when the operator may not see it. */
export function requireBuilding(raw: RawDb, operator: OperatorRow, buildingId: number): void {
  const exists = raw.prepare('SELECT 1 FROM buildings WHERE id = ?').get(buildingId);
  if (!exists) throw new AppError('not_found', 'Caseggiato non trovato: forse è stato eliminato.');
  if (!seesAll(operator) && !isBuildingAssigned(raw, operator.id, buildingId)) {
    throw new AppError('forbidden', NOT_ASSIGNED_BUILDING);
  }
}

/** The building a household lives in now (through its unit). */
export function householdBuildingId(raw: RawDb, householdId: number): number | undefined {
  const row = raw
    .prepare('SELECT u.building_id AS b FROM households h JOIN units u ON u.id = h.unit_id WHERE h.id = ?')
    .get(householdId) as { b: number } | undefined;
  return row?.b;
}

/** Returns the household's building id; throws not_found or forbidden. */
export function requireHousehold(raw: RawDb, operator: OperatorRow, householdId: number): number {
  const buildingId = householdBuildingId(raw, householdId);
  if (buildingId === undefined) {
    throw new AppError('not_found', 'Nucleo non trovato: forse è stato eliminato.');
  }
  if (!seesAll(operator) && !isBuildingAssigned(raw, operator.id, buildingId)) {
    throw new AppError('forbidden', NOT_VISIBLE_HOUSEHOLD);
  }
  return buildingId;
}

/** Returns the unit's building id; throws not_found or forbidden. */
export function requireUnit(raw: RawDb, operator: OperatorRow, unitId: number): number {
  const row = raw.prepare('SELECT building_id AS b FROM units WHERE id = ?').get(unitId) as
    { b: number } | undefined;
  if (!row) throw new AppError('not_found', 'Alloggio non trovato: forse è stato eliminato.');
  if (!seesAll(operator) && !isBuildingAssigned(raw, operator.id, row.b)) {
    throw new AppError('forbidden', NOT_ASSIGNED_BUILDING);
  }
  return row.b;
}

/**
 * SQL condition (with one `?` for the operator id) limiting a query to the
 * operator's buildings; `column` names a building id. Empty for coordinators.
 */
export function buildingFilter(operator: OperatorRow, column: string): { sql: string; params: number[] } {
  if (seesAll(operator)) return { sql: '1', params: [] };
  return {
    sql: `${column} IN (SELECT building_id FROM building_operators WHERE operator_id = ?)`,
    params: [operator.id],
  };
}

/** May the operator read the notes of this intervention? Its author and coordinators only. */
export function seesConfidentialNotes(
  operator: OperatorRow,
  intervention: { operator_id: number; created_by: number | null; confidential: number },
): boolean {
  if (intervention.confidential === 0) return true;
  return (
    seesAll(operator) || intervention.operator_id === operator.id || intervention.created_by === operator.id
  );
}

/**
 * The optimistic check on updated_at: a save based on an older version is
 * refused, and the new version is always later than the old one, even
 * within the same millisecond.
 */
export function checkVersion(current: string, expected: string, message: string): void {
  if (current !== expected) throw new AppError('conflict', message);
}

export function nextUpdatedAt(previous: string, now: string): string {
  if (now > previous) return now;
  return new Date(Date.parse(previous) + 1).toISOString();
}

export const CHANGED_BY_OTHERS = (what: string) =>
  `${what} è stato modificato da qualcun altro nel frattempo: ricaricare la pagina per vedere la versione attuale e ripetere la modifica.`;
