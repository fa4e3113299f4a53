import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/logger';
import { ChromiumShell } from '../../electron/web/chromium-shell';
import type { ApiResult, CallInput, CallName, CallOutput } from '../../shared/contract';

const folders: string[] = [];
const cores: AppCore[] = [];

/** A fresh data folder, removed after the test. */
export function tempDir(prefix = 'cortile-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export const ADMIN = { fullName: 'Anna Bianchi', username: 'anna', password: 'una frase lunga e segreta' };
export const COOPERATIVE = {
  name: 'Cooperativa Sociale Esempio',
  address: 'Via Giuseppe Verdi 12, 26100 Cremona',
  phone: '0372 123456',
  email: 'info@esempio.it',
};

export interface TestApp {
  dir: string;
  core: AppCore;
  shell: ChromiumShell;
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<ApiResult<CallOutput<N>>>;
  /** Calls and returns the value, failing the test on an error result. */
  ok<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
}

export function startApp(dir = tempDir(), clock?: () => number, shell = new ChromiumShell()): TestApp {
  // The web shell's services by default: Chromium prints PDFs (launched only when a test prints).
  const core = createAppCore({ dataDir: dir, log: silentLogger, shell, ...(clock ? { clock } : {}) });
  cores.push(core);
  const call = <N extends CallName>(name: N, input: CallInput<N>) =>
    core.dispatch(name, input) as Promise<ApiResult<CallOutput<N>>>;
  return {
    dir,
    core,
    shell,
    call,
    async ok(name, input) {
      const result = await call(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.kind} ${result.error.message}`);
      return result.value;
    },
  };
}

/** A configured app with its administrator signed in; returns the recovery key too. */
export async function setUpApp(
  dir?: string,
  shell?: ChromiumShell,
): Promise<TestApp & { recoveryKey: string }> {
  const app = startApp(dir, undefined, shell);
  const { recoveryKey } = await app.ok('setup.create', { cooperative: COOPERATIVE, admin: ADMIN });
  return { ...app, recoveryKey };
}
