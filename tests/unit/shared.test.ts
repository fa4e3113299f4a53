import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { roleAtLeast, ROLES } from '../../shared/contract';
import { formatDate, formatDateTime, formatMoney } from '../../shared/format';
import { passwordStrength } from '../../shared/password';
import { formatRecoveryKey, normaliseRecoveryKey, RECOVERY_KEY_BYTES } from '../../shared/recovery-key';

/** Crockford's base-32 alphabet: digits and letters without I, L, O, U. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_SHAPE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/;

/** An independent decoder: each character is 5 bits, most significant first. */
function decodeCrockford(key: string): Buffer {
  const bits = Array.from(key.replace(/-/g, ''))
    .map((c) => CROCKFORD.indexOf(c).toString(2).padStart(5, '0'))
    .join('');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** Intl may put a (narrow) no-break space before the euro sign. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('recovery keys', () => {
  it('are 32 Crockford characters in 8 groups of 4 that encode the 20 bytes exactly', () => {
    for (let i = 0; i < 50; i += 1) {
      const bytes = crypto.randomBytes(RECOVERY_KEY_BYTES);
      const key = formatRecoveryKey(bytes);
      expect(key).toMatch(KEY_SHAPE);
      expect(key.replace(/-/g, '')).toHaveLength(32);
      expect(decodeCrockford(key).equals(bytes)).toBe(true);
    }
  });

  it('encode the extremes as the first and last letters of the alphabet', () => {
    expect(formatRecoveryKey(new Uint8Array(20))).toBe(Array(8).fill('0000').join('-'));
    expect(formatRecoveryKey(new Uint8Array(20).fill(255))).toBe(Array(8).fill('ZZZZ').join('-'));
    // 0x08 = 00001000: the first five bits are 00001.
    const one = new Uint8Array(20);
    one[0] = 0x08;
    expect(formatRecoveryKey(one).startsWith('1000-')).toBe(true);
  });

  it('refuse a byte string of the wrong length', () => {
    expect(() => formatRecoveryKey(new Uint8Array(19))).toThrow();
    expect(() => formatRecoveryKey(new Uint8Array(21))).toThrow();
  });

  it('normalise what a person typed back to the canonical form', () => {
    const key = formatRecoveryKey(crypto.randomBytes(RECOVERY_KEY_BYTES));
    const bare = key.replace(/-/g, '');
    expect(normaliseRecoveryKey(key)).toBe(key);
    expect(normaliseRecoveryKey(key.toLowerCase())).toBe(key);
    expect(normaliseRecoveryKey(bare.toLowerCase())).toBe(key);
    expect(normaliseRecoveryKey(key.replace(/-/g, ' '))).toBe(key);
    expect(normaliseRecoveryKey(`  ${bare.match(/.{2}/g)!.join(' ')}\n`)).toBe(key);
  });

  it('read the look-alike letters O as 0 and I or L as 1', () => {
    const canonical = '0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ';
    expect(Array.from(canonical.replace(/-/g, '')).sort().join('')).toBe(CROCKFORD);
    expect(normaliseRecoveryKey('O123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ')).toBe(canonical);
    expect(normaliseRecoveryKey('o1234567 89abcdef ghjkmnpq rstvwxyz')).toBe(canonical);
    expect(normaliseRecoveryKey('0I23-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ')).toBe(canonical);
    expect(normaliseRecoveryKey('0L23-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ')).toBe(canonical);
    expect(normaliseRecoveryKey('0l23456789abcdefghjkmnpqrstvwxyz')).toBe(canonical);
  });

  it('refuse the wrong length and characters outside the alphabet', () => {
    const bare = formatRecoveryKey(crypto.randomBytes(RECOVERY_KEY_BYTES)).replace(/-/g, '');
    expect(normaliseRecoveryKey(bare.slice(1))).toBeNull();
    expect(normaliseRecoveryKey(`${bare}0`)).toBeNull();
    expect(normaliseRecoveryKey('')).toBeNull();
    expect(normaliseRecoveryKey(`U${bare.slice(1)}`)).toBeNull();
    expect(normaliseRecoveryKey(`${bare.slice(0, -1)}!`)).toBeNull();
    expect(normaliseRecoveryKey(`${bare.slice(0, -1)}é`)).toBeNull();
  });
});

describe('passwordStrength', () => {
  it('scores a password under 12 characters 0 and says how many are needed', () => {
    for (const short of ['', 'ab', 'Xy7!Xy7!Xy7']) {
      const result = passwordStrength(short);
      expect(result.score, short).toBe(0);
      expect(result.hint).toContain('almeno 12 caratteri');
    }
  });

  it('scores a long passphrase of four words at least 3', () => {
    for (const phrase of [
      'cavallo batteria graffetta giusta',
      'lampione rosso sotto la neve',
      'Fiume Argento Treno Mattina',
    ]) {
      expect(passwordStrength(phrase).score, phrase).toBeGreaterThanOrEqual(3);
    }
  });

  it('scores common words and sequences low even when long enough', () => {
    for (const weak of ['password1234567', 'qwertyuiop1234', 'aaaaaaaaaaaaaaaa', 'cortile2026cortile']) {
      expect(passwordStrength(weak).score, weak).toBeLessThanOrEqual(1);
    }
    expect(passwordStrength('password1234567').score).toBeLessThan(
      passwordStrength('lampione rosso sotto la neve').score,
    );
  });

  it('gives a label that grows with the score', () => {
    const labels = ['ab', 'password1234567', 'lampione rosso sotto la neve'].map((p) => passwordStrength(p));
    expect(labels[0]!.label).toBe('Molto debole');
    expect(new Set(labels.map((l) => l.label)).size).toBe(new Set(labels.map((l) => l.score)).size);
  });
});

describe('Italian formats', () => {
  it('writes euro amounts from integer cents with dot thousands, comma decimals and the sign after', () => {
    expect(plainSpaces(formatMoney(123456))).toBe('1.234,56 €');
    expect(plainSpaces(formatMoney(0))).toBe('0,00 €');
    expect(plainSpaces(formatMoney(5))).toBe('0,05 €');
    expect(plainSpaces(formatMoney(99999))).toBe('999,99 €');
    expect(plainSpaces(formatMoney(100000000))).toBe('1.000.000,00 €');
    expect(plainSpaces(formatMoney(-123456))).toBe('-1.234,56 €');
  });

  it('writes dates as day/month/year', () => {
    expect(formatDate('2026-11-22')).toBe('22/11/2026');
    expect(formatDate('2026-01-05')).toBe('05/01/2026');
    expect(formatDate('2024-02-29')).toBe('29/02/2024');
    expect(formatDate(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('non è una data')).toBe('—');
  });

  it('writes timestamps in local time as day/month/year, hours:minutes', () => {
    const iso = '2026-11-22T13:05:00.000Z';
    const d = new Date(iso);
    const two = (n: number) => String(n).padStart(2, '0');
    const expected = `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}, ${two(d.getHours())}:${two(d.getMinutes())}`;
    expect(formatDateTime(iso)).toBe(expected);
    expect(formatDate(iso)).toBe(`${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`);
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('ieri')).toBe('—');
  });
});

describe('roles', () => {
  it('rank operatore below coordinatore below amministratore', () => {
    expect(roleAtLeast('amministratore', 'coordinatore')).toBe(true);
    expect(roleAtLeast('coordinatore', 'coordinatore')).toBe(true);
    expect(roleAtLeast('coordinatore', 'amministratore')).toBe(false);
    expect(roleAtLeast('operatore', 'coordinatore')).toBe(false);
    for (const role of ROLES) expect(roleAtLeast(role, 'operatore')).toBe(true);
  });
});
