import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/logger';
import { checkTaxCode } from '../../shared/codice-fiscale';
import type { ApiResult, CallInput, CallName, CallOutput, HouseholdRow, Member } from '../../shared/contract';
import { foldText } from '../../shared/normalize';
import { parseSeedArgs } from '../seed/cli';
import { localToday } from '../seed/dates';
import { createSeed, SeedError, SIZES, type SeedResult } from '../seed/generate';
import { openWithKey, unwrapKey } from './support';

const PASSWORD = 'una password lunga di prova';
const TODAY = localToday();
const folders: string[] = [];
const newFolder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-seed-'));
  folders.push(dir);
  return path.join(dir, 'dati');
};

/** Households and members, in id order, hashed: equal data gives an equal digest. */
async function digest(dir: string): Promise<string> {
  const db = openWithKey(dir, await unwrapKey(dir, 'admin', PASSWORD));
  try {
    const hash = crypto.createHash('sha256');
    for (const sql of [
      'SELECT id, code, unit_id, since, reference_member_id, status, phone, language, to_team, notes, created_at FROM households ORDER BY id',
      'SELECT id, household_id, first_name, surname, sex, birth_date, tax_code, phone, relationship, left_on FROM members ORDER BY id',
      'SELECT id, group_id, occurred_at, operator_id, household_id, building_id, type_id, confidential FROM interventions ORDER BY id',
    ]) {
      for (const row of db.raw.prepare(sql).iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

describe('synthetic data set (small)', () => {
  let dir: string;
  let seeded: SeedResult;
  let core: AppCore;
  const call = <N extends CallName>(name: N, input: CallInput<N>) =>
    core.dispatch(name, input) as Promise<ApiResult<CallOutput<N>>>;
  const ok = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const result = await call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.kind} ${result.error.message}`);
    return result.value;
  };

  beforeAll(async () => {
    dir = newFolder();
    seeded = await createSeed({ dataDir: dir, size: 'small', password: PASSWORD, seed: 7, today: TODAY });
    core = createAppCore({ dataDir: dir, log: silentLogger });
    await ok('session.login', { username: 'admin', password: PASSWORD });
  }, 60_000);

  afterAll(() => {
    core.close();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('holds the expected numbers of records, seen through the app', async () => {
    const spec = SIZES.small;
    expect(seeded.counts.households).toBe(spec.households);
    expect(seeded.counts.interventions).toBe(spec.interventions);
    expect((await ok('areas.list', {})).areas).toHaveLength(spec.areas);
    expect((await ok('buildings.list', { pageSize: 100 })).total).toBe(spec.buildings);
    expect((await ok('households.list', { pageSize: 5 })).total).toBe(spec.households);
    const operators = (await ok('operators.list', {})).operators;
    expect(operators.filter((o) => o.role === 'operatore')).toHaveLength(spec.tutors);
    expect(operators.filter((o) => o.role === 'coordinatore')).toHaveLength(spec.coordinators);
    expect((await ok('interventions.list', { pageSize: 5 })).total).toBe(spec.interventions);
    // About 2.5 people per household.
    expect(seeded.counts.members).toBeGreaterThan(330);
    expect(seeded.counts.members).toBeLessThan(450);
  });

  it('numbers households N-000001… and keeps one present household per unit', async () => {
    const rows: HouseholdRow[] = [];
    for (let page = 0; page * 100 < SIZES.small.households; page++) {
      rows.push(
        ...(await ok('households.list', { page, pageSize: 100, sortField: 'code', sortDir: 'asc' })).rows,
      );
    }
    expect(rows.map((r) => r.code)).toEqual(
      Array.from({ length: SIZES.small.households }, (_, i) => `N-${String(i + 1).padStart(6, '0')}`),
    );
    const occupied = rows.filter((r) => r.status === 'attivo').map((r) => r.unitId);
    expect(new Set(occupied).size).toBe(occupied.length);
    expect(rows.some((r) => r.status !== 'attivo')).toBe(true);
  });

  it('gives every member a valid codice fiscale (or none), and an accent-free search finds them', async () => {
    const list = await ok('households.list', { pageSize: 100 });
    const more = await ok('households.list', { page: 1, pageSize: 100 });
    const members: Member[] = [];
    for (const row of [...list.rows, ...more.rows]) {
      const page = await ok('households.get', { id: row.id });
      expect(page.members[0]?.relationship).toBe('intestatario');
      expect(page.household.referenceMemberId).toBe(page.members[0]?.id);
      members.push(...page.members);
    }
    expect(members).toHaveLength(seeded.counts.members!);
    const withCode = members.filter((m) => m.taxCode !== null);
    expect(withCode.length).toBeGreaterThan(members.length * 0.8);
    for (const member of withCode)
      expect(checkTaxCode(member.taxCode!), member.taxCode!).toMatchObject({ ok: true });

    const accented = members.filter((m) => foldText(m.firstName) !== m.firstName.toLowerCase());
    expect(accented.length).toBeGreaterThan(0);
    const frequency = (name: string) =>
      members.filter((m) => foldText(m.firstName) === foldText(name)).length;
    const person = [...accented].sort((a, b) => frequency(a.firstName) - frequency(b.firstName))[0]!;
    const q = foldText(person.firstName);
    expect(q).not.toBe(person.firstName.toLowerCase());
    const { results } = await ok('search.households', { q, limit: 50 });
    expect(results.map((r) => r.id)).toContain(person.householdId);
  });

  it('lets the sample tutor sign in, see only their buildings and find an agenda', async () => {
    await ok('session.logout', {});
    try {
      await ok('session.login', { username: seeded.tutor, password: PASSWORD });
      const buildings = await ok('buildings.list', { pageSize: 100 });
      expect(buildings.total).toBeGreaterThan(0);
      expect(buildings.total).toBeLessThan(SIZES.small.buildings);
      const agenda = await ok('agenda.get', {});
      expect(agenda.overdue.length).toBeGreaterThan(0);
      expect(agenda.dueToday.length + agenda.nextDays.length).toBeGreaterThan(0);
    } finally {
      await call('session.logout', {});
      await ok('session.login', { username: 'admin', password: PASSWORD });
    }
  });

  it('gives the same data for the same seed', async () => {
    const again = newFolder();
    await createSeed({ dataDir: again, size: 'small', password: PASSWORD, seed: 7, today: TODAY });
    expect(await digest(again)).toBe(await digest(dir));
  }, 60_000);

  it('refuses a folder that already holds a database, and bad arguments', async () => {
    await expect(createSeed({ dataDir: dir, size: 'small', password: PASSWORD })).rejects.toThrow(
      /contiene già un database/,
    );
    expect(() => parseSeedArgs(['--data', dir, '--size', 'medium', '--password', PASSWORD])).toThrow(
      SeedError,
    );
    expect(() => parseSeedArgs(['--data', dir])).toThrow(/--password/);
    expect(
      parseSeedArgs(['--data', 'x', '--size', 'large', '--password', PASSWORD, '--seed', '3']),
    ).toMatchObject({
      size: 'large',
      seed: 3,
      username: 'admin',
    });
  });
});
