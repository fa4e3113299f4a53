import { describe, expect, it } from 'vitest';
import { checkTaxCode, taxCodeBirth, taxCodeCheckLetter } from '../../shared/codice-fiscale';
import { taxCodeSchema } from '../../shared/contract';

/** The Agenzia delle Entrate's own example: Mario Rossi, born in Rome on 1 January 1980. */
const MARIO = 'RSSMRA80A01H501U';

/** Replaces the character at `index` and recomputes the check letter. */
function withChar(code: string, index: number, char: string): string {
  const first15 = `${code.slice(0, index)}${char}${code.slice(index + 1, 15)}`;
  return `${first15}${taxCodeCheckLetter(first15)}`;
}

describe('codice fiscale, 16 characters', () => {
  it('accepts a known real-format code, its check letter written out by hand', () => {
    expect(taxCodeCheckLetter(MARIO.slice(0, 15))).toBe('U');
    expect(checkTaxCode(MARIO)).toEqual({ ok: true, code: MARIO });
    expect(checkTaxCode('RSSMRA85T10A562S')).toEqual({ ok: true, code: 'RSSMRA85T10A562S' });
  });

  it('accepts lower case and spaces and gives back the canonical code', () => {
    expect(checkTaxCode(' rssmra 80a01 h501u ')).toEqual({ ok: true, code: MARIO });
    expect(taxCodeSchema.parse('rss mra80a01h501u')).toBe(MARIO);
    expect(taxCodeSchema.parse('  ')).toBeNull();
    expect(taxCodeSchema.parse(null)).toBeNull();
  });

  it('accepts omocodia: digits replaced by L M N P Q R S T U V, with the check letter recomputed', () => {
    // The last digit first (the usual first substitution), then two and then all seven.
    const one = withChar(MARIO, 14, 'M'); // 1 → M
    const two = withChar(one, 13, 'L'); // 0 → L
    let all = MARIO;
    for (const index of [6, 7, 9, 10, 12, 13, 14]) {
      const digit = Number(all.charAt(index));
      all = withChar(all, index, 'LMNPQRSTUV'.charAt(digit));
    }
    expect(one).toBe(`RSSMRA80A01H50M${taxCodeCheckLetter('RSSMRA80A01H50M')}`);
    for (const code of [one, two, all]) expect(checkTaxCode(code), code).toEqual({ ok: true, code });
    expect(all.slice(6, 15)).toBe('ULALMHRLM');
    // The birth date still reads through the substitutions.
    expect(taxCodeBirth(all, '2025-01-01')).toEqual({ birthDate: '1980-01-01', sex: 'M' });
  });

  it('refuses a wrong check letter', () => {
    const result = checkTaxCode('RSSMRA80A01H501V');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/carattere di controllo/);
    // A single typo in the body changes the check letter too.
    expect(checkTaxCode('RSSMRA80A01H502U').ok).toBe(false);
  });

  it('refuses codes of the wrong shape, month or day', () => {
    for (const code of ['RSSMRA80A01H501', 'RSSMRA80A01H501UX', '1SSMRA80A01H501U', 'RSSMRA8AA01H501U']) {
      expect(checkTaxCode(code).ok, code).toBe(false);
    }
    // Letters valid for omocodia but not where a letter is expected, a bad month letter, a bad day.
    expect(checkTaxCode(withChar(MARIO, 8, 'F'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/mese/),
    });
    expect(checkTaxCode(withChar(withChar(MARIO, 9, '3'), 10, '5'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/giorno/),
    });
    expect(checkTaxCode('').ok).toBe(false);
  });

  it('reads women’s codes (day + 40)', () => {
    const body = 'BNCNNA75C41F205';
    const anna = `${body}${taxCodeCheckLetter(body)}`;
    expect(checkTaxCode(anna).ok).toBe(true);
    expect(taxCodeBirth(anna, '2025-01-01')).toEqual({ birthDate: '1975-03-01', sex: 'F' });
  });
});

describe('codice fiscale, 11 digits (temporary or of an organisation)', () => {
  it('accepts a code whose last digit is the Luhn-style check digit', () => {
    expect(checkTaxCode('12345678903')).toEqual({ ok: true, code: '12345678903' });
    expect(checkTaxCode('00000000000').ok).toBe(true);
    expect(checkTaxCode(' 123 456 789 03 ')).toEqual({ ok: true, code: '12345678903' });
  });

  it('refuses a wrong check digit and the wrong number of digits', () => {
    expect(checkTaxCode('12345678904')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cifra di controllo/),
    });
    expect(checkTaxCode('1234567890').ok).toBe(false);
    expect(checkTaxCode('123456789031').ok).toBe(false);
    expect(() => taxCodeSchema.parse('12345678904')).toThrow();
  });
});
