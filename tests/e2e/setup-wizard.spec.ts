import { expect, snap, test } from './fixtures';
import { confirmRecoveryKey, fillSetupWizard, homeHeading, navigation } from './support/flows';
import { ADMIN, COOPERATIVE } from './support/people';

const RECOVERY_KEY_FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/;

test('the setup wizard shows the recovery key once and leads to the home page', async ({ page, url }) => {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Benvenuti in Cortile' })).toBeVisible();
  // The token leaves the address bar at once.
  expect(page.url()).not.toContain('token=');
  await snap(page, 'setup-1-cooperativa');

  await fillSetupWizard(page);
  const key = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
  expect(key).toMatch(RECOVERY_KEY_FORMAT);
  await snap(page, 'setup-3-chiave-di-recupero');

  const continueButton = page.getByRole('button', { name: 'Continua' });
  await expect(continueButton).toBeDisabled();
  const kept = page.getByLabel('Ho conservato la chiave di recupero in un luogo sicuro');
  await kept.check();
  await expect(continueButton).toBeEnabled();
  await kept.uncheck();
  await expect(continueButton).toBeDisabled();

  await confirmRecoveryKey(page);
  const banner = page.getByRole('banner');
  await expect(banner).toContainText(ADMIN.fullName);
  await expect(banner).toContainText('Amministratore');
  await expect(banner).toContainText(COOPERATIVE.name);
  await expect(navigation(page).getByRole('link', { name: 'Operatori' })).toBeVisible();
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
  await snap(page, 'home-amministratore');
});

test('the setup wizard checks each step before moving on', async ({ page, url }) => {
  await page.goto(url);
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(page.getByText('Inserire il nome della cooperativa.')).toBeVisible();
  await expect(page.getByLabel('Nome e cognome')).toHaveCount(0);
  await snap(page, 'setup-1-errori');

  await page.getByLabel('Nome della cooperativa').fill(COOPERATIVE.name);
  await page.getByLabel('Indirizzo').fill(COOPERATIVE.address);
  await page.getByLabel('Telefono').fill(COOPERATIVE.phone);
  await page.getByLabel('E-mail').fill(COOPERATIVE.email);
  await page.getByLabel('E-mail').press('Enter');
  await page.getByLabel('Nome e cognome').fill(ADMIN.fullName);
  await page.getByLabel('Nome utente').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Conferma password').fill(`${ADMIN.password}!`);
  await page.getByRole('button', { name: 'Crea e mostra la chiave di recupero' }).click();
  await expect(page.getByText('Le due password non coincidono.')).toBeVisible();
  await expect(page.getByTestId('recovery-key')).toHaveCount(0);

  // Going back keeps what was typed.
  await page.getByRole('button', { name: 'Indietro' }).click();
  await expect(page.getByLabel('Nome della cooperativa')).toHaveValue(COOPERATIVE.name);
});

test('the setup wizard logs no console errors', async ({ page, url, consoleErrors }) => {
  await page.goto(url);
  await fillSetupWizard(page);
  await confirmRecoveryKey(page);
  expect(consoleErrors).toEqual([]);
});
