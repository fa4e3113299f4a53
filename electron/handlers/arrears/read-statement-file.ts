/**
 * Reads a housing office's statement file (CSV or XLSX) into a raw table.
 * Whatever the bytes, it answers a table or throws StatementFileError with an
 * Italian message: never another kind of error.
 */
import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { binaryKind, parseCsvTable } from '../../../shared/arrears/csv';
import {
  checkStatementSize,
  MAX_STATEMENT_COLUMNS,
  StatementFileError,
  tableFromRows,
  type RawCell,
  type RawRow,
  type RawTable,
} from '../../../shared/arrears/statement';

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** What the parts of an XLSX may add up to once decompressed: more is a zip bomb, or no statement. */
const MAX_UNZIPPED_BYTES = 300 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 10_000;

const CORRUPT_XLSX =
  'Il file Excel è danneggiato o incompleto: aprirlo con Excel e salvarlo di nuovo come .xlsx, oppure esportarlo come CSV.';
const UNREADABLE =
  'Il file non può essere letto: è danneggiato o in un formato non riconosciuto. Esportarlo di nuovo come .xlsx o CSV.';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0
    ? ''
    : fileName
        .slice(dot + 1)
        .trim()
        .toLowerCase();
}

/**
 * The raw table of a statement file: XLSX (first sheet, or `sheet` by name)
 * or CSV, told apart by their first bytes and the file name's extension.
 */
export async function readStatementFile(
  fileName: string,
  bytes: Uint8Array,
  sheet: string | null = null,
): Promise<RawTable> {
  try {
    return await readChecked(fileName, bytes, sheet);
  } catch (error) {
    if (error instanceof StatementFileError) throw error;
    throw new StatementFileError(UNREADABLE, { cause: error });
  }
}

async function readChecked(fileName: string, bytes: Uint8Array, sheet: string | null): Promise<RawTable> {
  checkStatementSize(bytes.byteLength);
  if (bytes.byteLength === 0) throw new StatementFileError('Il file è vuoto.');
  const extension = extensionOf(fileName);
  if (extension === 'ods') {
    throw new StatementFileError('formato .ods (LibreOffice) non supportato: salvare come .xlsx o CSV.');
  }
  if (extension === 'xlsb' || extension === 'numbers') {
    throw new StatementFileError(`formato .${extension} non supportato: salvare come .xlsx o CSV.`);
  }
  if (startsWith(bytes, OLE2)) {
    throw new StatementFileError(
      'formato .xls non supportato: salvare come .xlsx o CSV (se il file è protetto da password, toglierla prima).',
    );
  }
  if (startsWith(bytes, ZIP_LOCAL)) return readXlsx(bytes, sheet);
  if (extension === 'xlsx' || extension === 'xlsm' || extension === 'xltx') {
    const kind = binaryKind(bytes);
    throw new StatementFileError(kind ? `Il file non è un file Excel: è ${kind}.` : CORRUPT_XLSX);
  }
  if (extension === 'xls') {
    // Web applications often save an HTML table or tab-separated text as .xls.
    const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    if (head.startsWith('<')) {
      throw new StatementFileError(
        'formato .xls non supportato: il file è in realtà una pagina web; aprirlo con Excel e salvarlo come .xlsx o CSV.',
      );
    }
  }
  return parseCsvTable(bytes);
}

// ── XLSX ───────────────────────────────────────────────────────────────

/**
 * Checks the zip container before exceljs opens it: complete, a workbook, and
 * not decompressing beyond MAX_UNZIPPED_BYTES. Every part is inflated with a
 * cap, since the sizes a zip declares can lie.
 */
function checkXlsxContainer(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  // The end-of-central-directory record: in the last 22 + 65535 bytes (a comment may follow it).
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65_535; at -= 1) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new StatementFileError(CORRUPT_XLSX);
  const entries = u16(end + 10);
  const directoryStart = u32(end + 16);
  if (entries > MAX_ZIP_ENTRIES || directoryStart + u32(end + 12) > end)
    throw new StatementFileError(CORRUPT_XLSX);

  let budget = MAX_UNZIPPED_BYTES;
  let workbookPart = false;
  let at = directoryStart;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > end || u32(at) !== 0x02014b50) throw new StatementFileError(CORRUPT_XLSX);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const nameLength = u16(at + 28);
    const localHeader = u32(at + 42);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name === 'xl/workbook.xml') workbookPart = true;
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);

    if (localHeader + 30 > bytes.length || u32(localHeader) !== 0x04034b50) {
      throw new StatementFileError(CORRUPT_XLSX);
    }
    const dataStart = localHeader + 30 + u16(localHeader + 26) + u16(localHeader + 28);
    if (dataStart + compressedSize > bytes.length) throw new StatementFileError(CORRUPT_XLSX);
    let size: number;
    if (method === 0) size = compressedSize;
    else if (method === 8) {
      try {
        size = inflateRawSync(bytes.subarray(dataStart, dataStart + compressedSize), {
          maxOutputLength: budget + 1,
        }).byteLength;
      } catch (error) {
        if (error instanceof RangeError) size = budget + 1;
        else throw new StatementFileError(CORRUPT_XLSX, { cause: error });
      }
    } else throw new StatementFileError(CORRUPT_XLSX);
    budget -= size;
    if (budget < 0) {
      throw new StatementFileError(
        'Il file Excel, una volta decompresso, è troppo grande per essere un estratto della morosità: controllarlo o esportarlo come CSV.',
      );
    }
  }
  if (!workbookPart) {
    throw new StatementFileError(
      'Il file è un archivio zip ma non un file Excel (.xlsx): esportare l’estratto come .xlsx o CSV.',
    );
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A cell as the import reads it: numbers stay numbers, dates become ISO,
 * formulas their cached result (never their text), rich text and hyperlinks
 * their text, errors (#N/D) null. Typed loosely: a hostile file can put
 * anything where exceljs's types promise otherwise.
 */
function cellValue(value: unknown, depth = 0): RawCell {
  if (value === null || value === undefined || depth > 3) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'VERO' : 'FALSO';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // exceljs gives the day shown in the sheet as midnight UTC.
    return `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
  }
  if (typeof value !== 'object') return null;
  const cell = value as Record<string, unknown>;
  if ('error' in cell) return null;
  if ('formula' in cell || 'sharedFormula' in cell) return cellValue(cell.result, depth + 1);
  if ('richText' in cell) {
    const parts = cell.richText;
    if (!Array.isArray(parts)) return null;
    return parts
      .map((part: unknown) => {
        const text = typeof part === 'object' && part !== null ? (part as { text?: unknown }).text : null;
        return typeof text === 'string' ? text : '';
      })
      .join('');
  }
  if ('hyperlink' in cell) return cellValue(cell.text, depth + 1);
  return null;
}

async function readXlsx(bytes: Uint8Array, sheet: string | null): Promise<RawTable> {
  checkXlsxContainer(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy of exactly the file's bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    throw new StatementFileError(CORRUPT_XLSX, { cause: error });
  }
  const worksheets = workbook.worksheets;
  const sheetNames = worksheets.map((worksheet) => worksheet.name);
  const list = sheetNames.map((name) => `«${name}»`).join(', ');
  if (worksheets.length === 0) throw new StatementFileError('Il file Excel non contiene fogli di lavoro.');
  let worksheet = worksheets[0];
  if (sheet !== null && sheet.trim() !== '') {
    const wanted = sheet.trim().toLowerCase();
    worksheet =
      worksheets.find((candidate) => candidate.name === sheet) ??
      worksheets.find((candidate) => candidate.name.trim().toLowerCase() === wanted);
    if (!worksheet) {
      throw new StatementFileError(
        `Il foglio «${sheet.slice(0, 60)}» non c’è nel file: i fogli sono ${list}.`,
      );
    }
  }
  if (!worksheet) throw new StatementFileError('Il file Excel non contiene fogli di lavoro.');

  const rows: RawRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // One cell past the limit is enough for tableFromRows to refuse the width.
      if (column <= MAX_STATEMENT_COLUMNS + 1) cells[column - 1] = cellValue(cell.value);
    });
    rows.push({ line: rowNumber, cells: Array.from(cells, (cell) => cell ?? null) });
  });
  if (rows.every((row) => row.cells.every((cell) => cell === null || String(cell).trim() === ''))) {
    throw new StatementFileError(
      sheetNames.length > 1
        ? `Il foglio «${worksheet.name}» è vuoto: scegliere un altro foglio (${list}).`
        : `Il foglio «${worksheet.name}» è vuoto.`,
    );
  }
  return tableFromRows(rows, { sheetNames, sheet: worksheet.name, encoding: null, delimiter: null });
}
