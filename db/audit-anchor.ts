import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';
import type { RawDb } from './connection';

/**
 * The chain alone cannot show that its newest rows were deleted. So the head
 * of the chain (the newest id and hash) is also written outside the database,
 * in `cortile.audit-head.json` beside it, when a session ends and after every
 * verification, with an HMAC under the database key so the file cannot be
 * forged without the key. A chain shorter than its anchor, or whose row at
 * the anchor's id has another hash, lost rows.
 */
export interface AuditAnchor {
  id: number;
  hash: string;
  at: string;
}

export const ANCHOR_FILE = 'cortile.audit-head.json';

export function anchorPath(dataDir: string): string {
  return path.join(dataDir, ANCHOR_FILE);
}

function mac(key: Buffer, anchor: AuditAnchor): string {
  return crypto
    .createHmac('sha256', key)
    .update(`cortile-audit-head\n${anchor.id}\n${anchor.hash}\n${anchor.at}`)
    .digest('hex');
}

export function writeAuditAnchor(file: string, key: Buffer, anchor: AuditAnchor): void {
  writeFileAtomic(file, JSON.stringify({ ...anchor, mac: mac(key, anchor) }));
}

/** Writes the current head of the chain (nothing when the log is empty). */
export function anchorHead(db: RawDb, file: string, key: Buffer, at: string): void {
  const head = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  if (head) writeAuditAnchor(file, key, { id: head.id, hash: head.hash, at });
}

/** The anchor, null when there is none, 'invalid' when it was damaged or forged. */
export function readAuditAnchor(file: string, key: Buffer): AuditAnchor | null | 'invalid' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(text) as Partial<AuditAnchor & { mac: string }>;
    if (typeof value.id !== 'number' || typeof value.hash !== 'string' || typeof value.at !== 'string') {
      return 'invalid';
    }
    const anchor = { id: value.id, hash: value.hash, at: value.at };
    const expected = Buffer.from(mac(key, anchor), 'hex');
    const given = Buffer.from(typeof value.mac === 'string' ? value.mac : '', 'hex');
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return 'invalid';
    return anchor;
  } catch {
    return 'invalid';
  }
}
