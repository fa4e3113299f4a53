import crypto from 'node:crypto';
import fs from 'node:fs';
import type { SessionOperator } from '../../shared/contract';
import { appendAudit } from '../../db/audit';
import { anchorHead, anchorPath } from '../../db/audit-anchor';
import { openDatabase, type Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import {
  DEFAULT_KDF,
  deriveKey,
  KeyRing,
  operatorSlotId,
  type KeySlot,
  type PreparedSecret,
} from '../../db/keyring';
import { Lockout } from '../../db/lockout';
import { migrate } from '../../db/migrate';
import { dataPaths, type DataPaths } from '../../db/paths';
import { Outbox } from './outbox';
import { Backups } from './backups';
import { getOperator, updateOperator, type OperatorRow } from '../../db/queries/operators';
import { getSettings } from '../../db/queries/settings';
import { transaction } from '../../db/sync';
import type { Logger } from './logger';

export const WRONG_CREDENTIALS = 'Nome utente o password non corretti.';
export const LOCKED_MESSAGE = 'La sessione è bloccata: accedere di nuovo.';

export function toSessionOperator(row: OperatorRow): SessionOperator {
  return {
    id: row.id,
    fullName: row.full_name,
    username: row.username,
    role: row.role,
    mustChangePassword: row.must_change_password === 1,
  };
}

export interface Unlocked {
  db: Db;
  key: Buffer;
  keyring: KeyRing;
  operatorId: number;
  lastActivity: number;
  autoLockMinutes: number;
}

/**
 * The one signed-in session of this process: the open database, its key and
 * who holds it. Locking closes the database and forgets the key.
 */
export class Vault {
  readonly paths: DataPaths;
  readonly lockout: Lockout;
  readonly outbox: Outbox;
  /** Backups, the start-up check and restores. */
  readonly backups: Backups;
  private state: Unlocked | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    dataDir: string,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {
    this.paths = dataPaths(dataDir);
    fs.mkdirSync(this.paths.dir, { recursive: true, mode: 0o700 });
    fs.mkdirSync(this.paths.backups, { recursive: true });
    fs.mkdirSync(this.paths.logs, { recursive: true });
    this.lockout = new Lockout(this.paths.lockout);
    this.outbox = new Outbox(this.paths.outbox, this.clock);
    this.backups = new Backups(this, this.log, this.clock);
  }

  needsSetup(): boolean {
    return !fs.existsSync(this.paths.database);
  }

  get unlocked(): Unlocked | null {
    return this.state;
  }

  /** The open session; throws `locked` when there is none. */
  requireSession(): Unlocked {
    if (!this.state) throw new AppError('locked', LOCKED_MESSAGE);
    return this.state;
  }

  /** The open database; throws `locked` when the session is locked. */
  requireDb(): Db {
    return this.requireSession().db;
  }

  /**
   * Seals a key slot with this session's database key and saves the key ring.
   * Call inside the transaction of the change it belongs to, last.
   */
  saveSlot(id: string, username: string | null, prepared: PreparedSecret): void {
    const { keyring, key } = this.requireSession();
    keyring.sealSlot(id, username, prepared, key);
    keyring.save(this.paths.keyring);
  }

  /** Removes a key slot and saves the key ring (inside the change's transaction, last). */
  removeSlot(id: string): void {
    const { keyring } = this.requireSession();
    keyring.removeSlot(id);
    keyring.save(this.paths.keyring);
  }

  currentOperator(): OperatorRow | null {
    if (!this.state) return null;
    return getOperator(this.state.db, this.state.operatorId) ?? null;
  }

  touch(): number {
    if (!this.state) return 0;
    this.state.lastActivity = this.clock();
    return this.state.lastActivity + this.state.autoLockMinutes * 60_000;
  }

  setAutoLockMinutes(minutes: number): void {
    if (this.state) this.state.autoLockMinutes = minutes;
  }

  /** Opens the database with a key unwrapped from a slot and signs `operator` in. */
  async open(key: Buffer, keyring: KeyRing, operatorId: number): Promise<Db> {
    this.close('session.switch');
    // Throws (opening nothing) when the database fails the start-up check.
    this.backups.checkAtStart(key, keyring, operatorId);
    const db = openDatabase(this.paths.database, key);
    try {
      await migrate(db);
    } catch (err) {
      db.close();
      throw err;
    }
    this.state = {
      db,
      key,
      keyring,
      operatorId,
      lastActivity: this.clock(),
      autoLockMinutes: getSettings(db).autoLockMinutes,
    };
    this.startTimer();
    this.backups.afterOpen();
    return db;
  }

  /**
   * Tries a secret against a slot. A missing slot still costs one derivation,
   * so timing does not tell whether a username exists.
   */
  async tryUnwrap(keyring: KeyRing, slot: KeySlot | undefined, secret: string): Promise<Buffer | null> {
    if (!slot) {
      await deriveKey(secret, crypto.randomBytes(16), DEFAULT_KDF);
      return null;
    }
    return keyring.unwrap(slot, secret);
  }

  loadKeyring(): KeyRing {
    return KeyRing.load(this.paths.keyring);
  }

  /** Milliseconds before the next sign-in attempt is accepted. */
  retryAfterMs(): number {
    return this.lockout.retryAfterMs(this.clock());
  }

  /** Rejects an attempt made before the back-off delay has passed. */
  checkThrottle(): void {
    const wait = this.retryAfterMs();
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new AppError(
        'throttled',
        `Troppi tentativi non riusciti. Riprova tra ${seconds} ${seconds === 1 ? 'secondo' : 'secondi'}.`,
        { retryAfterMs: wait },
      );
    }
  }

  recordFailure(action: string, slot: KeySlot | undefined): number {
    const operatorId = slot?.id.startsWith('op:') ? Number(slot.id.slice(3)) : null;
    const delay = this.lockout.recordFailure(
      { at: new Date(this.clock()).toISOString(), operatorId, action },
      this.clock(),
    );
    this.log.warn('sign-in failed', { action, delayMs: delay });
    return delay;
  }

  /** After a successful sign-in: move the failures recorded while locked into the log, record the sign-in. */
  recordSuccess(db: Db, operatorId: number, action: string): void {
    const pending = this.lockout.pending();
    const now = new Date(this.clock()).toISOString();
    transaction(db, () => {
      for (const p of pending) {
        appendAudit(db.raw, {
          operatorId: p.operatorId,
          action: p.action,
          at: p.at,
          recordType: 'operator',
          recordId: p.operatorId,
        });
      }
      updateOperator(db, operatorId, { last_login_at: now }, now);
      appendAudit(db.raw, { operatorId, action, recordType: 'operator', recordId: operatorId });
    });
    this.lockout.reset();
  }

  /** Closes the database and forgets the key; records why when a session was open. */
  close(reason: string): void {
    if (!this.state) return;
    if (reason === 'session.end') this.backups.beforeClose();
    const { db, key, operatorId } = this.state;
    try {
      transaction(db, () =>
        appendAudit(db.raw, { operatorId, action: reason, recordType: 'operator', recordId: operatorId }),
      );
      // The chain's head, kept outside the database, shows later whether its newest rows were removed.
      anchorHead(db.raw, anchorPath(this.paths.dir), key, new Date(this.clock()).toISOString());
    } catch (err) {
      this.log.error('could not record session end', {
        reason,
        error: err instanceof Error ? err.name : 'unknown',
      });
    }
    db.close();
    key.fill(0);
    this.state = null;
    this.outbox.clear();
    this.stopTimer();
  }

  slotIdFor(operatorId: number): string {
    return operatorSlotId(operatorId);
  }

  private startTimer(): void {
    this.stopTimer();
    this.timer = setInterval(() => {
      const s = this.state;
      if (s && this.clock() - s.lastActivity >= s.autoLockMinutes * 60_000) {
        this.log.info('auto-lock');
        this.close('session.autolock');
      }
    }, 5_000);
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
