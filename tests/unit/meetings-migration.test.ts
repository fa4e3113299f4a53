import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { appliedMigrations, migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import { tempDir } from './helpers';

const NOW = '2026-01-01T00:00:00.000Z';
const NAMES = Object.keys(migrations).sort();
const BEFORE = NAMES[NAMES.indexOf('0006_meetings') - 1]!;

describe('0006_meetings', () => {
  it('keeps the follow-ups of the previous version and adds the meeting tables with their rules', async () => {
    const db = openDatabase(path.join(tempDir(), 'cortile.db'), crypto.randomBytes(32), { create: true });
    try {
      await migrate(db, BEFORE);
      const run = (statement: string, ...params: unknown[]) => db.raw.prepare(statement).run(...params);
      run(
        `INSERT INTO operators (full_name, username, role, created_at, updated_at) VALUES ('Carla Neri', 'carla', 'coordinatore', ?, ?)`,
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
        `INSERT INTO households (code, unit_id, since, status, to_team, created_at, updated_at) VALUES ('N-000001', 1, '2020-01-01', 'attivo', 1, ?, ?)`,
        NOW,
        NOW,
      );
      run(
        `INSERT INTO followups (due_on, operator_id, text, household_id, created_at, updated_at) VALUES ('2026-01-10', 1, 'Telefonare', 1, ?, ?)`,
        NOW,
        NOW,
      );
      const before = db.raw.prepare('SELECT * FROM followups').all();
      await migrate(db, '0006_meetings');
      expect(appliedMigrations(db)).toContain('0006_meetings');
      expect(db.raw.prepare('SELECT * FROM followups').all()).toEqual(before);

      run(
        `INSERT INTO meetings (held_on, created_at, updated_at, created_by) VALUES ('2026-01-08', ?, ?, 1)`,
        NOW,
        NOW,
      );
      expect(() =>
        run(
          `INSERT INTO meetings (held_on, guests, created_at, updated_at) VALUES ('8/1/2026', '[]', ?, ?)`,
          NOW,
          NOW,
        ),
      ).toThrow(/CHECK constraint failed/);
      expect(() =>
        run(
          `INSERT INTO meetings (held_on, guests, created_at, updated_at) VALUES ('2026-01-08', '{}', ?, ?)`,
          NOW,
          NOW,
        ),
      ).toThrow(/CHECK constraint failed/);
      run('INSERT INTO meeting_participants (meeting_id, operator_id) VALUES (1, 1)');
      run(
        `INSERT INTO meeting_cases (meeting_id, household_id, position, created_at, updated_at) VALUES (1, 1, 0, ?, ?)`,
        NOW,
        NOW,
      );
      // Discussion notes are confidential unless said otherwise.
      expect(db.raw.prepare('SELECT confidential, discussed, keep_flag FROM meeting_cases').get()).toEqual({
        confidential: 1,
        discussed: 0,
        keep_flag: 0,
      });
      expect(() =>
        run(
          `INSERT INTO meeting_cases (meeting_id, household_id, position, created_at, updated_at) VALUES (1, 1, 1, ?, ?)`,
          NOW,
          NOW,
        ),
      ).toThrow(/UNIQUE constraint failed/);
      run(
        `INSERT INTO meeting_actions (meeting_id, case_id, followup_id, created_at) VALUES (1, 1, 1, ?)`,
        NOW,
      );
      expect(() =>
        run(
          `INSERT INTO meeting_actions (meeting_id, case_id, followup_id, created_at) VALUES (1, 1, 1, ?)`,
          NOW,
        ),
      ).toThrow(/UNIQUE constraint failed/);
      expect(() =>
        run(
          `INSERT INTO meeting_actions (meeting_id, case_id, followup_id, created_at) VALUES (1, 1, 99, ?)`,
          NOW,
        ),
      ).toThrow(/FOREIGN KEY constraint failed/);
    } finally {
      db.close();
    }
  });
});
