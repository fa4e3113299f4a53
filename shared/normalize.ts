/**
 * Folds text for matching: no accents, lower case, apostrophes and dashes as
 * spaces, single spaces. "Nicolò D'Angelo" and "nicolo d angelo" fold alike.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`´\-_.,;:/\\()"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Digits only: phones are matched whatever their spacing or prefix style. */
export function digitsOnly(text: string): string {
  return text.replace(/\D+/g, '');
}

/**
 * Words to search for, from what the user typed: folded, split on spaces,
 * each at most 40 characters, at most 6 of them.
 */
export function searchWords(query: string): string[] {
  return foldText(query)
    .split(' ')
    .filter((word) => word.length > 0)
    .map((word) => word.slice(0, 40))
    .slice(0, 6);
}
