/**
 * The import model of a housing office's rent-arrears statement: the raw table
 * read from a CSV or XLSX file, the fields it is mapped to, the guess of that
 * mapping from the header, and the reading of each row into checked values.
 */
import { checkTaxCode } from '../codice-fiscale';
import { foldText } from '../normalize';
import {
  detectDecimalSeparator,
  isBlank,
  MAX_AMOUNT_CENTS,
  parseAmountCents,
  parseIsoDate,
  parseLegalStage,
  parseMonthsUnpaid,
  parsePeriod,
  quoteCell,
  type CellInput,
  type DecimalSeparator,
  type LegalStage,
  type ParseResult,
} from './values';

/** Files larger than this are refused before they are read. */
export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;
/** Data rows beyond this are refused: a statement that large is split by the office anyway. */
export const MAX_STATEMENT_ROWS = 200_000;
/** Columns beyond this are refused: no statement has that many. */
export const MAX_STATEMENT_COLUMNS = 500;

const TOO_MANY_ROWS = 'Il file ha più di 200.000 righe di dati: dividerlo in più file.';

/** A file that cannot be read as a statement at all; the message is Italian, for the user. */
export class StatementFileError extends Error {
  override name = 'StatementFileError';
}

/** The size limit as users read it (`10 MB`). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${(Number.isInteger(mb) ? String(mb) : mb.toFixed(1)).replace('.', ',')} MB`;
}

/** Refuses a file over MAX_STATEMENT_BYTES, naming the limit and the file's size. */
export function checkStatementSize(byteLength: number): void {
  if (byteLength > MAX_STATEMENT_BYTES) {
    throw new StatementFileError(
      `Il file supera il limite di ${formatMegabytes(MAX_STATEMENT_BYTES)} (è di ${formatMegabytes(byteLength)}): ` +
        'esportare dall’ufficio casa solo il periodo che serve, o dividere il file.',
    );
  }
}

export type RawCell = string | number | null;

export interface RawRow {
  /** 1-based line (CSV record) or sheet row number, as the user sees it in Excel. */
  line: number;
  cells: RawCell[];
}

export interface RawTable {
  headers: string[];
  rows: RawRow[];
  sheetNames: string[];
  sheet: string | null;
  encoding: 'utf-8' | 'windows-1252' | null;
  delimiter: ';' | ',' | '\t' | null;
}

// ── Building the raw table ─────────────────────────────────────────────

function isBlankRow(cells: readonly RawCell[]): boolean {
  return cells.every((cell) => isBlank(cell));
}

function filledCount(cells: readonly RawCell[]): number {
  let count = 0;
  for (const cell of cells) if (!isBlank(cell)) count += 1;
  return count;
}

/** The index after the last non-blank cell. */
function usedWidth(cells: readonly RawCell[]): number {
  for (let i = cells.length - 1; i >= 0; i -= 1) if (!isBlank(cells[i])) return i + 1;
  return 0;
}

/** How many of the first non-empty rows are looked at for the header. */
const HEADER_SEARCH_ROWS = 30;

/**
 * A raw table from the rows of a file (CSV records or sheet rows, empty ones
 * included): empty rows are dropped, the header is the first non-empty row,
 * except that title lines above it (a row with fewer than half the cells of
 * the fullest row near the top, as in "Estratto morosità al 30/09/2026") are
 * passed over. Throws StatementFileError for a file with no data.
 */
export function tableFromRows(rows: Iterable<RawRow>, meta: Omit<RawTable, 'headers' | 'rows'>): RawTable {
  const kept: RawRow[] = [];
  let width = 0;
  for (const row of rows) {
    if (isBlankRow(row.cells)) continue;
    width = Math.max(width, usedWidth(row.cells));
    if (width > MAX_STATEMENT_COLUMNS) {
      throw new StatementFileError(
        `Il file ha troppe colonne (più di ${MAX_STATEMENT_COLUMNS}): non sembra un estratto della morosità.`,
      );
    }
    if (kept.length > MAX_STATEMENT_ROWS) {
      throw new StatementFileError(TOO_MANY_ROWS);
    }
    kept.push(row);
  }
  if (kept.length === 0) throw new StatementFileError('Il file è vuoto: non contiene righe con dati.');

  const top = kept.slice(0, HEADER_SEARCH_ROWS).map((row) => filledCount(row.cells));
  const threshold = Math.max(2, Math.ceil(Math.max(...top) / 2));
  const found = top.findIndex((count) => count >= threshold);
  const headerIndex = found >= 0 ? found : 0;
  const headerRow = kept[headerIndex];
  if (!headerRow || width < 2) {
    throw new StatementFileError(
      'Il file ha una sola colonna: servono almeno codice alloggio, periodo, versato e saldo ' +
        '(in un CSV le colonne vanno separate da ; oppure , oppure da una tabulazione).',
    );
  }
  const headers = Array.from({ length: width }, (_, i) =>
    cellText(headerRow.cells[i] ?? null)
      .slice(0, 200)
      .replace(/^\uFEFF/, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const dataRows = kept.slice(headerIndex + 1);
  if (dataRows.length === 0) {
    throw new StatementFileError('Il file contiene solo l’intestazione delle colonne: nessuna riga di dati.');
  }
  return { ...meta, headers, rows: dataRows };
}

function cellText(cell: RawCell): string {
  return cell === null ? '' : String(cell);
}

// ── Fields and mapping ─────────────────────────────────────────────────

export const STATEMENT_FIELD_KEYS = [
  'unitCode',
  'taxCode',
  'tenantName',
  'period',
  'rent',
  'charges',
  'due',
  'paid',
  'balance',
  'monthsUnpaid',
  'legalStage',
  'lastPaymentDate',
] as const;
export type StatementField = (typeof STATEMENT_FIELD_KEYS)[number];

/** Column index (0-based) of each field in the file. */
export type ColumnMapping = Partial<Record<StatementField, number>>;

export interface StatementFieldInfo {
  readonly field: StatementField;
  readonly label: string;
  /** `conditional`: required unless another column stands in for it (see `note`). */
  readonly requirement: 'required' | 'optional' | 'conditional';
  readonly note: string | null;
}

export const STATEMENT_FIELDS: readonly StatementFieldInfo[] = [
  {
    field: 'unitCode',
    label: 'Codice alloggio',
    requirement: 'conditional',
    note: 'Obbligatorio se non è indicata la colonna del codice fiscale.',
  },
  { field: 'taxCode', label: 'Codice fiscale intestatario', requirement: 'optional', note: null },
  { field: 'tenantName', label: 'Intestatario', requirement: 'optional', note: null },
  { field: 'period', label: 'Periodo', requirement: 'required', note: null },
  { field: 'rent', label: 'Canone', requirement: 'optional', note: null },
  { field: 'charges', label: 'Spese', requirement: 'optional', note: null },
  {
    field: 'due',
    label: 'Totale dovuto',
    requirement: 'conditional',
    note: 'Se manca, è calcolato come canone + spese.',
  },
  { field: 'paid', label: 'Versato', requirement: 'required', note: null },
  { field: 'balance', label: 'Saldo morosità', requirement: 'required', note: null },
  { field: 'monthsUnpaid', label: 'Mensilità insolute', requirement: 'optional', note: null },
  { field: 'legalStage', label: 'Stato legale', requirement: 'optional', note: null },
  { field: 'lastPaymentDate', label: 'Data ultimo pagamento', requirement: 'optional', note: null },
];

export const STATEMENT_FIELD_LABELS = Object.fromEntries(
  STATEMENT_FIELDS.map((info) => [info.field, info.label]),
) as Record<StatementField, string>;

/**
 * Header names of each field, folded (see foldHeader). A leading `=` means the
 * whole header must be exactly that; otherwise the name may also open the
 * header or stand in it as whole words.
 */
const SYNONYMS: Record<StatementField, readonly string[]> = {
  unitCode: [
    'codice alloggio',
    'cod alloggio',
    'codice unita',
    'codice unita immobiliare',
    'cod unita',
    'codice ui',
    'cod ui',
    'id alloggio',
    'alloggio',
    'unita immobiliare',
    'matricola alloggio',
    'codice immobile',
    '=ui',
    '=u i',
  ],
  taxCode: ['codice fiscale', 'cod fiscale', 'cod fisc', '=cf', '=c f'],
  tenantName: [
    'intestatario',
    'inquilino',
    'assegnatario',
    'nominativo',
    'conduttore',
    'cognome e nome',
    'cognome nome',
  ],
  period: [
    'periodo',
    'mese',
    'competenza',
    'mese anno',
    'anno mese',
    'mese di competenza',
    'periodo di riferimento',
    'mese riferimento',
  ],
  rent: ['canone', 'canone di locazione', 'canone locazione', 'affitto'],
  charges: ['spese', 'oneri accessori', 'servizi', 'spese accessorie', 'oneri'],
  due: [
    'dovuto',
    'totale dovuto',
    'importo dovuto',
    '=totale',
    'addebitato',
    'totale addebiti',
    'bollettato',
  ],
  paid: [
    'versato',
    'pagato',
    'incassato',
    'importo pagato',
    'importo versato',
    'versamenti',
    'versamento',
    'incassi',
  ],
  balance: [
    'saldo',
    'morosita',
    'debito',
    'saldo morosita',
    'residuo',
    'insoluto',
    'importo insoluto',
    'scoperto',
  ],
  monthsUnpaid: [
    'mensilita insolute',
    'mesi insoluti',
    'n mesi',
    'numero mesi',
    'mesi',
    'mensilita',
    'n mensilita',
    'mesi morosita',
  ],
  legalStage: ['stato legale', 'fase legale', 'azione legale', 'procedura legale', 'stato pratica', 'azione'],
  lastPaymentDate: [
    'data ultimo pagamento',
    'ultimo pagamento',
    'ultimo versamento',
    'data ultimo versamento',
    'data pagamento',
    'data versamento',
  ],
};

/** Headers with these words are about an earlier balance, not this statement's. */
const EARLIER = ['precedente', 'iniziale'];

/** Folds a header: no accents, lower case, punctuation and symbols as single spaces. */
function foldHeader(header: string): string {
  return foldText(header)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/**
 * A first mapping from the header names: accents, case and punctuation do not
 * matter, synonyms are known ("cod. alloggio", "inquilino", "mese/anno"...).
 * An exact name beats a name that opens the header, which beats a name inside
 * it; longer names beat shorter ones. Each column serves one field at most.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const candidates: { field: StatementField; column: number; score: number }[] = [];
  headers.forEach((header, column) => {
    const folded = foldHeader(header);
    if (folded === '') return;
    const compact = folded.replace(/ /g, '');
    const padded = ` ${folded} `;
    const earlier = EARLIER.some((word) => padded.includes(` ${word} `));
    for (const field of STATEMENT_FIELD_KEYS) {
      let best = 0;
      for (const synonym of SYNONYMS[field]) {
        const exactOnly = synonym.startsWith('=');
        const name = exactOnly ? synonym.slice(1) : synonym;
        const length = name.length;
        let score = 0;
        if (folded === name || compact === name.replace(/ /g, '')) score = 1000 + length;
        else if (exactOnly || earlier) score = 0;
        else if (padded.startsWith(` ${name} `)) score = 500 + length;
        else if (padded.includes(` ${name} `)) score = 100 + length;
        best = Math.max(best, score);
      }
      if (best > 0) candidates.push({ field, column, score: best });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = {};
  const usedColumns = new Set<number>();
  for (const { field, column } of candidates) {
    if (mapping[field] !== undefined || usedColumns.has(column)) continue;
    mapping[field] = column;
    usedColumns.add(column);
  }
  return mapping;
}

function columnName(headers: readonly string[] | undefined, column: number): string {
  const header = headers?.[column];
  return header ? `«${header}»` : `n. ${column + 1}`;
}

/**
 * Italian messages for what the mapping lacks or gets wrong; empty when it can
 * be used. With the headers, columns are named and checked to exist.
 */
export function validateMapping(mapping: ColumnMapping, headers?: readonly string[]): string[] {
  const messages: string[] = [];
  const has = (field: StatementField): boolean => mapping[field] !== undefined;
  const label = (field: StatementField): string => `«${STATEMENT_FIELD_LABELS[field]}»`;
  if (!has('unitCode') && !has('taxCode')) {
    messages.push(`Indicare la colonna ${label('unitCode')} (o almeno quella ${label('taxCode')}).`);
  }
  for (const field of ['period', 'paid', 'balance'] as const) {
    if (!has(field)) messages.push(`Indicare la colonna ${label(field)}.`);
  }
  if (!has('due') && !(has('rent') && has('charges'))) {
    messages.push(
      `Indicare la colonna ${label('due')}, oppure le colonne ${label('rent')} e ${label('charges')} da cui calcolarlo.`,
    );
  }
  const byColumn = new Map<number, StatementField>();
  for (const field of STATEMENT_FIELD_KEYS) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (!Number.isInteger(column) || column < 0 || (headers && column >= headers.length)) {
      messages.push(`La colonna indicata per ${label(field)} non esiste nel file.`);
      continue;
    }
    const other = byColumn.get(column);
    if (other) {
      messages.push(
        `La colonna ${columnName(headers, column)} è indicata sia per ${label(other)} sia per ${label(field)}: sceglierne una sola.`,
      );
    } else byColumn.set(column, field);
  }
  return messages;
}

// ── Reading the rows ───────────────────────────────────────────────────

export interface StatementRow {
  line: number;
  unitCode: string | null;
  taxCode: string | null;
  tenantName: string | null;
  /** `YYYY-MM`. */
  period: string;
  rentCents: number | null;
  chargesCents: number | null;
  dueCents: number;
  paidCents: number;
  balanceCents: number;
  monthsUnpaid: number | null;
  legalStage: LegalStage | null;
  /** `YYYY-MM-DD`. */
  lastPaymentDate: string | null;
}

export interface RowError {
  line: number;
  /** The column's header as in the file, or the field's label when the header is blank. */
  column: string;
  /** Italian, says what to fix. */
  message: string;
}

export interface StatementReadResult {
  rows: StatementRow[];
  errors: RowError[];
  /**
   * Lines left out without an error: blank lines among the data, totals lines
   * ("Totale…", or rows with amounts but no unit code at the end of the file),
   * repeated header lines and lines with nothing in the mapped columns.
   */
  skippedLines: number;
}

const MAX_LENGTH: Partial<Record<StatementField, number>> = { unitCode: 50, taxCode: 30, tenantName: 200 };
const AMOUNT_FIELDS = ['rent', 'charges', 'due', 'paid', 'balance'] as const;
const FORMULA_START = new Set(['=', '+', '@']);

/**
 * A text cell cleaned: trimmed, inner spaces collapsed; null when blank.
 * Refuses what a spreadsheet would run as a formula (=, +, @, a leading tab or
 * carriage return) and control characters.
 */
function cleanText(cell: RawCell, field: StatementField): ParseResult<string | null> {
  if (cell === null) return { ok: true, value: null };
  if (typeof cell === 'number') return { ok: true, value: Number.isFinite(cell) ? String(cell) : null };
  const first = cell.charAt(0);
  const trimmed = cell.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (first === '\t' || first === '\r' || FORMULA_START.has(trimmed.charAt(0))) {
    return {
      ok: false,
      message: `${quoteCell(cell)} sembra una formula: un testo non può iniziare con =, +, @ o una tabulazione (togliere il primo carattere).`,
    };
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(cell)) {
    return {
      ok: false,
      message: `${quoteCell(cell)} contiene caratteri di controllo non validi: riscrivere il testo.`,
    };
  }
  // Collapsing allocates: only when there is whitespace other than single spaces.
  const value = /[^\S ]| {2}/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
  const max = MAX_LENGTH[field] ?? 200;
  if (value.length > max) {
    return {
      ok: false,
      message: `Testo troppo lungo (${value.length} caratteri, al massimo ${max}): accorciarlo.`,
    };
  }
  return { ok: true, value };
}

/** A numeric codice fiscale that a spreadsheet stored as a number has lost its leading zeros. */
function taxCodeText(cell: RawCell): RawCell {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell < 1e11) {
    return String(cell).padStart(11, '0');
  }
  return cell;
}

const TOTALS_WORDS = new Set(['totale', 'totali', 'tot', 'totale generale', 'somma', 'riepilogo']);

function isTotalsLabel(cells: readonly RawCell[]): boolean {
  const first = cells.find((cell) => !isBlank(cell));
  if (typeof first !== 'string' || first.length > 200 || !/^\s*(?:tot|somma|riepilogo)/i.test(first))
    return false;
  const folded = foldText(first);
  return TOTALS_WORDS.has(folded) || folded.startsWith('totale ') || folded.startsWith('totali ');
}

/** A header line repeated among the data, as exports paged for printing do. */
function sameAsHeader(cells: readonly RawCell[], lowerHeaders: readonly string[]): boolean {
  let matched = 0;
  for (let i = 0; i < lowerHeaders.length; i += 1) {
    const header = lowerHeaders[i] ?? '';
    const cell = cells[i] ?? null;
    if (header === '') continue;
    if (typeof cell !== 'string' || cell.length !== header.length) {
      if (typeof cell !== 'string' || cell.length > 200) return false;
      if (cell.trim().replace(/\s+/g, ' ').toLowerCase() !== header) return false;
    } else if (cell.toLowerCase() !== header) return false;
    matched += 1;
  }
  return matched > 0;
}

/**
 * A cache in front of a parser: a statement repeats the same period, stage and
 * dates on most rows. Small, so that a file of all-different values costs no more.
 */
function cached<T>(parse: (input: CellInput) => ParseResult<T>): (input: CellInput) => ParseResult<T> {
  const cache = new Map<CellInput, ParseResult<T>>();
  return (input) => {
    let result = cache.get(input);
    if (result === undefined) {
      result = parse(input);
      if (cache.size < 256) cache.set(input, result);
    }
    return result;
  };
}

const formatPeriod = (period: string): string => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

/** The amount cells of the mapped columns that are text: the decimal separator is read from them. */
function amountTexts(table: RawTable, columns: readonly number[]): string[] {
  const texts: string[] = [];
  for (const row of table.rows) {
    for (const column of columns) {
      const cell = row.cells[column];
      if (typeof cell === 'string') texts.push(cell);
    }
    // Enough to tell: a file writes all its amounts the same way.
    if (texts.length >= 5_000) break;
  }
  return texts;
}

/**
 * Reads each data row of the table into checked values. A row with any error
 * is left out of `rows` and each of its errors is listed. The mapping must pass
 * validateMapping: otherwise this throws StatementFileError with its messages.
 */
export function readStatementRows(table: RawTable, mapping: ColumnMapping): StatementReadResult {
  const problems = validateMapping(mapping);
  if (problems.length > 0) throw new StatementFileError(problems.join(' '));
  if (table.rows.length > MAX_STATEMENT_ROWS + 1) throw new StatementFileError(TOO_MANY_ROWS);

  const mapped = STATEMENT_FIELD_KEYS.filter((field) => mapping[field] !== undefined);
  const mappedColumns = mapped.map((field) => mapping[field] ?? -1);
  const labelOf = (field: StatementField): string => {
    const header = table.headers[mapping[field] ?? -1]?.trim();
    return header && header !== '' ? header : STATEMENT_FIELD_LABELS[field];
  };
  const lowerHeaders = table.headers.map((header) => header.toLowerCase());
  const keyColumns = (['unitCode', 'taxCode'] as const).flatMap((field) => mapping[field] ?? []);
  const amountColumns = AMOUNT_FIELDS.flatMap((field) => mapping[field] ?? []);
  const tenantColumn = mapping.tenantName ?? -1;

  const decimal: DecimalSeparator = detectDecimalSeparator(amountTexts(table, amountColumns));
  // Rents, charges and zeros repeat from row to row.
  const amount = cached((input) => parseAmountCents(input, decimal));
  const period = cached(parsePeriod);
  const date = cached(parseIsoDate);
  const months = cached(parseMonthsUnpaid);
  const legalStage = cached(parseLegalStage);

  // Rows after the last one with a unit code (or tax code) and with amounts but no
  // tenant are totals; a tenant's row that lost its unit code stays an error.
  let lastKeyed = -1;
  table.rows.forEach((row, index) => {
    if (keyColumns.some((column) => !isBlank(row.cells[column]))) lastKeyed = index;
  });

  const rows: StatementRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  let skippedLines = 0;
  let previousLine = table.rows[0] ? table.rows[0].line - 1 : 0;

  // Column of each field, -1 when not mapped.
  const column = Object.fromEntries(
    STATEMENT_FIELD_KEYS.map((field) => [field, mapping[field] ?? -1]),
  ) as Record<StatementField, number>;
  const {
    unitCode: unitColumn,
    taxCode: taxColumn,
    period: periodColumn,
    rent: rentColumn,
    charges: chargesColumn,
  } = column;
  const labels = Object.fromEntries(STATEMENT_FIELD_KEYS.map((field) => [field, labelOf(field)])) as Record<
    StatementField,
    string
  >;

  // The row being read: the helpers below read from and report to it.
  let line = 0;
  let cells: readonly RawCell[] = [];
  let failures = 0;
  const failed = (field: StatementField, message: string): null => {
    errors.push({ line, column: labels[field], message });
    failures += 1;
    return null;
  };
  const text = (field: StatementField, input: RawCell): string | null => {
    const result = cleanText(input, field);
    return result.ok ? result.value : failed(field, result.message);
  };
  const money = (field: StatementField, required: boolean): number | null => {
    const at = column[field];
    if (at < 0) return null;
    const input = cells[at] ?? null;
    if (!required && isBlank(input)) return null;
    const result = amount(input);
    return result.ok ? result.value : failed(field, `${STATEMENT_FIELD_LABELS[field]}: ${result.message}`);
  };
  const optional = <T>(field: StatementField, parse: (input: CellInput) => ParseResult<T>): T | null => {
    const at = column[field];
    const input = at < 0 ? null : (cells[at] ?? null);
    if (isBlank(input)) return null;
    const result = parse(input);
    return result.ok ? result.value : failed(field, result.message);
  };
  const stageOf = (input: CellInput): ParseResult<LegalStage | null> => {
    const cleaned = cleanText(input ?? null, 'legalStage');
    return cleaned.ok ? legalStage(cleaned.value) : cleaned;
  };

  for (let index = 0; index < table.rows.length; index += 1) {
    const row = table.rows[index];
    if (!row) continue;
    line = row.line;
    cells = row.cells;
    failures = 0;
    // Blank lines among the data were dropped from the table: count them here.
    if (line > previousLine + 1) skippedLines += line - previousLine - 1;
    previousLine = Math.max(previousLine, line);

    if (
      mappedColumns.every((at) => isBlank(cells[at])) ||
      isTotalsLabel(cells) ||
      sameAsHeader(cells, lowerHeaders) ||
      (lastKeyed >= 0 &&
        index > lastKeyed &&
        isBlank(cells[tenantColumn]) &&
        amountColumns.some((at) => !isBlank(cells[at])))
    ) {
      skippedLines += 1;
      continue;
    }

    const unitCell = cells[unitColumn] ?? null;
    const taxCell = cells[taxColumn] ?? null;
    const unitCode = unitColumn < 0 ? null : (text('unitCode', unitCell)?.toUpperCase() ?? null);
    let taxCode: string | null = null;
    const taxCodeRaw = taxColumn < 0 ? null : text('taxCode', taxCodeText(taxCell));
    if (taxCodeRaw !== null) {
      const checked = checkTaxCode(taxCodeRaw);
      if (checked.ok) taxCode = checked.code;
      else failed('taxCode', `${quoteCell(taxCodeRaw)}: ${checked.message}`);
    }
    if (isBlank(unitCell) && isBlank(taxCell)) {
      if (unitColumn >= 0) {
        failed('unitCode', 'Manca il codice alloggio: indicarlo (o il codice fiscale dell’intestatario).');
      } else failed('taxCode', 'Manca il codice fiscale dell’intestatario.');
    }
    const tenantName = tenantColumn < 0 ? null : text('tenantName', cells[tenantColumn] ?? null);

    const periodResult = period(cells[periodColumn] ?? null);
    const periodValue = periodResult.ok ? periodResult.value : failed('period', periodResult.message);

    const rentCents = money('rent', false);
    const chargesCents = money('charges', false);
    let dueCents: number | null;
    if (column.due >= 0) dueCents = money('due', true);
    else if (isBlank(cells[rentColumn]) && isBlank(cells[chargesColumn])) {
      dueCents = failed('rent', 'Mancano canone e spese: servono per calcolare il totale dovuto.');
    } else {
      dueCents = (rentCents ?? 0) + (chargesCents ?? 0);
      if (Math.abs(dueCents) > MAX_AMOUNT_CENTS) {
        dueCents = failed(
          'rent',
          'Canone più spese superano il limite di 10.000.000 €: controllare gli importi.',
        );
      }
    }
    const paidCents = money('paid', true);
    const balanceCents = money('balance', true);
    const monthsUnpaid = optional('monthsUnpaid', months);
    const stage = optional('legalStage', stageOf);
    const lastPaymentDate = optional('lastPaymentDate', date);

    // The same unit (or, without unit codes, the same tenant) twice for one period.
    if (periodValue !== null && (unitCode !== null || taxCode !== null)) {
      const key = unitCode !== null ? `U ${unitCode} ${periodValue}` : `T ${taxCode ?? ''} ${periodValue}`;
      const firstLine = seen.get(key);
      if (firstLine === undefined) seen.set(key, line);
      else if (unitCode !== null) {
        failed(
          'unitCode',
          `Alloggio ${unitCode} già presente alla riga ${firstLine} per lo stesso periodo (${formatPeriod(periodValue)}): togliere una delle due righe.`,
        );
      } else {
        failed(
          'taxCode',
          `Codice fiscale ${taxCode ?? ''} già presente alla riga ${firstLine} per lo stesso periodo (${formatPeriod(periodValue)}): togliere una delle due righe.`,
        );
      }
    }

    if (
      failures > 0 ||
      periodValue === null ||
      dueCents === null ||
      paidCents === null ||
      balanceCents === null
    ) {
      continue;
    }
    rows.push({
      line,
      unitCode,
      taxCode,
      tenantName,
      period: periodValue,
      rentCents,
      chargesCents,
      dueCents,
      paidCents,
      balanceCents,
      monthsUnpaid,
      legalStage: stage,
      lastPaymentDate,
    });
  }
  return { rows, errors, skippedLines };
}
