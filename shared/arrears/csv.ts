/**
 * Reading a statement saved as CSV: the text encoding and the delimiter are
 * detected, as each housing office saves its files its own way.
 */
import Papa from 'papaparse';
import {
  checkStatementSize,
  StatementFileError,
  tableFromRows,
  type RawRow,
  type RawTable,
} from './statement';

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvDelimiter = ';' | ',' | '\t';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

/** Known binary formats by their first bytes, as users would name them. */
const SIGNATURES: readonly (readonly [readonly number[], string])[] = [
  [[0x50, 0x4b, 0x03, 0x04], 'un file Excel (.xlsx) o un archivio zip'],
  [[0x50, 0x4b, 0x05, 0x06], 'un archivio zip vuoto'],
  [
    [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    'un file Excel nel vecchio formato .xls (o un documento protetto da password)',
  ],
  [[0x25, 0x50, 0x44, 0x46], 'un PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'un’immagine PNG'],
  [[0xff, 0xd8, 0xff], 'un’immagine JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'un’immagine GIF'],
  [[0x1f, 0x8b], 'un archivio compresso (gzip)'],
  [[0x52, 0x61, 0x72, 0x21], 'un archivio RAR'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'un archivio 7-Zip'],
];

/** What a binary file is, from its first bytes, or null when it is none of the known formats. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [signature, kind] of SIGNATURES) if (startsWith(bytes, signature)) return kind;
  return null;
}

/** Share of control bytes above which a file is binary, not text (1 in 50). */
const MAX_CONTROL_SHARE = 0.02;

/**
 * The text of a CSV file: UTF-8 (with or without BOM) when the bytes are valid
 * UTF-8, otherwise Windows-1252 (what Excel writes on Italian Windows). Refuses
 * binary files (NUL bytes, many control characters, known formats) and UTF-16.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new StatementFileError(
      'Il file è in formato Unicode UTF-16 («Testo Unicode» di Excel): salvarlo come «CSV UTF-8» oppure come .xlsx.',
    );
  }
  const kind = binaryKind(bytes);
  if (kind) throw new StatementFileError(`Il file non sembra un CSV: è ${kind}.`);
  let controls = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) {
      throw new StatementFileError(
        'Il file non sembra un CSV: contiene dati binari (forse è un’immagine, un PDF o il file di un altro programma).',
      );
    }
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) controls += 1;
  }
  if (controls > 8 && controls > bytes.length * MAX_CONTROL_SHARE) {
    throw new StatementFileError(
      'Il file non sembra un CSV: contiene troppi caratteri di controllo (forse è un file binario o danneggiato).',
    );
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
      encoding: 'utf-8',
    };
  } catch {
    const latin = new TextDecoder('windows-1252').decode(body);
    // Node since 20.18.3 / 22.13.0 decodes windows-1252 as Latin-1, leaving 0x80–0x9F as C1
    // controls (nodejs/node#60888): map them here, so the euro sign and curly quotes survive.
    return { text: latin.replace(/[\u0080-\u009f]/g, fromC1), encoding: 'windows-1252' };
  }
}

/** Windows-1252 characters of bytes 0x80–0x9F (WHATWG index); the five undefined ones stay as they are. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function fromC1(char: string): string {
  return CP1252_HIGH.charAt(char.charCodeAt(0) - 0x80);
}

const DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];
/** How much of the file and how many lines the delimiter is guessed from. */
const SAMPLE_CHARS = 65_536;
const SAMPLE_LINES = 30;

/**
 * The delimiter that splits the header into the most columns and splits the
 * next lines into as many (quotes respected); `;` when nothing tells.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, SAMPLE_CHARS);
  const lines: number[][] = [];
  let counts = [0, 0, 0];
  let inQuotes = false;
  let filled = false;
  for (let i = 0; i < sample.length && lines.length < SAMPLE_LINES; i += 1) {
    const char = sample.charAt(i);
    if (char === '"') {
      inQuotes = !inQuotes; // "" inside quotes toggles twice: no change
      filled = true;
    } else if (inQuotes) continue;
    else if (char === '\n' || char === '\r') {
      if (filled) lines.push(counts);
      counts = [0, 0, 0];
      filled = false;
    } else {
      const index = DELIMITERS.indexOf(char as CsvDelimiter);
      if (index >= 0) counts[index] = (counts[index] ?? 0) + 1;
      if (char.trim() !== '') filled = true;
    }
  }
  if (filled && sample.length === text.length && lines.length < SAMPLE_LINES) lines.push(counts);

  let best: CsvDelimiter = ';';
  let bestScore = 0;
  DELIMITERS.forEach((delimiter, index) => {
    const header = lines[0]?.[index] ?? 0;
    if (header === 0) return;
    const data = lines.slice(1);
    const consistent =
      data.length === 0 ? 1 : data.filter((line) => line[index] === header).length / data.length;
    const score = consistent * 1000 + Math.min(header, 999);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  });
  return best;
}

/**
 * A statement's raw table from the bytes of a CSV file. Line numbers are the
 * file's records counted from 1, blank ones included, as Excel numbers rows.
 */
export function parseCsvTable(bytes: Uint8Array): RawTable {
  checkStatementSize(bytes.byteLength);
  const decoded = decodeText(bytes);
  let text = decoded.text;
  while (text.endsWith('\u001a')) text = text.slice(0, -1); // DOS end-of-file mark
  if (text.trim() === '') throw new StatementFileError('Il file è vuoto.');
  const delimiter = detectDelimiter(text);
  const result = Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const unclosed = result.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) {
    throw new StatementFileError(
      `Il file è incompleto o danneggiato: le virgolette aperte alla riga ${(unclosed.row ?? 0) + 1} non vengono chiuse. ` +
        'Controllare quella riga o esportare di nuovo il file.',
    );
  }
  const rows: RawRow[] = result.data.map((cells, index) => ({ line: index + 1, cells }));
  return tableFromRows(rows, { sheetNames: [], sheet: null, encoding: decoded.encoding, delimiter });
}
