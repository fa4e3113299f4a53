import type { VocabularyItem, VocabularyKind } from '../../shared/contract';
import { foldText } from '../../shared/normalize';
import type { Db } from '../connection';
import { allRows, firstRow, runSql } from './registry-common';

interface VocabularyDbRow {
  id: number;
  kind: VocabularyKind;
  label: string;
  position: number;
  active: number;
  updated_at: string;
  used: number;
}

/**
 * Whether a record refers to the entry. Each EXISTS stops at the first
 * reference, and only the branch for the entry's own kind runs.
 */
const USED_SQL = `CASE v.kind
    WHEN 'fragility' THEN EXISTS (SELECT 1 FROM member_fragilities f WHERE f.fragility_id = v.id)
    WHEN 'intervention_type' THEN EXISTS (SELECT 1 FROM interventions i WHERE i.type_id = v.id)
    WHEN 'channel' THEN EXISTS (SELECT 1 FROM interventions i WHERE i.channel_id = v.id)
    WHEN 'origin' THEN EXISTS (SELECT 1 FROM interventions i WHERE i.origin_id = v.id)
    WHEN 'topic' THEN EXISTS (SELECT 1 FROM intervention_topics t WHERE t.topic_id = v.id)
    WHEN 'referral_service' THEN EXISTS (SELECT 1 FROM referrals r WHERE r.service_id = v.id)
    ELSE 0 END`;

const SELECT_ITEMS = `SELECT v.id, v.kind, v.label, v.position, v.active, v.updated_at, ${USED_SQL} AS used
                        FROM vocabulary v`;

function toItem(row: VocabularyDbRow): VocabularyItem {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    position: row.position,
    active: row.active === 1,
    used: row.used === 1,
    updatedAt: row.updated_at,
  };
}

export function listVocabulary(db: Db): VocabularyItem[] {
  return allRows<VocabularyDbRow>(
    db.raw,
    `${SELECT_ITEMS} ORDER BY v.kind, v.position, v.label COLLATE NOCASE, v.id`,
  ).map(toItem);
}

export function getVocabularyItem(db: Db, id: number): VocabularyItem | undefined {
  const row = firstRow<VocabularyDbRow>(db.raw, `${SELECT_ITEMS} WHERE v.id = ?`, [id]);
  return row && toItem(row);
}

export function vocabularyVersion(
  db: Db,
  id: number,
): { id: number; kind: VocabularyKind; updated_at: string } | undefined {
  return firstRow(db.raw, 'SELECT id, kind, updated_at FROM vocabulary WHERE id = ?', [id]);
}

/** Is the label already in the list (ignoring case and accents), other than `exceptId`? */
export function vocabularyLabelTaken(
  db: Db,
  kind: VocabularyKind,
  label: string,
  exceptId: number | null,
): boolean {
  const folded = foldText(label);
  return allRows<{ id: number; label: string }>(db.raw, 'SELECT id, label FROM vocabulary WHERE kind = ?', [
    kind,
  ]).some((row) => row.id !== exceptId && foldText(row.label) === folded);
}

/** Adds an entry at the end of its list. */
export function insertVocabularyItem(
  db: Db,
  kind: VocabularyKind,
  label: string,
  now: string,
  createdBy: number,
): number {
  const position =
    (firstRow<{ p: number | null }>(db.raw, 'SELECT max(position) AS p FROM vocabulary WHERE kind = ?', [
      kind,
    ])?.p ?? -1) + 1;
  return runSql(
    db.raw,
    `INSERT INTO vocabulary (kind, label, position, active, created_at, updated_at, created_by)
     VALUES (?, ?, ?, 1, ?, ?, ?)`,
    [kind, label, position, now, now, createdBy],
  );
}

export function updateVocabularyItem(
  db: Db,
  id: number,
  values: { label: string; active: boolean; position: number },
  updatedAt: string,
): void {
  runSql(db.raw, 'UPDATE vocabulary SET label = ?, active = ?, position = ?, updated_at = ? WHERE id = ?', [
    values.label,
    values.active ? 1 : 0,
    values.position,
    updatedAt,
    id,
  ]);
}
