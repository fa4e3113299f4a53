import fs from 'node:fs';
import path from 'node:path';
import { apiFor, expect, snap, test } from './fixtures';
import { homeHeading, navigation, setupViaApi, signIn, signInForm } from './support/flows';
import { ADMIN } from './support/people';
import { startServer, type RunningServer } from './support/server';

/*
 * A disk lost sectors while Cortile was closed: at the next sign-in the start-up check finds
 * the database damaged, opens nothing for writing, and offers an administrator the newest
 * backup; after the restore the office signs in again and finds the data of the backup.
 * Two runs of the web shell on the same data folder (this test runs its own servers).
 */

test('a damaged database: the sign-in says so, and an administrator restores the newest backup', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const first = await startServer();
  let second: RunningServer | null = null;
  try {
    const api = apiFor(first);
    await setupViaApi(api);
    const created = await api('operators.create', {
      fullName: 'Bruna Primavera',
      username: 'bruna',
      role: 'operatore',
      temporaryPassword: 'temporanea di bruna',
    });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const backup = await api('backup.create', {});
    expect(backup.ok, JSON.stringify(backup)).toBe(true);
    await first.stop({ keepData: true });

    // Damage every page but the first (which holds the key check), as lost sectors would.
    const dbFile = path.join(first.dataDir, 'cortile.db');
    const fd = fs.openSync(dbFile, 'r+');
    const size = fs.fstatSync(fd).size;
    for (let page = 1; page * 4096 < size; page++)
      fs.writeSync(fd, Buffer.alloc(64, 0x41), 0, 64, page * 4096 + 200);
    fs.closeSync(fd);
    const damagedBytes = fs.readFileSync(dbFile);

    second = await startServer({ dataDir: first.dataDir });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(second.url);
    await signIn(page, ADMIN.username, ADMIN.password);
    const screen = page.getByRole('region', { name: 'Il database è danneggiato' });
    await expect(screen).toBeVisible();
    await expect(screen.getByText(/Non è stato aperto e non verrà modificato/)).toBeVisible();
    const offered = screen.getByRole('list', { name: 'Backup disponibili' }).getByRole('listitem');
    await expect(offered.first()).toContainText('il più recente');
    await snap(page, 'database-danneggiato');
    expect(fs.readFileSync(dbFile).equals(damagedBytes)).toBe(true);

    await offered
      .first()
      .getByRole('button', { name: /^Ripristina il backup del / })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Ripristinare questo backup?' });
    await expect(dialog).toContainText('2 operatori');
    await dialog.getByRole('button', { name: 'Ripristina' }).click();

    await expect(signInForm(page)).toBeVisible({ timeout: 30_000 });
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
    await navigation(page).getByRole('link', { name: 'Operatori' }).click();
    await expect(page.getByRole('row', { name: /Bruna Primavera/ })).toBeVisible();
    // The damaged file is kept aside, byte for byte.
    const kept = fs
      .readdirSync(path.join(first.dataDir, 'backups'))
      .filter((name) => /^cortile-damaged-.*\.db$/.test(name));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(first.dataDir, 'backups', kept[0] ?? '')).equals(damagedBytes)).toBe(
      true,
    );
    await snap(page, 'database-ripristinato');
    expect(errors).toEqual([]);
  } finally {
    await (second ?? first).stop();
  }
});
