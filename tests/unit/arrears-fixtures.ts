import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/connection';
import { buildTaxCode } from '../seed/tax-code';
import { ADMIN, setUpApp, startApp, tempDir, type TestApp } from './helpers';
import {
  addOperator,
  createArea,
  createBuilding,
  createHousehold,
  createUnit,
  member,
} from './registry-fixtures';
import { openWithKey, unwrapKey } from './support';

/**
 * A small world for the arrears-import tests, built once per file through
 * the dispatcher and copied for each test. Units whose agency codes match
 * rows of tests/fixtures/estratto_morosita_esempio.csv:
 *
 * - CR-0101-A01 (household ESPOSITO LUCIA), CR-0101-A02 (empty),
 *   CR-0101-B22 (household FERRARI CARLA; "decreto ingiuntivo" in the file),
 *   cr-0102-a02 (stored lower-case; household LOMBARDI SALVATORE)
 * - a unit with a code of another scheme, whose household's member has the
 *   codice fiscale GRECO_TAX_CODE (row CR-0215-A12 of the file, with the
 *   column added by withTaxCodes)
 * - a unit without code, with a household, to link the row CR-0999-Z01 to
 *
 * Operators: carla (coordinatrice), olga (operatrice), anna (administrator).
 */
export const SAMPLE_FILE = path.resolve(import.meta.dirname, '../fixtures/estratto_morosita_esempio.csv');

export const GRECO_TAX_CODE = buildTaxCode({
  surname: 'Greco',
  firstName: 'Antonio',
  sex: 'M',
  birthDate: '1958-03-14',
  placeCode: 'D150',
});

export type ArrearsWho = 'anna' | 'carla' | 'olga';

export interface ArrearsWorld {
  units: { a01: number; a02: number; b22: number; c02: number; greco: number; free: number };
  households: { a01: number; b22: number; c02: number; greco: number; free: number };
}

export interface ArrearsTemplate {
  dir: string;
  key: Buffer;
  world: ArrearsWorld;
  cleanUp(): void;
}

const tempPassword = (who: string) => `temporanea di ${who}`;

export async function buildArrearsTemplate(): Promise<ArrearsTemplate> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-arrears-'));
  const admin = await setUpApp(dir);
  await addOperator(admin, { username: 'carla', role: 'coordinatore' });
  await addOperator(admin, { username: 'olga', role: 'operatore' });
  const area = await createArea(admin);
  const verdi = await createBuilding(admin, { areaId: area.id, address: 'Via Giuseppe Verdi 12' });
  const cadore = await createBuilding(admin, { areaId: area.id, address: 'Via Cadore 67' });
  const carelli = await createBuilding(admin, { areaId: area.id, address: 'Largo Madre Agata Carelli 5' });
  const unit = (buildingId: number, agencyCode: string) => createUnit(admin, buildingId, { agencyCode });
  const household = async (
    unitId: number,
    surname: string,
    firstName: string,
    taxCode: string | null = null,
  ) =>
    (
      await createHousehold(admin, unitId, {
        members: [member({ surname, firstName, taxCode, relationship: 'intestatario' })],
      })
    ).id;

  const a01 = await unit(verdi.id, 'CR-0101-A01');
  const a02 = await unit(verdi.id, 'CR-0101-A02');
  const b22 = await unit(verdi.id, 'CR-0101-B22');
  const c02 = await unit(cadore.id, 'cr-0102-a02');
  const greco = await unit(carelli.id, 'AL-7777');
  const free = await unit(carelli.id, '');
  const world: ArrearsWorld = {
    units: { a01: a01.id, a02: a02.id, b22: b22.id, c02: c02.id, greco: greco.id, free: free.id },
    households: {
      a01: await household(a01.id, 'Esposito', 'Lucia'),
      b22: await household(b22.id, 'Ferrari', 'Carla'),
      c02: await household(c02.id, 'Lombardi', 'Salvatore'),
      greco: await household(greco.id, 'Greco', 'Antonio', GRECO_TAX_CODE),
      free: await household(free.id, 'Neri', 'Aldo'),
    },
  };
  await admin.ok('session.logout', {});
  admin.core.close();

  // Past their first sign-in, so each test signs in with one key derivation, not two.
  const key = await unwrapKey(dir);
  const db = openWithKey(dir, key);
  try {
    db.raw.prepare('UPDATE operators SET must_change_password = 0').run();
  } finally {
    db.close();
  }
  return { dir, key, world, cleanUp: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface ArrearsSession {
  dir: string;
  world: ArrearsWorld;
  withDb<T>(fn: (db: Db) => T): T;
  as(who: ArrearsWho): Promise<TestApp>;
}

/** A fresh copy of the template for one test. */
export function arrearsSession(template: ArrearsTemplate): ArrearsSession {
  const dir = tempDir();
  fs.cpSync(template.dir, dir, { recursive: true });
  const apps = new Map<ArrearsWho, TestApp>();
  return {
    dir,
    world: template.world,
    withDb(fn) {
      const db = openWithKey(dir, template.key);
      try {
        return fn(db);
      } finally {
        db.close();
      }
    },
    async as(who) {
      let app = apps.get(who);
      if (!app) {
        app = startApp(dir);
        await app.ok(
          'session.login',
          who === 'anna' ? ADMIN : { username: who, password: tempPassword(who) },
        );
        apps.set(who, app);
      }
      return app;
    },
  };
}

// ---------- statement files ----------

/** The sample statement as rows of cells (header first), BOM removed. */
export function sampleTable(): string[][] {
  const text = fs.readFileSync(SAMPLE_FILE, 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
}

/** A semicolon CSV file of the given rows, as the housing office saves it (BOM, CRLF). */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.join(';')).join('\r\n')}\r\n`;
}

export const toBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The sample with a «Codice fiscale» column, filled for GRECO ANTONIO's row (CR-0215-A12) only. */
export function withTaxCodes(rows: readonly (readonly string[])[]): string[][] {
  return rows.map((row, index) => [
    ...row,
    index === 0 ? 'Codice fiscale' : row[0] === 'CR-0215-A12' ? GRECO_TAX_CODE : '',
  ]);
}

/** The row (with its 1-based file line) whose unit code is `code`. */
export function lineOf(rows: readonly (readonly string[])[], code: string): number {
  const index = rows.findIndex((row) => row[0] === code);
  if (index < 0) throw new Error(`no row ${code}`);
  return index + 1;
}
