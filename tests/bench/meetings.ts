import type { AppCore } from '../../electron/core/app-core';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { measure, type BenchResult } from './harness';

/**
 * Team meetings at the size of the large data set, through the dispatcher, as a coordinator:
 * the agenda proposal from the field (every household flagged "porta in équipe", with its
 * latest interventions, risk band and score, open actions), a meeting with its cases and the
 * actions still open from earlier ones, and the first page of the list. Nothing is written
 * but the audit rows of meetings.get.
 */
export async function meetingsBench(
  core: AppCore,
  signInAsCoordinator: () => Promise<void>,
): Promise<BenchResult[]> {
  const call = async <N extends CallName>(name: N, input: CallInput<N>) => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.kind} ${result.error.message}`);
    return result.value as CallOutput<N>;
  };
  await signInAsCoordinator();
  const list = await call('meetings.list', { page: 0, pageSize: 25 });
  const ids = list.rows.map((r) => r.id);
  const newest = ids[0] ?? null;
  const proposal = await call('meetings.proposal', { meetingId: newest });
  const results: BenchResult[] = [];
  results.push(
    await measure(
      'meetings.proposal',
      {
        target_ms: 20,
        runs: 200,
        warmup: 20,
        note: `as coordinatore; ${proposal.items.length} flagged households, 3 interventions each`,
      },
      () => call('meetings.proposal', { meetingId: newest }),
    ),
  );
  if (ids.length > 0) {
    results.push(
      await measure(
        'meetings.get',
        { target_ms: 10, runs: 200, warmup: 20, note: `as coordinatore; the ${ids.length} newest meetings` },
        (i) => call('meetings.get', { id: ids[i % ids.length]! }),
      ),
    );
  }
  results.push(
    await measure(
      'meetings.list',
      { target_ms: 10, runs: 200, warmup: 20, note: `as coordinatore; first page of ${list.total} meetings` },
      () => call('meetings.list', { page: 0, pageSize: 25 }),
    ),
  );
  return results;
}
