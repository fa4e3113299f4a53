import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createAppCore, type AppCore } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/logger';
import { ChromiumShell } from '../../electron/web/chromium-shell';
import { openDatabase } from '../../db/connection';
import { DEFAULT_KDF, deriveKey, KeyRing } from '../../db/keyring';
import { dataPaths } from '../../db/paths';
import type { CallInput, CallName } from '../../shared/contract';
import { createSeed, SIZES } from '../seed/generate';
import { measure, printTable, type BenchResult } from './harness';
import { arrearsImportBench, benchUnitCodes } from './arrears';
import { benchStatementCount, riskBench } from './risk';
import { meetingsBench } from './meetings';
import { backupBench } from './backup';
import { communityBench } from './community';
import { dashboardBench } from './dashboard';
import { exportsBench } from './exports';
import { lettersBench } from './letters';
import { privacyBench } from './privacy';

/**
 * `npm run bench` (add `-- --json` for one JSON object). The data folder
 * `.bench-data/` holds the large synthetic data set (`npm run seed`), built
 * on the first run and reused afterwards; a folder from before the registry
 * is rebuilt. The registry calls are measured through the dispatcher, so
 * validation, session and role checks and the output check are included.
 */
const root = path.resolve(import.meta.dirname, '../..');
/** CORTILE_BENCH_DATA points at another copy of the data set (e.g. to run two benchmarks at once). */
const dataDir = process.env.CORTILE_BENCH_DATA ?? path.join(root, '.bench-data');
const ADMIN = { username: 'bench', password: 'benchmark password lunga' };
/** The seed's sample tutor and coordinator share the administrator's password. */
const TUTOR = { username: 'tutor', password: ADMIN.password };
const COORDINATOR = { username: 'coordinatore', password: ADMIN.password };
const json = process.argv.includes('--json');
/** `--only a,b` runs only the named groups (core, registry, arrears, risk, meetings, community, …). */
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : null;
const wants = (group: string) => only === null || only.has(group);
const say = (line: string) => {
  if (!json) console.log(line);
};

async function unwrapAdminKey(): Promise<Buffer | null> {
  const paths = dataPaths(dataDir);
  if (!fs.existsSync(paths.database) || !fs.existsSync(paths.keyring)) return null;
  const keyring = KeyRing.load(paths.keyring);
  const slot = keyring.findByUsername(ADMIN.username);
  if (!slot || !keyring.findByUsername(TUTOR.username) || !keyring.findByUsername(COORDINATOR.username)) {
    return null;
  }
  return keyring.unwrap(slot, ADMIN.password);
}

/** True when the folder holds the large registry data set. */
function holdsLargeSeed(key: Buffer): boolean {
  const db = openDatabase(dataPaths(dataDir).database, key);
  try {
    const hasTable = db.raw
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'households'")
      .get();
    if (!hasTable) return false;
    const n = db.raw.prepare('SELECT count(*) FROM households').pluck().get() as number;
    return n >= SIZES.large.households;
  } finally {
    db.close();
  }
}

async function ensureDataSet(): Promise<Buffer> {
  const key = await unwrapAdminKey();
  if (key && holdsLargeSeed(key)) return key;
  say(`Building the large data set in ${dataDir} (once)…`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const seeded = await createSeed({
    dataDir,
    size: 'large',
    username: ADMIN.username,
    password: ADMIN.password,
    seed: 1,
  });
  say(
    `  built in ${((performance.now() - started) / 1000).toFixed(1)} s (${Object.entries(seeded.timings)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')})\n`,
  );
  const fresh = await unwrapAdminKey();
  if (!fresh) throw new Error('benchmark key does not unwrap');
  return fresh;
}

/** Inputs taken from the data set, so every run asks for something different. */
function inputs(key: Buffer) {
  const db = openDatabase(dataPaths(dataDir).database, key);
  const ids = (sql: string, ...params: unknown[]) =>
    db.raw
      .prepare(sql)
      .pluck()
      .all(...params) as number[];
  const spread = <T>(items: T[], count: number) =>
    Array.from(
      { length: Math.min(count, items.length) },
      (_, i) => items[Math.floor((i * items.length) / count)]!,
    );
  try {
    const surnames = db.raw
      .prepare('SELECT surname_norm FROM members GROUP BY surname_norm ORDER BY count(*) DESC LIMIT 8')
      .pluck()
      .all() as string[];
    const searches = [...new Set(surnames.flatMap((s) => [s.slice(0, 3), s.slice(0, 5), s]))];
    const tutorId = ids("SELECT id FROM operators WHERE username = 'tutor'")[0]!;
    return {
      searches,
      tutorId,
      tutors: ids("SELECT id FROM operators WHERE role = 'operatore' ORDER BY id"),
      households: spread(ids('SELECT id FROM households ORDER BY id'), 250),
      tutorHouseholds: spread(
        ids(
          `SELECT h.id FROM households h JOIN units u ON u.id = h.unit_id
             JOIN building_operators bo ON bo.building_id = u.building_id AND bo.operator_id = ?
            ORDER BY h.id`,
          tutorId,
        ),
        250,
      ),
      buildings: ids('SELECT id FROM buildings ORDER BY id'),
      tutorBuildings: ids(
        'SELECT building_id FROM building_operators WHERE operator_id = ? ORDER BY 1',
        tutorId,
      ),
      unitCodes: benchUnitCodes(db),
      // People with the longest histories, for the art. 15 export.
      people: ids(
        `SELECT m.id FROM members m JOIN interventions i ON i.household_id = m.household_id
          GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 20`,
      ),
      statementCount: benchStatementCount(db),
    };
  } finally {
    db.close();
  }
}

/** Calls through the dispatcher and fails loudly on an error result (a refused call is not a fast call). */
function caller(core: AppCore) {
  return async <N extends CallName>(name: N, input: CallInput<N>) => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.kind} ${result.error.message}`);
    return result.value;
  };
}

async function signIn(core: AppCore, who: { username: string; password: string }): Promise<void> {
  await core.dispatch('session.logout', {});
  const login = await core.dispatch('session.login', who);
  if (!login.ok) throw new Error(`login of ${who.username} failed: ${login.error.message}`);
}

const REGISTRY_RUNS = { runs: 300, warmup: 30 };

async function registryCalls(
  core: AppCore,
  data: ReturnType<typeof inputs>,
  results: BenchResult[],
): Promise<void> {
  const call = caller(core);
  const at = <T>(items: T[], i: number) => items[i % items.length]!;

  await signIn(core, COORDINATOR);
  const asCoordinator = 'as coordinatore';
  results.push(
    await measure(
      'search.households_by_surname',
      {
        target_ms: 5,
        ...REGISTRY_RUNS,
        note: `${asCoordinator}; ${data.searches.length} prefixes and surnames`,
      },
      (i) => call('search.households', { q: at(data.searches, i) }),
    ),
    await measure(
      'households.get',
      { target_ms: 5, ...REGISTRY_RUNS, note: `${asCoordinator}; ${data.households.length} households` },
      (i) => call('households.get', { id: at(data.households, i) }),
    ),
    await measure(
      'agenda.get',
      { target_ms: 10, ...REGISTRY_RUNS, note: `${asCoordinator}, operatorId of each tutor in turn` },
      (i) => call('agenda.get', { operatorId: at(data.tutors, i) }),
    ),
    await measure(
      'households.list_by_building',
      { target_ms: 10, ...REGISTRY_RUNS, note: `${asCoordinator}; first page of 25, every building` },
      (i) => call('households.list', { buildingId: at(data.buildings, i), page: 0, pageSize: 25 }),
    ),
  );

  await signIn(core, TUTOR);
  const asTutor = 'as operatore (own buildings)';
  results.push(
    await measure(
      'search.households_by_surname.as_operatore',
      { target_ms: 5, ...REGISTRY_RUNS, note: asTutor },
      (i) => call('search.households', { q: at(data.searches, i) }),
    ),
    await measure(
      'households.get.as_operatore',
      { target_ms: 5, ...REGISTRY_RUNS, note: `${asTutor}; ${data.tutorHouseholds.length} households` },
      (i) => call('households.get', { id: at(data.tutorHouseholds, i) }),
    ),
    await measure(
      'agenda.get.as_operatore',
      { target_ms: 10, ...REGISTRY_RUNS, note: `${asTutor}, own agenda` },
      () => call('agenda.get', {}),
    ),
    await measure(
      'households.list_by_building.as_operatore',
      { target_ms: 10, ...REGISTRY_RUNS, note: `${asTutor}; ${data.tutorBuildings.length} buildings` },
      (i) => call('households.list', { buildingId: at(data.tutorBuildings, i), page: 0, pageSize: 25 }),
    ),
  );
  await core.dispatch('session.logout', {});
}

async function main(): Promise<void> {
  const key = await ensureDataSet();
  const paths = dataPaths(dataDir);
  const data = inputs(key);

  const results: BenchResult[] = [];
  const salt = crypto.randomBytes(16);
  if (wants('core')) {
    results.push(
      await measure(
        'keyring.derive_key',
        {
          target_ms: 1000,
          runs: 5,
          note: `scrypt N=2^${Math.log2(DEFAULT_KDF.N)} r=${DEFAULT_KDF.r} p=${DEFAULT_KDF.p}; must also stay ≥ 250 ms`,
        },
        () => deriveKey(ADMIN.password, salt, DEFAULT_KDF),
      ),
    );
    results.push(
      await measure(
        'db.open_with_raw_key',
        { target_ms: 5, runs: 30, note: 'beyond the derivation; open + first read' },
        () => {
          const db = openDatabase(paths.database, key);
          db.raw.close();
        },
      ),
    );
  }

  // Chromium prints PDFs as in the web shell (launched only by the groups that print).
  const shell = new ChromiumShell();
  const core = createAppCore({ dataDir, log: silentLogger, shell });
  try {
    await signIn(core, ADMIN);
    if (wants('core')) {
      results.push(
        await measure(
          'dispatch.app_status',
          { target_ms: 0.2, runs: 5000, warmup: 200, note: 'validation + session check + handler' },
          () => core.dispatch('app.status', {}),
        ),
      );
    }
    if (wants('registry')) await registryCalls(core, data, results);
    await signIn(core, COORDINATOR);
    if (wants('arrears')) results.push(...(await arrearsImportBench(core, data.unitCodes)));
    if (wants('risk')) {
      results.push(
        ...(await riskBench(
          core,
          (who) => signIn(core, who === 'tutor' ? TUTOR : COORDINATOR),
          data.statementCount,
        )),
      );
    }
    if (wants('meetings')) results.push(...(await meetingsBench(core, () => signIn(core, COORDINATOR))));
    if (wants('community')) results.push(...(await communityBench(core, () => signIn(core, COORDINATOR))));
    if (wants('dashboard')) {
      results.push(
        ...(await dashboardBench(core, (who) => signIn(core, who === 'tutor' ? TUTOR : COORDINATOR))),
      );
    }
    if (wants('exports')) results.push(...(await exportsBench(core, () => signIn(core, COORDINATOR))));
    if (wants('letters')) results.push(...(await lettersBench(core, () => signIn(core, COORDINATOR))));
    if (wants('backup')) results.push(...(await backupBench(core, () => signIn(core, ADMIN))));
    if (wants('privacy')) {
      results.push(...(await privacyBench(core, () => signIn(core, COORDINATOR), data.people)));
    }
  } finally {
    core.close();
  }

  if (json) {
    console.log(
      JSON.stringify(
        Object.fromEntries(
          results.map((r) => [r.operation, { median_ms: r.median_ms, target_ms: r.target_ms }]),
        ),
      ),
    );
  } else {
    printTable(results);
  }
}

await main();
