import crypto from 'node:crypto';
import type { HeaderMapping } from '../../../shared/contract';
import type { StatementRow } from '../../../shared/arrears/statement';
import type { Db } from '../../../db/connection';

/**
 * Previews of an arrears import, kept in memory between previewImport and
 * commitImport so that the commit writes exactly the rows the user saw. Each
 * belongs to the operator who made it, expires after PREVIEW_TTL_MS and goes
 * once committed. They are kept per open database: when the session locks,
 * the database object is dropped and its previews (which hold personal data)
 * with it. At most MAX_PREVIEWS are kept; the oldest goes first.
 */
export const PREVIEW_TTL_MS = 30 * 60_000;
export const MAX_PREVIEWS = 3;

export type MatchedBy = 'unitCode' | 'alias' | 'taxCode';

export interface PreviewRow {
  row: StatementRow;
  /** Null for an unmatched row. */
  unitId: number | null;
  householdId: number | null;
  matchedBy: MatchedBy | null;
}

export interface StoredPreview {
  id: string;
  operatorId: number;
  expiresAt: number;
  fileName: string;
  sha256: string;
  profileId: number | null;
  mapping: HeaderMapping;
  /** Rows without errors, matched or not, in file order. */
  rows: PreviewRow[];
  /** Rows with at least one error. */
  errorLines: number;
  read: number;
}

const stores = new WeakMap<Db, Map<string, StoredPreview>>();

function storeOf(db: Db): Map<string, StoredPreview> {
  let store = stores.get(db);
  if (!store) {
    store = new Map();
    stores.set(db, store);
  }
  return store;
}

function dropExpired(store: Map<string, StoredPreview>, now: number): void {
  for (const [id, preview] of store) if (preview.expiresAt <= now) store.delete(id);
}

/** Keeps a preview and returns it with its new random id. */
export function savePreview(
  db: Db,
  preview: Omit<StoredPreview, 'id' | 'expiresAt'>,
  now = Date.now(),
): StoredPreview {
  const store = storeOf(db);
  dropExpired(store, now);
  // A new preview of the same file by the same operator (another sheet, another mapping) replaces the older.
  for (const [id, other] of store) {
    if (other.operatorId === preview.operatorId && other.sha256 === preview.sha256) store.delete(id);
  }
  while (store.size >= MAX_PREVIEWS) {
    const oldest = store.keys().next();
    if (oldest.done) break;
    store.delete(oldest.value);
  }
  const stored: StoredPreview = {
    ...preview,
    id: crypto.randomUUID(),
    expiresAt: now + PREVIEW_TTL_MS,
  };
  store.set(stored.id, stored);
  return stored;
}

/** The operator's preview with this id, if it has not expired. */
export function findPreview(
  db: Db,
  id: string,
  operatorId: number,
  now = Date.now(),
): StoredPreview | undefined {
  const store = storeOf(db);
  dropExpired(store, now);
  const preview = store.get(id);
  return preview && preview.operatorId === operatorId ? preview : undefined;
}

export function dropPreview(db: Db, id: string): void {
  storeOf(db).delete(id);
}
