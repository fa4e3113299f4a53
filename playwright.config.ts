import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium when present (or CHROMIUM_PATH); otherwise Playwright's own browser.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = fs.existsSync(chromiumPath) ? chromiumPath : undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // Each test starts its own server and derives keys with scrypt (≈ 0.4 s each); the long
  // scenarios take about a minute alone and must not fail on a busy machine.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    screenshot: 'on',
    trace: 'retain-on-failure',
    viewport: { width: 1366, height: 768 },
    locale: 'it-IT',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
});
