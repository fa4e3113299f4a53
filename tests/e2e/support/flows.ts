import { expect, type Page } from '@playwright/test';
import type { ApiCall } from '../fixtures';
import { ADMIN, COOPERATIVE, OPERATOR } from './people';

/** The home page greets the signed-in operator by name. */
export function homeHeading(page: Page, fullName: string) {
  return page.getByRole('heading', { level: 1, name: new RegExp(`, ${fullName}$`) });
}

export function navigation(page: Page) {
  return page.getByRole('navigation', { name: 'Navigazione principale' });
}

/** Steps 1 and 2 of the wizard; leaves the recovery key step on screen. */
export async function fillSetupWizard(page: Page): Promise<void> {
  await page.getByLabel('Nome della cooperativa').fill(COOPERATIVE.name);
  await page.getByLabel('Indirizzo').fill(COOPERATIVE.address);
  await page.getByLabel('Telefono').fill(COOPERATIVE.phone);
  await page.getByLabel('E-mail').fill(COOPERATIVE.email);
  await page.getByRole('button', { name: 'Avanti' }).click();
  await page.getByLabel('Nome e cognome').fill(ADMIN.fullName);
  await page.getByLabel('Nome utente').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Conferma password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Crea e mostra la chiave di recupero' }).click();
  await expect(page.getByTestId('recovery-key')).toBeVisible();
}

/** The recovery key on screen, as shown. */
export async function shownRecoveryKey(page: Page): Promise<string> {
  return (await page.getByTestId('recovery-key').innerText()).trim();
}

/** Ticks the box and continues ("Continua" confirms the key to the server) to the home page. */
export async function confirmRecoveryKey(page: Page): Promise<void> {
  await page.getByLabel('Ho conservato la chiave di recupero in un luogo sicuro').check();
  await page.getByRole('button', { name: 'Continua' }).click();
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
}

/**
 * The first configuration through the API, as the wizard does it (the recovery
 * key confirmed as kept), leaving the administrator signed in on the server.
 */
export async function setupViaApi(apiCall: ApiCall): Promise<void> {
  const result = await apiCall('setup.create', {
    cooperative: COOPERATIVE,
    admin: { fullName: ADMIN.fullName, username: ADMIN.username, password: ADMIN.password },
  });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  const confirmed = await apiCall('recoveryKey.confirm', {});
  expect(confirmed.ok, JSON.stringify(confirmed)).toBe(true);
}

/** As the signed-in administrator, adds the test operator (role Operatore) and signs out. */
export async function addOperatorViaApi(apiCall: ApiCall): Promise<void> {
  const created = await apiCall('operators.create', {
    fullName: OPERATOR.fullName,
    username: OPERATOR.username,
    role: 'operatore',
    temporaryPassword: OPERATOR.temporaryPassword,
  });
  expect(created.ok, JSON.stringify(created)).toBe(true);
  const out = await apiCall('session.logout', {});
  expect(out.ok, JSON.stringify(out)).toBe(true);
}

/** The sign-in form (role queries skip the signed-in app kept hidden behind it). */
export function signInForm(page: Page) {
  return page.getByRole('form', { name: 'Accesso' });
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  const form = signInForm(page);
  await form.getByRole('textbox', { name: 'Nome utente' }).fill(username);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await form.getByRole('button', { name: 'Accedi' }).click();
}

/** On the forced page: replaces the temporary password with the operator's own. */
export async function changeTemporaryPassword(page: Page, current: string, next: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Cambia la password temporanea' })).toBeVisible();
  await page.getByLabel('Password attuale').fill(current);
  await page.getByLabel('Nuova password').fill(next);
  await page.getByLabel('Conferma password').fill(next);
  await page.getByRole('button', { name: 'Cambia password' }).click();
}
