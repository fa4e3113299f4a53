import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../db/errors';
import { DEFAULT_KDF, KeyRing, type KdfParams } from '../../db/keyring';
import { dataPaths } from '../../db/paths';
import { ADMIN, COOPERATIVE, setUpApp, tempDir } from './helpers';
import { unwrapKey } from './support';

/** Cheap parameters for pure wrap/unwrap tests; the app itself always uses DEFAULT_KDF. */
const FAST: KdfParams = { N: 1024, r: 8, p: 1 };

interface SlotJson {
  id: string;
  userTag: string | null;
  kdf: KdfParams;
  salt: string;
  iv: string;
  ciphertext: string;
  tag: string;
}
interface RingJson {
  format: string;
  version: number;
  tagSalt: string;
  slots: SlotJson[];
}

function readJson(file: string): RingJson {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RingJson;
}

function writeJson(file: string, data: unknown): void {
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}

/** Flips one bit of a base64 field, keeping it valid base64 of the same length. */
function flipBit(b64: string): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

/** A saved key ring with two operators (anna, bruno) and the recovery slot. */
async function savedRing(): Promise<{ file: string; dbKey: Buffer }> {
  const file = path.join(tempDir(), 'cortile.keyring.json');
  const dbKey = crypto.randomBytes(32);
  const ring = KeyRing.create();
  await ring.setSlot('op:1', 'anna', 'password di anna', dbKey, FAST);
  await ring.setSlot('op:2', 'bruno', 'password di bruno', dbKey, FAST);
  await ring.setSlot('recovery', null, 'ABCD-EFGH', dbKey, FAST);
  ring.save(file);
  return { file, dbKey };
}

function expectDamaged(file: string): void {
  let caught: unknown;
  try {
    KeyRing.load(file);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(AppError);
  const err = caught as AppError;
  expect(err.kind).toBe('internal');
  // Italian, names the file, and tells the user what to do.
  expect(err.message).toContain('cortile.keyring.json');
  expect(err.message).toMatch(/danneggiato|non è stato trovato/);
}

describe('key ring wrap and unwrap', () => {
  it('unwraps the database key after a save and load, found by username in any case', async () => {
    const { file, dbKey } = await savedRing();
    const ring = KeyRing.load(file);
    expect(ring.slotIds().sort()).toEqual(['op:1', 'op:2', 'recovery']);
    const slot = ring.findByUsername('  ANNA ');
    expect(slot?.id).toBe('op:1');
    const key = await ring.unwrap(slot!, 'password di anna');
    expect(key).not.toBeNull();
    expect(key!.equals(dbKey)).toBe(true);
    const recovery = ring.recoverySlot();
    expect(recovery?.userTag).toBeNull();
    expect((await ring.unwrap(recovery!, 'ABCD-EFGH'))!.equals(dbKey)).toBe(true);
  });

  it('returns null for a wrong password, including another operator’s password', async () => {
    const { file } = await savedRing();
    const ring = KeyRing.load(file);
    const slot = ring.findByUsername('anna')!;
    expect(await ring.unwrap(slot, 'password di Anna')).toBeNull();
    expect(await ring.unwrap(slot, 'password di bruno')).toBeNull();
    expect(await ring.unwrap(slot, '')).toBeNull();
  });

  it('finds no slot for an unknown username', async () => {
    const { file } = await savedRing();
    expect(KeyRing.load(file).findByUsername('carla')).toBeUndefined();
  });

  it.each([
    ['an altered ciphertext', (s: SlotJson) => ({ ...s, ciphertext: flipBit(s.ciphertext) })],
    ['an altered tag', (s: SlotJson) => ({ ...s, tag: flipBit(s.tag) })],
    ['an altered iv', (s: SlotJson) => ({ ...s, iv: flipBit(s.iv) })],
    ['an altered salt', (s: SlotJson) => ({ ...s, salt: flipBit(s.salt) })],
    ['an altered work factor', (s: SlotJson) => ({ ...s, kdf: { ...s.kdf, N: s.kdf.N * 2 } })],
  ])('refuses a slot with %s', async (_field, alter) => {
    const { file } = await savedRing();
    const json = readJson(file);
    json.slots = json.slots.map((s) => (s.id === 'op:1' ? alter(s) : s));
    writeJson(file, json);
    const ring = KeyRing.load(file);
    expect(await ring.unwrap(ring.findByUsername('anna')!, 'password di anna')).toBeNull();
    // The untouched slot still opens: the refusal is about the altered slot only.
    expect(await ring.unwrap(ring.findByUsername('bruno')!, 'password di bruno')).not.toBeNull();
  });

  it('refuses a slot whose tag is cut to 12 bytes (a prefix GCM would otherwise accept)', async () => {
    const { file } = await savedRing();
    const json = readJson(file);
    json.slots = json.slots.map((s) =>
      s.id === 'op:1' ? { ...s, tag: Buffer.from(s.tag, 'base64').subarray(0, 12).toString('base64') } : s,
    );
    writeJson(file, json);
    expect(() => KeyRing.load(file)).toThrow(AppError);
  });

  it('binds each slot to its id: swapping the ids of two slots makes both fail', async () => {
    const { file } = await savedRing();
    const json = readJson(file);
    const anna = json.slots.find((s) => s.id === 'op:1')!;
    const bruno = json.slots.find((s) => s.id === 'op:2')!;
    anna.id = 'op:2';
    bruno.id = 'op:1';
    writeJson(file, json);
    const ring = KeyRing.load(file);
    // Anna's slot now claims to be operator 2: if it opened, she would be signed in as Bruno.
    const moved = ring.findByUsername('anna')!;
    expect(moved.id).toBe('op:2');
    expect(await ring.unwrap(moved, 'password di anna')).toBeNull();
    expect(await ring.unwrap(ring.findByUsername('bruno')!, 'password di bruno')).toBeNull();
  });

  it('refuses an operator slot renamed to the recovery slot', async () => {
    const { file } = await savedRing();
    const json = readJson(file);
    json.slots = json.slots.filter((s) => s.id !== 'recovery');
    json.slots[0]!.id = 'recovery';
    writeJson(file, json);
    const ring = KeyRing.load(file);
    expect(await ring.unwrap(ring.recoverySlot()!, 'password di anna')).toBeNull();
  });

  it('replaces a slot with the same id instead of adding a second one, and removes slots', async () => {
    const dbKey = crypto.randomBytes(32);
    const ring = KeyRing.create();
    await ring.setSlot('op:1', 'anna', 'prima password', dbKey, FAST);
    await ring.setSlot('op:1', 'anna', 'seconda password', dbKey, FAST);
    expect(ring.slotIds()).toEqual(['op:1']);
    const slot = ring.findByUsername('anna')!;
    expect(await ring.unwrap(slot, 'prima password')).toBeNull();
    expect((await ring.unwrap(slot, 'seconda password'))!.equals(dbKey)).toBe(true);
    ring.removeSlot('op:1');
    expect(ring.slotIds()).toEqual([]);
    expect(ring.findByUsername('anna')).toBeUndefined();
  });
});

describe('loading a damaged key ring', () => {
  const cases: [string, (file: string, text: string, json: RingJson) => void][] = [
    ['JSON cut in half', (f, text) => fs.writeFileSync(f, text.slice(0, Math.floor(text.length / 2)))],
    ['garbage bytes', (f) => fs.writeFileSync(f, crypto.randomBytes(512))],
    ['empty file', (f) => fs.writeFileSync(f, '')],
    ['JSON null', (f) => fs.writeFileSync(f, 'null')],
    ['a JSON array', (f) => fs.writeFileSync(f, '[]')],
    ['wrong format name', (f, _t, j) => writeJson(f, { ...j, format: 'altro-programma' })],
    ['unknown version', (f, _t, j) => writeJson(f, { ...j, version: 2 })],
    ['missing tagSalt', (f, _t, j) => writeJson(f, { format: j.format, version: j.version, slots: j.slots })],
    ['slots not a list', (f, _t, j) => writeJson(f, { ...j, slots: {} })],
    [
      'a slot id that is neither op:<n> nor recovery',
      (f, _t, j) =>
        writeJson(f, { ...j, slots: j.slots.map((s, i) => (i === 0 ? { ...s, id: 'admin' } : s)) }),
    ],
    [
      'operator id zero',
      (f, _t, j) =>
        writeJson(f, { ...j, slots: j.slots.map((s, i) => (i === 0 ? { ...s, id: 'op:0' } : s)) }),
    ],
    [
      'a salt that is not base64',
      (f, _t, j) =>
        writeJson(f, {
          ...j,
          slots: j.slots.map((s, i) => (i === 0 ? { ...s, salt: '%%%not-base64%%%' } : s)),
        }),
    ],
    [
      'a user tag that is not a hash',
      (f, _t, j) =>
        writeJson(f, { ...j, slots: j.slots.map((s, i) => (i === 0 ? { ...s, userTag: 'anna' } : s)) }),
    ],
    [
      'a work factor below the floor',
      (f, _t, j) =>
        writeJson(f, {
          ...j,
          slots: j.slots.map((s, i) => (i === 0 ? { ...s, kdf: { N: 16, r: 8, p: 1 } } : s)),
        }),
    ],
    [
      'a work factor given as text',
      (f, _t, j) =>
        writeJson(f, {
          ...j,
          slots: j.slots.map((s, i) => (i === 0 ? { ...s, kdf: { N: '131072', r: 8, p: 1 } } : s)),
        }),
    ],
    [
      'a slot without its tag',
      (f, _t, j) =>
        writeJson(f, { ...j, slots: j.slots.map((s, i) => (i === 0 ? { ...s, tag: undefined } : s)) }),
    ],
    ['duplicate slot ids', (f, _t, j) => writeJson(f, { ...j, slots: [...j.slots, { ...j.slots[0]! }] })],
    [
      'two slots both named recovery',
      (f, _t, j) => writeJson(f, { ...j, slots: j.slots.map((s) => ({ ...s, id: 'recovery' })) }),
    ],
  ];

  it.each(cases)('throws an Italian AppError for %s', async (_name, damage) => {
    const { file } = await savedRing();
    const text = fs.readFileSync(file, 'utf8');
    // Control: the undamaged file loads.
    expect(KeyRing.load(file).slotIds()).toHaveLength(3);
    damage(file, text, JSON.parse(text) as RingJson);
    expectDamaged(file);
  });

  it('throws an Italian AppError for a missing file', () => {
    expectDamaged(path.join(tempDir(), 'cortile.keyring.json'));
  });

  it('throws an Italian AppError when the path is a folder', () => {
    const dir = path.join(tempDir(), 'cortile.keyring.json');
    fs.mkdirSync(dir);
    expectDamaged(dir);
  });
});

describe('the key ring of a real installation', () => {
  it('uses the default work factor, drops a deactivated operator’s slot, and refuses their sign-in', async () => {
    const app = await setUpApp();
    const file = dataPaths(app.dir).keyring;
    const { operator } = await app.ok('operators.create', {
      fullName: 'Bruno Verdi',
      username: 'bruno',
      role: 'operatore',
      temporaryPassword: 'temporanea di bruno',
    });
    const slotId = `op:${operator.id}`;
    let ring = readJson(file);
    expect(ring.slots.map((s) => s.id).sort()).toEqual(['op:1', slotId, 'recovery'].sort());
    for (const slot of ring.slots) expect(slot.kdf).toEqual({ ...DEFAULT_KDF });
    // Control: before deactivation the temporary password opens Bruno's slot.
    expect(await unwrapKey(app.dir, 'bruno', 'temporanea di bruno')).toHaveLength(32);

    await app.ok('operators.update', {
      id: operator.id,
      expectedUpdatedAt: operator.updatedAt,
      active: false,
    });
    ring = readJson(file);
    expect(ring.slots.map((s) => s.id)).not.toContain(slotId);
    expect(ring.slots.map((s) => s.id).sort()).toEqual(['op:1', 'recovery']);
    expect(KeyRing.load(file).findByUsername('bruno')).toBeUndefined();

    await app.ok('session.logout', {});
    const result = await app.call('session.login', { username: 'bruno', password: 'temporanea di bruno' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('forbidden');
      expect(result.error.message).toBe('Nome utente o password non corretti.');
    }
    expect((await app.ok('app.status', {})).state).toBe('locked');
  });

  it('never holds passwords, usernames, names or the database key in clear', async () => {
    const app = await setUpApp();
    await app.ok('operators.create', {
      fullName: 'Bruno Verdi',
      username: 'bruno.verdi',
      role: 'coordinatore',
      temporaryPassword: 'temporanea di bruno',
    });
    const file = dataPaths(app.dir).keyring;
    const text = fs.readFileSync(file, 'utf8');
    const dbKey = await unwrapKey(app.dir);
    const forbidden = [
      ADMIN.password,
      ADMIN.fullName,
      'temporanea di bruno',
      'bruno.verdi',
      'Bruno Verdi',
      COOPERATIVE.name,
      app.recoveryKey,
      app.recoveryKey.replace(/-/g, ''),
      dbKey.toString('hex'),
      dbKey.toString('hex').toUpperCase(),
      dbKey.toString('base64'),
    ];
    for (const secret of forbidden)
      expect(text, `key ring contains ${secret.slice(0, 6)}…`).not.toContain(secret);
    // A short name like "anna" could occur by chance inside random base64, so look for it
    // everywhere except in the random fields.
    const { tagSalt: _tagSalt, slots, ...rest } = readJson(file);
    const nonRandom = JSON.stringify([rest, slots.map(({ id, userTag, kdf }) => ({ id, userTag, kdf }))]);
    expect(nonRandom).toContain('recovery');
    for (const name of [ADMIN.username, 'bruno']) expect(nonRandom).not.toContain(name);
    if (process.platform !== 'win32') {
      // Only the owner may read it.
      expect(fs.statSync(file).mode & 0o077).toBe(0);
    }
  });
});
