/**
 * Codice fiscale checks: the 16-character personal code (with omocodia, where
 * digits are replaced by letters to tell apart two people with the same code)
 * and the 11-digit numeric code given temporarily or to organisations.
 */
export type TaxCodeCheck = { ok: true; code: string } | { ok: false; message: string };

const ODD: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
}; // prettier-ignore

/** Letters that stand for digits 0–9 under omocodia. */
const OMOCODIA = 'LMNPQRSTUV';
const MONTHS = 'ABCDEHLMPRST';
/** Positions of the 16-character code that hold digits (or omocodia letters). */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

function evenValue(char: string): number {
  return /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 65;
}

/** The check letter of the first 15 characters of a personal code. */
export function taxCodeCheckLetter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    const char = first15.charAt(i);
    // Positions are counted from 1: odd positions are indexes 0, 2, 4, ...
    sum += i % 2 === 0 ? (ODD[char] ?? 0) : evenValue(char);
  }
  return String.fromCharCode(65 + (sum % 26));
}

function decodeDigit(char: string): string | null {
  if (/\d/.test(char)) return char;
  const index = OMOCODIA.indexOf(char);
  return index >= 0 ? String(index) : null;
}

function checkPersonal(code: string): TaxCodeCheck {
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(code)) {
    return {
      ok: false,
      message:
        'Il codice fiscale non ha la forma giusta: 6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, 3 cifre, 1 lettera.',
    };
  }
  for (const position of DIGIT_POSITIONS) {
    if (decodeDigit(code.charAt(position)) === null) {
      return { ok: false, message: 'Il codice fiscale contiene una lettera dove va una cifra.' };
    }
  }
  if (!MONTHS.includes(code.charAt(8))) {
    return { ok: false, message: 'Il codice fiscale contiene una lettera del mese non valida.' };
  }
  const day = Number(`${decodeDigit(code.charAt(9))}${decodeDigit(code.charAt(10))}`);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
    return { ok: false, message: 'Il codice fiscale contiene un giorno di nascita non valido.' };
  }
  if (taxCodeCheckLetter(code.slice(0, 15)) !== code.charAt(15)) {
    return {
      ok: false,
      message: 'Il codice fiscale non è corretto: il carattere di controllo non corrisponde. Ricontrollarlo.',
    };
  }
  return { ok: true, code };
}

function checkNumeric(code: string): TaxCodeCheck {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const digit = Number(code.charAt(i));
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  if ((10 - (sum % 10)) % 10 !== Number(code.charAt(10))) {
    return {
      ok: false,
      message: 'Il codice fiscale numerico non è corretto: la cifra di controllo non corrisponde.',
    };
  }
  return { ok: true, code };
}

/** Checks a codice fiscale typed by a user; spaces and lower case are accepted. */
export function checkTaxCode(input: string): TaxCodeCheck {
  const code = input.replace(/\s+/g, '').toUpperCase();
  if (code.length === 16) return checkPersonal(code);
  if (/^\d{11}$/.test(code)) return checkNumeric(code);
  return {
    ok: false,
    message: 'Il codice fiscale deve avere 16 caratteri (o 11 cifre se provvisorio).',
  };
}

/** Birth date (YYYY-MM-DD) and sex encoded in a personal code, century guessed from `today`. */
export function taxCodeBirth(code: string, today: string): { birthDate: string; sex: 'F' | 'M' } | null {
  if (code.length !== 16) return null;
  const digits = (from: number, to: number) =>
    Array.from(code.slice(from, to), (char) => decodeDigit(char) ?? '0').join('');
  const yy = Number(digits(6, 8));
  let day = Number(digits(9, 11));
  const month = MONTHS.indexOf(code.charAt(8)) + 1;
  if (month === 0) return null;
  const sex = day > 40 ? 'F' : 'M';
  if (day > 40) day -= 40;
  const currentYy = Number(today.slice(2, 4));
  const century = yy > currentYy ? 1900 : 2000;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { birthDate: `${century + yy}-${pad(month)}-${pad(day)}`, sex };
}
