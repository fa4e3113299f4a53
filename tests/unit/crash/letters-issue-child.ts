/**
 * Child process for the crash-safety test: signs in and issues one batch of
 * letters to every household given. It writes `ISSUE <n>` on stdout just
 * before the call and `DONE` after it; the test kills it with SIGKILL in
 * between. Usage: tsx letters-issue-child.ts <data folder> <username> <password> <household ids, comma-separated>
 */
import { createAppCore } from '../../../electron/core/app-core';
import { silentLogger } from '../../../electron/core/logger';
import { ChromiumShell } from '../../../electron/web/chromium-shell';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract';

const [dataDir, username, password, ids] = process.argv.slice(2) as [string, string, string, string];
const core = createAppCore({ dataDir, log: silentLogger, shell: new ChromiumShell() });

async function ok<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.kind} ${result.error.message}`);
  return result.value as CallOutput<N>;
}

await ok('session.login', { username, password });
const { templates } = await ok('letters.templates', {});
const template = templates.find((t) => t.active);
if (!template) throw new Error('no active template');
const householdIds = ids.split(',').map(Number);
process.stdout.write(`ISSUE ${String(householdIds.length)}\n`);
await ok('letters.issue', {
  templateId: template.id,
  expectedVersion: template.currentVersion,
  target: { kind: 'households', householdIds },
  includeIncomplete: true,
});
process.stdout.write('DONE\n');
process.exit(0);
