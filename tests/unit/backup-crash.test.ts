import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { dataPaths } from '../../db/paths';
import { createSeed } from '../seed/generate';
import { startApp, tempDir } from './helpers';

/**
 * Crash safety: a child process commits a large arrears statement and is
 * killed with SIGKILL while it works. Reopened, the database passes
 * `PRAGMA integrity_check` and holds either the whole import or nothing of it.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const PASSWORD = 'password lunga di prova';
const ROWS = 40_000;

let template: string;
let csvFile: string;

const HEADER =
  'Codice alloggio;Intestatario;Periodo;Canone;Spese;Totale dovuto;Versato;Saldo morosità;Mensilità insolute';

beforeAll(async () => {
  // Made by hand, not with tempDir(): that one is emptied after each test, this one serves the file.
  template = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-crash-template-'));
  await createSeed({ dataDir: template, size: 'small', password: PASSWORD, username: 'admin', seed: 7 });
  const key = await unwrap(template);
  const db = openDatabase(dataPaths(template).database, key);
  const codes = db.raw
    .prepare('SELECT agency_code FROM units WHERE agency_code IS NOT NULL ORDER BY id')
    .pluck()
    .all() as string[];
  db.close();
  // One row per (unit, month), going back month by month: many thousand distinct statements.
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const code = codes[i % codes.length]!;
    const back = Math.floor(i / codes.length);
    const year = 2025 - Math.floor(back / 12);
    const month = 12 - (back % 12);
    const due = 30_000 + (i % 977);
    const paid = i % 3 === 0 ? 0 : due;
    const euro = (c: number) => `${String(Math.floor(c / 100))},${String(c % 100).padStart(2, '0')}`;
    lines.push(
      [
        code,
        `INTESTATARIO ${String(i)}`,
        `${String(month).padStart(2, '0')}/${String(year)}`,
        euro(due - 5000),
        euro(5000),
        euro(due),
        euro(paid),
        euro(due - paid),
        paid ? '0' : '1',
      ].join(';'),
    );
  }
  csvFile = path.join(template, 'estratto.csv');
  fs.writeFileSync(csvFile, lines.join('\r\n') + '\r\n');
}, 300_000);

afterAll(() => fs.rmSync(template, { recursive: true, force: true }));

async function unwrap(dir: string): Promise<Buffer> {
  const { KeyRing } = await import('../../db/keyring');
  const keyring = KeyRing.load(dataPaths(dir).keyring);
  const key = await keyring.unwrap(keyring.findByUsername('admin')!, PASSWORD);
  if (!key) throw new Error('no key');
  return key;
}

interface Outcome {
  sawCommit: boolean;
  sawDone: boolean;
  matched: number;
}

/**
 * When to kill the child after it announces the write (`COMMIT n` or `ISSUE n`): after a delay, or
 * as soon as the database's WAL file grows (the commit is being written), to land inside the write.
 */
type KillAt = number | 'wal';

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function runAndKill(script: string, args: string[], killAt: KillAt): Promise<Outcome> {
  const wal = `${dataPaths(args[0]!).database}-wal`;
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'tests/unit/crash', script), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const outcome: Outcome = { sawCommit: false, sawDone: false, matched: 0 };
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const commit = /(?:COMMIT|ISSUE) (\d+)/.exec(out);
      if (commit && !outcome.sawCommit) {
        outcome.sawCommit = true;
        outcome.matched = Number(commit[1]);
        if (killAt === 'wal') {
          const start = sizeOf(wal);
          const poll = setInterval(() => {
            if (sizeOf(wal) !== start || child.exitCode !== null) {
              child.kill('SIGKILL');
              clearInterval(poll);
            }
          }, 1);
        } else {
          setTimeout(() => child.kill('SIGKILL'), killAt);
        }
      }
      if (out.includes('DONE')) outcome.sawDone = true;
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (!outcome.sawCommit)
        reject(new Error(`child ended before the commit (${String(signal)}): ${err.slice(-2000)}`));
      else resolve(outcome);
    });
  });
}

describe('crash safety', () => {
  it('a SIGKILL during a large arrears import leaves a sound database with all of it or none', async () => {
    let interrupted = 0;
    const results: string[] = [];
    for (const delayMs of [0, 'wal', 400, 'wal'] as KillAt[]) {
      const dir = tempDir('cortile-crash-');
      fs.cpSync(template, dir, { recursive: true });
      const key = await unwrap(dir);
      const before = openDatabase(dataPaths(dir).database, key);
      const statementsBefore = before.raw
        .prepare('SELECT count(*) FROM arrears_statements')
        .pluck()
        .get() as number;
      const importsBefore = before.raw
        .prepare('SELECT count(*) FROM arrears_imports')
        .pluck()
        .get() as number;
      before.close();

      const outcome = await runAndKill('arrears-import-child.ts', [dir, csvFile, 'admin', PASSWORD], delayMs);
      if (!outcome.sawDone) interrupted++;
      expect(outcome.matched).toBeGreaterThan(10_000);

      const db = openDatabase(dataPaths(dir).database, key);
      expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const imports = db.raw.prepare('SELECT id FROM arrears_imports ORDER BY id').pluck().all() as number[];
      const statements = db.raw.prepare('SELECT count(*) FROM arrears_statements').pluck().get() as number;
      if (imports.length === importsBefore) {
        expect(statements).toBe(statementsBefore); // none of it
        results.push(`${delayMs === 'wal' ? 'WAL growth' : `${String(delayMs)} ms`}: none`);
      } else {
        expect(imports.length).toBe(importsBefore + 1); // all of it
        const written = db.raw
          .prepare('SELECT count(*) FROM arrears_statements WHERE import_id = ?')
          .pluck()
          .get(imports.at(-1)) as number;
        expect(written).toBe(outcome.matched);
        results.push(
          `${delayMs === 'wal' ? 'WAL growth' : `${String(delayMs)} ms`}: all${outcome.sawDone ? ' (finished)' : ''}`,
        );
      }
      db.close();

      // The app opens it again: the start-up check passes and the administrator signs in.
      const app = startApp(dir);
      await app.ok('session.login', { username: 'admin', password: PASSWORD });
    }
    console.log(`arrears import killed after ${results.join(', ')}`);
    // At least one kill landed before the commit finished.
    expect(interrupted).toBeGreaterThan(0);
  }, 600_000);
});

describe('crash safety of a letter batch', () => {
  it('a SIGKILL while a batch of letters is issued leaves every letter of it or none', async () => {
    let interrupted = 0;
    const results: string[] = [];
    // The batch renders its PDF first (Chromium), then writes numbers, register and audit in one transaction.
    for (const delayMs of [1500, 'wal', 'wal'] as KillAt[]) {
      const dir = tempDir('cortile-crash-letters-');
      fs.cpSync(template, dir, { recursive: true });
      const key = await unwrap(dir);
      const before = openDatabase(dataPaths(dir).database, key);
      const householdIds = before.raw
        .prepare(`SELECT id FROM households WHERE status = 'attivo' ORDER BY id LIMIT 150`)
        .pluck()
        .all() as number[];
      const lettersBefore = before.raw.prepare('SELECT count(*) FROM letters').pluck().get() as number;
      before.close();

      const outcome = await runAndKill(
        'letters-issue-child.ts',
        [dir, 'admin', PASSWORD, householdIds.join(',')],
        delayMs,
      );
      if (!outcome.sawDone) interrupted++;

      const db = openDatabase(dataPaths(dir).database, key);
      expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const batches = db.raw.prepare('SELECT id, letter_count FROM letter_batches').all() as {
        id: number;
        letter_count: number;
      }[];
      const letters = db.raw.prepare('SELECT count(*) FROM letters').pluck().get() as number;
      const audited = db.raw
        .prepare(`SELECT count(*) FROM audit_log WHERE action = 'letters.letter'`)
        .pluck()
        .get() as number;
      if (batches.length === 0) {
        expect(letters).toBe(lettersBefore);
        results.push(`${delayMs === 'wal' ? 'WAL growth' : `${String(delayMs)} ms`}: none`);
      } else {
        expect(batches).toHaveLength(1);
        expect(letters - lettersBefore).toBe(batches[0]!.letter_count);
        expect(batches[0]!.letter_count).toBe(householdIds.length);
        expect(audited).toBe(batches[0]!.letter_count);
        results.push(
          `${delayMs === 'wal' ? 'WAL growth' : `${String(delayMs)} ms`}: all${outcome.sawDone ? ' (finished)' : ''}`,
        );
      }
      db.close();
    }
    console.log(`letter batch killed after ${results.join(', ')}`);
    expect(interrupted).toBeGreaterThan(0);
  }, 600_000);
});
