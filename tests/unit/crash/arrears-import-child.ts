/**
 * Child process for the crash-safety test: signs in, previews a large arrears
 * statement and commits it. It writes `COMMIT` on stdout just before the
 * commit starts and `DONE` after it; the test kills it with SIGKILL between
 * the two. Usage: tsx arrears-import-child.ts <data folder> <csv file> <username> <password>
 */
import fs from 'node:fs';
import { createAppCore } from '../../../electron/core/app-core';
import { silentLogger } from '../../../electron/core/logger';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract';

const [dataDir, csvFile, username, password] = process.argv.slice(2) as [string, string, string, string];
const core = createAppCore({ dataDir, log: silentLogger });

async function ok<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.kind} ${result.error.message}`);
  return result.value as CallOutput<N>;
}

await ok('session.login', { username, password });
const preview = await ok('arrears.previewImport', {
  fileName: 'estratto-grande.csv',
  contentBase64: fs.readFileSync(csvFile).toString('base64'),
});
if (!preview.previewId) throw new Error('preview kept nothing');
// On Linux a write to a pipe is synchronous: the parent has the line before the commit starts.
if (preview.counts.errors > 0)
  throw new Error(`preview has ${String(preview.counts.errors)} rows with errors`);
process.stdout.write(`COMMIT ${String(preview.counts.matched)}\n`);
await ok('arrears.commitImport', { previewId: preview.previewId, skipUnlinked: true });
process.stdout.write('DONE\n');
