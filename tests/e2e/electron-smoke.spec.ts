// Smoke test of the real desktop shell: start Electron on the built app,
// configure Cortile, sign in, close. It needs the Electron binary, which is
// downloaded by `npm install` where there is internet (CI, a developer's PC)
// and skipped on machines that install with ELECTRON_SKIP_BINARY_DOWNLOAD=1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { confirmRecoveryKey, fillSetupWizard, homeHeading, signIn, signInForm } from './support/flows';
import { ADMIN } from './support/people';
import { ROOT } from './support/server';

/** The Electron executable, or why there is none. */
function electronBinary(): { path: string } | { missing: string } {
  const require = createRequire(import.meta.url);
  try {
    // node_modules/electron exports the executable's path; it throws when the binary was never downloaded.
    const executable = require('electron') as unknown;
    if (typeof executable !== 'string') return { missing: 'the electron package did not give a path' };
    if (!fs.existsSync(executable)) return { missing: `no Electron binary at ${executable}` };
    return { path: executable };
  } catch (error) {
    return {
      missing: `the Electron binary is not installed (${error instanceof Error ? error.message : 'unknown error'}); install without ELECTRON_SKIP_BINARY_DOWNLOAD to run this test`,
    };
  }
}

const binary = electronBinary();

test.describe('Electron shell', () => {
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : '');

  test.beforeAll(() => {
    // The desktop bundle (main, preload) is not made by the browser tests' global setup.
    const result = spawnSync(process.execPath, ['build/bundle-electron.mjs'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    expect(result.status).toBe(0);
  });

  test('starts, configures Cortile, signs in and closes cleanly', async () => {
    if (!('path' in binary)) return;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-electron-'));
    const app = await electron.launch({
      executablePath: binary.path,
      args: [ROOT, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, CORTILE_DATA_DIR: dataDir },
    });
    try {
      const window = await app.firstWindow();
      expect(new URL(window.url()).protocol).toBe('app:');
      // The hardened window: no Node in the page, only the one bridge function.
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
      expect(
        await window.evaluate(() => Object.keys((globalThis as unknown as { cortile: object }).cortile)),
      ).toEqual(['invoke']);

      await fillSetupWizard(window);
      await confirmRecoveryKey(window);
      await expect(homeHeading(window, ADMIN.fullName)).toBeVisible();

      await window.getByRole('button', { name: 'Esci' }).click();
      await expect(signInForm(window)).toBeVisible();
      await signIn(window, ADMIN.username, ADMIN.password);
      await expect(homeHeading(window, ADMIN.fullName)).toBeVisible();

      // The Italian application menu is in place.
      const labels = await app.evaluate(({ Menu }) =>
        (Menu.getApplicationMenu()?.items ?? []).map((item) => item.label.replace('&', '')),
      );
      expect(labels).toEqual(['File', 'Modifica', 'Visualizza', 'Aiuto']);
    } finally {
      await app.close();
    }
    // Closed cleanly: the database was checkpointed and closed, and the log says so.
    expect(fs.existsSync(path.join(dataDir, 'cortile.db-wal'))).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'main.log'), 'utf8')).toContain('core closed');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
