import type { AppCore } from '../../electron/core/app-core';
import { removeBackup } from '../../db/backup';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { elapsedMs, summarize, type BenchResult } from './harness';

/**
 * Backups of the large data set through the dispatcher, as an administrator:
 * `backup.create` (VACUUM INTO an encrypted file, fsync, catalogue, rotation)
 * and `backup.restore` (copy, integrity_check of the copy, the current file
 * linked aside, one rename, the restored file migrated and audited). A restore
 * ends the session, so each run signs in again first (not timed). The
 * «prima del ripristino» files the restores leave are removed at the end.
 */
export async function backupBench(core: AppCore, signInAsAdmin: () => Promise<void>): Promise<BenchResult[]> {
  const call = async <N extends CallName>(name: N, input: CallInput<N>) => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.kind} ${result.error.message}`);
    return result.value as CallOutput<N>;
  };
  await signInAsAdmin();
  const createTimes: number[] = [];
  let last: CallOutput<'backup.create'> | null = null;
  for (let i = 0; i < 4; i++) {
    const start = process.hrtime.bigint();
    last = await call('backup.create', {});
    if (i > 0) createTimes.push(elapsedMs(start)); // the first run warms the page cache
  }
  const mb = ((last?.bytes ?? 0) / 1e6).toFixed(0);
  const results = [
    summarize(
      'backup.create',
      { target_ms: 2000, runs: createTimes.length, note: `large seed, ${mb} MB backup` },
      createTimes,
    ),
  ];

  const restoreTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    await signInAsAdmin();
    const start = process.hrtime.bigint();
    await call('backup.restore', { id: last!.id });
    restoreTimes.push(elapsedMs(start));
  }
  await signInAsAdmin();
  const { items } = await call('backup.list', {});
  for (const item of items.filter((x) => x.kind === 'prima-del-ripristino'))
    removeBackup(item.folder, item.id);
  results.push(
    summarize(
      'backup.restore',
      {
        target_ms: 3000,
        runs: restoreTimes.length,
        note: `large seed, ${mb} MB: copy + integrity_check + swap + reopen`,
      },
      restoreTimes,
    ),
  );
  return results;
}
