import { digitsOnly, foldText, searchWords } from '../../shared/normalize';
import type { RawDb } from '../connection';

/**
 * Keeps the household_search row of one household up to date. Call inside the
 * transaction that changed the household, one of its members, its unit or
 * its building. The row holds folded words only (no structure), so it reveals
 * nothing the household tables do not.
 */
export function refreshHouseholdSearch(raw: RawDb, householdId: number): void {
  const household = raw
    .prepare(
      `SELECT h.code, h.phone, u.agency_code AS unit_code, b.address, b.city, b.agency_code AS building_code
         FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id
        WHERE h.id = ?`,
    )
    .get(householdId) as
    | {
        code: string;
        phone: string;
        unit_code: string | null;
        address: string;
        city: string;
        building_code: string | null;
      }
    | undefined;
  raw.prepare('DELETE FROM household_search WHERE rowid = ?').run(householdId);
  if (!household) return;
  const members = raw
    .prepare('SELECT first_name, surname, tax_code, phone FROM members WHERE household_id = ?')
    .all(householdId) as { first_name: string; surname: string; tax_code: string | null; phone: string }[];
  const words: string[] = [
    household.code,
    // "N-000123" is also found as "000123" and "123".
    household.code.replace(/\D/g, ''),
    String(Number(household.code.replace(/\D/g, ''))),
    digitsOnly(household.phone),
    household.unit_code ?? '',
    household.building_code ?? '',
    household.address,
    household.city,
  ];
  for (const member of members) {
    words.push(member.first_name, member.surname, member.tax_code ?? '', digitsOnly(member.phone));
  }
  const terms = words
    .map(foldText)
    .filter((word) => word.length > 0)
    .join(' ');
  raw.prepare('INSERT INTO household_search (rowid, terms) VALUES (?, ?)').run(householdId, terms);
}

/** Rebuilds every row (after a bulk load). */
export function rebuildHouseholdSearch(raw: RawDb): void {
  const ids = raw.prepare('SELECT id FROM households').pluck().all() as number[];
  for (const id of ids) refreshHouseholdSearch(raw, id);
}

/**
 * The FTS5 query for what the user typed: every word as a prefix, all
 * required. Digits typed with spaces ("333 123") also match as one number.
 * Returns null when nothing searchable was typed.
 */
export function ftsQuery(query: string): string | null {
  const words = searchWords(query);
  if (words.length === 0) return null;
  const quoted = words.map((word) => `"${word.replace(/"/g, '')}"*`);
  const digits = digitsOnly(query);
  if (words.length > 1 && words.every((word) => /^\d+$/.test(word)) && digits.length > 0) {
    return `(${quoted.join(' AND ')}) OR "${digits}"*`;
  }
  return quoted.join(' AND ');
}
