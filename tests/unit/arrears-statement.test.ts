import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../shared/arrears/csv';
import {
  guessMapping,
  readStatementRows,
  STATEMENT_FIELDS,
  StatementFileError,
  tableFromRows,
  validateMapping,
  type ColumnMapping,
  type RawTable,
  type StatementRow,
} from '../../shared/arrears/statement';

const SAMPLE = new URL('../fixtures/estratto_morosita_esempio.csv', import.meta.url);
const SAMPLE_MAPPING: ColumnMapping = {
  unitCode: 0,
  tenantName: 5,
  period: 6,
  rent: 7,
  charges: 8,
  due: 9,
  paid: 10,
  balance: 11,
  monthsUnpaid: 12,
  legalStage: 13,
};

const csv = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A table read from `;`-separated lines, the header first. */
const tableOf = (...lines: string[]): RawTable => parseCsvTable(csv(lines.join('\r\n')));

/** A full row as readStatementRows returns it, with the fields a test does not care about null. */
function row(fields: Partial<StatementRow> & Pick<StatementRow, 'line'>): StatementRow {
  return {
    unitCode: null,
    taxCode: null,
    tenantName: null,
    period: '2026-09',
    rentCents: null,
    chargesCents: null,
    dueCents: 0,
    paidCents: 0,
    balanceCents: 0,
    monthsUnpaid: null,
    legalStage: null,
    lastPaymentDate: null,
    ...fields,
  };
}

describe('guessMapping', () => {
  it('maps the sample header of the housing office', () => {
    const table = parseCsvTable(readFileSync(SAMPLE));
    expect(table.headers).toEqual([
      'Codice alloggio',
      'Indirizzo',
      'Scala',
      'Piano',
      'Interno',
      'Intestatario',
      'Periodo',
      'Canone',
      'Spese',
      'Totale dovuto',
      'Versato',
      'Saldo morosità',
      'Mensilità insolute',
      'Stato legale',
    ]);
    expect(guessMapping(table.headers)).toEqual(SAMPLE_MAPPING);
  });

  it('maps an abbreviated layout with punctuation (Cod. U.I., C.F., Mese/Anno, N. mesi)', () => {
    const headers = [
      'Cod. U.I.',
      'Nominativo',
      'C.F.',
      'Mese/Anno',
      'Canone di locazione',
      'Oneri accessori',
      'Importo dovuto',
      'Importo pagato',
      'Residuo',
      'N. mesi',
      'Fase legale',
      'Ultimo versamento',
    ];
    const mapping = guessMapping(headers);
    expect(mapping).toEqual({
      unitCode: 0,
      tenantName: 1,
      taxCode: 2,
      period: 3,
      rent: 4,
      charges: 5,
      due: 6,
      paid: 7,
      balance: 8,
      monthsUnpaid: 9,
      legalStage: 10,
      lastPaymentDate: 11,
    });
    expect(validateMapping(mapping, headers)).toEqual([]);
  });

  it('maps an upper-case layout without accents, ignoring an earlier balance and without a due column', () => {
    const headers = [
      'ID ALLOGGIO',
      'ASSEGNATARIO',
      'CODICE FISCALE',
      'COMPETENZA',
      'CANONE',
      'SERVIZI',
      'PAGATO',
      'SALDO PRECEDENTE',
      "MOROSITA'",
      'MESI INSOLUTI',
      'AZIONE LEGALE',
      'DATA ULTIMO PAGAMENTO',
    ];
    const mapping = guessMapping(headers);
    expect(mapping).toEqual({
      unitCode: 0,
      tenantName: 1,
      taxCode: 2,
      period: 3,
      rent: 4,
      charges: 5,
      paid: 6,
      balance: 8,
      monthsUnpaid: 9,
      legalStage: 10,
      lastPaymentDate: 11,
    });
    // Without a due column, rent and charges stand in for it.
    expect(validateMapping(mapping, headers)).toEqual([]);
  });

  it('prefers an exact name, then a name that opens the header, and uses each column once', () => {
    const headers = [
      'Unità immobiliare',
      'Inquilino',
      'Periodo di riferimento',
      'Totale',
      'Versato',
      'Debito',
      'Mesi di morosità',
      'Stato pratica',
      'Note',
    ];
    expect(guessMapping(headers)).toEqual({
      unitCode: 0,
      tenantName: 1,
      period: 2,
      due: 3,
      paid: 4,
      balance: 5,
      monthsUnpaid: 6,
      legalStage: 7,
    });
    // "Saldo morosità" is an exact name, "Saldo" too but shorter: the longer one wins, the other is left.
    expect(guessMapping(['Saldo', 'Saldo morosità'])).toEqual({ balance: 1 });
    expect(guessMapping(['Codice', 'Importo', '', 'Indirizzo'])).toEqual({});
  });
});

describe('validateMapping', () => {
  it('lists every missing required field in Italian', () => {
    expect(validateMapping({})).toEqual([
      'Indicare la colonna «Codice alloggio» (o almeno quella «Codice fiscale intestatario»).',
      'Indicare la colonna «Periodo».',
      'Indicare la colonna «Versato».',
      'Indicare la colonna «Saldo morosità».',
      'Indicare la colonna «Totale dovuto», oppure le colonne «Canone» e «Spese» da cui calcolarlo.',
    ]);
  });

  it('accepts a tax code instead of the unit code, and rent and charges instead of the due amount', () => {
    expect(validateMapping({ taxCode: 0, period: 1, rent: 2, charges: 3, paid: 4, balance: 5 })).toEqual([]);
    expect(validateMapping({ unitCode: 0, period: 1, rent: 2, paid: 4, balance: 5 })).toEqual([
      'Indicare la colonna «Totale dovuto», oppure le colonne «Canone» e «Spese» da cui calcolarlo.',
    ]);
  });

  it('refuses a column used twice and a column that does not exist', () => {
    const headers = ['Codice', 'Periodo', 'Versato', 'Saldo'];
    expect(validateMapping({ unitCode: 0, period: 1, due: 2, paid: 2, balance: 3 }, headers)).toEqual([
      'La colonna «Versato» è indicata sia per «Totale dovuto» sia per «Versato»: sceglierne una sola.',
    ]);
    expect(validateMapping({ unitCode: 0, period: 1, due: 2, paid: 9, balance: 3 }, headers)).toEqual([
      'La colonna indicata per «Versato» non esiste nel file.',
    ]);
    expect(validateMapping({ unitCode: -1, period: 1, due: 2, paid: 1.5, balance: 3 })).toEqual([
      'La colonna indicata per «Codice alloggio» non esiste nel file.',
      'La colonna indicata per «Versato» non esiste nel file.',
    ]);
  });

  it('describes each field with its requirement', () => {
    expect(STATEMENT_FIELDS.map((info) => [info.field, info.requirement])).toEqual([
      ['unitCode', 'conditional'],
      ['taxCode', 'optional'],
      ['tenantName', 'optional'],
      ['period', 'required'],
      ['rent', 'optional'],
      ['charges', 'optional'],
      ['due', 'conditional'],
      ['paid', 'required'],
      ['balance', 'required'],
      ['monthsUnpaid', 'optional'],
      ['legalStage', 'optional'],
      ['lastPaymentDate', 'optional'],
    ]);
  });

  it('makes readStatementRows refuse an unusable mapping', () => {
    const table = tableOf('Codice alloggio;Periodo', 'A1;09/2026');
    expect(() => readStatementRows(table, { unitCode: 0, period: 1 })).toThrow(StatementFileError);
    expect(() => readStatementRows(table, { unitCode: 0, period: 1 })).toThrow(
      /Indicare la colonna «Versato»\. Indicare la colonna «Saldo morosità»\./,
    );
  });
});

describe('readStatementRows on the sample statement', () => {
  const table = parseCsvTable(readFileSync(SAMPLE));
  const result = readStatementRows(table, guessMapping(table.headers));

  it('reads every line, without errors', () => {
    expect(table.encoding).toBe('utf-8');
    expect(table.delimiter).toBe(';');
    expect(result.errors).toEqual([]);
    expect(result.skippedLines).toBe(0);
    expect(result.rows).toHaveLength(30);
    expect(result.rows.map((r) => r.line)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
  });

  it('reads exact values: cents, periods, stages, accented names', () => {
    expect(result.rows[0]).toEqual(
      row({
        line: 2,
        unitCode: 'CR-0101-A01',
        tenantName: 'ESPOSITO LUCIA',
        rentCents: 7690,
        chargesCents: 3500,
        dueCents: 11190,
        paidCents: 11190,
        balanceCents: 0,
        monthsUnpaid: 0,
      }),
    );
    expect(result.rows[5]?.tenantName).toBe('COSTA NICOLÒ');
    expect(result.rows.find((r) => r.unitCode === 'CR-0101-B22')).toEqual(
      row({
        line: 10,
        unitCode: 'CR-0101-B22',
        tenantName: 'FERRARI CARLA',
        rentCents: 14375,
        chargesCents: 6100,
        dueCents: 20475,
        paidCents: 0,
        balanceCents: 245700,
        monthsUnpaid: 12,
        legalStage: 'decreto_ingiuntivo',
      }),
    );
    expect(result.rows.find((r) => r.unitCode === 'CR-0102-B12')).toMatchObject({
      line: 17,
      dueCents: 22330,
      paidCents: 11165,
      balanceCents: 78155,
      monthsUnpaid: 4,
      legalStage: null,
    });
    expect(result.rows[29]).toMatchObject({ line: 31, unitCode: 'CR-0999-Z01', legalStage: 'sollecito' });
    expect(result.rows.reduce((sum, r) => sum + r.balanceCents, 0)).toBe(1_581_345);
    expect(result.rows.reduce((sum, r) => sum + r.dueCents, 0)).toBe(532_225);
    expect(result.rows.filter((r) => r.balanceCents > 0)).toHaveLength(13);
    expect(new Set(result.rows.map((r) => r.period))).toEqual(new Set(['2026-09']));
  });
});

describe('readStatementRows, row by row', () => {
  const HEADER =
    'Codice alloggio;Intestatario;Periodo;Dovuto;Versato;Saldo;Stato legale;Data ultimo pagamento';
  const mappingOf = (table: RawTable): ColumnMapping => guessMapping(table.headers);

  it('cleans text: trims, collapses spaces, upper-cases unit codes', () => {
    const table = tableOf(HEADER, '  cr-01  a ; Rossi   Mario\u00a0 ;09/2026;10;0;10;;');
    expect(readStatementRows(table, mappingOf(table)).rows).toEqual([
      row({ line: 2, unitCode: 'CR-01 A', tenantName: 'Rossi Mario', dueCents: 1000, balanceCents: 1000 }),
    ]);
  });

  it('refuses formula injection in text fields, naming line and column', () => {
    const table = tableOf(
      HEADER,
      'A1;=HYPERLINK("http://x.example","clic");09/2026;10;0;10;;',
      "A2;+cmd|' /C calc'!A0;09/2026;10;0;10;;",
      'A3;@SUM(A1:A9);09/2026;10;0;10;;',
      '"\tA4";ROSSI;09/2026;10;0;10;;',
      'A5;ROSSI;09/2026;10;0;10;=1+1;',
      'A6;  =cmd;09/2026;10;0;10;;',
      'A7;ROSSI + BIANCHI;09/2026;10;0;10;;',
    );
    const result = readStatementRows(table, mappingOf(table));
    expect(result.rows.map((r) => r.line)).toEqual([8]);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Intestatario'],
      [3, 'Intestatario'],
      [4, 'Intestatario'],
      [5, 'Codice alloggio'],
      [6, 'Stato legale'],
      [7, 'Intestatario'],
    ]);
    expect(result.errors[0]?.message).toBe(
      '«=HYPERLINK("http://x.example","clic")» sembra una formula: un testo non può iniziare con =, +, @ o una tabulazione (togliere il primo carattere).',
    );
    for (const error of result.errors) expect(error.message).toMatch(/sembra una formula/);
  });

  it('reports every error of a row, and leaves the row out', () => {
    const table = tableOf(
      HEADER,
      'A1;ROSSI;13/2026;abc;1.234,56;99999999999;boh;31/02/2024',
      'A2;ROSSI;09/2026;10;0;10;diffida;15/09/2026',
    );
    const result = readStatementRows(table, mappingOf(table));
    expect(result.errors).toEqual([
      {
        line: 2,
        column: 'Periodo',
        message:
          '«13/2026» non è un periodo valido: il mese va da 01 a 12 (usare mm/aaaa, ad esempio 09/2026, oppure «settembre 2026»).',
      },
      {
        line: 2,
        column: 'Dovuto',
        message:
          'Totale dovuto: «abc» non è un importo valido: scrivere ad esempio 1.234,56 (solo cifre, senza altre parole).',
      },
      {
        line: 2,
        column: 'Saldo',
        message: "Saldo morosità: «99999999999» supera il limite di 10.000.000 €: controllare l'importo.",
      },
      {
        line: 2,
        column: 'Stato legale',
        message:
          '«boh» non è uno stato legale riconosciuto: usare nessuna, sollecito, diffida, decreto ingiuntivo, sfratto convalidato oppure esecuzione.',
      },
      {
        line: 2,
        column: 'Data ultimo pagamento',
        message: '«31/02/2024» non è una data valida: usare gg/mm/aaaa.',
      },
    ]);
    expect(result.rows).toEqual([
      row({
        line: 3,
        unitCode: 'A2',
        tenantName: 'ROSSI',
        dueCents: 1000,
        balanceCents: 1000,
        legalStage: 'diffida',
        lastPaymentDate: '2026-09-15',
      }),
    ]);
  });

  it('asks for the required values when cells are blank', () => {
    const table = tableOf(HEADER, ';ROSSI;;;;;;', 'A2;;09/2026;10;0;10;;');
    const result = readStatementRows(table, mappingOf(table));
    expect(result.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 'Codice alloggio', 'Manca il codice alloggio: indicarlo (o il codice fiscale dell’intestatario).'],
      [2, 'Periodo', 'Periodo mancante: usare mm/aaaa, ad esempio 09/2026, oppure «settembre 2026».'],
      [2, 'Dovuto', 'Totale dovuto: Importo mancante: scrivere ad esempio 1.234,56 (0 se è zero).'],
      [2, 'Versato', 'Versato: Importo mancante: scrivere ad esempio 1.234,56 (0 se è zero).'],
      [2, 'Saldo', 'Saldo morosità: Importo mancante: scrivere ad esempio 1.234,56 (0 se è zero).'],
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([3]);
  });

  it('refuses the same unit twice for one period, on the second line', () => {
    const table = tableOf(
      HEADER,
      'CR-1;ROSSI;09/2026;10;0;10;;',
      'CR-2;BIANCHI;09/2026;10;0;10;;',
      'cr-1;ROSSI;settembre 2026;10;0;10;;',
      'CR-1;ROSSI;10/2026;10;0;10;;',
    );
    const result = readStatementRows(table, mappingOf(table));
    expect(result.errors).toEqual([
      {
        line: 4,
        column: 'Codice alloggio',
        message:
          'Alloggio CR-1 già presente alla riga 2 per lo stesso periodo (09/2026): togliere una delle due righe.',
      },
    ]);
    expect(result.rows.map((r) => [r.line, r.unitCode, r.period])).toEqual([
      [2, 'CR-1', '2026-09'],
      [3, 'CR-2', '2026-09'],
      [5, 'CR-1', '2026-10'],
    ]);
  });

  it('skips blank lines, totals lines, repeated headers and lines with nothing mapped, counting them', () => {
    const table = tableOf(
      HEADER,
      'A1;ROSSI;09/2026;10;0;10;;',
      '',
      ';;;;;;;',
      HEADER,
      'A2;BIANCHI;09/2026;20;5;15;;',
      'Totale edificio A;;;30;5;25;;',
      'A3;VERDI;09/2026;1;1;0;;',
      ';;;;;;;',
      'TOTALE;;;31;6;25;;',
      ';;;31;6;25;;',
    );
    const result = readStatementRows(table, mappingOf(table));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.unitCode])).toEqual([
      [2, 'A1'],
      [6, 'A2'],
      [8, 'A3'],
    ]);
    // Lines 3, 4 (blank), 5 (header again), 7 (subtotal), 9 (blank), 10 (TOTALE), 11 (totals without label).
    expect(result.skippedLines).toBe(7);
  });

  it('does not take a tenant’s row without unit code for a totals line', () => {
    const table = tableOf(HEADER, 'A1;ROSSI;09/2026;10;0;10;;', ';BIANCHI;09/2026;10;0;10;;');
    const result = readStatementRows(table, mappingOf(table));
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([[3, 'Codice alloggio']]);
    expect(result.skippedLines).toBe(0);
  });

  it('computes the due amount as rent + charges when there is no due column', () => {
    const table = tableOf(
      'Codice alloggio;Periodo;Canone;Spese;Versato;Saldo',
      'A1;09/2026;98,40;42,50;0;140,90',
      'A2;09/2026;98,40;;98,40;0',
      'A3;09/2026;;;0;0',
    );
    const result = readStatementRows(table, guessMapping(table.headers));
    expect(result.rows).toEqual([
      row({
        line: 2,
        unitCode: 'A1',
        rentCents: 9840,
        chargesCents: 4250,
        dueCents: 14090,
        balanceCents: 14090,
      }),
      row({ line: 3, unitCode: 'A2', rentCents: 9840, chargesCents: null, dueCents: 9840, paidCents: 9840 }),
    ]);
    expect(result.errors).toEqual([
      {
        line: 4,
        column: 'Canone',
        message: 'Mancano canone e spese: servono per calcolare il totale dovuto.',
      },
    ]);
  });

  it('reads rows keyed by codice fiscale only, checking it', () => {
    const table = tableOf(
      'CF;Periodo;Dovuto;Versato;Saldo',
      'rss mra 80a01 h501u;09/2026;10;0;10',
      'RSSMRA80A01H501V;09/2026;10;0;10',
      'RSSMRA80A01H501U;09/2026;10;0;10',
      '01234567897;09/2026;10;0;10',
    );
    const result = readStatementRows(table, guessMapping(table.headers));
    expect(result.rows.map((r) => [r.line, r.unitCode, r.taxCode])).toEqual([
      [2, null, 'RSSMRA80A01H501U'],
      [5, null, '01234567897'],
    ]);
    expect(result.errors).toEqual([
      {
        line: 3,
        column: 'CF',
        message:
          '«RSSMRA80A01H501V»: Il codice fiscale non è corretto: il carattere di controllo non corrisponde. Ricontrollarlo.',
      },
      {
        line: 4,
        column: 'CF',
        message:
          'Codice fiscale RSSMRA80A01H501U già presente alla riga 2 per lo stesso periodo (09/2026): togliere una delle due righe.',
      },
    ]);
  });

  it('reads a file that writes 1234.56: there 1,234 is one thousand two hundred thirty-four', () => {
    const table = parseCsvTable(
      csv(
        'Codice alloggio,Periodo,Dovuto,Versato,Saldo\nA1,2026-09,1234.56,"1,234",0.56\nA2,2026-09,76.9,0,76.90\n',
      ),
    );
    expect(table.delimiter).toBe(',');
    expect(readStatementRows(table, guessMapping(table.headers)).rows).toEqual([
      row({ line: 2, unitCode: 'A1', dueCents: 123456, paidCents: 123400, balanceCents: 56 }),
      row({ line: 3, unitCode: 'A2', dueCents: 7690, balanceCents: 7690 }),
    ]);
  });

  it('reads numbers and numeric codes as a spreadsheet gives them', () => {
    const table = tableFromRows(
      [
        {
          line: 1,
          cells: ['Codice alloggio', 'Codice fiscale', 'Periodo', 'Dovuto', 'Versato', 'Saldo', 'Mesi'],
        },
        { line: 2, cells: [1203, 1234567897, 46266, 111.9, 0, 335.7, 3] },
        { line: 3, cells: ['1204', null, '2026-09-01', 111.9, 111.9, 0, 0.5] },
      ],
      { sheetNames: ['Foglio1'], sheet: 'Foglio1', encoding: null, delimiter: null },
    );
    const result = readStatementRows(table, guessMapping(table.headers));
    expect(result.rows).toEqual([
      row({
        line: 2,
        unitCode: '1203',
        taxCode: '01234567897',
        dueCents: 11190,
        balanceCents: 33570,
        monthsUnpaid: 3,
      }),
    ]);
    expect(result.errors).toEqual([
      {
        line: 3,
        column: 'Mesi',
        message: '«0.5» non è un numero di mensilità valido: scrivere un numero intero, ad esempio 3.',
      },
    ]);
  });

  it('reads 10,000 rows', () => {
    const lines = [
      'Codice alloggio;Intestatario;Periodo;Canone;Spese;Dovuto;Versato;Saldo;Mesi;Stato legale',
    ];
    for (let i = 0; i < 10_000; i += 1) {
      lines.push(
        `CR-${i};ROSSI MARIO ${i};09/2026;1.098,40;42,50;1.140,90;${i % 7},00;1.${i % 1000},00;3;diffida`,
      );
    }
    const table = tableOf(...lines);
    const result = readStatementRows(table, guessMapping(table.headers));
    // 1.5,00 is not grouped by three: one row in a thousand per digit count is refused.
    const refused = result.errors.map((e) => e.line);
    expect(result.rows.length + refused.length).toBe(10_000);
    expect(refused).toEqual(
      Array.from({ length: 10_000 }, (_, i) => i)
        .filter((i) => i % 1000 < 100)
        .map((i) => i + 2),
    );
    expect(result.rows[0]).toMatchObject({
      line: 102,
      unitCode: 'CR-100',
      dueCents: 114090,
      balanceCents: 110000,
    });
  });
});
