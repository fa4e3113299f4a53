import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, snap, test, type ApiCall } from './fixtures';
import { homeHeading, navigation, setupViaApi } from './support/flows';
import { ADMIN } from './support/people';
import { ROOT } from './support/server';
import { ok } from './support/ui';

/*
 * Letters to residents: the administrator edits a built-in template (adds the household's
 * code from the placeholder menu), fills in the letterhead, issues a letter to every active
 * household of a building, saves the PDF and reads it back with pdfinfo, pdftotext and
 * pdftoppm; the letter is then on the household's history.
 */

const SAVED = 30_000;

/**
 * Console errors of the app. Playwright itself tries to run its helper script in every
 * frame, and the preview's sandbox (no scripts, as intended) refuses it, sometimes with a
 * console error; that refusal is the sandbox working, not an error of the app.
 */
const appErrors = (errors: readonly string[]) =>
  errors.filter((e) => !e.startsWith("Blocked script execution in 'about:srcdoc'"));
const OUT = path.join(ROOT, 'test-results', 'letters');

async function buildingViaApi(apiCall: ApiCall) {
  const area = ok(await apiCall('areas.create', { name: 'Cittadella' })).area;
  const building = ok(
    await apiCall('buildings.create', {
      areaId: area.id,
      address: 'Via Giuseppe Verdi 8',
      city: '26100 Cremona',
      agencyCode: '',
      owner: 'ALER',
      declaredUnits: 3,
      notes: '',
      operatorIds: [],
    }),
  ).building;
  const units = ok(
    await apiCall('units.createMany', {
      buildingId: building.id,
      staircase: 'A',
      floorFrom: 1,
      floorTo: 1,
      perFloor: 3,
      firstNumber: 1,
      codePrefix: '',
    }),
  ).units;
  const names: [string, string, 'F' | 'M'][] = [
    ['Ioana', 'Bălănescu', 'F'],
    ['Ahmed', 'Al-Sayed', 'M'],
    ['<b>Rosa</b>', 'Galli', 'F'],
  ];
  const households = [];
  for (const [i, [firstName, surname, sex]] of names.entries()) {
    const unit = units[i];
    if (!unit) throw new Error('unit missing');
    households.push(
      ok(
        await apiCall('households.create', {
          unitId: unit.id,
          since: '2019-05-01',
          phone: '',
          language: 'italiano',
          toTeam: false,
          notes: '',
          members: [
            {
              firstName,
              surname,
              sex,
              birthDate: null,
              taxCode: null,
              phone: '',
              relationship: 'intestatario',
              fragilityIds: [],
            },
          ],
        }),
      ).household,
    );
  }
  return { building, households };
}

test('letters: edit a template, issue a building batch, read the PDF back', async ({
  page,
  url,
  apiCall,
  consoleErrors,
}) => {
  test.setTimeout(240_000);
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  await setupViaApi(apiCall);
  const { building, households } = await buildingViaApi(apiCall);
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  // ---- the letterhead: the sportello hours the templates print ----
  await navigation(page).getByRole('link', { name: 'Lettere' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lettere' })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Orari dello sportello' })
    .fill('martedì e giovedì, dalle 9 alle 12');
  await page
    .getByRole('textbox', { name: 'Piè di pagina' })
    .fill('Dati trattati secondo il Regolamento UE 2016/679.');
  await page.getByRole('button', { name: 'Salva carta intestata' }).click();
  await expect(page.getByText('Carta intestata salvata')).toBeVisible({ timeout: SAVED });

  // ---- edit a built-in template: an unknown placeholder is refused, one from the menu is kept ----
  await page.getByRole('link', { name: 'Orari e contatti del tutor e dello sportello' }).click();
  const editor = page.getByRole('textbox', { name: 'Testo della lettera' });
  await expect(editor).toContainText('{{destinatario.saluto}}');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Codice da citare allo sportello: {{codice.inventato}}');
  await page.getByRole('button', { name: 'Salva modello' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Segnaposto sconosciuto: {{codice.inventato}}' }).first(),
  ).toBeVisible({
    timeout: SAVED,
  });
  await editor.click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < '{{codice.inventato}}'.length; i += 1) await page.keyboard.press('Backspace');
  await page.getByRole('button', { name: 'Inserisci segnaposto' }).click();
  await page.getByRole('menuitem', { name: 'Codice del nucleo' }).click();
  await expect(editor).toContainText('Codice da citare allo sportello: {{nucleo.codice}}');
  await snap(page, 'lettere-modello');
  await page.getByRole('button', { name: 'Salva modello' }).click();
  await expect(page.getByText('Modello salvato (versione 2)')).toBeVisible({ timeout: SAVED });

  // ---- issue a letter to every active household of the building ----
  await page.goto(`${url}#/caseggiati/${building.id}`);
  await page.getByRole('button', { name: 'Lettere' }).click();
  const dialog = page.getByRole('dialog', { name: /^Lettere a:/ });
  await dialog.getByRole('combobox', { name: 'Modello di lettera' }).click();
  await page.getByRole('option', { name: 'Orari e contatti del tutor e dello sportello' }).click();
  await dialog.getByRole('button', { name: 'Anteprima' }).click();
  await expect(dialog.getByText('3 nuclei: 3 con tutti i dati')).toBeVisible({ timeout: SAVED });
  // Read from the attribute: scripts (Playwright's too) cannot run in the sandboxed preview.
  const preview = dialog.locator('iframe[title="Anteprima delle prime lettere"]');
  await expect(preview).toHaveAttribute('srcdoc', /Ioana Bălănescu/);
  await expect(preview).toHaveAttribute('srcdoc', /&lt;b&gt;Rosa&lt;\/b&gt; Galli/);
  await snap(page, 'lettere-anteprima');
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Emetti 3 lettere e salva il PDF' }).click();
  const pdfPath = path.join(OUT, 'lettere.pdf');
  await (await download).saveAs(pdfPath);
  const year = new Date().getFullYear();
  await expect(
    dialog.getByText(`Emesse 3 lettere, protocollo ${year}/000001 – ${year}/000003`),
  ).toBeVisible();
  await snap(page, 'lettere-emesse');

  // ---- the PDF: three A4 pages, the first to the first household of staircase A ----
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+3/);
  expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  const pages = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).split('\f');
  const first = pages[0] ?? '';
  expect(first).toContain('Ioana Bălănescu');
  expect(first).toContain('Via Giuseppe Verdi 8');
  expect(first).toContain('Scala A, piano 1, int. 1');
  expect(first).toContain('26100 Cremona');
  expect(first).toContain(`Protocollo n. ${year}/000001`);
  expect(first).toContain(`Codice da citare allo sportello: ${households[0]?.code ?? '?'}`);
  expect(first).toContain('martedì e giovedì, dalle 9 alle 12');
  expect(pages[1]).toContain('Ahmed Al-Sayed');
  expect(pages[2]).toContain('<b>Rosa</b> Galli');
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(OUT, 'pagina')]);
  const images = fs.readdirSync(OUT).filter((f) => f.endsWith('.png'));
  expect(images).toHaveLength(3);

  // ---- the letter is on the household's history ----
  await dialog.getByRole('button', { name: 'Chiudi' }).click();
  await page.goto(`${url}#/nuclei/${households[0]?.id ?? 0}`);
  const history = page.getByRole('list', { name: 'Storia del nucleo' });
  await expect(history.getByText('Lettera: Orari e contatti del tutor e dello sportello')).toBeVisible({
    timeout: SAVED,
  });
  await expect(history.getByText(`Protocollo ${year}/000001 · versione 2 del modello`)).toBeVisible();
  await snap(page, 'lettere-storia-nucleo');
  expect(appErrors(consoleErrors)).toEqual([]);
});

test('letters: tick two households in the list and issue a letter to them', async ({
  page,
  url,
  apiCall,
  consoleErrors,
}) => {
  test.setTimeout(240_000);
  await setupViaApi(apiCall);
  await buildingViaApi(apiCall);
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  await navigation(page).getByRole('link', { name: 'Nuclei' }).click();
  const grid = page.getByRole('grid', { name: 'Nuclei familiari' });
  const rowOf = (name: string) => grid.getByRole('row').filter({ hasText: name });
  // Ticking a row chooses it and does not open it.
  await rowOf('Bălănescu').getByRole('checkbox').check();
  await rowOf('Al-Sayed').getByRole('checkbox').check();
  await expect(page.getByRole('heading', { level: 1, name: 'Nuclei familiari' })).toBeVisible();
  await page.getByRole('button', { name: 'Lettera a 2 nuclei scelti' }).click();

  const dialog = page.getByRole('dialog', { name: /^Lettere a:/ });
  await dialog.getByRole('combobox', { name: 'Modello di lettera' }).click();
  await page.getByRole('option', { name: 'Comunicazione generica' }).click();
  await dialog.getByRole('button', { name: 'Anteprima' }).click();
  await expect(dialog.getByText(/^2 nuclei/)).toBeVisible({ timeout: SAVED });
  const preview = dialog.locator('iframe[title="Anteprima delle prime lettere"]');
  await expect(preview).toHaveAttribute('srcdoc', /Ioana Bălănescu/);
  await expect(preview).toHaveAttribute('srcdoc', /Ahmed Al-Sayed/);
  await expect(preview).not.toHaveAttribute('srcdoc', /Galli/);
  await snap(page, 'lettere-scelta-nuclei');
  expect(appErrors(consoleErrors)).toEqual([]);
});

/*
 * The desktop app's print button. The web shell has no system print dialog, so the answers
 * of the desktop shell are played through the browser: the preview says printing is
 * available, the first «stampa» comes back as a closed dialog, the second is issued by the
 * server (as a PDF) and comes back as printed. What is checked is the dialog: its buttons,
 * what it says after a closed dialog and after printing, and that a closed dialog took no
 * protocol number. The server side of printing is tested in tests/unit/letters.test.ts.
 */
test('letters: in the desktop app the dialog prints, and a closed print dialog issues nothing', async ({
  page,
  url,
  apiCall,
  consoleErrors,
}) => {
  test.setTimeout(240_000);
  await setupViaApi(apiCall);
  const { building } = await buildingViaApi(apiCall);
  ok(
    await apiCall('letters.updateLetterhead', {
      name: 'Cooperativa Sociale Il Cortile',
      address: 'Via Roma 12, 40121 Bologna',
      phone: '051 123456',
      email: 'info@ilcortile.it',
      footer: '',
      sportelloHours: 'martedì e giovedì, dalle 9 alle 12',
    }),
  );
  await page.route('**/api/letters.preview', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
    if (body.value) body.value.canPrint = true;
    await route.fulfill({ response, json: body });
  });
  let dialogAnswers = 0;
  await page.route('**/api/letters.issue', async (route) => {
    const input = route.request().postDataJSON() as Record<string, unknown>;
    expect(input.output).toBe('stampa');
    dialogAnswers += 1;
    if (dialogAnswers === 1) {
      await route.fulfill({ json: { ok: true, value: { outcome: 'cancelled' } } });
      return;
    }
    const response = await route.fetch({ postData: JSON.stringify({ ...input, output: 'pdf' }) });
    const body = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    const { batchId, count, skipped, firstProtocol, lastProtocol } = body.value;
    await route.fulfill({
      response,
      json: { ok: true, value: { outcome: 'printed', batchId, count, skipped, firstProtocol, lastProtocol } },
    });
  });

  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
  await page.goto(`${url}#/caseggiati/${building.id}`);
  await page.getByRole('button', { name: 'Lettere' }).click();
  const dialog = page.getByRole('dialog', { name: /^Lettere a:/ });
  await dialog.getByRole('combobox', { name: 'Modello di lettera' }).click();
  await page.getByRole('option', { name: 'Comunicazione generica' }).click();
  await dialog.getByRole('button', { name: 'Anteprima' }).click();
  await expect(dialog.getByText(/^3 nuclei/)).toBeVisible({ timeout: SAVED });
  await expect(dialog.getByRole('button', { name: 'Emetti 3 lettere e salva il PDF' })).toBeVisible();
  await snap(page, 'lettere-stampa-pulsanti');

  await dialog.getByRole('button', { name: 'Emetti 3 lettere e stampa' }).click();
  await expect(dialog.getByText(/^Stampa annullata: nessuna lettera è stata emessa/)).toBeVisible();
  expect(ok(await apiCall('letters.register', { householdId: null, page: 0, pageSize: 10 })).total).toBe(0);

  await dialog.getByRole('button', { name: 'Emetti 3 lettere e stampa' }).click();
  const year = new Date().getFullYear();
  await expect(
    dialog.getByText(`Stampate 3 lettere, protocollo ${year}/000001 – ${year}/000003.`, { exact: false }),
  ).toBeVisible({ timeout: 120_000 });
  await expect(dialog.getByRole('button', { name: 'Salva di nuovo il PDF' })).toHaveCount(0);
  await snap(page, 'lettere-stampate');
  expect(ok(await apiCall('letters.register', { householdId: null, page: 0, pageSize: 10 })).total).toBe(3);
  expect(appErrors(consoleErrors)).toEqual([]);
});
