import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { appliedMigrations, migrate } from '../../db/migrate';
import { tempDir } from './helpers';

const AT = '2025-01-01T08:00:00.000Z';

describe('migration 0009_exports', () => {
  it('keeps a 0006 database as it was and adds an empty export register with its rules', async () => {
    const db = openDatabase(path.join(tempDir(), 'cortile.db'), crypto.randomBytes(32), { create: true });
    try {
      await migrate(db, '0006_meetings');
      db.raw
        .prepare(
          `INSERT INTO operators (full_name, username, role, active, must_change_password, created_at, updated_at)
           VALUES ('Carla Neri', 'carla', 'coordinatore', 1, 0, ?, ?)`,
        )
        .run(AT, AT);
      const before = db.raw.prepare('SELECT * FROM operators').all();
      await migrate(db, '0009_exports');
      expect(appliedMigrations(db)).toContain('0009_exports');
      expect(db.raw.prepare('SELECT * FROM operators').all()).toEqual(before);
      expect(db.raw.prepare('SELECT count(*) AS n FROM export_register').get()).toEqual({ n: 0 });

      const insert = (preset: string, from: string, to: string, sha: string) =>
        db.raw
          .prepare(
            `INSERT INTO export_register (created_at, operator_id, preset, format, period_kind, period_from, period_to,
                                          period_label, filters, scope, layout_version, rows, bytes, file_name, sha256)
             VALUES (?, 1, ?, 'excel', 'mese', ?, ?, 'marzo 2025', '{}', 'Tutti i caseggiati', 1, 10, 100, 'f.csv', ?)`,
          )
          .run(AT, preset, from, to, sha);
      insert('interventi', '2025-03-01', '2025-03-31', 'a'.repeat(64));
      expect(() => insert('nomi', '2025-03-01', '2025-03-31', 'a'.repeat(64))).toThrow(/CHECK/);
      expect(() => insert('morosita', '2025-04-01', '2025-03-31', 'a'.repeat(64))).toThrow(/CHECK/);
      expect(() => insert('morosita', '2025-03-01', '2025-03-31', 'abc')).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
