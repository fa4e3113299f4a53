import type { HeaderMapping } from '../../../shared/contract';
import {
  STATEMENT_FIELD_KEYS,
  STATEMENT_FIELD_LABELS,
  type ColumnMapping,
} from '../../../shared/arrears/statement';

/**
 * The user, the profiles and the API name columns by their header; the
 * reader of the rows wants column indexes. Headers are made unique first: a
 * blank one reads «Colonna N», a repeated one gets « (2)», « (3)»…
 */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header, index) => {
    const base = header.trim() === '' ? `Colonna ${index + 1}` : header.trim();
    const key = base.toLowerCase();
    const times = (seen.get(key) ?? 0) + 1;
    seen.set(key, times);
    return times === 1 ? base : `${base} (${times})`;
  });
}

const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Column indexes for a mapping by header name; a name not in the file is a problem (Italian). */
export function toColumnMapping(
  mapping: HeaderMapping,
  headers: readonly string[],
): { columns: ColumnMapping; problems: string[] } {
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  headers.forEach((header, index) => {
    if (!exact.has(header)) exact.set(header, index);
    if (!folded.has(fold(header))) folded.set(fold(header), index);
  });
  const columns: ColumnMapping = {};
  const problems: string[] = [];
  for (const field of STATEMENT_FIELD_KEYS) {
    const name = mapping[field];
    if (name === undefined) continue;
    const index = exact.get(name) ?? folded.get(fold(name));
    if (index === undefined) {
      problems.push(
        `La colonna «${name}» indicata per «${STATEMENT_FIELD_LABELS[field]}» non c’è nel file: sceglierne un’altra.`,
      );
    } else columns[field] = index;
  }
  return { columns, problems };
}

/** The mapping by header name of column indexes. */
export function toHeaderMapping(columns: ColumnMapping, headers: readonly string[]): HeaderMapping {
  const mapping: HeaderMapping = {};
  for (const field of STATEMENT_FIELD_KEYS) {
    const index = columns[field];
    const name = index === undefined ? undefined : headers[index];
    if (name !== undefined) mapping[field] = name;
  }
  return mapping;
}
