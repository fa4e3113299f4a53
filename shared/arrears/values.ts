/**
 * Parsers for the single values of a housing office's rent-arrears statement:
 * amounts, dates, periods, months unpaid and the legal stage. Each takes what a
 * CSV cell or an XLSX cell holds (text or number) and answers either the value
 * or an Italian message that says what to fix. None of them throws.
 */
import { foldText } from '../normalize';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a cell of a statement can hold: text (CSV, XLSX strings) or a number (XLSX). */
export type CellInput = string | number | null | undefined;

/** The separator written between units and decimals in a file's amounts. */
export type DecimalSeparator = ',' | '.';

/** Amounts beyond this (in cents, either sign) are refused as absurd: 10.000.000 €. */
export const MAX_AMOUNT_CENTS = 1_000_000_000;
/** Dates and periods outside these years are refused. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
/** The most months unpaid that can make sense (a hundred years). */
export const MAX_MONTHS_UNPAID = 1200;

/** Longest cell text any value parser looks at; longer text is refused before any pattern runs. */
const MAX_VALUE_LENGTH = 40;

export const LEGAL_STAGES = [
  'nessuna',
  'sollecito',
  'diffida',
  'decreto_ingiuntivo',
  'sfratto_convalidato',
  'esecuzione',
] as const;
export type LegalStage = (typeof LEGAL_STAGES)[number];

export const LEGAL_STAGE_LABELS: Record<LegalStage, string> = {
  nessuna: 'Nessuna azione',
  sollecito: 'Sollecito',
  diffida: 'Diffida',
  decreto_ingiuntivo: 'Decreto ingiuntivo',
  sfratto_convalidato: 'Sfratto convalidato',
  esecuzione: 'Esecuzione dello sfratto',
};

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The cell as the user wrote it, safe to put in a message: no control characters, at most 40 characters. */
export function quoteCell(input: CellInput): string {
  const text = String(input ?? '')
    .slice(0, 200)
    // eslint-disable-next-line no-control-regex -- control characters must not reach a message
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .trim();
  return `«${text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text}»`;
}

export function isBlank(input: CellInput): boolean {
  return input === null || input === undefined || (typeof input === 'string' && input.trim() === '');
}

// ── Amounts ────────────────────────────────────────────────────────────

const AMOUNT_EXAMPLE = 'scrivere ad esempio 1.234,56';

function notAnAmount(input: CellInput): { ok: false; message: string } {
  return fail(
    `${quoteCell(input)} non è un importo valido: ${AMOUNT_EXAMPLE} (solo cifre, senza altre parole).`,
  );
}

function tooLarge(input: CellInput): { ok: false; message: string } {
  return fail(`${quoteCell(input)} supera il limite di 10.000.000 €: controllare l'importo.`);
}

/**
 * Cents from a sign and the digits before and after the decimal separator,
 * rounding half away from zero at the cent (the sign is applied last).
 */
function centsFromDigits(
  input: CellInput,
  negative: boolean,
  units: string,
  decimals: string,
): ParseResult<number> {
  // Digit by digit: no float ever holds the amount. Leading zeros do not count towards the size.
  let euros = 0;
  let significant = 0;
  for (let i = 0; i < units.length; i += 1) {
    const digit = units.charCodeAt(i) - 48;
    if (significant > 0 || digit > 0) significant += 1;
    if (significant > 10) return tooLarge(input);
    euros = euros * 10 + digit;
  }
  const tens = decimals.length > 0 ? decimals.charCodeAt(0) - 48 : 0;
  const units2 = decimals.length > 1 ? decimals.charCodeAt(1) - 48 : 0;
  let cents = euros * 100 + tens * 10 + units2;
  if (decimals.length > 2 && decimals.charCodeAt(2) >= 53 /* '5' */) cents += 1;
  if (cents > MAX_AMOUNT_CENTS) return tooLarge(input);
  return { ok: true, value: negative && cents !== 0 ? -cents : cents };
}

/**
 * Which separator a file uses for decimals, from its amount cells. A cell
 * votes only when it is unambiguous: both separators (`1.234,56`: the last
 * one is the decimal), one separator repeated (`1.234.567`: it groups
 * thousands), or one separator followed by other than exactly three digits
 * (`12,5`, `1234.56`). `1.234` and `1,234` do not vote. No votes, or a tie: `,`.
 */
export function detectDecimalSeparator(cells: Iterable<CellInput>): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string' || cell.length > MAX_VALUE_LENGTH) continue;
    const lastComma = cell.lastIndexOf(',');
    const lastDot = cell.lastIndexOf('.');
    if (lastComma < 0 && lastDot < 0) continue;
    if (lastComma >= 0 && lastDot >= 0) {
      if (lastComma > lastDot) comma += 1;
      else dot += 1;
      continue;
    }
    const sep = lastComma >= 0 ? ',' : '.';
    const at = Math.max(lastComma, lastDot);
    if (cell.indexOf(sep) !== at) {
      // Repeated: it groups thousands, so the other one is the decimal separator.
      if (sep === ',') dot += 1;
      else comma += 1;
      continue;
    }
    let after = 0;
    for (let i = at + 1; i < cell.length; i += 1) {
      const code = cell.charCodeAt(i);
      if (code < 48 || code > 57) break;
      after += 1;
    }
    if (after > 0 && after !== 3) {
      if (sep === ',') comma += 1;
      else dot += 1;
    }
  }
  return dot > comma ? '.' : ',';
}

/**
 * An amount in integer cents. Accepts Italian (`1.234,56`, `-12,50`,
 * `€ 1.234,56`, `1234,5`) and plain (`1234.56`, `1,234.56`) writing, a sign
 * before or after, `(12,50)` for a negative, and numbers from a spreadsheet.
 *
 * Separators: when both `.` and `,` appear, the last one is the decimal
 * separator and the other must group digits by three. One separator repeated
 * groups thousands (`1.234.567`). One separator once is the decimal separator
 * unless it is followed by exactly three digits after one to three digits not
 * starting with 0 (`1.234`, `12,345`): then it is the decimal separator only
 * if it is the file's `decimal` (default `,`, an Italian file), otherwise it
 * groups thousands. So in an Italian file `1.234` is 1.234,00 € and `1,234`
 * is 1,23 €; in a file that writes `1234.56`, `1,234` is 1.234,00 €.
 */
export function parseAmountCents(input: CellInput, decimal: DecimalSeparator = ','): ParseResult<number> {
  if (typeof input === 'number') return amountFromNumber(input);
  if (isBlank(input)) return fail(`Importo mancante: ${AMOUNT_EXAMPLE} (0 se è zero).`);
  const raw = String(input);
  if (raw.length > MAX_VALUE_LENGTH) return notAnAmount(input);

  let text = raw;
  let negative = false;
  if (!isPlainNumber(raw)) {
    // Spaces (also non-breaking and thin ones, used to group thousands) and the currency go.
    text = raw.replace(/\s+/g, '');
    if (text.startsWith("'")) text = text.slice(1); // Excel's "keep as text" prefix
    const lower = text.toLowerCase();
    if (lower.startsWith('eur')) text = text.slice(lower.startsWith('euro') ? 4 : 3);
    else if (lower.endsWith('euro')) text = text.slice(0, -4);
    else if (lower.endsWith('eur')) text = text.slice(0, -3);
    text = text.replace(/€/g, '');
    let signs = 0;
    if (text.startsWith('(') && text.endsWith(')')) {
      negative = true;
      signs += 1;
      text = text.slice(1, -1);
    }
    const first = text.charAt(0);
    if (first === '-' || first === '\u2212' || first === '+') {
      negative = first !== '+';
      signs += 1;
      text = text.slice(1);
    }
    if (text.endsWith('-')) {
      negative = true;
      signs += 1;
      text = text.slice(0, -1);
    }
    if (signs > 1) return notAnAmount(input);
  } else if (raw.charCodeAt(0) === 45 /* - */) {
    negative = true;
    text = raw.slice(1);
  }

  // Digit groups between separators, from a plain scan (no pattern, no backtracking).
  const groups: string[] = [];
  const seps: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) continue;
    if (code !== COMMA && code !== DOT) return notAnAmount(input);
    groups.push(text.slice(start, i));
    seps.push(code);
    start = i + 1;
  }
  const last = text.slice(start);
  if (last === '') return notAnAmount(input); // empty, `12,` or `1.`
  for (let i = 1; i < groups.length; i += 1) if (groups[i] === '') return notAnAmount(input);
  if (seps.length === 0) return centsFromDigits(input, negative, last, '');
  const head = groups[0] ?? '';

  const lastSep = seps[seps.length - 1];
  let mixed = false;
  for (let i = 0; i < seps.length - 1; i += 1) if (seps[i] !== lastSep) mixed = true;
  if (mixed) {
    // The last separator is the decimal one: it may appear only there.
    if (seps.indexOf(lastSep ?? 0) < seps.length - 1 || !groupedByThree(groups)) return notAnAmount(input);
    return centsFromDigits(input, negative, groups.join(''), last);
  }
  if (seps.length > 1) {
    // One separator repeated: thousands only, no decimals.
    groups.push(last);
    if (!groupedByThree(groups)) return notAnAmount(input);
    return centsFromDigits(input, negative, groups.join(''), '');
  }
  const decimalCode = decimal === ',' ? COMMA : DOT;
  const thousands = last.length === 3 && groupedByThree([head]) && lastSep !== decimalCode;
  return thousands
    ? centsFromDigits(input, negative, head + last, '')
    : centsFromDigits(input, negative, head, last);
}

const COMMA = 44;
const DOT = 46;

/** Only digits and separators, maybe after a minus: no cleaning needed. */
function isPlainNumber(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || code === COMMA || code === DOT || (i === 0 && code === 45)))
      return false;
  }
  return true;
}

/** Digit groups of a number grouped by three: 1 to 3 digits (not starting with 0), then exactly 3 each. */
function groupedByThree(groups: readonly string[]): boolean {
  const first = groups[0] ?? '';
  if (first.length < 1 || first.length > 3 || first.charCodeAt(0) === 48) return false;
  for (let i = 1; i < groups.length; i += 1) if (groups[i]?.length !== 3) return false;
  return true;
}

function amountFromNumber(value: number): ParseResult<number> {
  if (!Number.isFinite(value)) return notAnAmount(String(value));
  if (Math.abs(value) > MAX_AMOUNT_CENTS / 100) return tooLarge(String(value));
  // Below a millionth String() switches to exponent notation; such amounts are 0 cents.
  if (Math.abs(value) < 1e-6) return { ok: true, value: 0 };
  // The shortest text that reads back as the same double is what the spreadsheet showed:
  // 1.005 rounds to 1,01 €, not to the 1,00 € that 1.005 * 100 would give.
  const text = String(Math.abs(value));
  const dot = text.indexOf('.');
  return centsFromDigits(
    String(value),
    value < 0,
    dot < 0 ? text : text.slice(0, dot),
    dot < 0 ? '' : text.slice(dot + 1),
  );
}

// ── Dates ──────────────────────────────────────────────────────────────

const DATE_EXAMPLE = 'usare gg/mm/aaaa';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Two-digit years: 00–49 are 2000–2049, 50–99 are 1950–1999. */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

function checkedDate(input: CellInput, year: number, month: number, day: number): ParseResult<string> {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail(`${quoteCell(input)} non è una data valida: ${DATE_EXAMPLE}.`);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(
      `${quoteCell(input)} è fuori dagli anni ammessi (${MIN_YEAR}–${MAX_YEAR}): controllare la data.`,
    );
  }
  return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` };
}

/** Day 0 of Excel's 1900 date system, as its serial numbers count after 28/02/1900. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 31/12/9999, the last day Excel can show. */
const MAX_EXCEL_SERIAL = 2_958_465;

/**
 * An Excel serial date (1900 date system) as ISO. Excel counts 1 as 01/01/1900
 * and keeps Lotus 1-2-3's 29/02/1900 as 60, which never existed; the time of day
 * (the fraction) is dropped.
 */
export function excelSerialToIso(serial: number, input: CellInput = serial): ParseResult<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) {
    return fail(`${quoteCell(input)} non è una data valida: ${DATE_EXAMPLE}.`);
  }
  const day = Math.floor(serial);
  if (day === 60)
    return fail(`${quoteCell(input)} è il 29/02/1900, un giorno che non esiste: ${DATE_EXAMPLE}.`);
  const date = new Date(EXCEL_EPOCH_MS + (day < 60 ? day + 1 : day) * DAY_MS);
  return checkedDate(input, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/;
const YMD =
  /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SERIAL_TEXT = /^\d{5}(?:[.,]\d{1,12})?$/;

/**
 * A date as ISO `yyyy-mm-dd` from `dd/mm/yyyy`, `dd/mm/yy` (also with `-` or `.`,
 * and a time after it), `yyyy-mm-dd` (also a full ISO timestamp: its date part),
 * or an Excel serial date (a number, or five digits as text: 45567).
 * Refuses impossible days (31/02/2024) and years outside 1900–2100.
 */
export function parseIsoDate(input: CellInput): ParseResult<string> {
  if (typeof input === 'number') return excelSerialToIso(input);
  if (isBlank(input)) return fail(`Data mancante: ${DATE_EXAMPLE}.`);
  const text = String(input).trim();
  if (text.length > MAX_VALUE_LENGTH)
    return fail(`${quoteCell(input)} non è una data valida: ${DATE_EXAMPLE}.`);
  let match = DMY.exec(text);
  if (match) return checkedDate(input, fullYear(match[3] ?? ''), Number(match[2]), Number(match[1]));
  match = YMD.exec(text);
  if (match) return checkedDate(input, Number(match[1]), Number(match[2]), Number(match[3]));
  if (SERIAL_TEXT.test(text)) return excelSerialToIso(Number(text.replace(',', '.')), input);
  return fail(`${quoteCell(input)} non è una data valida: ${DATE_EXAMPLE}.`);
}

// ── Periods ────────────────────────────────────────────────────────────

const PERIOD_EXAMPLE = 'usare mm/aaaa, ad esempio 09/2026, oppure «settembre 2026»';

/** Month names, Italian then English; any prefix of three letters or more names the month. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['gennaio', 'january'],
  ['febbraio', 'february'],
  ['marzo', 'march'],
  ['aprile', 'april'],
  ['maggio', 'may'],
  ['giugno', 'june'],
  ['luglio', 'july'],
  ['agosto', 'august'],
  ['settembre', 'september'],
  ['ottobre', 'october'],
  ['novembre', 'november'],
  ['dicembre', 'december'],
];

function monthFromName(word: string): number | null {
  if (word.length < 3) return null;
  const index = MONTH_NAMES.findIndex((names) => names.some((name) => name.startsWith(word)));
  return index >= 0 ? index + 1 : null;
}

function checkedPeriod(input: CellInput, year: number, month: number): ParseResult<string> {
  if (month < 1 || month > 12) {
    return fail(`${quoteCell(input)} non è un periodo valido: il mese va da 01 a 12 (${PERIOD_EXAMPLE}).`);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(
      `${quoteCell(input)} è fuori dagli anni ammessi (${MIN_YEAR}–${MAX_YEAR}): controllare il periodo.`,
    );
  }
  return { ok: true, value: `${year}-${pad2(month)}` };
}

const MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/;
const YEAR_MONTH = /^(\d{4})\s*[/.-]\s*(\d{1,2})$/;
const NAME_YEAR = /^([a-z]+)\.?[\s/.'-]*(\d{4}|\d{2})$/;
const YEAR_NAME = /^(\d{4})[\s/.-]*([a-z]+)$/;

/**
 * A month as `YYYY-MM` from `MM/YYYY`, `M/YYYY`, `MM-YYYY`, `YYYY-MM`,
 * month names (`settembre 2026`, `set 2026`, `Set-26`, `SETTEMBRE/2026`), a date
 * (its month) or an Excel serial date. Two-digit years as in dates (26 is 2026).
 */
export function parsePeriod(input: CellInput): ParseResult<string> {
  if (typeof input === 'number') {
    const date = excelSerialToIso(input);
    if (!date.ok) return fail(`${quoteCell(input)} non è un periodo valido: ${PERIOD_EXAMPLE}.`);
    return { ok: true, value: date.value.slice(0, 7) };
  }
  if (isBlank(input)) return fail(`Periodo mancante: ${PERIOD_EXAMPLE}.`);
  const raw = String(input).trim();
  if (raw.length > MAX_VALUE_LENGTH)
    return fail(`${quoteCell(input)} non è un periodo valido: ${PERIOD_EXAMPLE}.`);
  const text = raw
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

  let match = MONTH_YEAR.exec(text);
  if (match) return checkedPeriod(input, fullYear(match[2] ?? ''), Number(match[1]));
  match = YEAR_MONTH.exec(text);
  if (match) return checkedPeriod(input, Number(match[1]), Number(match[2]));
  match = NAME_YEAR.exec(text);
  if (match) {
    const month = monthFromName(match[1] ?? '');
    if (month !== null) return checkedPeriod(input, fullYear(match[2] ?? ''), month);
  }
  match = YEAR_NAME.exec(text);
  if (match) {
    const month = monthFromName(match[2] ?? '');
    if (month !== null) return checkedPeriod(input, Number(match[1]), month);
  }
  if (/^[a-z]+\.?$/.test(text) && monthFromName(text.replace('.', '')) !== null) {
    return fail(`${quoteCell(input)}: manca l'anno (${PERIOD_EXAMPLE}).`);
  }
  const date = parseIsoDate(raw);
  if (date.ok) return { ok: true, value: date.value.slice(0, 7) };
  if (DMY.test(raw) || YMD.test(raw)) return date; // a date, but an impossible one: say so
  return fail(`${quoteCell(input)} non è un periodo valido: ${PERIOD_EXAMPLE}.`);
}

// ── Months unpaid ──────────────────────────────────────────────────────

/** A non-negative whole number of months (`3`, `3,0` and 3 from a spreadsheet are all 3). */
export function parseMonthsUnpaid(input: CellInput): ParseResult<number> {
  const wrong = fail(
    `${quoteCell(input)} non è un numero di mensilità valido: scrivere un numero intero, ad esempio 3.`,
  );
  let value: number;
  if (typeof input === 'number') value = input;
  else {
    if (isBlank(input))
      return fail('Numero di mensilità mancante: scrivere un numero intero, ad esempio 3 (0 se nessuna).');
    const text = String(input).trim();
    if (!/^-?\d{1,6}(?:[.,]0{1,6})?$/.test(text)) return wrong;
    value = Number(text.replace(',', '.'));
  }
  if (!Number.isInteger(value)) return wrong;
  if (value < 0) return fail(`${quoteCell(input)}: il numero di mensilità non può essere negativo.`);
  if (value > MAX_MONTHS_UNPAID) {
    return fail(
      `${quoteCell(input)}: troppe mensilità (al massimo ${MAX_MONTHS_UNPAID}), controllare il valore.`,
    );
  }
  return { ok: true, value };
}

// ── Legal stage ────────────────────────────────────────────────────────

const LEGAL_STAGE_HINT =
  'usare nessuna, sollecito, diffida, decreto ingiuntivo, sfratto convalidato oppure esecuzione';

/** Words that name each stage, most advanced stage first: when text names two stages, the later one wins. */
const STAGE_WORDS: readonly (readonly [LegalStage, readonly string[]])[] = [
  [
    'esecuzione',
    ['esecuzion', 'esecutiv', 'sgombero', 'ufficiale giudiziario', 'forza pubblica', 'rilascio'],
  ],
  ['sfratto_convalidato', ['sfratt', 'convalid']],
  ['decreto_ingiuntivo', ['decreto', 'ingiunt', 'ingiunz', 'monitori']],
  ['diffida', ['diffid', 'messa in mora', 'costituzione in mora', 'avvocat', 'legale']],
  ['sollecito', ['sollecit', 'richiamo', 'avviso']],
];
const NO_STAGE_WORDS = new Set(['nessuna', 'nessuno', 'nessun', 'no', 'non', 'niente', 'nulla', 'assente']);
/** Cells that mean "not given" rather than "no action". */
const NOT_GIVEN = new Set(['', 'n d', 'nd', 'n a', 'na']);

/**
 * The legal stage named by free text: `decreto ingiuntivo`, `D.I.`, `sfratto`,
 * `sfratto convalidato`, `esecuzione sfratto`, `nessuna`... Empty (or `-`,
 * `n.d.`) is `null`: not given.
 */
export function parseLegalStage(input: CellInput): ParseResult<LegalStage | null> {
  if (isBlank(input)) return { ok: true, value: null };
  const raw = String(input).trim();
  if (raw.length > 80)
    return fail(`${quoteCell(input)} non è uno stato legale riconosciuto: ${LEGAL_STAGE_HINT}.`);
  const folded = foldText(raw);
  if (NOT_GIVEN.has(folded) || /^[-–—/.?]+$/.test(raw)) return { ok: true, value: null };
  const compact = folded.replace(/ /g, '');
  if (compact === 'di') return { ok: true, value: 'decreto_ingiuntivo' };
  if (NO_STAGE_WORDS.has(folded.split(' ')[0] ?? '')) return { ok: true, value: 'nessuna' };
  for (const [stage, words] of STAGE_WORDS) {
    if (words.some((word) => folded.includes(word))) return { ok: true, value: stage };
  }
  return fail(`${quoteCell(input)} non è uno stato legale riconosciuto: ${LEGAL_STAGE_HINT}.`);
}
