import { taxCodeCheckLetter } from '../../shared/codice-fiscale';

/**
 * Builds the codice fiscale of an invented person the way the Agenzia delle
 * Entrate does: surname and name letters, year, month letter, day (+40 for
 * women), the cadastral code of the place of birth, and the check letter.
 */
const MONTHS = 'ABCDEHLMPRST';
const OMOCODIA = 'LMNPQRSTUV';
/** Digit positions replaced, from the right, when two people would share a code. */
const OMOCODIA_POSITIONS = [14, 13, 12, 10, 9, 7, 6];

function letters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

function split(text: string): { consonants: string; vowels: string } {
  const chars = letters(text);
  return { consonants: chars.replace(/[AEIOU]/g, ''), vowels: chars.replace(/[^AEIOU]/g, '') };
}

export function surnamePart(surname: string): string {
  const { consonants, vowels } = split(surname);
  return `${consonants}${vowels}XXX`.slice(0, 3);
}

export function namePart(firstName: string): string {
  const { consonants, vowels } = split(firstName);
  // With four or more consonants the name takes the first, third and fourth.
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return `${consonants}${vowels}XXX`.slice(0, 3);
}

export function buildTaxCode(person: {
  surname: string;
  firstName: string;
  sex: 'F' | 'M';
  birthDate: string;
  placeCode: string;
}): string {
  const [year, month, day] = person.birthDate.split('-').map(Number) as [number, number, number];
  const dayPart = String(day + (person.sex === 'F' ? 40 : 0)).padStart(2, '0');
  const first15 =
    surnamePart(person.surname) +
    namePart(person.firstName) +
    String(year % 100).padStart(2, '0') +
    MONTHS.charAt(month - 1) +
    dayPart +
    person.placeCode;
  return first15 + taxCodeCheckLetter(first15);
}

/**
 * Omocodia: the n-th variant of a code replaces digits with letters from
 * the right, as the Agenzia does for a second person with the same code.
 */
export function omocode(code: string, level: number): string {
  let first15 = code.slice(0, 15);
  for (let i = 0; i < level && i < OMOCODIA_POSITIONS.length; i++) {
    const position = OMOCODIA_POSITIONS[i]!;
    const letter = OMOCODIA.charAt(Number(first15.charAt(position)));
    first15 = first15.slice(0, position) + letter + first15.slice(position + 1);
  }
  return first15 + taxCodeCheckLetter(first15);
}

/** An 11-digit provisional code with its Luhn-style check digit. */
export function provisionalTaxCode(tenDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(tenDigits.charAt(i));
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return `${tenDigits}${(10 - (sum % 10)) % 10}`;
}
