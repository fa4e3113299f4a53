import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { signIn } from './support/flows';
import { ROOT, startServer, type RunningServer } from './support/server';

/*
 * The dashboard on the seeded small data set (npm run seed, size small): the coordinator signs
 * in and lands on it, a filter (one area) changes the figures and goes into the address, a
 * band's link opens the households of that band (as many as the dashboard counted), and one
 * building's «Cruscotto» tab draws its charts. Screenshots of the overview and the building.
 */

const PASSWORD = 'password lunga di prova';
let server: RunningServer | undefined;

test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** The number shown by a figure of the overview (e.g. «Nuclei seguiti»), read from its link. */
async function figure(page: Page, label: string): Promise<number> {
  const link = page.getByRole('link', { name: new RegExp(`^${label}: `) });
  const text = (await link.innerText()).trim();
  return Number(text.replace(/\./g, ''));
}

test('the overview, a filter, a band down to its households, and a building', async ({ page }) => {
  test.setTimeout(360_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-e2e-dashboard-'));
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'tests/seed/cli.ts',
      '--data',
      dataDir,
      '--size',
      'small',
      '--password',
      PASSWORD,
      '--username',
      'admin',
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  server = await startServer({ dataDir });
  await page.goto(server.url);
  await signIn(page, 'coordinatore', PASSWORD);

  // The start page shows the dashboard of the whole cooperative, this month.
  await expect(page.getByRole('heading', { name: /^Cruscotto, \d\d\/\d{4}$/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('link', { name: /^Nuclei seguiti: / })).toBeVisible({ timeout: 60_000 });
  const everyone = await figure(page, 'Nuclei seguiti');
  expect(everyone).toBeGreaterThan(0);
  await expect(page.getByRole('grid', { name: 'Caseggiati' })).toBeVisible();
  // The functions of the old home page stay reachable below.
  await expect(page.getByRole('heading', { name: 'Funzioni' })).toBeVisible();

  // The numbers of a chart as a table.
  const bands = page.getByRole('region', { name: /^Nuclei per fascia di rischio/ });
  await bands.getByRole('button', { name: 'Tabella' }).click();
  await expect(bands.getByRole('table')).toContainText('Saliti di fascia');
  await bands.getByRole('button', { name: 'Tabella' }).click();
  await snap(page, 'dashboard-overview');

  // One area: fewer households, and the filter is in the address.
  await page.getByRole('combobox', { name: 'Area' }).click();
  const firstArea = page.getByRole('option').first();
  const areaName = (await firstArea.innerText()).trim();
  await firstArea.click();
  await expect(page).toHaveURL(/[?&]area=\d+/);
  await expect.poll(() => figure(page, 'Nuclei seguiti'), { timeout: 30_000 }).toBeLessThan(everyone);
  const inArea = await figure(page, 'Nuclei seguiti');
  expect(inArea).toBeGreaterThan(0);
  await expect(page.getByRole('combobox', { name: 'Area' })).toHaveValue(areaName);

  // A band with households: its link opens the list of exactly those households.
  const legend = bands.getByRole('link', { name: /^(Basso|Medio|Alto|Critico): \d+ nucle/ });
  let chosen: { name: string; n: number } | null = null;
  for (const link of await legend.all()) {
    const name = (await link.innerText()).trim();
    const n = Number(/: (\d+)/.exec(name)?.[1]);
    if (n > 0 && n <= 25 && !name.startsWith('Basso')) chosen = { name, n };
  }
  expect(chosen, 'a band above basso with households in the area').not.toBeNull();
  const band = chosen!.name.split(':')[0]!;
  await bands.getByRole('link', { name: chosen!.name }).click();
  await expect(page).toHaveURL(new RegExp(`#/nuclei\\?.*fascia=${band.toLowerCase()}`));
  await expect(page.getByRole('button', { name: 'Filtro: fascia di rischio (togliere)' })).toContainText(
    `Fascia ${band}`,
  );
  const grid = page.getByRole('grid', { name: 'Nuclei familiari' });
  await expect(grid.getByRole('row')).toHaveCount(chosen!.n + 1);

  // One building's dashboard: back to the overview, open the first building of the table.
  await page.goBack();
  await expect(page.getByRole('grid', { name: 'Caseggiati' })).toBeVisible();
  await page.getByRole('grid', { name: 'Caseggiati' }).getByRole('row').nth(1).click();
  await expect(page).toHaveURL(/#\/caseggiati\/\d+\?scheda=cruscotto/);
  await expect(page.getByRole('tab', { name: 'Cruscotto' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Fasce di rischio per mese' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('heading', { name: 'Interventi per tipo' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Gruppi di residenti' })).toBeVisible();
  await snap(page, 'dashboard-building');
});
