import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import type { OutboxFile } from './shell';

/** How long a produced file waits to be saved before it is removed. */
export const OUTBOX_TTL_MS = 30 * 60_000;

interface Entry {
  operatorId: number;
  fileName: string;
  mime: string;
  path: string;
  createdAt: number;
  file: OutboxFile | null;
}

const GONE = 'Il file non è più disponibile: generarlo di nuovo.';

/**
 * Files a handler produces for the user (CSV, PDF, JSON) wait here, in
 * `<data>/outbox/`, readable only by this user, until the shell hands them
 * over. They may hold personal data in clear, so they live at most 30
 * minutes and the whole folder is emptied at start, lock and sign-out.
 */
export class Outbox {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly dir: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.clear();
  }

  /** Reserves a file; write it at `path`, then call `finish(id)`. */
  create(operatorId: number, fileName: string, mime: string): { id: string; path: string } {
    this.purgeExpired();
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const id = crypto.randomBytes(16).toString('hex');
    const file = path.join(this.dir, `${id}.tmp`);
    fs.writeFileSync(file, '', { mode: 0o600 });
    this.entries.set(id, { operatorId, fileName, mime, path: file, createdAt: this.clock(), file: null });
    return { id, path: file };
  }

  /** Hashes the written file and makes it deliverable. */
  async finish(id: string): Promise<OutboxFile> {
    const entry = this.entries.get(id);
    if (!entry) throw new AppError('not_found', GONE);
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    for await (const chunk of fs.createReadStream(entry.path)) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      hash.update(buffer);
    }
    entry.file = { id, fileName: entry.fileName, mime: entry.mime, bytes, sha256: hash.digest('hex') };
    return entry.file;
  }

  /** Drops a reservation whose writing failed. */
  discard(id: string): void {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    if (entry) fs.rmSync(entry.path, { force: true });
  }

  /** A finished file of this operator, or `not_found`. */
  get(id: string, operatorId: number): { file: OutboxFile; path: string } {
    this.purgeExpired();
    const entry = this.entries.get(id);
    if (!entry?.file || entry.operatorId !== operatorId) throw new AppError('not_found', GONE);
    return { file: entry.file, path: entry.path };
  }

  /** Removes every file (at start, lock and sign-out). */
  clear(): void {
    this.entries.clear();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private purgeExpired(): void {
    const now = this.clock();
    for (const [id, entry] of this.entries) {
      if (now - entry.createdAt > OUTBOX_TTL_MS) this.discard(id);
    }
  }
}
