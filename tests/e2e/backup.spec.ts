import { expect, snap, test } from './fixtures';
import { homeHeading, navigation, setupViaApi, signIn, signInForm } from './support/flows';
import { ADMIN } from './support/people';

test('an administrator makes a backup, changes data, restores it and finds the earlier data', async ({
  page,
  url,
  apiCall,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  await setupViaApi(apiCall);
  const before = await apiCall('operators.create', {
    fullName: 'Bruna Primavera',
    username: 'bruna',
    role: 'operatore',
    temporaryPassword: 'temporanea di bruna',
  });
  expect(before.ok, JSON.stringify(before)).toBe(true);

  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
  await navigation(page).getByRole('link', { name: 'Impostazioni' }).click();
  const section = page.getByRole('region', { name: 'Backup' });
  await section.getByRole('button', { name: 'Esegui backup ora' }).click();
  await expect(page.getByText('Backup eseguito')).toBeVisible();
  const table = section.getByRole('table', { name: 'Backup disponibili' });
  const manual = table.getByRole('row').filter({ hasText: 'Manuale' });
  await expect(manual).toHaveCount(1);
  await snap(page, 'backup-elenco');

  // Changed after the backup: another operator.
  const after = await apiCall('operators.create', {
    fullName: 'Dario Dopo',
    username: 'dario',
    role: 'operatore',
    temporaryPassword: 'temporanea di dario',
  });
  expect(after.ok, JSON.stringify(after)).toBe(true);
  await navigation(page).getByRole('link', { name: 'Operatori' }).click();
  await expect(page.getByRole('row', { name: /Dario Dopo/ })).toBeVisible();

  await navigation(page).getByRole('link', { name: 'Impostazioni' }).click();
  await manual.getByRole('button', { name: /Ripristina il backup/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Ripristinare questo backup?' });
  await expect(dialog).toContainText('2 operatori');
  await expect(dialog).toContainText('salvato da parte');
  await snap(page, 'backup-ripristino-conferma');
  await dialog.getByRole('button', { name: 'Ripristina' }).click();

  // The session ends: sign in again on the restored data.
  await expect(signInForm(page)).toBeVisible();
  await snap(page, 'backup-ripristinato-accesso');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(signInForm(page)).toHaveCount(0);
  await navigation(page).getByRole('link', { name: 'Operatori' }).click();
  await expect(page.getByRole('row', { name: /Bruna Primavera/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Dario Dopo/ })).toHaveCount(0);

  // The database as it was before the restore is listed, and could be restored in turn.
  await navigation(page).getByRole('link', { name: 'Impostazioni' }).click();
  await expect(
    page
      .getByRole('table', { name: 'Backup disponibili' })
      .getByRole('row')
      .filter({ hasText: 'Prima del ripristino' }),
  ).toHaveCount(1);
  await snap(page, 'backup-dopo-ripristino');
  expect(consoleErrors).toEqual([]);
});
