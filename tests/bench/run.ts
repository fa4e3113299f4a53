import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createAppCore } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/logger';
import { openDatabase } from '../../db/connection';
import { DEFAULT_KDF, deriveKey, KeyRing } from '../../db/keyring';
import { dataPaths } from '../../db/paths';
import { measure, printTable, type BenchResult } from './harness';

/**
 * `npm run bench` (add `-- --json` for one JSON object). The data folder
 * `.bench-data/` is built on the first run and reused afterwards.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = path.join(root, '.bench-data');
const ADMIN = {
  fullName: 'Amministratore Benchmark',
  username: 'bench',
  password: 'benchmark password lunga',
};
const json = process.argv.includes('--json');

async function ensureDataSet(): Promise<void> {
  if (fs.existsSync(dataPaths(dataDir).database)) return;
  const core = createAppCore({ dataDir, log: silentLogger });
  const result = await core.dispatch('setup.create', {
    cooperative: {
      name: 'Cooperativa Benchmark',
      address: 'Via Roma 1, Cremona',
      phone: '0372 000000',
      email: 'bench@example.it',
    },
    admin: ADMIN,
  });
  core.close();
  if (!result.ok) throw new Error(`setup failed: ${result.error.message}`);
}

async function main(): Promise<void> {
  await ensureDataSet();
  const paths = dataPaths(dataDir);
  const keyring = KeyRing.load(paths.keyring);
  const slot = keyring.findByUsername(ADMIN.username);
  if (!slot) throw new Error('benchmark administrator slot missing');
  const key = await keyring.unwrap(slot, ADMIN.password);
  if (!key) throw new Error('benchmark key does not unwrap');

  const results: BenchResult[] = [];
  const salt = crypto.randomBytes(16);
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

  const core = createAppCore({ dataDir, log: silentLogger });
  const login = await core.dispatch('session.login', { username: ADMIN.username, password: ADMIN.password });
  if (!login.ok) throw new Error(`login failed: ${login.error.message}`);
  results.push(
    await measure(
      'dispatch.app_status',
      { target_ms: 0.2, runs: 5000, warmup: 200, note: 'validation + session check + handler' },
      () => core.dispatch('app.status', {}),
    ),
  );
  await core.dispatch('session.logout', {});
  core.close();

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
