import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_COLUMNS,
  ARREARS_COLUMNS,
  INTERVENTION_COLUMNS,
  presetColumns,
  SUMMARY_COLUMNS_AFTER_TYPES,
  SUMMARY_COLUMNS_BEFORE_TYPES,
  SUMMARY_TYPE_COLUMN,
  type ExportColumn,
} from '../../shared/exports/columns';
import { columnTable } from '../../shared/exports/doc';
import {
  encodeChunk,
  encodeRows,
  formatCell,
  FORMAT_RULES,
  headerText,
  neutraliseFormula,
  rowEncoder,
} from '../../shared/exports/format';
import { cooperativeSlug, exportFileName, monthsOf, resolvePeriod } from '../../shared/exports/period';

const excel = FORMAT_RULES.excel;
const tecnico = FORMAT_RULES.tecnico;

describe('formula neutralisation (OWASP)', () => {
  it.each(['=1+1', '+39 333', '-2+3', '@SUM(A1)', '\tcella', '\rcella'])(
    'prefixes %j with an apostrophe in Excel',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(formatCell(text, 'testo', excel)).toBe(`'${text}`);
      expect(formatCell(text, 'elenco', excel)).toBe(`'${text}`);
      expect(formatCell(text, 'testo', tecnico)).toBe(text);
    },
  );

  it('leaves ordinary text alone', () => {
    for (const text of ['ascolto', 'N-000123', 'a=b', ' =spazio prima'])
      expect(formatCell(text, 'testo', excel)).toBe(text);
  });

  it('never touches numbers: a negative amount stays a number', () => {
    expect(formatCell(-1250, 'importo', excel)).toBe('-12,50');
    expect(formatCell(-1250, 'importo', tecnico)).toBe('-12.50');
    expect(formatCell(-3, 'intero', excel)).toBe('-3');
  });
});

describe('cells', () => {
  it('writes amounts, percentages, dates and yes/no per format', () => {
    expect(formatCell(123456, 'importo', excel)).toBe('1234,56');
    expect(formatCell(123456, 'importo', tecnico)).toBe('1234.56');
    expect(formatCell(2 / 3, 'percentuale', excel)).toBe('66,7');
    expect(formatCell(2 / 3, 'percentuale', tecnico)).toBe('66.7');
    expect(formatCell('2026-03-14', 'data', excel)).toBe('14/03/2026');
    expect(formatCell('2026-03-14', 'data', tecnico)).toBe('2026-03-14');
    expect(formatCell(true, 'si_no', excel)).toBe('sì');
    expect(formatCell(false, 'si_no', tecnico)).toBe('false');
    expect(formatCell(null, 'importo', excel)).toBe('');
  });

  it('quotes per RFC 4180 and reads back the same with a CSV parser', () => {
    const columns: ExportColumn[] = [
      { key: 'a', header: 'A', kind: 'testo', meaning: '', example: '' },
      { key: 'b', header: 'B', kind: 'testo', meaning: '', example: '' },
    ];
    const tricky = [
      ['punto; e virgola', 'virgolette "dentro"'],
      ['a capo\r\nqui', 'virgola, qui'],
    ];
    for (const rules of [excel, tecnico]) {
      const text = headerText(columns, rules) + encodeChunk(tricky, columns, rules);
      expect(text.endsWith('\r\n')).toBe(true);
      const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
        delimiter: rules.delimiter,
        skipEmptyLines: true,
      });
      expect(parsed.data).toEqual([rules.italianHeaders ? ['A', 'B'] : ['a', 'b'], ...tricky]);
    }
    expect(encodeChunk([['x"y', 'z']], columns, excel)).toBe('"x""y";z\r\n');
  });

  it('puts the BOM only in front of the Excel header', () => {
    expect(
      headerText(INTERVENTION_COLUMNS, excel).startsWith('\uFEFFVersione tracciato;Codice intervento;'),
    ).toBe(true);
    expect(
      headerText(INTERVENTION_COLUMNS, tecnico).startsWith('versione_tracciato,codice_intervento,'),
    ).toBe(true);
  });
});

describe('periods and file names', () => {
  it('resolves months, quarters, years and custom periods', () => {
    expect(resolvePeriod({ kind: 'mese', month: '2024-02' })).toMatchObject({
      from: '2024-02-01',
      to: '2024-02-29',
      token: '2024-02',
    });
    expect(resolvePeriod({ kind: 'trimestre', year: 2026, quarter: 4 })).toMatchObject({
      from: '2026-10-01',
      to: '2026-12-31',
      token: '2026-T4',
    });
    expect(resolvePeriod({ kind: 'anno', year: 2025 })).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      token: '2025',
    });
    expect(resolvePeriod({ kind: 'personalizzato', from: '2025-01-15', to: '2025-02-10' }).token).toBe(
      '2025-01-15_2025-02-10',
    );
    expect(monthsOf('2024-11-15', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('builds cortile_<preset>_<period>_<cooperative>.csv', () => {
    expect(cooperativeSlug('Cooperativa Sociale «Il Cortile» Onlus')).toBe(
      'cooperativa-sociale-il-cortile-onlus',
    );
    expect(
      exportFileName('morosita', resolvePeriod({ kind: 'anno', year: 2025 }), 'Coop. Sociale Società'),
    ).toBe('cortile_morosita_2025_coop-sociale-societa.csv');
  });

  it('gives every intervention type its own summary column, even when two fold alike', () => {
    const keys = presetColumns('riepilogo_mensile', ['Ascolto', 'ascolto!', 'Mediazione dei conflitti']).map(
      (c) => c.key,
    );
    expect(keys).toContain('interventi_ascolto');
    expect(keys).toContain('interventi_ascolto_2');
    expect(keys).toContain('interventi_mediazione_dei_conflitti');
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('docs/export-formats.md', () => {
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/export-formats.md'), 'utf8');

  it('holds the table of every preset exactly as the columns are defined', () => {
    for (const columns of [
      INTERVENTION_COLUMNS,
      [...SUMMARY_COLUMNS_BEFORE_TYPES, SUMMARY_TYPE_COLUMN, ...SUMMARY_COLUMNS_AFTER_TYPES],
      ARREARS_COLUMNS,
      ACTIVITY_COLUMNS,
    ]) {
      expect(doc).toContain(columnTable(columns));
    }
  });

  it('lists no column that is not defined', () => {
    const defined = new Set(
      [
        ...INTERVENTION_COLUMNS,
        ...SUMMARY_COLUMNS_BEFORE_TYPES,
        SUMMARY_TYPE_COLUMN,
        ...SUMMARY_COLUMNS_AFTER_TYPES,
        ...ARREARS_COLUMNS,
        ...ACTIVITY_COLUMNS,
      ].map((c) => c.key),
    );
    const listed = [...doc.matchAll(/^\| [^|]+ \| `([a-z0-9_{}]+)` \|/gm)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    for (const key of listed) expect(defined.has(key!), key).toBe(true);
  });
});

describe('CSV encoding', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom('', ' ', 'a b', ' a', 'a ', '"', 'a;b', 'a,b', '\r\n', '\ufeffx', "'=1", '12,50', '-3'),
  );
  it.each(Object.entries(FORMAT_RULES))('writes every row exactly as papaparse does (%s)', (_name, rules) => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const expected =
            Papa.unparse(rows, {
              delimiter: rules.delimiter,
              newline: rules.newline,
              header: false,
              quotes: false,
              quoteChar: '"',
              escapeChar: '"',
              escapeFormulae: false,
            }) + rules.newline;
          expect(encodeRows(rows, rules)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  const kinds = ['testo', 'codice', 'elenco', 'intero', 'importo', 'percentuale', 'si_no', 'data'] as const;
  const value = (kind: (typeof kinds)[number]) => {
    switch (kind) {
      case 'intero':
      case 'importo':
        return fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 }), fc.integer());
      case 'percentuale':
        return fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true }));
      case 'si_no':
        return fc.oneof(fc.constant(null), fc.boolean());
      case 'data':
        return fc.oneof(fc.constant(null), fc.constantFrom('2025-01-31', '2026-12-02'));
      default:
        return fc.oneof(fc.constant(null), cell, fc.constantFrom('=1', 'ascolto', 'morosità|salute'));
    }
  };
  it.each(Object.entries(FORMAT_RULES))(
    'rowEncoder writes each row as formatCell and papaparse would, however often a value repeats (%s)',
    (_name, rules) => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 5 }).chain((columnKinds) =>
            fc.tuple(
              fc.constant(columnKinds),
              // Few distinct rows, repeated: most cells come from the encoder's cache.
              fc.array(fc.tuple(...columnKinds.map(value)), { minLength: 1, maxLength: 6 }),
              fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
            ),
          ),
          ([columnKinds, distinct, picks]) => {
            const columns: ExportColumn[] = columnKinds.map((kind, i) => ({
              key: `c${i}`,
              header: `C${i}`,
              kind,
              meaning: '',
              example: '',
            }));
            const rows = picks.map((p) => distinct[p % distinct.length]!);
            const expected = encodeRows(
              rows.map((row) => row.map((v, i) => formatCell(v, columnKinds[i]!, rules))),
              rules,
            );
            const line = rowEncoder(columns, rules);
            expect(rows.map(line).join('')).toBe(expected);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('rowEncoder decodes each distinct value once, and stops caching a column whose values do not repeat', () => {
    const columns: ExportColumn[] = [
      { key: 'codice', header: 'Codice', kind: 'codice', meaning: '', example: '' },
      { key: 'tipo', header: 'Tipo', kind: 'testo', meaning: '', example: '' },
    ];
    const labels = new Map([
      [1, 'ascolto'],
      [2, '=formula'],
      [3, 'a; b'],
    ]);
    let typeCalls = 0;
    let codeCalls = 0;
    const line = rowEncoder(columns, FORMAT_RULES.excel, [
      (id) => {
        codeCalls++;
        return `I-${String(id).padStart(7, '0')}`;
      },
      (id) => {
        typeCalls++;
        return labels.get(id as number) ?? '';
      },
    ]);
    const text: string[] = [];
    for (let id = 1; id <= 10_000; id++) text.push(line([id, (id % 3) + 1]));
    expect(typeCalls).toBe(3);
    expect(codeCalls).toBe(10_000);
    expect(text.slice(0, 3)).toEqual([
      "I-0000001;'=formula\r\n",
      'I-0000002;"a; b"\r\n',
      'I-0000003;ascolto\r\n',
    ]);
    expect(text[9_999]).toBe("I-0010000;'=formula\r\n");
  });
});
