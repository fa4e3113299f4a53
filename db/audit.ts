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

export type ChainReason = 'altered' | 'missing_before' | 'missing_after';

export type ChainCheck =
  | { intact: true; rows: number }
  | {
      intact: false;
      rows: number;
      /** The altered row, or the row that follows removed ones. */
      firstBadId: number;
      reason: ChainReason;
      /** For removed rows: the first id missing. */
      removedId?: number;
    };

/** One row as the verification reads it: id, stored hash, stored prev_hash followed by the hashed fields' JSON. */
type ChainRow = [number, string, string];

/**
 * Walks the whole chain; reports the first row that was altered, or the first
 * id missing before a row that is still there. SQLite writes each row's
 * hashed text itself (`prev_hash || json_array(...)`, the same bytes as
 * `rowHash` hashes), so a row crosses into JavaScript as three values and
 * costs one hash call: a million rows take about two seconds on the
 * reference machine. A mismatch is confirmed with `rowHash` before it is
 * reported.
 */
export function verifyAuditChain(db: RawDb): ChainCheck {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  const statement = db
    .prepare(
      `SELECT id, hash, prev_hash || json_array(id, at, operator_id, action, record_type, record_id)
         FROM audit_log ORDER BY id`,
    )
    .raw(true);
  const one = db.prepare('SELECT * FROM audit_log WHERE id = ?');
  for (const [id, hash, text] of statement.iterate() as IterableIterator<ChainRow>) {
    rows += 1;
    if (id !== expectedId) {
      // A gap in the ids: the rows from expectedId up to this one were removed.
      return { intact: false, rows, firstBadId: id, reason: 'missing_before', removedId: expectedId };
    }
    if (!text.startsWith(prevHash) || crypto.hash('sha256', text, 'hex') !== hash) {
      const row = one.get(id) as AuditRow;
      if (row.prev_hash !== prevHash || rowHash(prevHash, row) !== row.hash) {
        return { intact: false, rows, firstBadId: id, reason: 'altered' };
      }
    }
    prevHash = hash;
    expectedId += 1;
  }
  return { intact: true, rows };
}

/**
 * Records that someone read a record (a page opened). This commit alone skips
 * the fsync (synchronous = NORMAL, in WAL mode): see "Opening a household page
 * is audited" in docs/decisions.md.
 */
export function recordRead(db: RawDb, entry: AuditEntry): void {
  db.pragma('synchronous = NORMAL');
  try {
    db.transaction(() => appendAudit(db, entry))();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
