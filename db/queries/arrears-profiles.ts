import type { ArrearsProfile, HeaderMapping } from '../../shared/contract';
import { STATEMENT_FIELD_KEYS } from '../../shared/arrears/statement';
import type { Db } from '../connection';
import { allRows, firstRow, prepared, runSql } from './registry-common';

/** Column-mapping profiles of the arrears import, one per sender ("ALER Cremona"). */
export interface ProfileRow {
  id: number;
  name: string;
  mapping: string;
  updated_at: string;
}

/** The stored JSON read back, keeping only known fields with text values. */
export function parseProfileMapping(text: string): HeaderMapping {
  const mapping: HeaderMapping = {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return mapping;
  }
  if (typeof parsed !== 'object' || parsed === null) return mapping;
  const record = parsed as Record<string, unknown>;
  for (const field of STATEMENT_FIELD_KEYS) {
    const value = record[field];
    if (typeof value === 'string' && value !== '') mapping[field] = value;
  }
  return mapping;
}

export function toProfile(row: ProfileRow): ArrearsProfile {
  return { id: row.id, name: row.name, mapping: parseProfileMapping(row.mapping), updatedAt: row.updated_at };
}

export function listProfiles(db: Db): ProfileRow[] {
  return allRows<ProfileRow>(
    db.raw,
    'SELECT id, name, mapping, updated_at FROM arrears_profiles ORDER BY name COLLATE NOCASE, id',
  );
}

export function getProfile(db: Db, id: number): ProfileRow | undefined {
  return firstRow<ProfileRow>(
    db.raw,
    'SELECT id, name, mapping, updated_at FROM arrears_profiles WHERE id = ?',
    [id],
  );
}

/** The profile with this name, ignoring case. */
export function profileByName(db: Db, name: string): ProfileRow | undefined {
  return firstRow<ProfileRow>(
    db.raw,
    'SELECT id, name, mapping, updated_at FROM arrears_profiles WHERE name = ? COLLATE NOCASE',
    [name],
  );
}

export function insertProfile(db: Db, name: string, mapping: HeaderMapping, now: string, by: number): number {
  return runSql(
    db.raw,
    `INSERT INTO arrears_profiles (name, mapping, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [name, JSON.stringify(mapping), now, now, by, by],
  );
}

export function updateProfile(
  db: Db,
  id: number,
  values: { name: string; mapping: HeaderMapping },
  updatedAt: string,
  by: number,
): void {
  prepared(
    db.raw,
    'UPDATE arrears_profiles SET name = ?, mapping = ?, updated_at = ?, updated_by = ? WHERE id = ?',
  ).run(values.name, JSON.stringify(values.mapping), updatedAt, by, id);
}

export function deleteProfile(db: Db, id: number): void {
  prepared(db.raw, 'DELETE FROM arrears_profiles WHERE id = ?').run(id);
}
