import { describe, expect, it } from 'vitest';
import {
  detectDecimalSeparator,
  LEGAL_STAGE_LABELS,
  LEGAL_STAGES,
  parseAmountCents,
  parseIsoDate,
  parseLegalStage,
  parseMonthsUnpaid,
  parsePeriod,
  type CellInput,
  type DecimalSeparator,
  type ParseResult,
} from '../../shared/arrears/values';

/** The message of a refusal; fails the test when the value was accepted. */
function refusal<T>(result: ParseResult<T>): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.message;
}

describe('parseAmountCents', () => {
  const accepted: [CellInput, number, DecimalSeparator?][] = [
    // Italian writing
    ['1.234,56', 123456],
    ['-12,50', -1250],
    ['€ 1.234,56', 123456],
    ['1.234,56 €', 123456],
    ['€ -12,50', -1250],
    ['-€ 12,50', -1250],
    ['EUR 10', 1000],
    ['10 euro', 1000],
    ['1234,5', 123450],
    ['1.234.567,89', 123456789],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['1\u202f234,56', 123456],
    ['0,00', 0],
    ['0', 0],
    [',50', 50],
    ["'123,45", 12345],
    // Plain writing
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['1,234,567.89', 123456789],
    ['76.9', 7690],
    // Signs
    ['(12,50)', -1250],
    ['12,50-', -1250],
    ['+12,50', 1250],
    ['\u221212,50', -1250],
    // The ambiguous single separator before exactly three digits: the file's decimal separator decides.
    ['1.234', 123400],
    ['1,234', 123, ','],
    ['1,234', 123400, '.'],
    ['1.234', 123, '.'],
    ['12.345', 1234500],
    ['0,500', 50, '.'], // a leading 0 never groups thousands
    ['1234,567', 123457, '.'], // four digits before: not a thousands group
    // Rounding half away from zero at the cent, on the written digits
    ['0,005', 1],
    ['-0,005', -1],
    ['0,0049', 0],
    ['-0,004', 0],
    ['2,675', 268],
    ['1,995', 200],
    // The limit is inclusive
    ['10.000.000,00', 1_000_000_000],
    ['-10.000.000,00', -1_000_000_000],
    // Numbers from a spreadsheet
    [1234.56, 123456],
    [45, 4500],
    [1.005, 101],
    [-1.005, -101],
    [0.1 + 0.2, 30],
    [1e-9, 0],
    [-0.001, 0],
    [10_000_000, 1_000_000_000],
  ];
  it.each(accepted)('reads %j as %i cents (decimal %s)', (input, cents, decimal) => {
    const result = parseAmountCents(input, decimal);
    expect(result).toEqual({ ok: true, value: cents });
    // Never a float, never -0.
    if (result.ok) {
      expect(Number.isInteger(result.value)).toBe(true);
      expect(Object.is(result.value, -0)).toBe(false);
    }
  });

  const notNumbers: CellInput[] = [
    'abc',
    '12,34,56',
    '1.2.3',
    '12,',
    '1..5',
    '--5',
    '(-5)',
    '=SUM(A1:A3)',
    '1e5',
    '12 abc',
    '1,234,56.7',
    '1.23,456',
    '€',
    '1' + '0'.repeat(60),
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ];
  it.each(notNumbers)('refuses %j as not an amount, in Italian', (input) => {
    expect(refusal(parseAmountCents(input))).toMatch(
      /non è un importo valido: scrivere ad esempio 1\.234,56/,
    );
  });

  it('quotes the cell in the message, cut and without control characters', () => {
    expect(refusal(parseAmountCents('abc'))).toBe(
      '«abc» non è un importo valido: scrivere ad esempio 1.234,56 (solo cifre, senza altre parole).',
    );
    expect(refusal(parseAmountCents('x\u0000y'))).toMatch(/^«x y» non è/);
  });

  const absurd: CellInput[] = [
    '10.000.000,01',
    '99999999999,99',
    '12.345.678',
    '-20000000',
    '12345678901234567890',
    10_000_000.01,
    -1e12,
    Number.MAX_VALUE,
  ];
  it.each(absurd)('refuses %j as beyond 10.000.000 €', (input) => {
    expect(refusal(parseAmountCents(input))).toMatch(
      /supera il limite di 10\.000\.000 €: controllare l'importo/,
    );
  });

  it('asks for a value when the cell is blank', () => {
    for (const input of ['', '   ', null, undefined]) {
      expect(refusal(parseAmountCents(input))).toBe(
        'Importo mancante: scrivere ad esempio 1.234,56 (0 se è zero).',
      );
    }
  });
});

describe('detectDecimalSeparator', () => {
  const cases: [CellInput[], DecimalSeparator][] = [
    [['1.234', '12,5'], ','],
    [['1,234', '12.50'], '.'],
    [['1.234,56'], ','],
    [['1,234.56'], '.'],
    [['1.234.567'], ','],
    [['1,234,567'], '.'],
    [['1.234'], ','], // ambiguous alone: Italian
    [['1,234'], ','],
    [[], ','],
    [[1234.5, null, ''], ','],
    [['76.90', '35.00', '1,234'], '.'],
  ];
  it.each(cases)('%j → %s', (cells, expected) => {
    expect(detectDecimalSeparator(cells)).toBe(expected);
  });
});

describe('parseIsoDate', () => {
  const accepted: [CellInput, string][] = [
    ['15/09/2026', '2026-09-15'],
    ['5/9/2026', '2026-09-05'],
    ['15-09-2026', '2026-09-15'],
    ['15.09.2026', '2026-09-15'],
    [' 15/09/2026 ', '2026-09-15'],
    ['15/09/26', '2026-09-15'],
    ['15/09/49', '2049-09-15'],
    ['15/09/75', '1975-09-15'],
    ['15/09/2026 10:30', '2026-09-15'],
    ['15/09/2026 10:30:15', '2026-09-15'],
    ['2026-09-15', '2026-09-15'],
    ['2026/09/15', '2026-09-15'],
    ['2026-09-15T00:00:00.000Z', '2026-09-15'],
    ['2026-09-15 08:00', '2026-09-15'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2100', '2100-12-31'],
    // Excel serial dates, 1900 date system
    [45292, '2024-01-01'],
    [45567, '2024-10-02'],
    [45567.75, '2024-10-02'],
    ['45567', '2024-10-02'],
    ['45567,5', '2024-10-02'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [46295, '2026-09-30'],
  ];
  it.each(accepted)('reads %j as %s', (input, iso) => {
    expect(parseIsoDate(input)).toEqual({ ok: true, value: iso });
  });

  const impossible: [CellInput, string][] = [
    ['31/02/2024', '«31/02/2024» non è una data valida: usare gg/mm/aaaa.'],
    ['29/02/2023', '«29/02/2023» non è una data valida: usare gg/mm/aaaa.'],
    ['31/04/2026', '«31/04/2026» non è una data valida: usare gg/mm/aaaa.'],
    ['32/01/2026', '«32/01/2026» non è una data valida: usare gg/mm/aaaa.'],
    ['15/13/2026', '«15/13/2026» non è una data valida: usare gg/mm/aaaa.'],
    ['00/01/2026', '«00/01/2026» non è una data valida: usare gg/mm/aaaa.'],
    ['2026-02-30', '«2026-02-30» non è una data valida: usare gg/mm/aaaa.'],
    ['ieri', '«ieri» non è una data valida: usare gg/mm/aaaa.'],
    ['2026', '«2026» non è una data valida: usare gg/mm/aaaa.'],
    ['=TODAY()', '«=TODAY()» non è una data valida: usare gg/mm/aaaa.'],
    ['15/09/2026abc', '«15/09/2026abc» non è una data valida: usare gg/mm/aaaa.'],
    [0, '«0» non è una data valida: usare gg/mm/aaaa.'],
    [-5, '«-5» non è una data valida: usare gg/mm/aaaa.'],
    [3_000_000, '«3000000» non è una data valida: usare gg/mm/aaaa.'],
    [Number.NaN, '«NaN» non è una data valida: usare gg/mm/aaaa.'],
    [60, '«60» è il 29/02/1900, un giorno che non esiste: usare gg/mm/aaaa.'],
    ['01/01/1800', '«01/01/1800» è fuori dagli anni ammessi (1900–2100): controllare la data.'],
    ['01/01/2101', '«01/01/2101» è fuori dagli anni ammessi (1900–2100): controllare la data.'],
    [2_958_465, '«2958465» è fuori dagli anni ammessi (1900–2100): controllare la data.'],
    ['', 'Data mancante: usare gg/mm/aaaa.'],
  ];
  it.each(impossible)('refuses %j', (input, message) => {
    expect(refusal(parseIsoDate(input))).toBe(message);
  });
});

describe('parsePeriod', () => {
  const accepted: [CellInput, string][] = [
    ['09/2026', '2026-09'],
    ['9/2026', '2026-09'],
    ['09-2026', '2026-09'],
    ['09.2026', '2026-09'],
    ['09/26', '2026-09'],
    ['2026-09', '2026-09'],
    ['2026/9', '2026-09'],
    ['settembre 2026', '2026-09'],
    ['Settembre 2026', '2026-09'],
    ['SETTEMBRE/2026', '2026-09'],
    ['set 2026', '2026-09'],
    ['Set-26', '2026-09'],
    ['sett. 2026', '2026-09'],
    ["settembre '26", '2026-09'],
    ['2026 settembre', '2026-09'],
    ['gennaio 2027', '2027-01'],
    ['gen-27', '2027-01'],
    ['febbraio 2026', '2026-02'],
    ['mar 2026', '2026-03'],
    ['apr-26', '2026-04'],
    ['mag 2026', '2026-05'],
    ['giu 2026', '2026-06'],
    ['lug 2026', '2026-07'],
    ['ago 2026', '2026-08'],
    ['ott 2026', '2026-10'],
    ['nov 2026', '2026-11'],
    ['dicembre 2025', '2025-12'],
    ['Dic-25', '2025-12'],
    ['Sep-26', '2026-09'], // English Excel
    ['15/09/2026', '2026-09'],
    ['01/09/2026', '2026-09'],
    ['2026-09-30', '2026-09'],
    ['2026-09-01T00:00:00.000Z', '2026-09'],
    [45567, '2024-10'],
    [46266, '2026-09'],
  ];
  it.each(accepted)('reads %j as %s', (input, period) => {
    expect(parsePeriod(input)).toEqual({ ok: true, value: period });
  });

  const refused: [CellInput, string][] = [
    [
      '13/2026',
      '«13/2026» non è un periodo valido: il mese va da 01 a 12 (usare mm/aaaa, ad esempio 09/2026, oppure «settembre 2026»).',
    ],
    [
      '2026-00',
      '«2026-00» non è un periodo valido: il mese va da 01 a 12 (usare mm/aaaa, ad esempio 09/2026, oppure «settembre 2026»).',
    ],
    ['settembre', "«settembre»: manca l'anno (usare mm/aaaa, ad esempio 09/2026, oppure «settembre 2026»)."],
    [
      'foo 2026',
      '«foo 2026» non è un periodo valido: usare mm/aaaa, ad esempio 09/2026, oppure «settembre 2026».',
    ],
    ['2026', '«2026» non è un periodo valido: usare mm/aaaa, ad esempio 09/2026, oppure «settembre 2026».'],
    ['31/02/2024', '«31/02/2024» non è una data valida: usare gg/mm/aaaa.'],
    ['settembre 1850', '«settembre 1850» è fuori dagli anni ammessi (1900–2100): controllare il periodo.'],
    [-1, '«-1» non è un periodo valido: usare mm/aaaa, ad esempio 09/2026, oppure «settembre 2026».'],
    ['', 'Periodo mancante: usare mm/aaaa, ad esempio 09/2026, oppure «settembre 2026».'],
  ];
  it.each(refused)('refuses %j', (input, message) => {
    expect(refusal(parsePeriod(input))).toBe(message);
  });
});

describe('parseMonthsUnpaid', () => {
  const accepted: [CellInput, number][] = [
    ['0', 0],
    ['3', 3],
    [' 12 ', 12],
    ['3,0', 3],
    ['3.00', 3],
    [12, 12],
    [0, 0],
    [1200, 1200],
  ];
  it.each(accepted)('reads %j as %i', (input, months) => {
    expect(parseMonthsUnpaid(input)).toEqual({ ok: true, value: months });
  });

  const refused: [CellInput, RegExp][] = [
    ['-1', /il numero di mensilità non può essere negativo/],
    [-2, /il numero di mensilità non può essere negativo/],
    ['2,5', /non è un numero di mensilità valido: scrivere un numero intero, ad esempio 3/],
    [2.5, /non è un numero di mensilità valido/],
    ['tre', /«tre» non è un numero di mensilità valido/],
    ['1201', /troppe mensilità \(al massimo 1200\)/],
    [Number.POSITIVE_INFINITY, /non è un numero di mensilità valido/],
    ['', /Numero di mensilità mancante/],
  ];
  it.each(refused)('refuses %j', (input, message) => {
    expect(refusal(parseMonthsUnpaid(input))).toMatch(message);
  });
});

describe('parseLegalStage', () => {
  const accepted: [CellInput, string | null][] = [
    ['', null],
    [null, null],
    ['  ', null],
    ['-', null],
    ['—', null],
    ['n.d.', null],
    ['nessuna', 'nessuna'],
    ['Nessuna azione', 'nessuna'],
    ['NESSUNO', 'nessuna'],
    ['nessun sollecito', 'nessuna'],
    ['sollecito', 'sollecito'],
    ['2° sollecito', 'sollecito'],
    ['Sollecitato', 'sollecito'],
    ['diffida', 'diffida'],
    ['Diffida legale', 'diffida'],
    ['messa in mora', 'diffida'],
    ['sollecito e diffida', 'diffida'], // the more advanced stage wins
    ['decreto ingiuntivo', 'decreto_ingiuntivo'],
    ['Decreto Ingiuntivo', 'decreto_ingiuntivo'],
    ['decreto_ingiuntivo', 'decreto_ingiuntivo'],
    ['D.I.', 'decreto_ingiuntivo'],
    ['DI', 'decreto_ingiuntivo'],
    ['d. i.', 'decreto_ingiuntivo'],
    ['ingiunzione di pagamento', 'decreto_ingiuntivo'],
    ['sfratto', 'sfratto_convalidato'],
    ['Sfratto convalidato', 'sfratto_convalidato'],
    ['sfratto_convalidato', 'sfratto_convalidato'],
    ['convalida di sfratto', 'sfratto_convalidato'],
    ['esecuzione sfratto', 'esecuzione'],
    ['Esecuzione', 'esecuzione'],
    ['ESECUZIONE DELLO SFRATTO', 'esecuzione'],
  ];
  it.each(accepted)('reads %j as %s', (input, stage) => {
    expect(parseLegalStage(input)).toEqual({ ok: true, value: stage });
  });

  it('reads back each label and each key', () => {
    for (const stage of LEGAL_STAGES) {
      expect(parseLegalStage(LEGAL_STAGE_LABELS[stage])).toEqual({ ok: true, value: stage });
      expect(parseLegalStage(stage)).toEqual({ ok: true, value: stage });
    }
  });

  it('refuses text it does not know, listing the stages', () => {
    expect(refusal(parseLegalStage('in corso'))).toBe(
      '«in corso» non è uno stato legale riconosciuto: usare nessuna, sollecito, diffida, decreto ingiuntivo, sfratto convalidato oppure esecuzione.',
    );
    expect(refusal(parseLegalStage('x'.repeat(500)))).toMatch(
      /^«x{40}…» non è uno stato legale riconosciuto/,
    );
  });
});
