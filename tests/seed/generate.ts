import fs from 'node:fs';
import { appendAudit } from '../../db/audit';
import { openDatabase } from '../../db/connection';
import { KeyRing } from '../../db/keyring';
import { dataPaths } from '../../db/paths';
import { rebuildHouseholdSearch } from '../../db/queries/search-index';
import { createAppCore } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/logger';
import type { ApiResult } from '../../shared/contract';
import { ARREARS_ROWS, describeArrears, seedArrears, seedRiskScores, type ArrearsSeed } from './arrears';
import { CaseworkSeeder } from './casework';
import { seedMeetings } from './meetings';
import { seedCommunity } from './community';
import { addYears, dayNumber, localToday } from './dates';
import { Random } from './random';
import {
  assignTutors,
  seedBuildings,
  seedHouseholds,
  seedOperators,
  SIGNABLE_COORDINATOR_NAME,
  SIGNABLE_TUTOR_NAME,
} from './registry';
import { SIZES, Vocabulary, type SeedSize, type World } from './world';

export { SIZES, type SeedSize } from './world';

export interface SeedOptions {
  dataDir: string;
  size: SeedSize;
  /** The administrator's password; the two sample operators get it too. */
  password: string;
  username?: string;
  seed?: number;
  /** `YYYY-MM-DD`; defaults to this machine's date. Work is dated up to the day before. */
  today?: string;
  /** Progress lines (the CLI prints them). */
  progress?: (line: string) => void;
}

export interface SeedResult {
  admin: string;
  tutor: string;
  coordinator: string;
  recoveryKey: string;
  today: string;
  counts: Record<string, number>;
  /** Seconds per phase. */
  timings: Record<string, number>;
}

export class SeedError extends Error {}

export const SEED_COOPERATIVE = {
  name: 'Cooperativa Sociale Il Cortile (dati di prova)',
  address: 'Via Dante Alighieri 10, 26100 Cremona',
  phone: '0372 000111',
  email: 'prova@cortile.example',
};

const TABLES = [
  'operators',
  'areas',
  'buildings',
  'building_operators',
  'units',
  'households',
  'members',
  'household_moves',
  'member_fragilities',
  'interventions',
  'intervention_topics',
  'referrals',
  'followups',
  'arrears_imports',
  'arrears_statements',
  'household_arrears',
  'repayment_plans',
  'plan_installments',
  'plan_payments',
  'incolpevole_causes',
  'household_isee',
  'risk_scores',
  'meetings',
  'activities',
  'activity_attendance',
  'resident_groups',
  'meeting_cases',
  'meeting_actions',
] as const;

function unwrapResult<T>(what: string, result: ApiResult<T>): T {
  if (!result.ok) throw new SeedError(`${what} non riuscito: ${result.error.message}`);
  return result.value;
}

/**
 * Creates a new encrypted data folder through the app (setup, administrator,
 * recovery key, two operators who can sign in), then bulk-loads the
 * synthetic registry straight into the database in one transaction.
 */
export async function createSeed(options: SeedOptions): Promise<SeedResult> {
  const username = options.username ?? 'admin';
  const seed = options.seed ?? 1;
  const today = options.today ?? localToday();
  const progress = options.progress ?? (() => undefined);
  const paths = dataPaths(options.dataDir);
  if (fs.existsSync(paths.database) || fs.existsSync(paths.keyring)) {
    throw new SeedError(
      `La cartella ${options.dataDir} contiene già un database di Cortile: scegliere una cartella nuova (i dati esistenti non vengono toccati).`,
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new SeedError('La data di oggi va scritta come AAAA-MM-GG.');
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Number(((now - clock) / 1000).toFixed(2));
    clock = now;
  };

  progress('Configurazione della cartella dati (chiavi e primo amministratore)…');
  const core = createAppCore({ dataDir: options.dataDir, log: silentLogger });
  let recoveryKey: string;
  let tutorId: number;
  let coordinatorId: number;
  try {
    const setup = unwrapResult(
      'setup.create',
      await core.dispatch('setup.create', {
        cooperative: SEED_COOPERATIVE,
        admin: { fullName: 'Amministratore di prova', username, password: options.password },
      }),
    ) as { recoveryKey: string };
    recoveryKey = setup.recoveryKey;
    unwrapResult('recoveryKey.confirm', await core.dispatch('recoveryKey.confirm', {}));
    const create = async (fullName: string, name: string, role: string) =>
      (
        unwrapResult(
          'operators.create',
          await core.dispatch('operators.create', {
            fullName,
            username: name,
            role,
            temporaryPassword: options.password,
          }),
        ) as { operator: { id: number } }
      ).operator.id;
    tutorId = await create(SIGNABLE_TUTOR_NAME, 'tutor', 'operatore');
    coordinatorId = await create(SIGNABLE_COORDINATOR_NAME, 'coordinatore', 'coordinatore');
  } finally {
    core.close();
  }
  lap('setup');

  const keyring = KeyRing.load(paths.keyring);
  const slot = keyring.findByUsername(username);
  const key = slot && (await keyring.unwrap(slot, options.password));
  if (!key) throw new SeedError('La chiave del database non si apre con la password data.');
  const db = openDatabase(paths.database, key);
  try {
    const raw = db.raw;
    const adminId = (
      raw.prepare('SELECT id FROM operators WHERE username = ?').get(username) as { id: number }
    ).id;
    const spec = SIZES[options.size];
    const todayDay = dayNumber(today);
    const world: World = {
      raw,
      random: new Random(seed),
      spec,
      today: todayDay,
      start: addYears(todayDay, -5),
      adminId,
      tutors: [],
      coordinators: [],
      buildings: [],
      units: [],
      households: [],
      vocabulary: new Vocabulary(raw),
    };
    lap('unlock');
    progress(`Generazione dei dati (${options.size}, seme ${seed})…`);
    const active = Math.round(spec.households * 0.93);
    // Checked once at the end instead of on every row.
    raw.pragma('foreign_keys = OFF');
    const arrears = raw.transaction((): ArrearsSeed => {
      seedOperators(world, { tutorId, coordinatorId });
      seedBuildings(world, Math.round(active / 0.95));
      assignTutors(world);
      lap('buildings');
      seedHouseholds(world, active);
      lap('households');
      new CaseworkSeeder(world).run();
      lap('casework');
      const statements = seedArrears(world, ARREARS_ROWS[options.size]);
      lap('arrears');
      seedMeetings(world, options.size, seed);
      lap('meetings');
      seedCommunity(world, options.size, seed);
      lap('community');
      appendAudit(raw, { operatorId: adminId, action: 'seed.load', recordType: null, recordId: null });
      if ((raw.pragma('foreign_key_check') as unknown[]).length > 0)
        throw new Error('seed broke a foreign key');
      return statements;
    })();
    raw.pragma('foreign_keys = ON');
    lap('commit');
    progress(describeArrears(arrears));
    progress('Punteggi di rischio (mese corrente e ultimi 24 mesi)…');
    seedRiskScores(db, world, arrears);
    lap('risk');
    progress('Indice di ricerca…');
    raw.transaction(() => rebuildHouseholdSearch(raw))();
    lap('search_index');
    raw.exec('ANALYZE');
    lap('analyze');
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      counts[table] = (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    return {
      admin: username,
      tutor: 'tutor',
      coordinator: 'coordinatore',
      recoveryKey,
      today,
      counts,
      timings,
    };
  } finally {
    db.close();
  }
}
