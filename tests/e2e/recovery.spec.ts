import { expect, snap, test } from './fixtures';
import { confirmRecoveryKey, fillSetupWizard, homeHeading, signIn, signInForm } from './support/flows';
import { ADMIN } from './support/people';

test('an administrator who forgot the password sets a new one with the recovery key', async ({
  page,
  url,
  apiCall,
}) => {
  await page.goto(url);
  await fillSetupWizard(page);
  const recoveryKey = (await page.getByTestId('recovery-key').innerText()).trim();
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await confirmRecoveryKey(page);
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(signInForm(page)).toBeVisible();

  await page.getByRole('button', { name: 'Ho dimenticato la password' }).click();
  const form = page.getByRole('form', { name: 'Recupero della password' });
  const newPassword = 'una nuova frase dopo il recupero';
  await form.getByRole('textbox', { name: 'Nome utente' }).fill(ADMIN.username);
  // Typed as a person would copy it from paper: lower case, spaces instead of dashes.
  await form
    .getByRole('textbox', { name: 'Chiave di recupero' })
    .fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
  await form.getByLabel('Nuova password').fill(newPassword);
  await form.getByLabel('Conferma password').fill(newPassword);
  await snap(page, 'recupero-password');
  await form.getByRole('button', { name: 'Imposta la nuova password' }).click();
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  // The old password no longer opens the database; the new one does.
  await page.getByRole('button', { name: 'Esci' }).click();
  const old = await apiCall('session.login', { username: ADMIN.username, password: ADMIN.password });
  expect(old.ok).toBe(false);
  await expect
    .poll(async () => {
      const s = await apiCall('app.status', {});
      return s.ok ? s.value.loginRetryAfterMs : -1;
    })
    .toBe(0);
  await signIn(page, ADMIN.username, newPassword);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
});
