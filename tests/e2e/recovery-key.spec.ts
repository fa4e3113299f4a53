import { expect, snap, test } from './fixtures';
import {
  confirmRecoveryKey,
  fillSetupWizard,
  homeHeading,
  navigation,
  setupViaApi,
  shownRecoveryKey,
} from './support/flows';
import { ADMIN } from './support/people';

const RECOVERY_KEY_FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/;
const KEPT = 'Ho conservato la chiave di recupero in un luogo sicuro';

test('a key lost to a reload on the last setup step is replaced, and only the new one works', async ({
  page,
  context,
  url,
  apiCall,
  consoleErrors,
}) => {
  await page.goto(url);
  await fillSetupWizard(page);
  const firstKey = await shownRecoveryKey(page);

  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Chiave di recupero da confermare' }),
  ).toBeVisible();
  await expect(homeHeading(page, ADMIN.fullName)).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(navigation(page)).toHaveCount(0);
  await expect(page.getByText('La chiave precedente non funzionerà più')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();
  await snap(page, 'chiave-da-confermare');

  await page.getByRole('button', { name: 'Crea una nuova chiave di recupero' }).click();
  await expect(page.getByTestId('recovery-key')).toBeVisible();
  const newKey = await shownRecoveryKey(page);
  expect(newKey).toMatch(RECOVERY_KEY_FORMAT);
  expect(newKey).not.toBe(firstKey);

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copia' }).click();
  await expect(page.getByText('Chiave di recupero copiata')).toBeVisible();
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(newKey);

  await expect(page.getByRole('button', { name: 'Continua' })).toBeDisabled();
  await snap(page, 'chiave-da-confermare-nuova');
  await confirmRecoveryKey(page);
  await expect(page.getByText('Nuova chiave di recupero conservata')).toBeVisible();

  // The old key no longer opens the database; the new one does.
  const out = await apiCall('session.logout', {});
  expect(out.ok, JSON.stringify(out)).toBe(true);
  const newPassword = 'una password scelta dopo il recupero';
  const old = await apiCall('session.recover', {
    username: ADMIN.username,
    recoveryKey: firstKey,
    newPassword,
  });
  expect(old.ok).toBe(false);
  await expect
    .poll(async () => {
      const status = await apiCall('app.status', {});
      return status.ok ? status.value.loginRetryAfterMs : -1;
    })
    .toBe(0);
  const fresh = await apiCall('session.recover', {
    username: ADMIN.username,
    recoveryKey: newKey,
    newPassword,
  });
  expect(fresh.ok, JSON.stringify(fresh)).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('Impostazioni: a new recovery key after a confirmation naming the consequence', async ({
  page,
  url,
  apiCall,
  consoleErrors,
}) => {
  await setupViaApi(apiCall);
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
  await navigation(page).getByRole('link', { name: 'Impostazioni' }).click();

  const section = page.getByRole('region', { name: 'Chiave di recupero' });
  await section.scrollIntoViewIfNeeded();
  await snap(page, 'impostazioni-chiave-di-recupero');
  await section.getByRole('button', { name: 'Crea una nuova chiave di recupero' }).click();

  const ask = page.getByRole('dialog', { name: 'Crea una nuova chiave di recupero' });
  await expect(ask).toContainText('La chiave attuale smetterà di funzionare.');
  await snap(page, 'impostazioni-chiave-conferma');
  await ask.getByRole('button', { name: 'Crea la nuova chiave' }).click();

  const shown = page.getByRole('dialog', { name: 'Nuova chiave di recupero' });
  await expect(shown.getByTestId('recovery-key')).toBeVisible();
  expect(await shownRecoveryKey(page)).toMatch(RECOVERY_KEY_FORMAT);
  // Pending on the server, yet the key stays on screen until "Fatto".
  const pending = await apiCall('app.status', {});
  expect(pending.ok && pending.value.recoveryKeyPending).toBe(true);
  // Coming back to the window re-reads app.status (as after printing, say).
  const reread = page.waitForResponse((response) => response.url().endsWith('/api/app.status'));
  await page.evaluate("document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))");
  await reread;
  await expect(shown.getByTestId('recovery-key')).toBeVisible();
  const done = shown.getByRole('button', { name: 'Fatto' });
  await expect(done).toBeDisabled();
  await snap(page, 'impostazioni-nuova-chiave');

  await shown.getByLabel(KEPT).check();
  await done.click();
  await expect(page.getByText('Nuova chiave di recupero conservata')).toBeVisible();
  await expect(shown).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Impostazioni' })).toBeVisible();
  const status = await apiCall('app.status', {});
  expect(status.ok && status.value.recoveryKeyPending).toBe(false);

  await navigation(page).getByRole('link', { name: 'Home' }).click();
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
  await page.reload();
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Chiave di recupero da confermare' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('Impostazioni: a new key closed without "Fatto" counts as lost', async ({ page, url, apiCall }) => {
  await setupViaApi(apiCall);
  await page.goto(`${url}#/impostazioni`);
  const section = page.getByRole('region', { name: 'Chiave di recupero' });
  await section.getByRole('button', { name: 'Crea una nuova chiave di recupero' }).click();
  await page.getByRole('button', { name: 'Crea la nuova chiave' }).click();
  await expect(page.getByTestId('recovery-key')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Chiave di recupero da confermare' }),
  ).toBeVisible();
  await expect(navigation(page)).toHaveCount(0);
});

test('the setup wizard stays on the key when its confirmation fails', async ({ page, url }) => {
  await page.goto(url);
  await fillSetupWizard(page);
  const key = await shownRecoveryKey(page);
  const message = 'Il servizio di Cortile non ha risposto.';
  await page.route('**/api/recoveryKey.confirm', (route) =>
    route.fulfill({ json: { ok: false, error: { kind: 'internal', message } } }),
  );
  await page.getByLabel(KEPT).check();
  await page.getByRole('button', { name: 'Continua' }).click();
  await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
  expect(await shownRecoveryKey(page)).toBe(key);
  await expect(homeHeading(page, ADMIN.fullName)).toHaveCount(0);

  await page.unroute('**/api/recoveryKey.confirm');
  await page.getByRole('button', { name: 'Continua' }).click();
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
});
