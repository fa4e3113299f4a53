import { INCOLPEVOLE_CAUSE_LABELS, type IncolpevoleCause } from '../../shared/arrears/incolpevole';
import type { LegalStage } from '../../shared/risk/score';
import type { Db } from '../connection';
import { allRows, firstRow, runSql } from './registry-common';

/** A household's arrears data beside the statements: legal stage, incolpevole causes, ISEE. */

/** Every statement of the household, oldest first. */
export function householdStatements(
  db: Db,
  householdId: number,
): { period: string; due_cents: number; paid_cents: number; balance_cents: number }[] {
  return allRows(
    db.raw,
    `SELECT period, due_cents, paid_cents, balance_cents
       FROM arrears_statements WHERE household_id = ? ORDER BY period`,
    [householdId],
  );
}

// ---------- legal stage ----------

export interface LegalStageRow {
  legal_stage: LegalStage;
  legal_stage_set_at: string;
  legal_stage_set_by: number | null;
  set_by_name: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export function getLegalStage(db: Db, householdId: number): LegalStageRow | undefined {
  return firstRow<LegalStageRow>(
    db.raw,
    `SELECT a.legal_stage, a.legal_stage_set_at, a.legal_stage_set_by, o.full_name AS set_by_name,
            a.created_at, a.created_by, a.updated_at
       FROM household_arrears a LEFT JOIN operators o ON o.id = a.legal_stage_set_by
      WHERE a.household_id = ?`,
    [householdId],
  );
}

/**
 * The stage set by hand. The row keeps `legal_stage_period` = this month, so an import of an
 * older month does not overwrite a later decision by hand, while the next month's import does
 * (the import skips rows whose stored period is later than the file's).
 */
export function putLegalStageByHand(
  db: Db,
  householdId: number,
  stage: LegalStage,
  month: string,
  operatorId: number,
  now: string,
  updatedAt: string,
): void {
  runSql(
    db.raw,
    `INSERT INTO household_arrears (household_id, legal_stage, legal_stage_set_at, legal_stage_set_by,
                                    legal_stage_import_id, legal_stage_period, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)
     ON CONFLICT (household_id) DO UPDATE SET legal_stage = excluded.legal_stage,
       legal_stage_set_at = excluded.legal_stage_set_at, legal_stage_set_by = excluded.legal_stage_set_by,
       legal_stage_import_id = NULL, legal_stage_period = excluded.legal_stage_period,
       updated_at = excluded.updated_at`,
    [householdId, stage, now, operatorId, month, now, operatorId, updatedAt],
  );
}

// ---------- morosità incolpevole ----------

export interface CauseRow {
  id: number;
  household_id: number;
  cause: IncolpevoleCause;
  event_date: string | null;
  notes: string;
  created_at: string;
  created_by_name: string | null;
}

const CAUSE_SELECT = `SELECT c.id, c.household_id, c.cause, c.event_date, c.notes, c.created_at,
                             o.full_name AS created_by_name
                        FROM incolpevole_causes c LEFT JOIN operators o ON o.id = c.created_by`;

export function householdCauses(db: Db, householdId: number): CauseRow[] {
  return allRows<CauseRow>(
    db.raw,
    `${CAUSE_SELECT} WHERE c.household_id = ? ORDER BY c.event_date IS NULL, c.event_date, c.id`,
    [householdId],
  );
}

export function getCause(db: Db, id: number): CauseRow | undefined {
  return firstRow<CauseRow>(db.raw, `${CAUSE_SELECT} WHERE c.id = ?`, [id]);
}

export function causeView(row: CauseRow) {
  return {
    id: row.id,
    cause: row.cause,
    label: INCOLPEVOLE_CAUSE_LABELS[row.cause],
    eventDate: row.event_date,
    notes: row.notes,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
  };
}

export function insertCause(
  db: Db,
  cause: { householdId: number; cause: IncolpevoleCause; eventDate: string | null; notes: string },
  now: string,
  operatorId: number,
): number {
  return runSql(
    db.raw,
    `INSERT INTO incolpevole_causes (household_id, cause, event_date, notes, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [cause.householdId, cause.cause, cause.eventDate, cause.notes, now, operatorId],
  );
}

export function deleteCause(db: Db, id: number): void {
  runSql(db.raw, 'DELETE FROM incolpevole_causes WHERE id = ?', [id]);
}

// ---------- ISEE ----------

export interface IseeRow {
  value_cents: number;
  isee_date: string;
  updated_at: string;
  updated_by_name: string | null;
}

export function getIsee(db: Db, householdId: number): IseeRow | undefined {
  return firstRow<IseeRow>(
    db.raw,
    `SELECT i.value_cents, i.isee_date, i.updated_at, o.full_name AS updated_by_name
       FROM household_isee i LEFT JOIN operators o ON o.id = i.updated_by WHERE i.household_id = ?`,
    [householdId],
  );
}

export function iseeView(row: IseeRow) {
  return {
    valueCents: row.value_cents,
    iseeDate: row.isee_date,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
  };
}

export function putIsee(
  db: Db,
  householdId: number,
  isee: { valueCents: number; iseeDate: string },
  updatedAt: string,
  operatorId: number,
): void {
  runSql(
    db.raw,
    `INSERT INTO household_isee (household_id, value_cents, isee_date, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (household_id) DO UPDATE SET value_cents = excluded.value_cents, isee_date = excluded.isee_date,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [householdId, isee.valueCents, isee.iseeDate, updatedAt, operatorId],
  );
}

export function deleteIsee(db: Db, householdId: number): void {
  runSql(db.raw, 'DELETE FROM household_isee WHERE household_id = ?', [householdId]);
}
