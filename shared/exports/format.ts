/**
 * Writing export cells and rows in the two formats. Pure: the handler feeds rows in chunks
 * and writes what these functions return, so a file of any size never sits in memory.
 */
import Papa from 'papaparse';
import type { ColumnKind, ExportColumn } from './columns';

export const EXPORT_FORMATS = ['excel', 'tecnico'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  excel: 'Excel (Italia)',
  tecnico: 'Tecnico',
};

export interface FormatRules {
  delimiter: ';' | ',';
  /** RFC 4180 line ends in both formats: Excel wants them, and every CSV reader accepts them. */
  newline: '\r\n';
  bom: boolean;
  decimal: ',' | '.';
  italianHeaders: boolean;
  neutraliseFormulae: boolean;
}

export const FORMAT_RULES: Record<ExportFormat, FormatRules> = {
  excel: {
    delimiter: ';',
    newline: '\r\n',
    bom: true,
    decimal: ',',
    italianHeaders: true,
    neutraliseFormulae: true,
  },
  tecnico: {
    delimiter: ',',
    newline: '\r\n',
    bom: false,
    decimal: '.',
    italianHeaders: false,
    neutraliseFormulae: false,
  },
};

/** UTF-8 byte order mark: tells Excel the file is UTF-8 (accents would break otherwise). */
export const UTF8_BOM = '\uFEFF';

/** What a preset's query yields for one cell, before formatting. */
export type RawCell = string | number | boolean | null;

/** OWASP CSV injection: cells starting with these are read as formulas by spreadsheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes `'` to text a spreadsheet would run as a formula (OWASP "CSV Injection"). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const TEXT_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(['testo', 'codice', 'elenco']);

function decimal(value: number, digits: number, sep: ',' | '.'): string {
  const fixed = value.toFixed(digits);
  return sep === '.' ? fixed : fixed.replace('.', ',');
}

/**
 * One cell as written. Amounts arrive as integer cents, percentages as a fraction (0–1),
 * dates as `YYYY-MM-DD`; null is an empty cell.
 */
export function formatCell(value: RawCell, kind: ColumnKind, rules: FormatRules): string {
  if (value === null) return '';
  switch (kind) {
    case 'intero':
      return String(Math.trunc(Number(value)));
    case 'importo':
      return decimal(Number(value) / 100, 2, rules.decimal);
    case 'percentuale':
      return decimal(Number(value) * 100, 1, rules.decimal);
    case 'si_no':
      if (rules.italianHeaders) return value ? 'sì' : 'no';
      return value ? 'true' : 'false';
    case 'data': {
      const iso = String(value).slice(0, 10);
      if (!rules.italianHeaders) return iso;
      return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    }
    default: {
      const text = String(value);
      return rules.neutraliseFormulae && TEXT_KINDS.has(kind) ? neutraliseFormula(text) : text;
    }
  }
}

/** The header line (with the BOM first for Excel). */
export function headerText(columns: readonly ExportColumn[], rules: FormatRules): string {
  const names = columns.map((c) => (rules.italianHeaders ? formatCell(c.header, 'testo', rules) : c.key));
  return (rules.bom ? UTF8_BOM : '') + encodeRows([names], rules);
}

/**
 * A cell papaparse writes as it is: no line break, quote, byte order mark or delimiter
 * inside, no space at either end (its `safe()` rule with `quotes: false`).
 */
const PLAIN: Record<FormatRules['delimiter'], RegExp> = {
  ';': /^(?! )[^\r\n"\ufeff;]*(?<! )$/,
  ',': /^(?! )[^\r\n"\ufeff,]*(?<! )$/,
};

function papaRows(rows: readonly (readonly string[])[], rules: FormatRules): string {
  return Papa.unparse(rows as string[][], {
    delimiter: rules.delimiter,
    newline: rules.newline,
    header: false,
    quotes: false,
    quoteChar: '"',
    escapeChar: '"',
    // Formula neutralisation is done per column kind above: papaparse's own would touch numbers.
    escapeFormulae: false,
  });
}

/**
 * Rows already formatted to text → CSV lines, each ending with the newline. Quoting per
 * RFC 4180 by papaparse (it quotes a cell holding the delimiter, a quote or a line break,
 * and doubles quotes inside it). A row none of whose cells needs quoting is joined
 * directly: papaparse would write it the same (a property test checks it), and on a
 * 200,000-row export that saves about a quarter of the time.
 */
export function encodeRows(rows: readonly (readonly string[])[], rules: FormatRules): string {
  if (rows.length === 0) return '';
  const plain = PLAIN[rules.delimiter];
  const lines = new Array<string>(rows.length);
  for (const [i, row] of rows.entries()) {
    lines[i] = row.every((cell) => plain.test(cell)) ? row.join(rules.delimiter) : papaRows([row], rules);
  }
  return lines.join(rules.newline) + rules.newline;
}

/** Formats a chunk of raw rows for the given columns and encodes them. */
export function encodeChunk(
  rows: readonly (readonly RawCell[])[],
  columns: readonly ExportColumn[],
  rules: FormatRules,
): string {
  const kinds = columns.map((c) => c.kind);
  const width = kinds.length;
  const text: string[][] = [];
  for (const row of rows) {
    const out = new Array<string>(width);
    for (const [i, kind] of kinds.entries()) out[i] = formatCell(row[i] ?? null, kind, rules);
    text.push(out);
  }
  return encodeRows(text, rules);
}
