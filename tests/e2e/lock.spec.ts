import { expect, snap, test } from './fixtures';
import { homeHeading, navigation, setupViaApi, signIn, signInForm } from './support/flows';
import { ADMIN, COOPERATIVE } from './support/people';

test('"Blocca" shows the sign-in screen; signing in again returns to the app with typed text kept', async ({
  page,
  url,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  // Unsaved text on a page survives the lock, in memory only.
  await navigation(page).getByRole('link', { name: 'Il mio profilo' }).click();
  await page.getByLabel('Password attuale').fill('testo non salvato');

  await page.getByRole('button', { name: 'Blocca' }).click();
  await expect(page.getByRole('button', { name: 'Accedi' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText(COOPERATIVE.name);
  await expect(signInForm(page).getByRole('textbox', { name: 'Nome utente' })).toHaveValue(ADMIN.username);
  const status = await apiCall('app.status', {});
  expect(status.ok && status.value.state).toBe('locked');
  await snap(page, 'accesso-dopo-blocco');

  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Il mio profilo' })).toBeVisible();
  await expect(page.getByLabel('Password attuale')).toHaveValue('testo non salvato');

  await navigation(page).getByRole('link', { name: 'Home' }).click();
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
});
