import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import { appliedMigrations, migrate, schemaVersion } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import { dataPaths } from '../../db/paths';
import { ADMIN, setUpApp, tempDir } from './helpers';
import { auditRows, count, openWithKey, unwrapKey } from './support';

const NAMES = Object.keys(migrations).sort();

/** A new, empty encrypted database in a temporary folder. */
function newDatabase(): { db: Db; file: string; key: Buffer } {
  const file = path.join(tempDir(), 'cortile.db');
  const key = crypto.randomBytes(32);
  return { db: openDatabase(file, key, { create: true }), file, key };
}

function tables(db: Db): { name: string; strict: number }[] {
  return db.raw
    .prepare(
      `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' ORDER BY name`,
    )
    .all() as { name: string; strict: number }[];
}

function columns(db: Db, table: string): string[] {
  return (
    db.raw.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]
  ).map((c) => c.name);
}

/** Tables that belong to the app (not SQLite's own, not Kysely's bookkeeping). */
function appTables(db: Db) {
  return tables(db).filter((t) => !t.name.startsWith('sqlite_') && !t.name.startsWith('kysely_'));
}

const FUTURE = '9999_future';

function addFutureMigration(db: Db): void {
  db.raw
    .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
    .run(FUTURE, new Date().toISOString());
}

async function expectNewerRefusal(promise: Promise<unknown>): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).kind).toBe('conflict');
  expect((caught as AppError).message).toContain('versione più recente');
}

describe('migrating a new database', () => {
  it('creates the app tables, all STRICT, and records one schema version per migration', async () => {
    const { db } = newDatabase();
    try {
      expect(schemaVersion(db)).toBe(0);
      expect(appTables(db)).toEqual([]);
      await migrate(db);
      // The tables described by db/schema.ts, each declared STRICT.
      expect(appTables(db)).toEqual(
        [
          'activities',
          'activity_attendance',
          'activity_buildings',
          'activity_outsiders',
          'activity_series',
          'activity_types',
          'areas',
          'arrears_imports',
          'arrears_profiles',
          'arrears_stage_changes',
          'arrears_statement_changes',
          'arrears_statements',
          'audit_log',
          'building_operators',
          'buildings',
          'export_register',
          'followups',
          'group_buildings',
          'group_referents',
          'household_anonymised',
          'household_arrears',
          'household_isee',
          'household_moves',
          'households',
          'incolpevole_causes',
          'intervention_topics',
          'interventions',
          'letter_batches',
          'letter_letterhead',
          'letter_template_versions',
          'letter_templates',
          'letters',
          'meeting_actions',
          'meeting_cases',
          'meeting_participants',
          'meetings',
          'member_fragilities',
          'member_privacy',
          'members',
          'operators',
          'plan_installments',
          'plan_payments',
          'privacy_settings',
          'referrals',
          'repayment_plans',
          'resident_groups',
          'risk_pending',
          'risk_scores',
          'settings',
          'settings_history',
          'unit_code_aliases',
          'units',
          'vocabulary',
        ].map((name) => ({ name, strict: 1 })),
      );
      expect(appliedMigrations(db)).toEqual(NAMES);
      expect(schemaVersion(db)).toBe(NAMES.length);
      expect(NAMES.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('gives every table exactly the columns that db/schema.ts declares', async () => {
    const { db } = newDatabase();
    try {
      await migrate(db);
      expect(columns(db, 'operators')).toEqual([
        'id',
        'full_name',
        'username',
        'role',
        'active',
        'must_change_password',
        'last_login_at',
        'created_at',
        'updated_at',
        'created_by',
      ]);
      expect(columns(db, 'settings')).toEqual(['key', 'value', 'updated_at', 'updated_by']);
      expect(columns(db, 'audit_log')).toEqual([
        'id',
        'at',
        'operator_id',
        'action',
        'record_type',
        'record_id',
        'prev_hash',
        'hash',
      ]);
    } finally {
      db.close();
    }
  });

  it('does nothing when run again on an up-to-date database', async () => {
    const { db } = newDatabase();
    try {
      await migrate(db);
      db.raw
        .prepare(
          `INSERT INTO settings (key, value, updated_at) VALUES ('k', '"v"', '2026-01-01T00:00:00.000Z')`,
        )
        .run();
      const before = appliedMigrations(db);
      await migrate(db);
      expect(appliedMigrations(db)).toEqual(before);
      expect(schemaVersion(db)).toBe(before.length);
      expect(count(db, 'settings')).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('0001_initial', () => {
  /** Migrates to the one before 0001 (nothing), "inserts" (nothing), migrates to 0001, checks. */
  async function at0001(): Promise<Db> {
    const { db } = newDatabase();
    const index = NAMES.indexOf('0001_initial');
    expect(index).toBe(0);
    // N-1: before the first migration the database is empty.
    expect(appTables(db)).toEqual([]);
    await migrate(db, '0001_initial');
    expect(appliedMigrations(db)).toEqual(['0001_initial']);
    return db;
  }

  const insertOperator = (db: Db, values: Record<string, unknown>) =>
    db.raw
      .prepare(
        `INSERT INTO operators (full_name, username, role, active, must_change_password, created_at, updated_at, created_by)
         VALUES (@full_name, @username, @role, @active, @must_change_password, @created_at, @updated_at, @created_by)`,
      )
      .run({
        full_name: 'Anna Bianchi',
        username: 'anna',
        role: 'amministratore',
        active: 1,
        must_change_password: 0,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
        created_by: null,
        ...values,
      });

  it('accepts a valid operator and each of the three roles', async () => {
    const db = await at0001();
    try {
      insertOperator(db, { username: 'anna', role: 'amministratore' });
      insertOperator(db, { username: 'carlo', role: 'coordinatore', created_by: 1 });
      insertOperator(db, { username: 'olga', role: 'operatore', created_by: 1 });
      expect(count(db, 'operators')).toBe(3);
    } finally {
      db.close();
    }
  });

  it('refuses a role outside the three', async () => {
    const db = await at0001();
    try {
      expect(() => insertOperator(db, { role: 'capo' })).toThrow(/CHECK constraint failed/);
      expect(() => insertOperator(db, { role: 'Amministratore' })).toThrow(/CHECK constraint failed/);
      expect(count(db, 'operators')).toBe(0);
    } finally {
      db.close();
    }
  });

  it('keeps usernames unique regardless of case', async () => {
    const db = await at0001();
    try {
      insertOperator(db, { username: 'anna' });
      expect(() => insertOperator(db, { username: 'ANNA' })).toThrow(
        /UNIQUE constraint failed: operators.username/,
      );
      expect(() => insertOperator(db, { username: 'Anna' })).toThrow(/UNIQUE constraint failed/);
      expect(db.raw.prepare(`SELECT count(*) AS n FROM operators WHERE username = 'aNnA'`).get()).toEqual({
        n: 1,
      });
    } finally {
      db.close();
    }
  });

  it('refuses wrong types (STRICT), out-of-range flags and dangling references', async () => {
    const db = await at0001();
    try {
      expect(() => insertOperator(db, { active: 'yes' })).toThrow(
        /cannot store TEXT value in INTEGER column/,
      );
      expect(() => insertOperator(db, { active: 2 })).toThrow(/CHECK constraint failed/);
      expect(() => insertOperator(db, { must_change_password: -1 })).toThrow(/CHECK constraint failed/);
      expect(() => insertOperator(db, { full_name: null })).toThrow(/NOT NULL constraint failed/);
      expect(() => insertOperator(db, { created_by: 42 })).toThrow(/FOREIGN KEY constraint failed/);
      expect(() =>
        db.raw
          .prepare(`INSERT INTO audit_log (at, action, prev_hash, hash) VALUES ('x', X'00', 'p', 'h')`)
          .run(),
      ).toThrow(/cannot store BLOB value in TEXT column/);
      expect(count(db, 'operators')).toBe(0);
      expect(count(db, 'audit_log')).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('0002_registry', () => {
  const NOW = '2026-01-01T00:00:00.000Z';

  it('keeps the operators and settings of a 0001 database and adds the registry with its lists', async () => {
    const { db } = newDatabase();
    try {
      await migrate(db, '0001_initial');
      db.raw
        .prepare(
          `INSERT INTO operators (full_name, username, role, created_at, updated_at)
           VALUES ('Anna Bianchi', 'anna', 'amministratore', ?, ?)`,
        )
        .run(NOW, NOW);
      db.raw
        .prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('cooperative', '{"name":"X"}', ?)`)
        .run(NOW);
      await migrate(db, '0002_registry');
      expect(appliedMigrations(db)).toEqual(['0001_initial', '0002_registry']);
      expect(db.raw.prepare('SELECT username, role FROM operators').all()).toEqual([
        { username: 'anna', role: 'amministratore' },
      ]);
      expect(count(db, 'settings')).toBe(1);
      const kinds = db.raw
        .prepare('SELECT kind, count(*) AS n FROM vocabulary WHERE active = 1 GROUP BY kind ORDER BY kind')
        .all();
      expect(kinds).toEqual([
        { kind: 'channel', n: 6 },
        { kind: 'fragility', n: 6 },
        { kind: 'intervention_type', n: 10 },
        { kind: 'origin', n: 4 },
        { kind: 'referral_service', n: 9 },
        { kind: 'topic', n: 9 },
      ]);
    } finally {
      db.close();
    }
  });

  it('enforces the registry rules in the schema: unique unit positions and codes, one code per household', async () => {
    const { db } = newDatabase();
    try {
      await migrate(db, '0002_registry');
      const run = (statement: string, ...params: unknown[]) => db.raw.prepare(statement).run(...params);
      run(`INSERT INTO areas (name, created_at, updated_at) VALUES ('Zona Centro', ?, ?)`, NOW, NOW);
      expect(() =>
        run(`INSERT INTO areas (name, created_at, updated_at) VALUES ('zona centro', ?, ?)`, NOW, NOW),
      ).toThrow(/UNIQUE constraint failed/);
      run(
        `INSERT INTO buildings (area_id, address, city, owner, created_at, updated_at)
         VALUES (1, 'Via Brescia 10', 'Cremona', 'ALER', ?, ?)`,
        NOW,
        NOW,
      );
      expect(() =>
        run(
          `INSERT INTO buildings (area_id, address, city, owner, created_at, updated_at)
           VALUES (1, 'Via Brescia 12', 'Cremona', 'privato', ?, ?)`,
          NOW,
          NOW,
        ),
      ).toThrow(/CHECK constraint failed/);
      const unit = `INSERT INTO units (building_id, staircase, floor, number, agency_code, created_at, updated_at)
                    VALUES (1, 'A', ?, ?, ?, ?, ?)`;
      run(unit, 0, '1', 'CR-1', NOW, NOW);
      expect(() => run(unit, 0, '1', 'CR-2', NOW, NOW)).toThrow(/UNIQUE constraint failed/);
      expect(() => run(unit, 0, '2', 'cr-1', NOW, NOW)).toThrow(/UNIQUE constraint failed/);
      const household = `INSERT INTO households (code, unit_id, since, status, created_at, updated_at)
                         VALUES (?, 1, '2020-01-01', ?, ?, ?)`;
      run(household, 'N-000001', 'attivo', NOW, NOW);
      expect(() => run(household, 'N-000001', 'attivo', NOW, NOW)).toThrow(/UNIQUE constraint failed/);
      expect(() => run(household, 'N-000002', 'sfrattato', NOW, NOW)).toThrow(/CHECK constraint failed/);
      expect(() =>
        run(
          `INSERT INTO members (household_id, first_name, surname, surname_norm, sex, relationship, created_at, updated_at)
           VALUES (99, 'Anna', 'Rossi', 'rossi', 'F', 'intestatario', ?, ?)`,
          NOW,
          NOW,
        ),
      ).toThrow(/FOREIGN KEY constraint failed/);
    } finally {
      db.close();
    }
  });

  it('finds households by folded words in the full-text index, accents removed', async () => {
    const { db } = newDatabase();
    try {
      await migrate(db, '0002_registry');
      db.raw.prepare(`INSERT INTO household_search (rowid, terms) VALUES (7, 'nicolò rossi n 000007')`).run();
      const find = (query: string) =>
        db.raw.prepare('SELECT rowid AS id FROM household_search WHERE household_search MATCH ?').all(query);
      expect(find('"nicolo"*')).toEqual([{ id: 7 }]);
      expect(find('"ross"* AND "nic"*')).toEqual([{ id: 7 }]);
      expect(find('"bianchi"*')).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('0003_arrears', () => {
  const NOW = '2026-01-01T00:00:00.000Z';

  /** A 0002 database with an operator, a building, a unit and a household in it. */
  async function registryAt0002(): Promise<Db> {
    const { db } = newDatabase();
    await migrate(db, '0002_registry');
    const run = (statement: string, ...params: unknown[]) => db.raw.prepare(statement).run(...params);
    run(
      `INSERT INTO operators (full_name, username, role, created_at, updated_at) VALUES ('Anna Bianchi', 'anna', 'amministratore', ?, ?)`,
      NOW,
      NOW,
    );
    run(`INSERT INTO areas (name, created_at, updated_at) VALUES ('Zona Centro', ?, ?)`, NOW, NOW);
    run(
      `INSERT INTO buildings (area_id, address, city, owner, created_at, updated_at) VALUES (1, 'Via Brescia 10', 'Cremona', 'ALER', ?, ?)`,
      NOW,
      NOW,
    );
    run(
      `INSERT INTO units (building_id, staircase, floor, number, agency_code, created_at, updated_at) VALUES (1, 'A', 0, '1', 'CR-1', ?, ?)`,
      NOW,
      NOW,
    );
    run(
      `INSERT INTO households (code, unit_id, since, status, created_at, updated_at) VALUES ('N-000001', 1, '2020-01-01', 'attivo', ?, ?)`,
      NOW,
      NOW,
    );
    return db;
  }

  it('keeps the registry of a 0002 database and adds the arrears tables, empty', async () => {
    const db = await registryAt0002();
    try {
      const before = db.raw.prepare('SELECT * FROM households').all();
      await migrate(db, '0003_arrears');
      expect(appliedMigrations(db)).toEqual(['0001_initial', '0002_registry', '0003_arrears']);
      expect(db.raw.prepare('SELECT * FROM households').all()).toEqual(before);
      expect(db.raw.prepare('SELECT agency_code FROM units').all()).toEqual([{ agency_code: 'CR-1' }]);
      for (const table of [
        'arrears_imports',
        'arrears_statements',
        'household_arrears',
        'unit_code_aliases',
      ]) {
        expect(db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
      }
    } finally {
      db.close();
    }
  });

  it('keys statements by unit and month, checks periods and stages, and profile names ignoring case', async () => {
    const db = await registryAt0002();
    try {
      await migrate(db, '0003_arrears');
      const run = (statement: string, ...params: unknown[]) => db.raw.prepare(statement).run(...params);
      run(
        `INSERT INTO arrears_imports (file_name, sha256, imported_at, imported_by, rows_read, rows_written, rows_unchanged, rows_skipped, rows_error)
         VALUES ('a.csv', ?, ?, 1, 1, 1, 0, 0, 0)`,
        'a'.repeat(64),
        NOW,
      );
      const statement = `INSERT INTO arrears_statements (unit_id, household_id, period, due_cents, paid_cents, balance_cents, legal_stage, import_id)
                         VALUES (1, 1, ?, 10000, 0, 10000, ?, 1)`;
      run(statement, '2026-09', 'sollecito');
      expect(() => run(statement, '2026-09', null)).toThrow(/UNIQUE constraint failed/);
      expect(() => run(statement, '2026-13', null)).toThrow(/CHECK constraint failed/);
      expect(() => run(statement, '09/2026', null)).toThrow(/CHECK constraint failed/);
      expect(() => run(statement, '2026-10', 'sfratto')).toThrow(/CHECK constraint failed/);
      expect(() =>
        run(
          `INSERT INTO arrears_statements (unit_id, period, due_cents, paid_cents, balance_cents, import_id) VALUES (1, '2026-11', 1.5, 0, 0, 1)`,
        ),
      ).toThrow(/cannot store REAL value in INTEGER column/);
      expect(() =>
        run(
          `INSERT INTO arrears_statements (unit_id, period, due_cents, paid_cents, balance_cents, import_id) VALUES (1, '2026-11', 1, 0, 0, 9)`,
        ),
      ).toThrow(/FOREIGN KEY constraint failed/);
      const profile = `INSERT INTO arrears_profiles (name, mapping, created_at, updated_at) VALUES (?, ?, ?, ?)`;
      run(profile, 'ALER Cremona', '{"unitCode":"Codice alloggio"}', NOW, NOW);
      expect(() => run(profile, 'aler cremona', '{}', NOW, NOW)).toThrow(/UNIQUE constraint failed/);
      expect(() => run(profile, 'ATC', '[1]', NOW, NOW)).toThrow(/CHECK constraint failed/);
      run(`INSERT INTO unit_code_aliases (code, unit_id, created_at) VALUES ('CR-0999-Z01', 1, ?)`, NOW);
      expect(() =>
        run(`INSERT INTO unit_code_aliases (code, unit_id, created_at) VALUES ('cr-0999-z01', 1, ?)`, NOW),
      ).toThrow(/UNIQUE constraint failed/);
      expect(() => run(`UPDATE arrears_imports SET undone_at = ? WHERE id = 1`, NOW)).toThrow(
        /CHECK constraint failed/,
      );
    } finally {
      db.close();
    }
  });
});

describe('0004_plans_risk', () => {
  const NOW = '2026-01-01T00:00:00.000Z';

  it('keeps a 0003 database and adds plans, incolpevole and risk tables with their rules', async () => {
    const { db } = newDatabase();
    try {
      await migrate(db, '0003_arrears');
      const run = (statement: string, ...params: unknown[]) => db.raw.prepare(statement).run(...params);
      run(
        `INSERT INTO operators (full_name, username, role, created_at, updated_at) VALUES ('Anna Bianchi', 'anna', 'amministratore', ?, ?)`,
        NOW,
        NOW,
      );
      run(`INSERT INTO areas (name, created_at, updated_at) VALUES ('Zona Centro', ?, ?)`, NOW, NOW);
      run(
        `INSERT INTO buildings (area_id, address, city, owner, created_at, updated_at) VALUES (1, 'Via Brescia 10', 'Cremona', 'ALER', ?, ?)`,
        NOW,
        NOW,
      );
      run(
        `INSERT INTO units (building_id, staircase, floor, number, created_at, updated_at) VALUES (1, 'A', 0, '1', ?, ?)`,
        NOW,
        NOW,
      );
      run(
        `INSERT INTO households (code, unit_id, since, status, created_at, updated_at) VALUES ('N-000001', 1, '2020-01-01', 'attivo', ?, ?)`,
        NOW,
        NOW,
      );
      run(
        `INSERT INTO household_arrears (household_id, legal_stage, legal_stage_set_at, created_at, updated_at) VALUES (1, 'diffida', ?, ?, ?)`,
        NOW,
        NOW,
        NOW,
      );
      await migrate(db, '0004_plans_risk');
      expect(appliedMigrations(db)).toEqual([
        '0001_initial',
        '0002_registry',
        '0003_arrears',
        '0004_plans_risk',
      ]);
      expect(db.raw.prepare('SELECT legal_stage FROM household_arrears').all()).toEqual([
        { legal_stage: 'diffida' },
      ]);

      const plan = `INSERT INTO repayment_plans (household_id, total_cents, installment_count, first_due_on, status, closed_on, close_reason, created_at, updated_at)
                    VALUES (1, 60000, 6, '2026-02-01', ?, ?, ?, ?, ?)`;
      run(plan, 'in_regola', null, null, NOW, NOW);
      // One open plan per household; closed ones are kept beside it.
      expect(() => run(plan, 'in_regola', null, null, NOW, NOW)).toThrow(/UNIQUE constraint failed/);
      run(plan, 'in_ritardo', '2025-12-01', 'annullato', NOW, NOW);
      expect(() => run(plan, 'pagato', '2025-12-01', 'annullato', NOW, NOW)).toThrow(
        /CHECK constraint failed/,
      );
      expect(() => run(plan, 'in_regola', '2025-12-01', null, NOW, NOW)).toThrow(/CHECK constraint failed/);
      const payment = `INSERT INTO plan_payments (plan_id, paid_on, amount_cents, source, statement_period, created_at) VALUES (1, '2026-02-03', ?, ?, ?, ?)`;
      run(payment, 10000, 'manuale', null, NOW);
      run(payment, 10000, 'estratto', '2026-02', NOW);
      expect(() => run(payment, 10000, 'estratto', '2026-02', NOW)).toThrow(/UNIQUE constraint failed/);
      expect(() => run(payment, 10000, 'estratto', null, NOW)).toThrow(/CHECK constraint failed/);
      expect(() => run(payment, 0, 'manuale', null, NOW)).toThrow(/CHECK constraint failed/);

      const score = `INSERT INTO risk_scores (household_id, month, score, band, band_rank, contributions, computed_at) VALUES (1, ?, 45, 'alto', 2, ?, ?)`;
      run(
        score,
        '2026-01',
        '[{"signal":"monthsUnpaid","points":20,"label":"3 mensilità non pagate: +20"}]',
        NOW,
      );
      expect(() => run(score, '2026-01', '[]', NOW)).toThrow(/UNIQUE constraint failed/);
      expect(() => run(score, '2026-13', '[]', NOW)).toThrow(/CHECK constraint failed/);
      expect(() => run(score, '2026-02', '{}', NOW)).toThrow(/CHECK constraint failed/);
      expect(() => run(score, '2026-02', 'non json', NOW)).toThrow(/CHECK constraint failed/);
      expect(() =>
        run(
          `INSERT INTO household_isee (household_id, value_cents, isee_date, updated_at) VALUES (1, 1200000, '12/01/2026', ?)`,
          NOW,
        ),
      ).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });
});

describe('a database made by a newer version', () => {
  it('is refused with a conflict, and left exactly as it was', async () => {
    const { db, file, key } = newDatabase();
    await migrate(db);
    db.raw
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES ('k', '"v"', '2026-01-01T00:00:00.000Z')`,
      )
      .run();
    addFutureMigration(db);
    db.close();
    const before = fs.readFileSync(file);

    const reopened = openDatabase(file, key);
    try {
      await expectNewerRefusal(migrate(reopened));
      expect(appliedMigrations(reopened)).toEqual([...NAMES, FUTURE].sort());
      expect(schemaVersion(reopened)).toBe(NAMES.length);
      expect(count(reopened, 'settings')).toBe(1);
    } finally {
      reopened.close();
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it('makes the app refuse to sign in, saying so, and changes nothing', async () => {
    const app = await setUpApp();
    await app.ok('session.logout', {});
    const key = await unwrapKey(app.dir);
    let auditBefore: number;
    {
      const db = openWithKey(app.dir, key);
      addFutureMigration(db);
      auditBefore = count(db, 'audit_log');
      db.close();
    }
    const bytesBefore = fs.readFileSync(dataPaths(app.dir).database);

    const result = await app.call('session.login', { username: ADMIN.username, password: ADMIN.password });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('conflict');
      expect(result.error.message).toContain('versione più recente');
    }
    expect((await app.ok('app.status', {})).state).toBe('locked');

    expect(fs.readFileSync(dataPaths(app.dir).database).equals(bytesBefore)).toBe(true);
    const db = openWithKey(app.dir, key);
    try {
      expect(count(db, 'audit_log')).toBe(auditBefore);
      expect(auditRows(db).at(-1)?.action).toBe('session.logout');
      expect(appliedMigrations(db)).toContain(FUTURE);
    } finally {
      db.close();
    }
  });
});
