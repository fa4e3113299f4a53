import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult, CallOutput } from '../../shared/contract';
import { describeApi, MAX_BODY_BYTES } from '../../electron/web/server';
import { MAX_STATEMENT_BASE64_CHARS } from '../../shared/contract';
import type { Db } from '../../db/connection';
import {
  arrearsSession,
  buildArrearsTemplate,
  csvText,
  GRECO_TAX_CODE,
  lineOf,
  sampleTable,
  toBase64,
  withTaxCodes,
  type ArrearsTemplate,
} from './arrears-fixtures';
import { auditRows } from './support';
import {
  findPreview,
  MAX_PREVIEWS,
  PREVIEW_TTL_MS,
  savePreview,
} from '../../electron/handlers/arrears/preview-store';
import type { TestApp } from './helpers';

let template: ArrearsTemplate;

beforeAll(async () => {
  template = await buildArrearsTemplate();
}, 120_000);

afterAll(() => template.cleanUp());

afterEach(() => {
  vi.useRealTimers();
});

function errorOf(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected an error, got a value');
  return result.error;
}

const FILE = 'estratto_morosita_settembre.csv';

/** This month as `YYYY-MM`, local time (the app's "today"). */
function localMonth(): string {
  const now = new Date();
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

function preview(app: TestApp, rows: readonly (readonly string[])[], extra: Record<string, unknown> = {}) {
  return app.ok('arrears.previewImport', {
    fileName: FILE,
    contentBase64: toBase64(csvText(rows)),
    ...extra,
  });
}

type Statement = {
  unit_id: number;
  household_id: number | null;
  period: string;
  due_cents: number;
  paid_cents: number;
  balance_cents: number;
  months_unpaid: number | null;
  legal_stage: string | null;
  import_id: number;
};

const statements = (db: Db) =>
  db.raw
    .prepare(
      `SELECT unit_id, household_id, period, due_cents, paid_cents, balance_cents, months_unpaid, legal_stage, import_id
         FROM arrears_statements ORDER BY unit_id, period`,
    )
    .all() as Statement[];
const countOf = (db: Db, table: string) =>
  (db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Skips every unmatched row but those given. */
const skipAllBut = (p: CallOutput<'arrears.previewImport'>, keep: number[] = []) =>
  p.unmatched.map((row) => row.line).filter((line) => !keep.includes(line));

describe('arrears.previewImport', () => {
  it('reads the sample file and matches rows by unit code, ignoring case; writes nothing', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const rows = sampleTable();
    const p = await preview(carla, rows);

    expect(p.previewId).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.mappingSource).toBe('guess');
    expect(p.mappingProblems).toEqual([]);
    expect(p.mapping).toMatchObject({
      unitCode: 'Codice alloggio',
      tenantName: 'Intestatario',
      period: 'Periodo',
      due: 'Totale dovuto',
      paid: 'Versato',
      balance: 'Saldo morosità',
      legalStage: 'Stato legale',
    });
    expect(p.headers).toHaveLength(14);
    expect(p.alreadyImported).toBeNull();
    expect(p.counts).toEqual({
      read: 30,
      matched: 4,
      unmatched: 26,
      errors: 0,
      skippedLines: 0,
      unchanged: 0,
    });
    expect(p.periods).toEqual({ min: '2026-09', max: '2026-09' });
    expect(p.errors).toEqual([]);
    expect(p.matched.map((m) => [m.line, m.unitCode, m.unitId, m.householdId, m.matchedBy])).toEqual([
      [2, 'CR-0101-A01', s.world.units.a01, s.world.households.a01, 'unitCode'],
      [3, 'CR-0101-A02', s.world.units.a02, null, 'unitCode'],
      [10, 'CR-0101-B22', s.world.units.b22, s.world.households.b22, 'unitCode'],
      [12, 'CR-0102-A02', s.world.units.c02, s.world.households.c02, 'unitCode'],
    ]);
    expect(p.matched[2]).toMatchObject({
      buildingAddress: 'Via Giuseppe Verdi 12',
      period: '2026-09',
      dueCents: 20475,
      paidCents: 0,
      balanceCents: 245700,
      unchanged: false,
    });
    expect(p.matched[2]!.householdCode).toMatch(/^N-\d{6}$/);
    expect(p.matched[2]!.unitLabel).toMatch(/^Scala A, /);
    expect(p.unmatched).toHaveLength(26);
    expect(p.unmatched.at(-1)).toEqual({
      line: 31,
      unitCode: 'CR-0999-Z01',
      taxCode: null,
      tenantName: 'NERI ALDO',
      period: '2026-09',
      balanceCents: 39000,
    });

    s.withDb((db) => {
      expect(countOf(db, 'arrears_statements')).toBe(0);
      expect(countOf(db, 'arrears_imports')).toBe(0);
      expect(auditRows(db).filter((r) => r.action.startsWith('arrears.'))).toEqual([]);
    });
  });

  it('matches a row by the tenant’s codice fiscale when its unit code is unknown', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const rows = withTaxCodes(sampleTable());
    const p = await preview(carla, rows);
    expect(p.mapping.taxCode).toBe('Codice fiscale');
    expect(p.counts).toMatchObject({ read: 30, matched: 5, unmatched: 25, errors: 0 });
    expect(p.matched.find((m) => m.matchedBy === 'taxCode')).toMatchObject({
      line: lineOf(rows, 'CR-0215-A12'),
      unitCode: 'CR-0215-A12',
      unitId: s.world.units.greco,
      householdId: s.world.households.greco,
    });
    expect(p.unmatched.some((row) => row.taxCode === GRECO_TAX_CODE)).toBe(false);
  });

  it('lists rows with errors by line and column, in Italian, and refuses to commit them', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const rows = withTaxCodes(sampleTable());
    rows[1]![6] = '13/2026'; // line 2, Periodo
    rows[3]![10] = 'abc'; // line 4, Versato
    rows[4]![0] = 'CR-0101-A02'; // line 5 repeats line 3's unit for the same month
    rows[6]![14] = GRECO_TAX_CODE; // line 7 (unknown unit code) lands on the unit of line 19 by tax code
    const p = await preview(carla, rows);
    expect(p.counts).toMatchObject({ read: 30, errors: 4, matched: 4, unmatched: 22 });
    expect(p.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Periodo'],
      [4, 'Versato'],
      [5, 'Codice alloggio'],
      [19, 'Codice alloggio'],
    ]);
    for (const error of p.errors) expect(error.message.length).toBeGreaterThan(10);
    expect(p.errors[2]!.message).toContain('riga 3');
    expect(p.errors[3]!.message).toBe(
      'Questa riga e la riga 7 riguardano lo stesso alloggio per lo stesso periodo (09/2026): togliere una delle due.',
    );

    const result = await carla.call('arrears.commitImport', {
      previewId: p.previewId!,
      skip: skipAllBut(p),
    });
    expect(errorOf(result)).toMatchObject({
      kind: 'validation',
      message: 'Il file ha 4 righe con errori: correggerle e ricaricarlo.',
    });
    s.withDb((db) => expect(countOf(db, 'arrears_imports')).toBe(0));
  });

  it('answers a file that is not a statement with an Italian message, and a mapping naming a missing column with problems', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const pdf = await carla.call('arrears.previewImport', {
      fileName: 'estratto.csv',
      contentBase64: Buffer.from('%PDF-1.7\n\x00\x01\x02binary').toString('base64'),
    });
    expect(errorOf(pdf).kind).toBe('validation');
    expect(errorOf(pdf).message).toMatch(/PDF/);
    const notBase64 = await carla.call('arrears.previewImport', { fileName: 'x.csv', contentBase64: '***' });
    expect(errorOf(notBase64).kind).toBe('validation');

    const p = await preview(carla, sampleTable(), {
      mapping: {
        unitCode: 'Codice alloggio',
        period: 'Mese',
        paid: 'Versato',
        balance: 'Saldo morosità',
        due: 'Totale dovuto',
      },
    });
    expect(p.previewId).toBeNull();
    expect(p.mappingSource).toBe('input');
    expect(p.mappingProblems).toEqual([
      'La colonna «Mese» indicata per «Periodo» non c’è nel file: sceglierne un’altra.',
    ]);
    expect(p.counts.read).toBe(0);
  });

  it('is refused to an operatore (tutor)', async () => {
    const s = arrearsSession(template);
    const olga = await s.as('olga');
    const result = await olga.call('arrears.previewImport', {
      fileName: FILE,
      contentBase64: toBase64(csvText(sampleTable())),
    });
    expect(errorOf(result)).toMatchObject({
      kind: 'forbidden',
      message: 'Il proprio ruolo non consente questa operazione.',
    });
    for (const call of [
      'arrears.commitImport',
      'arrears.undoImport',
      'arrears.imports',
      'arrears.profiles',
    ] as const) {
      expect(errorOf(await olga.core.dispatch(call, {})).kind).toBe('forbidden');
    }
  });
});

describe('arrears.commitImport and arrears.undoImport', () => {
  it('imports with a link and skips, is idempotent, replaces corrected values, and undoes in order', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const rows = withTaxCodes(sampleTable());
    const z01 = lineOf(rows, 'CR-0999-Z01');

    // Refused while unmatched rows are neither linked nor skipped.
    const first = await preview(carla, rows);
    const open = await carla.call('arrears.commitImport', {
      previewId: first.previewId!,
      links: [{ line: z01, unitId: s.world.units.free }],
    });
    expect(errorOf(open)).toMatchObject({ kind: 'validation' });
    expect(errorOf(open).message).toMatch(/^Restano 24 righe non abbinate a nessun alloggio \(righe 4, 5, /);

    const one = await carla.ok('arrears.commitImport', {
      previewId: first.previewId!,
      links: [{ line: z01, unitId: s.world.units.free }],
      skip: skipAllBut(first, [z01]),
    });
    expect(one).toEqual({ importId: one.importId, written: 6, unchanged: 0, skipped: 24 });
    // The preview is used up.
    expect(
      errorOf(await carla.call('arrears.commitImport', { previewId: first.previewId!, skip: [] })),
    ).toMatchObject({
      kind: 'conflict',
      message: 'L’anteprima è scaduta: ricaricare il file.',
    });

    const afterFirst = s.withDb((db) => {
      const stored = statements(db);
      expect(stored.map((r) => [r.unit_id, r.household_id, r.period])).toEqual(
        [
          [s.world.units.a01, s.world.households.a01, '2026-09'],
          [s.world.units.a02, null, '2026-09'],
          [s.world.units.b22, s.world.households.b22, '2026-09'],
          [s.world.units.c02, s.world.households.c02, '2026-09'],
          [s.world.units.greco, s.world.households.greco, '2026-09'],
          [s.world.units.free, s.world.households.free, '2026-09'],
        ].sort((a, b) => (a[0] as number) - (b[0] as number)),
      );
      expect(stored.find((r) => r.unit_id === s.world.units.b22)).toMatchObject({
        due_cents: 20475,
        paid_cents: 0,
        balance_cents: 245700,
        months_unpaid: 12,
        legal_stage: 'decreto_ingiuntivo',
        import_id: one.importId,
      });
      expect(countOf(db, 'arrears_statement_changes')).toBe(6);
      expect(db.raw.prepare('SELECT code, unit_id FROM unit_code_aliases').all()).toEqual([
        { code: 'CR-0999-Z01', unit_id: s.world.units.free },
      ]);
      // The legal stage from the file, per household (set by the import: set_by null).
      expect(
        db.raw
          .prepare(
            'SELECT household_id, legal_stage, legal_stage_set_by, legal_stage_import_id, legal_stage_period FROM household_arrears ORDER BY household_id',
          )
          .all(),
      ).toEqual(
        [
          [s.world.households.b22, 'decreto_ingiuntivo'],
          [s.world.households.greco, 'decreto_ingiuntivo'],
          [s.world.households.free, 'sollecito'],
        ]
          .sort((a, b) => (a[0] as number) - (b[0] as number))
          .map(([household_id, legal_stage]) => ({
            household_id,
            legal_stage,
            legal_stage_set_by: null,
            legal_stage_import_id: one.importId,
            legal_stage_period: '2026-09',
          })),
      );
      const log = db.raw.prepare('SELECT * FROM arrears_imports').get() as Record<string, unknown>;
      expect(log).toMatchObject({
        id: one.importId,
        file_name: FILE,
        sha256: first.sha256,
        profile_id: null,
        rows_read: 30,
        rows_written: 6,
        rows_unchanged: 0,
        rows_skipped: 24,
        rows_error: 0,
        period_min: '2026-09',
        period_max: '2026-09',
        undone_at: null,
      });
      const audit = auditRows(db).filter((r) => r.action.startsWith('arrears.'));
      expect(audit.map((r) => [r.action, r.record_type, r.record_id])).toEqual([
        ['arrears.commitImport', 'arrears_import', String(one.importId)],
      ]);
      return stored;
    });

    // The same file again: the alias now matches CR-0999-Z01; everything is unchanged, nothing is written.
    const again = await preview(carla, rows);
    expect(again.alreadyImported).toMatchObject({ importId: one.importId, by: 'Carla Rossi' });
    expect(again.counts).toMatchObject({ matched: 6, unmatched: 24, unchanged: 6 });
    expect(again.matched.find((m) => m.line === z01)).toMatchObject({ matchedBy: 'alias', unchanged: true });
    const two = await carla.ok('arrears.commitImport', {
      previewId: again.previewId!,
      skip: skipAllBut(again),
    });
    expect(two).toMatchObject({ written: 0, unchanged: 6, skipped: 24 });
    s.withDb((db) => {
      expect(statements(db)).toEqual(afterFirst);
      expect(countOf(db, 'arrears_statement_changes')).toBe(6);
      expect(countOf(db, 'arrears_stage_changes')).toBe(3);
    });

    // A corrected file: one value changed replaces that month's statement.
    const corrected = rows.map((row) => [...row]);
    const b22 = lineOf(corrected, 'CR-0101-B22') - 1;
    corrected[b22]![10] = '204,75';
    corrected[b22]![11] = '2.252,25';
    corrected[b22]![13] = 'sfratto convalidato';
    const fixed = await preview(carla, corrected);
    expect(fixed.alreadyImported).toBeNull();
    expect(fixed.counts).toMatchObject({ matched: 6, unchanged: 5 });
    const three = await carla.ok('arrears.commitImport', {
      previewId: fixed.previewId!,
      skip: skipAllBut(fixed),
    });
    expect(three).toMatchObject({ written: 1, unchanged: 5 });
    s.withDb((db) => {
      expect(statements(db).find((r) => r.unit_id === s.world.units.b22)).toMatchObject({
        paid_cents: 20475,
        balance_cents: 225225,
        legal_stage: 'sfratto_convalidato',
        import_id: three.importId,
      });
      expect(
        db.raw
          .prepare('SELECT legal_stage FROM household_arrears WHERE household_id = ?')
          .get(s.world.households.b22),
      ).toEqual({ legal_stage: 'sfratto_convalidato' });
    });

    const list = await carla.ok('arrears.imports', {});
    expect(list.total).toBe(3);
    expect(list.rows.map((r) => [r.id, r.rowsWritten, r.undoable])).toEqual([
      [three.importId, 1, true],
      [two.importId, 0, true],
      [one.importId, 6, false],
    ]);

    // The first import cannot be undone while the third changed one of its months.
    const refused = errorOf(await carla.call('arrears.undoImport', { importId: one.importId }));
    expect(refused.kind).toBe('conflict');
    expect(refused.message).toMatch(
      /^Non si può annullare: l’importazione del \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(di Carla Rossi\) ha aggiornato/,
    );

    // Undoing the third puts the first one's values back.
    expect(await carla.ok('arrears.undoImport', { importId: three.importId })).toEqual({
      restored: 1,
      removed: 0,
    });
    s.withDb((db) => {
      expect(statements(db)).toEqual(afterFirst);
      // What the undone import replaced is put back and forgotten.
      expect(countOf(db, 'arrears_statement_changes')).toBe(6);
      expect(countOf(db, 'arrears_stage_changes')).toBe(3);
      expect(
        db.raw
          .prepare('SELECT legal_stage, legal_stage_import_id FROM household_arrears WHERE household_id = ?')
          .get(s.world.households.b22),
      ).toEqual({ legal_stage: 'decreto_ingiuntivo', legal_stage_import_id: one.importId });
    });
    expect(errorOf(await carla.call('arrears.undoImport', { importId: three.importId })).message).toMatch(
      /^Questa importazione è già stata annullata il /,
    );

    // Now the first can go: what it added is removed.
    expect(await carla.ok('arrears.undoImport', { importId: one.importId })).toEqual({
      restored: 0,
      removed: 6,
    });
    s.withDb((db) => {
      expect(countOf(db, 'arrears_statements')).toBe(0);
      expect(countOf(db, 'household_arrears')).toBe(0);
      expect(countOf(db, 'arrears_statement_changes')).toBe(0);
      expect(countOf(db, 'arrears_stage_changes')).toBe(0);
      const undone = db.raw
        .prepare('SELECT id, undone_by FROM arrears_imports WHERE undone_at IS NOT NULL ORDER BY id')
        .all();
      expect(undone.map((r) => (r as { id: number }).id)).toEqual([one.importId, three.importId]);
      expect(
        auditRows(db)
          .filter((r) => r.action.startsWith('arrears.'))
          .map((r) => r.action),
      ).toEqual([
        'arrears.commitImport',
        'arrears.commitImport',
        'arrears.commitImport',
        'arrears.undoImport',
        'arrears.undoImport',
      ]);
    });
    const afterUndo = await preview(carla, rows);
    expect(afterUndo.alreadyImported).toMatchObject({ importId: two.importId });
  });

  it('leaves the households it wrote pending, scored at the next read; undo does the same', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const rows = withTaxCodes(sampleTable());
    const p = await preview(carla, rows);
    const month = localMonth();
    const { a01, b22, greco } = s.world.households;
    const scoreOf = (householdId: number) =>
      s.withDb(
        (db) =>
          db.raw
            .prepare('SELECT score, band FROM risk_scores WHERE household_id = ? AND month = ?')
            .get(householdId, month) as { score: number; band: string } | undefined,
      );
    const pending = () =>
      s.withDb((db) => db.raw.prepare('SELECT household_id FROM risk_pending ORDER BY 1').pluck().all());
    expect(scoreOf(b22)).toBeUndefined();

    const done = await carla.ok('arrears.commitImport', { previewId: p.previewId!, skipUnlinked: true });
    expect(pending()).toEqual(expect.arrayContaining([a01, b22, greco]));
    // The household's page brings it up to date. B22: 12 months unpaid (+60, the cap), 12
    // months of rent owed (+40, the cap), decreto ingiuntivo (+25), never contacted (+5), no
    // payment date in the file (0).
    const page = await carla.ok('arrears.household', { householdId: b22 });
    expect(page.risk).toMatchObject({ score: 130, band: 'critico' });
    expect(scoreOf(b22)).toEqual({ score: 130, band: 'critico' });
    expect(pending()).not.toContain(b22);
    expect(pending()).toContain(a01);
    // The worklist brings everyone up to date: A01 pays its rent, nothing owed scores 0.
    const list = await carla.ok('risk.worklist', {});
    expect(list.rows.map((r) => r.householdId)).toContain(b22);
    expect(pending()).toEqual([]);
    expect(scoreOf(a01)).toEqual({ score: 0, band: 'basso' });

    await carla.ok('arrears.undoImport', { importId: done.importId });
    expect(pending()).toEqual(expect.arrayContaining([b22, greco]));
    await carla.ok('risk.worklist', {});
    expect(scoreOf(b22)).toEqual({ score: 0, band: 'basso' });
    expect(pending()).toEqual([]);
  });

  it('refuses an unknown or expired preview, and another operator’s', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const unknown = await carla.call('arrears.commitImport', { previewId: 'nessuna', skip: [] });
    expect(errorOf(unknown)).toMatchObject({
      kind: 'conflict',
      message: 'L’anteprima è scaduta: ricaricare il file.',
    });

    const p = await preview(carla, sampleTable());
    const anna = await s.as('anna');
    expect(
      errorOf(await anna.call('arrears.commitImport', { previewId: p.previewId!, skip: skipAllBut(p) })).kind,
    ).toBe('conflict');

    // Control: before it expires the preview is found (the refusal is about the unmatched rows).
    expect(
      errorOf(await carla.call('arrears.commitImport', { previewId: p.previewId!, skip: [] })).kind,
    ).toBe('validation');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31 * 60_000);
    const expired = await carla.call('arrears.commitImport', {
      previewId: p.previewId!,
      skip: skipAllBut(p),
    });
    expect(errorOf(expired)).toMatchObject({
      kind: 'conflict',
      message: 'L’anteprima è scaduta: ricaricare il file.',
    });
    vi.useRealTimers();
    s.withDb((db) => expect(countOf(db, 'arrears_imports')).toBe(0));
  });

  it('refuses links and skips of rows that are not unmatched, and links to a missing unit', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const p = await preview(carla, sampleTable());
    const commit = (input: { links?: { line: number; unitId: number }[]; skip?: number[] }) =>
      carla.call('arrears.commitImport', { previewId: p.previewId!, ...input });
    expect(errorOf(await commit({ skip: [2, ...skipAllBut(p)] })).message).toBe(
      'La riga 2 è già abbinata a un alloggio: non va collegata né scartata.',
    );
    expect(
      errorOf(await commit({ links: [{ line: 31, unitId: s.world.units.free }], skip: skipAllBut(p) }))
        .message,
    ).toBe('La riga 31 è sia collegata sia scartata: scegliere una delle due.');
    expect(
      errorOf(await commit({ links: [{ line: 31, unitId: 99_999 }], skip: skipAllBut(p, [31]) })).kind,
    ).toBe('not_found');
    // Linking to a unit that another row of the same month already fills.
    expect(
      errorOf(await commit({ links: [{ line: 31, unitId: s.world.units.a01 }], skip: skipAllBut(p, [31]) }))
        .message,
    ).toBe(
      'Le righe 2 e 31 finirebbero sullo stesso alloggio per lo stesso periodo (09/2026): collegare una delle due a un altro alloggio o scartarla.',
    );
    s.withDb((db) => {
      expect(countOf(db, 'arrears_imports')).toBe(0);
      expect(countOf(db, 'unit_code_aliases')).toBe(0);
    });
    // The preview is still there after refusals.
    expect(
      await carla.ok('arrears.commitImport', { previewId: p.previewId!, skip: skipAllBut(p) }),
    ).toMatchObject({
      written: 4,
      skipped: 26,
    });
  });

  it('writes nothing when a write fails half-way, and the same preview commits once the cause is gone', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const rows = withTaxCodes(sampleTable());
    const p = await preview(carla, rows);
    // A constraint that fails on the fourth statement written.
    s.withDb((db) =>
      db.raw.exec(`CREATE TRIGGER fail_fourth BEFORE INSERT ON arrears_statements
                   WHEN (SELECT count(*) FROM arrears_statements) >= 3
                   BEGIN SELECT RAISE(ABORT, 'forced failure'); END`),
    );
    const auditBefore = s.withDb((db) => countOf(db, 'audit_log'));
    const z01 = lineOf(rows, 'CR-0999-Z01');
    const input = {
      previewId: p.previewId!,
      links: [{ line: z01, unitId: s.world.units.free }],
      skip: skipAllBut(p, [z01]),
      saveProfile: { name: 'ALER Cremona' },
    };
    const failed = await carla.call('arrears.commitImport', input);
    expect(errorOf(failed).kind).toBe('internal');
    expect(errorOf(failed).message).toMatch(/non è stata salvata/);
    s.withDb((db) => {
      for (const table of [
        'arrears_statements',
        'arrears_imports',
        'arrears_statement_changes',
        'unit_code_aliases',
        'household_arrears',
        'arrears_stage_changes',
        'arrears_profiles',
      ]) {
        expect(countOf(db, table), table).toBe(0);
      }
      expect(countOf(db, 'audit_log')).toBe(auditBefore);
      db.raw.exec('DROP TRIGGER fail_fourth');
    });
    expect(await carla.ok('arrears.commitImport', input)).toMatchObject({ written: 6, skipped: 24 });
  });
});

describe('the legal stage per household', () => {
  it('comes from the file’s latest month: an older month imported later does not change it', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const september = sampleTable();
    const b22 = lineOf(september, 'CR-0101-B22') - 1;
    const october = september.map((row, i) =>
      i === 0 ? [...row] : [...row.slice(0, 6), '10/2026', ...row.slice(7)],
    );
    october[b22]![13] = 'sfratto convalidato';
    const stage = () =>
      s.withDb((db) =>
        db.raw
          .prepare('SELECT legal_stage, legal_stage_period FROM household_arrears WHERE household_id = ?')
          .get(s.world.households.b22),
      );

    const p10 = await preview(carla, october);
    expect(
      await carla.ok('arrears.commitImport', { previewId: p10.previewId!, skipUnlinked: true }),
    ).toMatchObject({ written: 4, skipped: 26 });
    expect(stage()).toEqual({ legal_stage: 'sfratto_convalidato', legal_stage_period: '2026-10' });

    const p09 = await preview(carla, september);
    expect(
      await carla.ok('arrears.commitImport', { previewId: p09.previewId!, skip: skipAllBut(p09) }),
    ).toMatchObject({
      written: 4,
    });
    expect(stage()).toEqual({ legal_stage: 'sfratto_convalidato', legal_stage_period: '2026-10' });
    s.withDb((db) =>
      expect(
        db.raw
          .prepare('SELECT period, legal_stage FROM arrears_statements WHERE unit_id = ? ORDER BY period')
          .all(s.world.units.b22),
      ).toEqual([
        { period: '2026-09', legal_stage: 'decreto_ingiuntivo' },
        { period: '2026-10', legal_stage: 'sfratto_convalidato' },
      ]),
    );
  });
});

describe('the legal stage set by hand', () => {
  it('gives way to a statement of the same month or later, not to an older one', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const setByHand = (setAt: string) =>
      s.withDb((db) => {
        const anna = db.raw
          .prepare(`SELECT id FROM operators WHERE username = 'anna'`)
          .pluck()
          .get() as number;
        db.raw
          .prepare(
            `INSERT OR REPLACE INTO household_arrears (household_id, legal_stage, legal_stage_set_at, legal_stage_set_by,
               legal_stage_import_id, legal_stage_period, created_at, created_by, updated_at)
             VALUES (?, 'diffida', ?, ?, NULL, NULL, ?, ?, ?)`,
          )
          .run(s.world.households.b22, setAt, anna, setAt, anna, setAt);
      });
    const stage = () =>
      s.withDb(
        (db) =>
          (
            db.raw
              .prepare('SELECT legal_stage FROM household_arrears WHERE household_id = ?')
              .get(s.world.households.b22) as { legal_stage: string }
          ).legal_stage,
      );
    const rows = sampleTable();
    setByHand('2026-11-05T10:00:00.000Z');
    const p = await preview(carla, rows);
    await carla.ok('arrears.commitImport', { previewId: p.previewId!, skip: skipAllBut(p) });
    expect(stage()).toBe('diffida');
    // The statement's own column still says what the file said.
    s.withDb((db) =>
      expect(
        db.raw.prepare('SELECT legal_stage FROM arrears_statements WHERE unit_id = ?').get(s.world.units.b22),
      ).toEqual({ legal_stage: 'decreto_ingiuntivo' }),
    );

    setByHand('2026-08-20T10:00:00.000Z');
    const changed = rows.map((row) => [...row]);
    changed[lineOf(rows, 'CR-0101-B22') - 1]![11] = '2.500,00';
    const q = await preview(carla, changed);
    const { importId } = await carla.ok('arrears.commitImport', {
      previewId: q.previewId!,
      skip: skipAllBut(q),
    });
    expect(stage()).toBe('decreto_ingiuntivo');
    // Undo puts the stage set by hand back.
    await carla.ok('arrears.undoImport', { importId });
    expect(stage()).toBe('diffida');
  });
});

describe('mapping profiles', () => {
  it('saves the mapping as a sender’s profile at commit and reuses it by header name on reordered columns', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    // A sender whose unit-code header the guess does not know.
    const rows = sampleTable().map((row, i) => (i === 0 ? ['Rif. UI', ...row.slice(1)] : [...row]));
    const guessed = await preview(carla, rows);
    expect(guessed.mapping.unitCode).toBeUndefined();
    expect(guessed.previewId).toBeNull();
    expect(guessed.mappingProblems[0]).toMatch(/Codice alloggio/);

    const mapping = { ...guessed.mapping, unitCode: 'Rif. UI' };
    const p = await preview(carla, rows, { mapping });
    expect(p.counts).toMatchObject({ matched: 4, unmatched: 26 });
    const done = await carla.ok('arrears.commitImport', {
      previewId: p.previewId!,
      skip: skipAllBut(p),
      saveProfile: { name: 'ALER Cremona' },
    });
    const { profiles } = await carla.ok('arrears.profiles', {});
    expect(profiles).toEqual([
      { id: profiles[0]!.id, name: 'ALER Cremona', mapping, updatedAt: profiles[0]!.updatedAt },
    ]);
    expect((await carla.ok('arrears.imports', {})).rows[0]).toMatchObject({
      id: done.importId,
      profileName: 'ALER Cremona',
    });

    // Next month's file: columns in another order, the profile still finds them by name.
    const order = [11, 6, 0, 10, 9, 5, 13, 12, 7, 8, 1, 2, 3, 4];
    const reordered = rows.map((row) => order.map((i) => (i === 6 && row !== rows[0] ? '10/2026' : row[i]!)));
    const next = await preview(carla, reordered, { profileId: profiles[0]!.id });
    expect(next.mappingSource).toBe('profile');
    expect(next.mapping).toEqual(mapping);
    expect(next.mappingProblems).toEqual([]);
    expect(next.counts).toMatchObject({ read: 30, matched: 4, unmatched: 26, errors: 0, unchanged: 0 });
    expect(next.periods).toEqual({ min: '2026-10', max: '2026-10' });
    expect(next.matched[0]).toMatchObject({ unitCode: 'CR-0101-A01', balanceCents: 0, dueCents: 11190 });
    expect(
      await carla.ok('arrears.commitImport', { previewId: next.previewId!, skip: skipAllBut(next) }),
    ).toMatchObject({
      written: 4,
    });
  });

  it('adds, renames, refuses a duplicate name ignoring case, and deletes profiles (imports keep their log)', async () => {
    const s = arrearsSession(template);
    const carla = await s.as('carla');
    const mapping = { unitCode: 'Codice', period: 'Mese', due: 'Dovuto', paid: 'Pagato', balance: 'Saldo' };
    const a = (await carla.ok('arrears.saveProfile', { name: 'ATC Torino', mapping })).profile;
    const b = (await carla.ok('arrears.saveProfile', { name: 'ALER Cremona', mapping })).profile;
    const dup = errorOf(await carla.call('arrears.saveProfile', { name: 'aler cremona', mapping }));
    expect(dup).toMatchObject({
      kind: 'conflict',
      message: 'Esiste già un profilo di nome «ALER Cremona»: scegliere un altro nome.',
    });
    const stale = await carla.call('arrears.saveProfile', {
      id: a.id,
      expectedUpdatedAt: '2000-01-01T00:00:00.000Z',
      name: 'ATC',
      mapping,
    });
    expect(errorOf(stale).kind).toBe('conflict');
    const renamed = (
      await carla.ok('arrears.saveProfile', {
        id: a.id,
        expectedUpdatedAt: a.updatedAt,
        name: 'ATC Torino Nord',
        mapping,
      })
    ).profile;
    expect(renamed.name).toBe('ATC Torino Nord');
    expect((await carla.ok('arrears.profiles', {})).profiles.map((p) => p.name)).toEqual([
      'ALER Cremona',
      'ATC Torino Nord',
    ]);
    expect(await carla.ok('arrears.deleteProfile', { id: b.id })).toEqual({ done: true });
    expect(errorOf(await carla.call('arrears.deleteProfile', { id: b.id })).kind).toBe('not_found');
    expect(
      errorOf(
        await carla.call('arrears.previewImport', {
          fileName: FILE,
          contentBase64: toBase64(csvText(sampleTable())),
          profileId: b.id,
        }),
      ).kind,
    ).toBe('not_found');
    s.withDb((db) =>
      expect(
        auditRows(db)
          .filter((r) => r.action.startsWith('arrears.'))
          .map((r) => [r.action, r.record_type]),
      ).toEqual([
        ['arrears.saveProfile', 'arrears_profile'],
        ['arrears.saveProfile', 'arrears_profile'],
        ['arrears.saveProfile', 'arrears_profile'],
        ['arrears.deleteProfile', 'arrears_profile'],
      ]),
    );
  });
});

describe('the preview store', () => {
  const preview = (operatorId: number, sha256: string) => ({
    operatorId,
    fileName: 'a.csv',
    sha256,
    profileId: null,
    mapping: {},
    rows: [],
    errorLines: 0,
    read: 0,
  });

  it('gives a preview only to its operator, until it expires, and keeps at most a few', () => {
    const db = {} as Db;
    const t0 = 1_000_000;
    const a = savePreview(db, preview(1, 'a'), t0);
    expect(findPreview(db, a.id, 1, t0 + 1)).toBe(a);
    expect(findPreview(db, a.id, 2, t0 + 1)).toBeUndefined();
    expect(findPreview(db, a.id, 1, t0 + PREVIEW_TTL_MS)).toBeUndefined();

    const kept = ['b', 'c', 'd', 'e'].map((sha, i) => savePreview(db, preview(1, sha), t0 + i));
    expect(kept.map((p) => findPreview(db, p.id, 1, t0 + 10) !== undefined)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(MAX_PREVIEWS).toBe(3);
    // A new preview of the same file by the same operator replaces the older one.
    const again = savePreview(db, preview(1, 'e'), t0 + 20);
    expect(findPreview(db, kept[3]!.id, 1, t0 + 21)).toBeUndefined();
    expect(findPreview(db, again.id, 1, t0 + 21)).toBe(again);
    // Another database (another session) has its own previews.
    expect(findPreview({} as Db, again.id, 1, t0 + 21)).toBeUndefined();
  });
});

describe('the transports', () => {
  it('let a 10 MB statement through the loopback server (base64 inside the JSON body)', () => {
    expect(MAX_BODY_BYTES).toBeGreaterThan(MAX_STATEMENT_BASE64_CHARS + 64 * 1024);
    expect(MAX_STATEMENT_BASE64_CHARS).toBe(Math.ceil((10 * 1024 * 1024) / 3) * 4);
  });

  it('list the arrears calls for GET /api', () => {
    const names = describeApi().calls.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'arrears.previewImport',
        'arrears.commitImport',
        'arrears.undoImport',
        'arrears.imports',
        'arrears.profiles',
        'arrears.saveProfile',
        'arrears.deleteProfile',
      ]),
    );
  });
});
