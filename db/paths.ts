import path from 'node:path';

/** The files of one data folder. */
export interface DataPaths {
  dir: string;
  database: string;
  keyring: string;
  /** Failed sign-ins recorded while the database is locked. */
  lockout: string;
  backups: string;
  logs: string;
  /** Files produced for the user (exports, PDFs) until they are saved; emptied at start and lock. */
  outbox: string;
}

export function dataPaths(dir: string): DataPaths {
  return {
    dir,
    database: path.join(dir, 'cortile.db'),
    keyring: path.join(dir, 'cortile.keyring.json'),
    lockout: path.join(dir, 'cortile.lockout.json'),
    backups: path.join(dir, 'backups'),
    logs: path.join(dir, 'logs'),
    outbox: path.join(dir, 'outbox'),
  };
}
