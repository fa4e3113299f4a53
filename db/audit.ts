import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { RawDb } from './connection';
import type { AuditLogTable } from './schema';

/**
 * The audit log is a hash chain: each row stores the SHA-256 of the previous
 * row's hash plus its own fields, so editing or deleting a row breaks every
 * hash after it. It records who, when, which call and which record, never
 * field contents.
 */
export interface AuditEntry {
  operatorId: number | null;
  action: string;
  recordType?: string | null;
  recordId?: string | number | null;
  /** Defaults to now; set for failed sign-ins recorded while locked. */
  at?: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** One row of `audit_log` as stored. */
export type AuditRow = Selectable<AuditLogTable>;

export function rowHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const fields = [row.id, row.at, row.operator_id, row.action, row.record_type, row.record_id];
  return crypto.createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

/** Appends one entry. Call inside the same transaction as the change it records. */
export function appendAudit(db: RawDb, entry: AuditEntry): void {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  const row = {
    id: (last?.id ?? 0) + 1,
    at: entry.at ?? new Date().toISOString(),
    operator_id: entry.operatorId,
    action: entry.action,
    record_type: entry.recordType ?? null,
    record_id: entry.recordId === undefined || entry.recordId === null ? null : String(entry.recordId),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  db.prepare(
    `INSERT INTO audit_log (id, at, operator_id, action, record_type, record_id, prev_hash, hash)
     VALUES (@id, @at, @operator_id, @action, @record_type, @record_id, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prevHash, hash: rowHash(prevHash, row) });
}

export type ChainCheck =
  { intact: true; rows: number } | { intact: false; rows: number; firstBadId: number; reason: string };

/** Walks the whole chain; reports the first row that was altered, or that follows a removed row. */
export function verifyAuditChain(db: RawDb): ChainCheck {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  for (const row of db
    .prepare('SELECT * FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<AuditRow>) {
    rows += 1;
    if (row.id !== expectedId || row.prev_hash !== prevHash) {
      return { intact: false, rows, firstBadId: row.id, reason: 'missing_before' };
    }
    if (rowHash(prevHash, row) !== row.hash) {
      return { intact: false, rows, firstBadId: row.id, reason: 'altered' };
    }
    prevHash = row.hash;
    expectedId += 1;
  }
  return { intact: true, rows };
}
