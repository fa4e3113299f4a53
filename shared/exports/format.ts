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

/**
 * A column stops caching when its first this many distinct values came in fewer than twice
 * as many rows: its values hardly repeat (one code per row), and the lookups would be waste.
 */
const CACHE_PROBE = 4096;

/** One cell as written, quoted by papaparse when it needs quoting (see encodeRows). */
function encodeCell(text: string, rules: FormatRules): string {
  return PLAIN[rules.delimiter].test(text) ? text : papaRows([[text]], rules);
}

/**
 * A function that turns one raw row into its CSV line (newline included), for a whole file.
 * Each column formats and quotes its cell as formatCell and encodeRows would (a property
 * test checks it), and keeps what it wrote for values it has seen: most cells of an export
 * repeat (labels, building codes, dates, operator codes), and a Map lookup is far cheaper
 * than formatting, testing and quoting again. Papaparse decides quoting cell by cell, so a
 * cell quoted on its own is quoted the same inside a row. A column's decoder (an id to its
 * label, see ExportSource) runs once per distinct value for the same reason.
 */
export function rowEncoder(
  columns: readonly ExportColumn[],
  rules: FormatRules,
  decoders: readonly (((value: RawCell) => RawCell) | undefined)[] = [],
): (row: readonly RawCell[]) => string {
  const encoders = columns.map(({ kind }, i) => {
    const decode = decoders[i];
    const encode = (value: RawCell) =>
      encodeCell(formatCell(decode ? decode(value) : value, kind, rules), rules);
    const cache = new Map<RawCell, string>();
    let lookups = 0;
    let caching = true;
    return (value: RawCell): string => {
      if (!caching) return encode(value);
      let cell = cache.get(value);
      if (cell === undefined) {
        cell = encode(value);
        cache.set(value, cell);
        // A column whose values hardly repeat (a code per row) stops caching.
        if (cache.size === CACHE_PROBE && lookups < 2 * CACHE_PROBE) {
          caching = false;
          cache.clear();
        }
      }
      lookups++;
      return cell;
    };
  });
  type Encode = (typeof encoders)[number];
  const width = encoders.length;
  const { delimiter, newline } = rules;
  // Indexed loops: this runs once per cell of the file.
  return (row) => {
    let line = width > 0 ? (encoders[0] as Encode)(row[0] ?? null) : '';
    for (let i = 1; i < width; i++) line += delimiter + (encoders[i] as Encode)(row[i] ?? null);
    return line + newline;
  };
}

/** Formats a chunk of raw rows for the given columns and encodes them. */
export function encodeChunk(
  rows: readonly (readonly RawCell[])[],
  columns: readonly ExportColumn[],
  rules: FormatRules,
): string {
  return rows.map(rowEncoder(columns, rules)).join('');
}
