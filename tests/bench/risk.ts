import type { Db } from '../../db/connection';
import type { AppCore } from '../../electron/core/app-core';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { RISK_BANDS } from '../../shared/risk/score';
import { measure, type BenchResult } from './harness';

/**
 * The risk score at the size of the large data set, through the dispatcher: recomputing every
 * household (risk.recompute: plan payments matched from the statements, every score computed
 * and stored, one transaction) and the worklist "Da contattare" as a coordinator (everyone)
 * and as an operatore (own buildings). Runs on whatever statements the data set holds: the
 * note says how many. Each recompute rewrites this month's score rows (and adds an audit row);
 * nothing else changes.
 */
export async function riskBench(
  core: AppCore,
  signInAs: (who: 'coordinator' | 'tutor') => Promise<void>,
  statementCount: number,
): Promise<BenchResult[]> {
  const call = async <N extends CallName>(name: N, input: CallInput<N>) => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.kind} ${result.error.message}`);
    return result.value as CallOutput<N>;
  };
  const data = `${statementCount.toLocaleString('en')} statements in the data set`;
  const results: BenchResult[] = [];
  await signInAs('coordinator');
  let households = 0;
  const recomputed = await measure(
    'risk.recompute_all',
    { target_ms: 1000, runs: 10, warmup: 1 },
    async () => {
      households = (await call('risk.recompute', {})).households;
    },
  );
  results.push({
    ...recomputed,
    note: `as coordinatore; ${data}; ${households.toLocaleString('en')} households`,
  });
  // Pages 0–3 of everyone, and each band's first page.
  const variants: CallInput<'risk.worklist'>[] = [
    ...[0, 1, 2, 3].map((page) => ({ page, pageSize: 25 })),
    ...RISK_BANDS.map((band) => ({ band, page: 0, pageSize: 25 })),
  ];
  const first = await call('risk.worklist', { page: 0, pageSize: 25 });
  results.push(
    await measure(
      'risk.worklist',
      {
        target_ms: 20,
        runs: 300,
        warmup: 30,
        note: `as coordinatore (everyone); ${first.total.toLocaleString('en')} listed; pages 0–3 and each band`,
      },
      (i) => call('risk.worklist', variants[i % variants.length]!),
    ),
  );
  await signInAs('tutor');
  const own = await call('risk.worklist', { page: 0, pageSize: 25 });
  results.push(
    await measure(
      'risk.worklist.as_operatore',
      {
        target_ms: 20,
        runs: 300,
        warmup: 30,
        note: `as operatore (own buildings); ${own.total.toLocaleString('en')} listed`,
      },
      (i) => call('risk.worklist', variants[i % variants.length]!),
    ),
  );
  return results;
}

/** Statements in the data set (0 before the arrears tables exist). */
export function benchStatementCount(db: Db): number {
  const exists = db.raw
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'arrears_statements'")
    .get();
  return exists ? (db.raw.prepare('SELECT count(*) FROM arrears_statements').pluck().get() as number) : 0;
}
