import type Sqlite from 'better-sqlite3-multiple-ciphers';
import type { RawDb } from '../connection';

/**
 * Prepared statements cached per connection, for the registry queries written
 * in SQL (those that take the visibility filter of electron/handlers/scope.ts
 * or a whitelisted ORDER BY). A statement is prepared once and reused.
 */
const cache = new WeakMap<RawDb, Map<string, Sqlite.Statement>>();

export function prepared(raw: RawDb, text: string): Sqlite.Statement {
  let perDb = cache.get(raw);
  if (!perDb) {
    perDb = new Map();
    cache.set(raw, perDb);
  }
  let statement = perDb.get(text);
  if (!statement) {
    statement = raw.prepare(text);
    perDb.set(text, statement);
  }
  return statement;
}

export function allRows<R>(raw: RawDb, text: string, params: unknown[] = []): R[] {
  return prepared(raw, text).all(...params) as R[];
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the row's shape
export function firstRow<R>(raw: RawDb, text: string, params: unknown[] = []): R | undefined {
  return prepared(raw, text).get(...params) as R | undefined;
}

export function runSql(raw: RawDb, text: string, params: unknown[] = []): number {
  return Number(prepared(raw, text).run(...params).lastInsertRowid);
}

/** How a unit reads to a person: "Scala A, piano 2, int. 7"; floor 0 is "piano terra". */
export function unitLabel(staircase: string, floor: number, number: string): string {
  const floorText = floor === 0 ? 'piano terra' : `piano ${floor}`;
  if (staircase === '') return `${floorText.charAt(0).toUpperCase()}${floorText.slice(1)}, int. ${number}`;
  return `Scala ${staircase}, ${floorText}, int. ${number}`;
}

/** A person's name as lists show it: surname first, "Rossi Maria". */
export function personName(surname: string, firstName: string): string {
  return `${surname} ${firstName}`;
}

/** SQL for the reference person's name of alias `m` (a LEFT JOIN on members), or NULL. */
export const REFERENCE_NAME_SQL = `CASE WHEN m.id IS NULL THEN NULL ELSE m.surname || ' ' || m.first_name END`;

/** `?, ?, ?` for an IN list of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
