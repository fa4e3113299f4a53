import { expect, snap, test } from './fixtures';
import { homeHeading, setupViaApi, signIn, signInForm } from './support/flows';
import { ADMIN } from './support/people';

test('a wrong password is refused, the next try must wait, then the right one works', async ({
  page,
  url,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  expect((await apiCall('session.logout', {})).ok).toBe(true);
  await page.goto(url);

  const answer = page.waitForResponse((r) => r.url().endsWith('/api/session.login'));
  await signIn(page, ADMIN.username, 'una password sbagliata');
  await answer;
  // The server refuses an immediate second try, even with the right password.
  const early = await apiCall('session.login', { username: ADMIN.username, password: ADMIN.password });
  expect(early.ok).toBe(false);
  if (!early.ok) {
    expect(early.error.kind).toBe('throttled');
    expect(early.error.retryAfterMs).toBeGreaterThan(0);
  }

  await expect(page.getByRole('alert')).toContainText('Nome utente o password non corretti');
  const form = signInForm(page);
  const accedi = form.getByRole('button', { name: 'Accedi' });
  await expect(page.getByText(/Riprova tra \d+ second/)).toBeVisible();
  await expect(accedi).toBeDisabled();
  await snap(page, 'accesso-password-errata');

  // The countdown ends when the delay has passed; then the right password works.
  await expect(accedi).toBeEnabled({ timeout: 15_000 });
  await expect(page.getByText(/Riprova tra/)).toHaveCount(0);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await accedi.click();
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
});
