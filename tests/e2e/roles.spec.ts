import { expect, test } from './fixtures';
import {
  addOperatorViaApi,
  changeTemporaryPassword,
  homeHeading,
  navigation,
  setupViaApi,
  signIn,
} from './support/flows';
import { OPERATOR } from './support/people';

test('an operatore sees no "Operatori" page, and the server refuses the call too', async ({
  page,
  url,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  await addOperatorViaApi(apiCall);
  await page.goto(url);
  await signIn(page, OPERATOR.username, OPERATOR.temporaryPassword);
  await changeTemporaryPassword(page, OPERATOR.temporaryPassword, OPERATOR.password);
  await expect(homeHeading(page, OPERATOR.fullName)).toBeVisible();

  const nav = navigation(page);
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Il mio profilo' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Operatori' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Impostazioni' })).toHaveCount(0);

  // Typing the address of the page leads back home.
  await page.goto(`${new URL(page.url()).origin}/#/operatori`);
  await expect(homeHeading(page, OPERATOR.fullName)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aggiungi operatore' })).toHaveCount(0);

  const refused = await apiCall('operators.create', {
    fullName: 'Qualcuno Altro',
    username: 'q.altro',
    role: 'amministratore',
    temporaryPassword: 'una-password-lunga-abbastanza',
  });
  expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  // Still signed in as the operator: the refusal changed nothing.
  const status = await apiCall('app.status', {});
  expect(status).toMatchObject({
    ok: true,
    value: { state: 'unlocked', operator: { username: OPERATOR.username } },
  });
});
