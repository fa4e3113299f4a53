import type { Compilable } from 'kysely';
import type { Db, RawDb } from './connection';
import type Sqlite from 'better-sqlite3-multiple-ciphers';

/**
 * Kysely builds the SQL; better-sqlite3 runs it synchronously, with prepared
 * statements cached per connection. Synchronous execution keeps every write
 * and its audit entry inside one real SQLite transaction.
 */
const cache = new WeakMap<RawDb, Map<string, Sqlite.Statement>>();

function statement(raw: RawDb, sqlText: string): Sqlite.Statement {
  let perDb = cache.get(raw);
  if (!perDb) {
    perDb = new Map();
    cache.set(raw, perDb);
  }
  let stmt = perDb.get(sqlText);
  if (!stmt) {
    stmt = raw.prepare(sqlText);
    perDb.set(sqlText, stmt);
  }
  return stmt;
}

export function all<R>(db: Db, query: Compilable<R>): R[] {
  const { sql, parameters } = query.compile();
  return statement(db.raw, sql).all(...parameters) as R[];
}

export function first<R>(db: Db, query: Compilable<R>): R | undefined {
  const { sql, parameters } = query.compile();
  return statement(db.raw, sql).get(...parameters) as R | undefined;
}

export function run(db: Db, query: Compilable): { changes: number; lastInsertRowid: number } {
  const { sql, parameters } = query.compile();
  const info = statement(db.raw, sql).run(...parameters);
  return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
}

/** Runs `fn` in one transaction: all of it is written, or none. */
export function transaction<T>(db: Db, fn: () => T): T {
  return db.raw.transaction(fn)();
}
