import crypto from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';
import { AppError } from './errors';

/**
 * The key ring holds the random database key wrapped once per active
 * operator (under their password) and once under the recovery key, like LUKS
 * key slots. Each slot is AES-256-GCM with a key derived by scrypt; the slot
 * id is bound as additional authenticated data so slots cannot be swapped.
 */

/** Chosen so one derivation takes ≥ 250 ms on the reference machine (measured ~450 ms). */
export const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
export type KdfParams = { N: number; r: number; p: number };

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const slotSchema = z.object({
  /** `op:<operatorId>` or `recovery`. */
  id: z.string().regex(/^(op:[1-9][0-9]*|recovery)$/),
  /** Salted SHA-256 of the username, so the slot is found without storing the name. */
  userTag: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  kdf: z.object({
    N: z
      .number()
      .int()
      .min(1024)
      .max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
  }),
  salt: b64,
  iv: b64.length(16), // 12 bytes
  ciphertext: b64,
  tag: b64.length(24), // 16 bytes: a shorter GCM tag would weaken the check
});
const fileSchema = z.object({
  format: z.literal('cortile-keyring'),
  version: z.literal(1),
  tagSalt: b64,
  slots: z.array(slotSchema),
});
export type KeySlot = z.infer<typeof slotSchema>;
export type KeyRingData = z.infer<typeof fileSchema>;

export const KEY_BYTES = 32;

const DAMAGED =
  'Il file delle chiavi (cortile.keyring.json) è danneggiato o è stato modificato. ' +
  'Ripristinarlo da una copia di sicurezza oppure contattare il referente informatico.';

export async function deriveKey(secret: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return scrypt(secret.normalize('NFC'), salt, KEY_BYTES, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024,
  });
}

export interface PreparedSecret {
  kek: Buffer;
  salt: Buffer;
  kdf: KdfParams;
}

/** Derives a key-encryption key from a password or recovery key, with a fresh salt. */
export async function prepareSecret(secret: string, kdf: KdfParams = DEFAULT_KDF): Promise<PreparedSecret> {
  const salt = crypto.randomBytes(16);
  return { kek: await deriveKey(secret, salt, kdf), salt, kdf };
}

export class KeyRing {
  private constructor(private data: KeyRingData) {}

  static create(): KeyRing {
    return new KeyRing({
      format: 'cortile-keyring',
      version: 1,
      tagSalt: crypto.randomBytes(16).toString('base64'),
      slots: [],
    });
  }

  /** Reads and checks the file; a missing, truncated or altered file gives an AppError, never a crash. */
  static load(file: string): KeyRing {
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch {
      throw new AppError(
        'internal',
        'Il file delle chiavi (cortile.keyring.json) non è stato trovato accanto al database.',
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError('internal', DAMAGED);
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw new AppError('internal', DAMAGED);
    const ids = new Set(parsed.data.slots.map((s) => s.id));
    if (ids.size !== parsed.data.slots.length) throw new AppError('internal', DAMAGED);
    return new KeyRing(parsed.data);
  }

  save(file: string): void {
    writeFileAtomic(file, `${JSON.stringify(this.data, null, 2)}\n`);
  }

  userTag(username: string): string {
    return crypto
      .createHash('sha256')
      .update(Buffer.from(this.data.tagSalt, 'base64'))
      .update(username.trim().toLowerCase())
      .digest('hex');
  }

  slotIds(): string[] {
    return this.data.slots.map((s) => s.id);
  }

  findByUsername(username: string): KeySlot | undefined {
    const tag = this.userTag(username);
    return this.data.slots.find((s) => s.userTag === tag);
  }

  hasSlot(id: string): boolean {
    return this.data.slots.some((s) => s.id === id);
  }

  /** Wraps the database key under `secret` and stores it as slot `id` (replacing any previous one). */
  async setSlot(
    id: string,
    username: string | null,
    secret: string,
    dbKey: Buffer,
    kdf: KdfParams = DEFAULT_KDF,
  ): Promise<void> {
    this.sealSlot(id, username, await prepareSecret(secret, kdf), dbKey);
  }

  /**
   * The fast, synchronous half of `setSlot`: the slow key derivation is done
   * beforehand, so the slot can be sealed inside a database transaction once
   * the operator's id is known.
   */
  sealSlot(id: string, username: string | null, prepared: PreparedSecret, dbKey: Buffer): void {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', prepared.kek, iv);
    cipher.setAAD(Buffer.from(id));
    const ciphertext = Buffer.concat([cipher.update(dbKey), cipher.final()]);
    const slot: KeySlot = {
      id,
      userTag: username === null ? null : this.userTag(username),
      kdf: { ...prepared.kdf },
      salt: prepared.salt.toString('base64'),
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
    this.data.slots = [...this.data.slots.filter((s) => s.id !== id), slot];
  }

  removeSlot(id: string): void {
    this.data.slots = this.data.slots.filter((s) => s.id !== id);
  }

  /** The database key, or null when the secret is wrong (or the slot was altered). */
  async unwrap(slot: KeySlot, secret: string): Promise<Buffer | null> {
    const kek = await deriveKey(secret, Buffer.from(slot.salt, 'base64'), slot.kdf);
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'), {
        authTagLength: 16,
      });
      decipher.setAAD(Buffer.from(slot.id));
      decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
      const key = Buffer.concat([decipher.update(Buffer.from(slot.ciphertext, 'base64')), decipher.final()]);
      return key.length === KEY_BYTES ? key : null;
    } catch {
      return null;
    }
  }

  recoverySlot(): KeySlot | undefined {
    return this.data.slots.find((s) => s.id === 'recovery');
  }
}

export function operatorSlotId(operatorId: number): string {
  return `op:${operatorId}`;
}
