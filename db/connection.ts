import Sqlite from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from './errors';
import type { Database } from './schema';

export type RawDb = Sqlite.Database;

export interface Db {
  raw: RawDb;
  kysely: Kysely<Database>;
  close(): void;
}

/**
 * Opens (or creates) the encrypted database with the raw 256-bit key, in
 * SQLCipher-compatible format so standard tools can open a copy with the key.
 *
 * synchronous=FULL: these records are costly to lose, and the writes are small
 * and few, so we pay the extra fsync per transaction.
 */
export function openDatabase(file: string, key: Buffer, options: { create?: boolean } = {}): Db {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  const raw = new Sqlite(file, { fileMustExist: !options.create });
  try {
    raw.pragma(`cipher = 'sqlcipher'`);
    raw.pragma('legacy = 4');
    raw.pragma(`key = "x'${key.toString('hex')}'"`);
    // The first read proves the key: a wrong key answers "file is not a database".
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    raw.close();
    if (err instanceof Error && /not a database/i.test(err.message)) {
      throw new AppError(
        'internal',
        'Il database non si apre con questa chiave: il file è danneggiato o non è di questa installazione.',
      );
    }
    throw err;
  }
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('cache_size = -131072'); // 128 MiB: keeps decrypted pages (see the architecture guide)
  raw.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    raw,
    kysely,
    close() {
      if (raw.open) {
        try {
          raw.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          raw.close();
        }
      }
    },
  };
}
