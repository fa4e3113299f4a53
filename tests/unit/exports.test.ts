import crypto from 'node:crypto';
import fs from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import type { ApiResult, CallInput } from '../../shared/contract';
import { EXPORT_PRESETS, presetColumns, type ExportPreset } from '../../shared/exports/columns';
import type { ExportFormat } from '../../shared/exports/format';
import { session, type Session, type WorldTemplate } from './casework-fixtures';
import { buildExportWorld, SECRETS, type ExportWorld } from './exports-fixtures';
import type { TestApp } from './helpers';
import { auditRows } from './support';

let template: WorldTemplate;
let world: ExportWorld;
let s: Session;
let carla: TestApp;

beforeAll(async () => {
  ({ template, world } = await buildExportWorld());
}, 120_000);

// A fresh copy per test (the helpers remove temp folders after each test).
beforeEach(async () => {
  s = session(template);
  carla = await s.as('carla');
});

afterAll(() => template.cleanUp());

const Q1: CallInput<'exports.create'>['period'] = { kind: 'trimestre', year: 2025, quarter: 1 };

function request(preset: ExportPreset, format: ExportFormat = 'excel'): CallInput<'exports.create'> {
  return { preset, period: Q1, format, areaIds: [], buildingIds: [] };
}

interface Exported {
  bytes: Buffer;
  text: string;
  rows: Record<string, string>[];
  header: string[];
  value: {
    rows: number;
    registerId: number;
    file: { id: string; sha256: string; bytes: number; fileName: string };
  };
}

/** Creates the export as carla and reads the file back from the outbox with a CSV parser. */
async function exportFile(
  preset: ExportPreset,
  format: ExportFormat = 'excel',
  app = carla,
): Promise<Exported> {
  const value = await app.ok('exports.create', request(preset, format));
  const me = (await app.ok('app.status', {})).operator!;
  const { path } = app.core.outbox.get(value.file.id, me.id);
  const bytes = fs.readFileSync(path);
  const text = bytes.toString('utf8');
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    delimiter: format === 'excel' ? ';' : ',',
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return { bytes, text, rows: parsed.data, header: parsed.meta.fields ?? [], value };
}

const errorOf = (result: ApiResult<unknown>) => {
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('Interventi', () => {
  it('has one row per intervention of the quarter, with codes and labels and nothing else (tecnico)', async () => {
    const { rows, header, value } = await exportFile('interventi', 'tecnico');
    expect(header).toEqual(presetColumns('interventi').map((c) => c.key));
    expect(value.rows).toBe(4);
    const { householdCodes: h, buildingCodes: b, interventions: i, labels, areaName, ops } = world;
    const code = (id: number) => `I-${String(id).padStart(7, '0')}`;
    const op = (id: number) => `OP-${String(id).padStart(3, '0')}`;
    expect(rows.map((r) => r.codice_intervento)).toEqual([code(i.i1), code(i.i2), code(i.i3), code(i.i4)]);
    expect(rows[0]).toMatchObject({
      versione_tracciato: '1',
      codice_nucleo: h.a1,
      codice_caseggiato: b.a,
      zona: areaName,
      data: '2025-01-15',
      tipo: 'ascolto',
      canale: 'sportello',
      origine: 'proattivo',
      servizio_invio: '',
      stato_invio: '',
      durata_minuti: '30',
      codice_operatore: op(ops.olga),
    });
    expect(rows[0]!.temi!.split('|').sort()).toEqual(['morosità', 'salute']);
    expect(rows[1]).toMatchObject({
      codice_nucleo: '',
      codice_caseggiato: b.a,
      durata_minuti: '45',
      codice_operatore: op(ops.paolo),
    });
    expect(rows[2]).toMatchObject({
      codice_nucleo: h.a2,
      codice_caseggiato: b.b,
      data: '2025-02-12',
      temi: 'morosità',
      servizio_invio: world.service,
      stato_invio: 'preso_in_carico',
      durata_minuti: '20',
    });
    // tecnico: no neutralisation, labels as they are.
    expect(rows[3]).toMatchObject({
      codice_nucleo: h.b1,
      tipo: labels.formulaType,
      canale: labels.formulaChannel,
      origine: labels.formulaOrigin,
      temi: labels.formulaTopic,
    });
  });

  it('writes a long export whole over many writes, in date order, with each row’s own values', async () => {
    // 3,000 more interventions in March, copies of i1 and i3 with their own time, length
    // and topics: about 300 KB, so the file is written in nine pieces or more.
    const { i1, i3 } = world.interventions;
    const expected = s.withDb((db) => {
      db.raw
        .prepare(
          `WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 3000)
           INSERT INTO interventions (occurred_at, duration_min, operator_id, household_id, building_id, type_id,
                                      channel_id, origin_id, confidential, created_at, updated_at, created_by)
           SELECT printf('2025-03-%02dT%02d:%02d', 1 + k % 28, 8 + k % 10, k % 60), k % 97, i.operator_id,
                  i.household_id, i.building_id, i.type_id, i.channel_id, i.origin_id, 0, i.created_at,
                  i.updated_at, i.created_by
             FROM n JOIN interventions i ON i.id = CASE k % 2 WHEN 0 THEN ? ELSE ? END`,
        )
        .run(i1, i3);
      db.raw
        .prepare(
          `INSERT INTO intervention_topics (intervention_id, topic_id)
           SELECT i.id, t.topic_id FROM interventions i JOIN intervention_topics t ON t.intervention_id = ?
            WHERE i.id > ? AND i.id % 3 = 0`,
        )
        .run(i1, Math.max(...Object.values(world.interventions)));
      return db.raw
        .prepare(
          `SELECT printf('I-%07d', i.id) AS code, i.duration_min AS minutes, count(t.topic_id) AS topics
             FROM interventions i LEFT JOIN intervention_topics t ON t.intervention_id = i.id
            WHERE i.occurred_at BETWEEN '2025-01-01' AND '2025-03-31T~'
            GROUP BY i.id ORDER BY i.occurred_at, i.id`,
        )
        .all() as { code: string; minutes: number; topics: number }[];
    });
    expect(expected.length).toBe(3004);
    const { rows, text, value } = await exportFile('interventi');
    expect(value.rows).toBe(3004);
    expect(text.length).toBeGreaterThan(8 * 32 * 1024);
    expect(text.split('\r\n').filter((line) => line !== '')).toHaveLength(3005);
    expect(rows.filter((r) => r['Versione tracciato'] !== '1')).toEqual([]);
    expect(
      rows.map((r) => ({
        code: r['Codice intervento'],
        minutes: Number(r['Durata (minuti)']),
        topics: r.Temi === '' ? 0 : r.Temi!.split('|').length,
      })),
    ).toEqual(expected);
  });

  it('keeps only the buildings asked for', async () => {
    const value = await carla.ok('exports.preview', {
      ...request('interventi'),
      buildingIds: [s.world.buildings.b],
    });
    expect(value.rows).toBe(2);
    expect(value.scope).toContain(world.buildingCodes.b);
  });
});

describe('Riepilogo mensile per caseggiato', () => {
  it('counts by building and month, households where they lived that month (Excel)', async () => {
    const { rows, value } = await exportFile('riepilogo_mensile');
    expect(value.rows).toBe(6);
    const { a, b } = world.buildingCodes;
    const row = (code: string, month: number) => {
      const found = rows.find((r) => r['Codice caseggiato'] === code && r.Mese === String(month));
      if (!found) throw new Error(`no row for ${code} ${month}`);
      return found;
    };
    // a2 moved from A to B on 10/02: January in A, February and March in B.
    expect([1, 2, 3].map((m) => row(a, m)['Nuclei attivi'])).toEqual(['2', '1', '1']);
    expect([1, 2, 3].map((m) => row(b, m)['Nuclei attivi'])).toEqual(['1', '2', '2']);
    expect(row(a, 1)).toMatchObject({
      'Interventi totali': '2',
      'Nuclei raggiunti': '1',
      'Interventi: ascolto': '1',
    });
    expect(row(b, 2)).toMatchObject({
      'Interventi totali': '1',
      'Nuclei raggiunti': '1',
      'Invii ai servizi': '1',
    });
    expect(row(b, 3)).toMatchObject({
      'Interventi totali': '1',
      [`Interventi: ${world.labels.formulaType}`]: '1',
    });
    // The area activity counts for both buildings; presences go to each household's building.
    expect([
      row(a, 1)['Attività comunitarie'],
      row(b, 1)['Attività comunitarie'],
      row(a, 3)['Attività comunitarie'],
    ]).toEqual(['1', '1', '1']);
    expect([
      row(a, 1)['Presenze dei nuclei'],
      row(b, 1)['Presenze dei nuclei'],
      row(a, 3)['Presenze dei nuclei'],
    ]).toEqual(['1', '1', '1']);
    expect(row(a, 1)['Nuclei rischio alto']).toBe('1');
    expect(row(a, 2)['Nuclei rischio critico']).toBe('1');
    expect(row(b, 2)['Nuclei rischio medio']).toBe('1');
    expect(row(a, 2)['Nuclei rischio medio']).toBe('0');
    expect(row(b, 3)['Nuclei rischio basso']).toBe('1');
    // Debts only: a1 250,00 in January; 400,00 + the empty unit's 70,00 in February; a credit counts 0.
    expect([1, 2, 3].map((m) => row(a, m)['Morosità totale'])).toEqual(['250,00', '470,00', '0,00']);
    expect(row(b, 1)['Morosità totale']).toBe('50,00');
  });
});

describe('Morosità', () => {
  it('has one row per household and month with band, plan, stage and eligibility (Excel)', async () => {
    const { rows, value } = await exportFile('morosita');
    expect(value.rows).toBe(4);
    const { a1, b1 } = world.householdCodes;
    const pick = (r: Record<string, string>) => [
      r['Codice nucleo'],
      r.Mese,
      r.Saldo,
      r['Mensilità insolute'],
      r['Fascia di rischio'],
      r['Stato piano di rientro'],
      r['Fase legale'],
      r['Potenzialmente eleggibile'],
    ];
    expect(rows.map(pick)).toEqual([
      [a1, '1', '250,00', '2', 'alto', 'nessuno', 'sollecito', 'sì'],
      [a1, '2', '400,00', '3', 'critico', 'in_regola', 'sollecito', 'sì'],
      // A credit: the negative amount stays a number; no arrears, so no longer eligible.
      [a1, '3', '-12,50', '0', '', 'in_regola', 'sollecito', 'no'],
      [b1, '1', '50,00', '', '', 'nessuno', 'nessuna', 'no'],
    ]);
    const preview = await carla.ok('exports.preview', request('morosita'));
    expect(preview.excluded.join(' ')).toContain('1 righe di estratto di alloggi senza un nucleo');
  });
});

describe('Attività comunitarie', () => {
  it('has one row per activity with residents of the day and the rate (tecnico)', async () => {
    const { rows, value } = await exportFile('attivita', 'tecnico');
    expect(value.rows).toBe(2);
    const { a, b } = world.buildingCodes;
    expect(rows[0]).toMatchObject({
      codice_attivita: `A-${String(world.activities.area).padStart(6, '0')}`,
      codici_caseggiati: [a, b].sort().join('|'),
      data: '2025-01-10',
      tipo: world.labels.tabActivityType,
      promotore: 'tutor',
      nuclei_presenti: '2',
      nuclei_residenti: '3',
      altri_partecipanti: '3',
      tasso_partecipazione: '66.7',
    });
    // On 05/03 a2 no longer lives in A.
    expect(rows[1]).toMatchObject({
      codici_caseggiati: a,
      data: '2025-03-05',
      promotore: 'associazione',
      nuclei_presenti: '1',
      nuclei_residenti: '1',
      altri_partecipanti: '0',
      tasso_partecipazione: '100.0',
    });
  });
});

describe('formats', () => {
  it('Excel (Italia): BOM, semicolons, CRLF, decimal commas, dd/mm/yyyy, Italian headers', async () => {
    const { bytes, text } = await exportFile('interventi', 'excel');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(lines[0]).toBe(
      presetColumns('interventi')
        .map((c) => c.header)
        .join(';'),
    );
    expect(lines[1]).toContain(';15/01/2025;');
    const arrears = await exportFile('morosita', 'excel');
    expect(arrears.text).toMatch(/;250,00;/);
  });

  it('tecnico: no BOM, commas, CRLF, decimal points, ISO dates, snake_case headers', async () => {
    const { bytes, text } = await exportFile('morosita', 'tecnico');
    expect(bytes[0]).not.toBe(0xef);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      presetColumns('morosita')
        .map((c) => c.key)
        .join(','),
    );
    expect(text).toContain(',250.00,');
    expect(text).toContain(',-12.50,');
    const interventions = await exportFile('interventi', 'tecnico');
    expect(interventions.text).toContain(',2025-01-15,');
  });

  it('neutralises formula cells in Excel, never numbers', async () => {
    const { rows } = await exportFile('interventi', 'excel');
    const i4 = rows[3]!;
    expect(i4.Tipo).toBe(`'${world.labels.formulaType}`);
    expect(i4.Canale).toBe(`'${world.labels.formulaChannel}`);
    expect(i4.Origine).toBe(`'${world.labels.formulaOrigin}`);
    expect(i4.Temi).toBe(`'${world.labels.formulaTopic}`);
    const activities = await exportFile('attivita', 'excel');
    expect(activities.rows[0]!.Tipo).toBe(`'${world.labels.tabActivityType}`);
    const arrears = await exportFile('morosita', 'excel');
    expect(arrears.rows[2]!.Saldo).toBe('-12,50');
    expect(arrears.text).not.toContain("'-12,50");
  });

  it('names the file cortile_<preset>_<period>_<cooperative>.csv', async () => {
    const preview = await carla.ok('exports.preview', request('riepilogo_mensile'));
    expect(preview.fileName).toBe('cortile_riepilogo_mensile_2025-T1_cooperativa-sociale-esempio.csv');
    expect(preview.counts).toEqual([
      { preset: 'interventi', rows: 4 },
      { preset: 'riepilogo_mensile', rows: 6 },
      { preset: 'morosita', rows: 4 },
      { preset: 'attivita', rows: 2 },
    ]);
  });
});

describe('privacy', () => {
  it('no name, tax code, phone or note of the fixture is in any export, in either format', async () => {
    for (const preset of EXPORT_PRESETS) {
      for (const format of ['excel', 'tecnico'] as const) {
        const { bytes } = await exportFile(preset, format);
        for (const secret of SECRETS) {
          expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${preset} ${format}`).toBe(false);
        }
      }
    }
  });
});

describe('register and access', () => {
  it('records each export with the file’s SHA-256, and audits it', async () => {
    const { bytes, value } = await exportFile('riepilogo_mensile');
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    expect(value.file.sha256).toBe(sha);
    expect(value.file.bytes).toBe(bytes.length);
    const register = await carla.ok('exports.register', { page: 0, pageSize: 100 });
    const row = register.rows.find((r) => r.id === value.registerId)!;
    expect(row).toMatchObject({
      preset: 'riepilogo_mensile',
      format: 'excel',
      periodFrom: '2025-01-01',
      periodTo: '2025-03-31',
      rows: 6,
      sha256: sha,
      bytes: bytes.length,
      fileName: value.file.fileName,
      scope: 'Tutti i caseggiati',
    });
    s.withDb((db) => {
      const audit = auditRows(db).filter((a) => a.action === 'exports.create');
      expect(audit.map((a) => a.record_id)).toContain(String(value.registerId));
      expect(verifyAuditChain(db.raw)).toMatchObject({ intact: true });
    });
  });

  it('refuses an operatore on every exports call, writing nothing', async () => {
    const olga = await s.as('olga');
    const before = s.withDb(
      (db) => (db.raw.prepare('SELECT count(*) AS n FROM export_register').get() as { n: number }).n,
    );
    for (const result of [
      await olga.call('exports.preview', request('interventi')),
      await olga.call('exports.create', request('interventi')),
      await olga.call('exports.register', { page: 0, pageSize: 25 }),
    ]) {
      expect(errorOf(result).kind).toBe('forbidden');
    }
    const after = s.withDb(
      (db) => (db.raw.prepare('SELECT count(*) AS n FROM export_register').get() as { n: number }).n,
    );
    expect(after).toBe(before);
  });

  it('an administrator may export too', async () => {
    const anna = await s.as('anna');
    const value = await anna.ok('exports.preview', request('attivita'));
    expect(value.rows).toBe(2);
  });

  it('explains a bad period in Italian and writes nothing', async () => {
    const result = await carla.call('exports.create', {
      ...request('interventi'),
      period: { kind: 'personalizzato', from: '2025-03-01', to: '2025-02-01' },
    });
    const error = errorOf(result);
    expect(error.kind).toBe('validation');
    expect(JSON.stringify(error)).toContain('Il periodo finisce prima di cominciare');
  });
});
