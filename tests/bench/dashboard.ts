import type { AppCore } from '../../electron/core/app-core';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { measure, type BenchResult } from './harness';

/**
 * The dashboard at the size of the large data set, through the dispatcher: the overview of the
 * whole cooperative for this month (as a coordinator) and of one tutor's buildings (as that
 * operatore), the table of all 300 buildings, and the largest building over 24 months. Nothing
 * is written (the day's scores are brought up to date by the first call, before measuring).
 */
export async function dashboardBench(
  core: AppCore,
  signIn: (who: 'coordinator' | 'tutor') => Promise<void>,
): Promise<BenchResult[]> {
  const call = async <N extends CallName>(name: N, input: CallInput<N>) => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.kind} ${result.error.message}`);
    return result.value as CallOutput<N>;
  };
  await signIn('coordinator');
  const table = await call('dashboard.buildings', {});
  const largest = [...table.rows].sort((a, b) => b.households - a.households)[0]!;
  const results: BenchResult[] = [];
  results.push(
    await measure(
      'dashboard.overview',
      {
        target_ms: 50,
        runs: 100,
        warmup: 10,
        note: `as coordinatore; this month, ${table.rows.length} buildings`,
      },
      () => call('dashboard.overview', {}),
    ),
    await measure(
      'dashboard.overview.year',
      { target_ms: 50, runs: 50, warmup: 5, note: 'as coordinatore; the last 12 months' },
      () => call('dashboard.overview', { from: yearAgo(table.month), to: table.month }),
    ),
    await measure(
      'dashboard.buildings',
      {
        target_ms: 50,
        runs: 100,
        warmup: 10,
        note: `as coordinatore; ${table.rows.length} buildings, this month`,
      },
      () => call('dashboard.buildings', {}),
    ),
    await measure(
      'dashboard.building_24m',
      {
        target_ms: 20,
        runs: 200,
        warmup: 20,
        note: `as coordinatore; the largest building (${largest.households} households), 24 months`,
      },
      () => call('dashboard.building', { buildingId: largest.buildingId, months: 24 }),
    ),
  );
  await signIn('tutor');
  const mine = await call('dashboard.overview', {});
  results.push(
    await measure(
      'dashboard.overview.as_operatore',
      {
        target_ms: 50,
        runs: 100,
        warmup: 10,
        note: `as operatore; their ${mine.buildings} buildings, this month`,
      },
      () => call('dashboard.overview', {}),
    ),
  );
  return results;
}

/** The month eleven months before `month`: with it, twelve months. */
function yearAgo(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - 11;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
