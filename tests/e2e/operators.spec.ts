import { expect, snap, test } from './fixtures';
import {
  changeTemporaryPassword,
  homeHeading,
  navigation,
  setupViaApi,
  signIn,
  signInForm,
} from './support/flows';
import { ADMIN, OPERATOR } from './support/people';

test('an administrator adds an operator, who must change the temporary password at first sign-in', async ({
  page,
  url,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  await navigation(page).getByRole('link', { name: 'Operatori' }).click();
  await page.getByRole('button', { name: 'Aggiungi operatore' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aggiungi operatore' });
  await dialog.getByLabel('Nome e cognome').fill(OPERATOR.fullName);
  await dialog.getByLabel('Nome utente').fill(OPERATOR.username);
  await dialog.getByLabel('Ruolo').click();
  await page.getByRole('option', { name: 'Operatore' }).click();
  await dialog.getByRole('button', { name: 'Genera' }).click();
  const temporaryPassword = await dialog.getByLabel('Password temporanea').inputValue();
  expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
  await snap(page, 'operatori-aggiungi');
  await dialog.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(page.getByText('Operatore aggiunto')).toBeVisible();
  await expect(dialog).toHaveCount(0);

  const row = page.getByRole('row', { name: new RegExp(OPERATOR.fullName) });
  await expect(row).toContainText(OPERATOR.username);
  await expect(row).toContainText('Operatore');
  await expect(row).toContainText('Attivo');
  await expect(row).toContainText('Password temporanea');
  await snap(page, 'operatori-elenco');

  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByRole('button', { name: 'Accedi' })).toBeVisible();
  // After "Esci" nobody's name is filled in.
  await expect(signInForm(page).getByRole('textbox', { name: 'Nome utente' })).toHaveValue('');

  await signIn(page, OPERATOR.username, temporaryPassword);
  await expect(page.getByRole('heading', { name: 'Cambia la password temporanea' })).toBeVisible();
  // Nothing else is reachable until the password is changed.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();
  await snap(page, 'password-temporanea');

  await changeTemporaryPassword(page, temporaryPassword, OPERATOR.password);
  await expect(homeHeading(page, OPERATOR.fullName)).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Operatore');
  await snap(page, 'home-operatore');
});
