import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addMonths } from '../../shared/arrears/plan';
import { expect, snap, test, type ApiCall } from './fixtures';
import { homeHeading, navigation, setupViaApi } from './support/flows';
import { ADMIN, OPERATOR } from './support/people';
import { ROOT } from './support/server';
import { choose, menuGone, ok } from './support/ui';

/*
 * Two households in arrears, imported from a small statement, scored with the default weights
 * (docs/risk-score.md):
 *
 * Esposito (rent 250 €, nothing paid for 4 months, 1.000 € owed, 250 € three months before):
 *   4 mensilità non pagate +30, saldo 4 mensilità +15, debito cresciuto di 750 € +10,
 *   mai contattato +5 → 60, Alto. No payment ever: "giorni dall'ultimo pagamento" scores 0.
 * Greco (rent 200 €, nothing paid for 5 months, 1.000 € owed, 400 € three months before):
 *   5 mensilità +40, saldo 5 mensilità +20, crescita 600 € +10, mai contattato +5 → 75, Alto.
 *
 * So Greco comes first. A sollecito for Esposito (+5 → 65), then a repayment plan whose first
 * two installments are past due and unpaid (+20 → 85, Critico, plan "In ritardo") puts
 * Esposito first; recording the contact takes Esposito off the list.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** Today as `YYYY-MM-DD`, local time (the app's "today"). */
function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `YYYY-MM-DD` → `dd/mm/yyyy`. */
function dmy(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The statement period `k` months before this one, as `MM/YYYY`. */
function periodAgo(k: number): string {
  const iso = addMonths(todayIso(), -k);
  return `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const euro = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** One statement row per month, oldest first, nothing paid: the balance grows by the rent each month. */
function unpaidRows(unitCode: string, rentCents: number, months: number): string[] {
  return Array.from({ length: months }, (_, i) => {
    const k = months - i;
    return [unitCode, periodAgo(k), euro(rentCents), '0,00', euro(rentCents * (i + 1))].join(';');
  });
}

async function registryViaApi(apiCall: ApiCall) {
  const operator = ok(
    await apiCall('operators.create', {
      fullName: OPERATOR.fullName,
      username: OPERATOR.username,
      role: 'operatore',
      temporaryPassword: OPERATOR.temporaryPassword,
    }),
  ).operator;
  const area = ok(await apiCall('areas.create', { name: 'San Bernardo – Borgo Loreto' })).area;
  const building = ok(
    await apiCall('buildings.create', {
      areaId: area.id,
      address: 'Via del Pratello 12',
      city: 'Bologna',
      agencyCode: 'ACER-0012',
      owner: 'ALER',
      declaredUnits: 4,
      notes: '',
      operatorIds: [operator.id],
    }),
  ).building;
  const units = ok(
    await apiCall('units.createMany', {
      buildingId: building.id,
      staircase: 'A',
      floorFrom: 0,
      floorTo: 1,
      perFloor: 2,
      firstNumber: 1,
      codePrefix: 'PR12-A',
    }),
  ).units;
  const household = async (unitId: number, firstName: string, surname: string, sex: 'F' | 'M') =>
    ok(
      await apiCall('households.create', {
        unitId,
        since: '2019-05-01',
        phone: '051 112233',
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
    ).household;
  const [first, second, third] = units;
  if (!first || !second || !third) throw new Error('units missing');
  const esposito = await household(first.id, 'Nicolò', 'Esposito', 'M');
  const greco = await household(second.id, 'Carla', 'Greco', 'F');
  // Not in the statement: nothing known about its arrears.
  const costa = await household(third.id, 'Marco', 'Costa', 'M');
  return { esposito, greco, costa, codes: [first.agencyCode, second.agencyCode] };
}

/** Imports the statement through the same calls as the import page (preview, then commit). */
async function importStatement(apiCall: ApiCall, rows: string[]) {
  const csv = ['Codice alloggio;Periodo;Totale dovuto;Versato;Saldo morosità', ...rows].join('\r\n');
  const preview = ok(
    await apiCall('arrears.previewImport', {
      fileName: 'estratto_morosita.csv',
      contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
    }),
  );
  expect(preview.mappingProblems).toEqual([]);
  expect(preview.counts.errors, JSON.stringify(preview.errors)).toBe(0);
  expect(preview.counts.matched).toBe(rows.length);
  if (!preview.previewId) throw new Error('no preview');
  const committed = ok(await apiCall('arrears.commitImport', { previewId: preview.previewId }));
  expect(committed.written).toBe(rows.length);
}

/** A screenshot of one part of the page (the whole section, even below the fold). */
async function snapPart(part: Locator, name: string): Promise<void> {
  await part.screenshot({
    path: path.join(ROOT, 'test-results/screens', `${name}.png`),
    animations: 'disabled',
    // The fixed top bar would otherwise sit over the middle of a part taller than the window.
    style: 'header.MuiAppBar-root { visibility: hidden; }',
  });
}

function worklistRows(page: Page): Locator {
  return page.getByRole('grid', { name: 'Nuclei da contattare' }).locator('.MuiDataGrid-row');
}

test('the arrears panel explains the score, a late plan raises it, the worklist follows', async ({
  page,
  url,
  apiCall,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await setupViaApi(apiCall);
  const { esposito, greco, costa, codes } = await registryViaApi(apiCall);
  const [espositoUnit, grecoUnit] = codes;
  if (!espositoUnit || !grecoUnit) throw new Error('unit codes missing');
  await importStatement(apiCall, [
    ...unpaidRows(espositoUnit, 25_000, 4),
    ...unpaidRows(grecoUnit, 20_000, 5),
  ]);

  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  // ---- the worklist: both Alto, Greco (75) before Esposito (60) ----
  await navigation(page).getByRole('link', { name: 'Da contattare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Da contattare' })).toBeVisible();
  await expect(page.getByText('Non compaiono i nuclei con un piano di rientro in regola')).toContainText(
    'negli ultimi 30 giorni',
  );
  const rows = worklistRows(page);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Greco Carla');
  await expect(rows.nth(0)).toContainText('75');
  await expect(rows.nth(1)).toContainText('Esposito Nicolò');
  await expect(rows.nth(1)).toContainText('60');
  await expect(rows.nth(1)).toContainText('4 mensilità non pagate');
  await expect(rows.nth(1)).toContainText('1.000,00 €');
  await expect(rows.nth(1)).toContainText('mai');
  await snap(page, 'da-contattare-prima');

  // ---- the household page: Alto, 60 points, and why ----
  await rows
    .nth(1)
    .getByRole('link', { name: /Esposito Nicolò/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Esposito Nicolò' })).toBeVisible();
  expect(page.url()).toContain(`/nuclei/${esposito.id}`);
  const panel = page.getByRole('region', { name: 'Morosità' });
  await expect(panel.getByLabel('Fascia di rischio Alto')).toBeVisible();
  await expect(panel.getByText('60 punti')).toBeVisible();
  const why = panel.getByRole('list', { name: 'Perché' });
  const reason = (text: string) => why.getByRole('listitem').filter({ hasText: text });
  await expect(why.getByRole('listitem')).toHaveCount(4);
  await expect(reason('4 mensilità non pagate')).toContainText('+30');
  await expect(reason('Saldo pari a 4 mensilità di canone (1.000,00 €)')).toContainText('+15');
  await expect(reason('Debito cresciuto di 750,00 € negli ultimi 3 mesi')).toContainText('+10');
  await expect(reason('Mai contattato dal tutor')).toContainText('+5');
  await expect(panel.getByText('4 mensilità', { exact: true })).toBeVisible();
  await expect(panel.getByText('canone abituale 250,00 €')).toBeVisible();
  await expect(panel.getByText('nessuno noto')).toBeVisible();
  await expect(panel.getByRole('img', { name: /Grafico di dovuto, versato e saldo/ })).toBeVisible();
  await panel.getByRole('button', { name: /Mostra la tabella dei mesi/ }).click();
  const months = panel.getByRole('table', { name: 'Estratti mese per mese' });
  await expect(months.getByRole('row')).toHaveCount(5);
  await expect(months.getByRole('row').nth(1)).toContainText(periodAgo(1));
  await snapPart(panel, 'morosita-nucleo-pannello');
  await panel.getByRole('button', { name: /Nascondi la tabella dei mesi/ }).click();

  // ---- legal stage set by hand: a sollecito, +5 ----
  await panel.getByRole('button', { name: 'Cambia la fase legale' }).click();
  const stageDialog = page.getByRole('dialog', { name: 'Fase legale' });
  await choose(page, stageDialog, 'Fase legale', 'Sollecito');
  await stageDialog.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByText('Fase legale salvata')).toBeVisible();
  await expect(stageDialog).toHaveCount(0);
  await expect(panel.getByText('65 punti')).toBeVisible();
  await expect(reason('Fase legale: sollecito')).toContainText('+5');
  await expect(panel.getByText(`impostata da ${ADMIN.fullName}`)).toBeVisible();

  // ---- a repayment plan whose first two installments are already past due ----
  await panel.getByRole('button', { name: 'Nuovo piano di rientro' }).click();
  const planDialog = page.getByRole('dialog', { name: 'Nuovo piano di rientro' });
  await expect(planDialog.getByRole('textbox', { name: 'Importo concordato (€)' })).toHaveValue('1.000,00');
  // A failed save keeps what was typed and says at the field what to fix.
  await planDialog.getByRole('button', { name: 'Salva piano' }).click();
  await expect(planDialog.getByText('Numero di rate: inserire un numero.')).toBeVisible();
  await expect(planDialog.getByText('Scadenza della prima rata: inserire una data.')).toBeVisible();
  await expect(planDialog.getByRole('textbox', { name: 'Importo concordato (€)' })).toHaveValue('1.000,00');
  await planDialog.getByRole('textbox', { name: 'Numero di rate' }).fill('10');
  const firstDue = addMonths(todayIso(), -2);
  await planDialog.getByRole('textbox', { name: 'Scadenza della prima rata' }).fill(dmy(firstDue));
  await expect(planDialog.getByText(/^10 rate da 100,00\s€, dal /)).toContainText(
    `dal ${dmy(firstDue)} al ${dmy(addMonths(firstDue, 9))}`,
  );
  await expect(
    planDialog.getByRole('table', { name: 'Rate del piano (anteprima)' }).getByRole('row'),
  ).toHaveCount(11);
  await snap(page, 'morosita-nucleo-nuovo-piano');
  await planDialog.getByRole('textbox', { name: 'Numero di rate' }).press('Enter');
  await expect(page.getByText('Piano di rientro salvato')).toBeVisible();
  await expect(planDialog).toHaveCount(0);

  await expect(panel.getByText('In ritardo', { exact: true })).toBeVisible();
  await expect(panel.getByText('2 rate scadute non pagate: mancano 200,00 €.')).toBeVisible();
  const installments = panel.getByRole('table', { name: 'Rate del piano di rientro' });
  await expect(installments.getByRole('row').nth(1)).toContainText('Scaduta');
  await expect(installments.getByRole('row').nth(3)).not.toContainText('Scaduta');
  await expect(panel.getByLabel('Fascia di rischio Critico')).toBeVisible();
  await expect(panel.getByText('85 punti')).toBeVisible();
  await expect(reason('2 rate del piano non pagate')).toContainText('+20');
  await snapPart(panel, 'morosita-nucleo-piano-in-ritardo');

  // ---- the worklist again: Esposito (Critico 85) now first, its plan in ritardo ----
  await navigation(page).getByRole('link', { name: 'Da contattare' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Esposito Nicolò');
  await expect(rows.nth(0)).toContainText('Critico');
  await expect(rows.nth(0)).toContainText('85');
  await expect(rows.nth(0)).toContainText('In ritardo');
  await expect(rows.nth(1)).toContainText('Greco Carla');
  await snap(page, 'da-contattare-ordine');

  // The band filter.
  await choose(page, page.getByRole('main'), 'Fascia', 'Alto');
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('Greco Carla');
  await choose(page, page.getByRole('main'), 'Fascia', 'Medio');
  await expect(page.getByText('Nessun nucleo da contattare in fascia Medio.')).toBeVisible();
  await snap(page, 'da-contattare-filtro-vuoto');
  await choose(page, page.getByRole('main'), 'Fascia', 'Tutte le fasce');
  await expect(rows).toHaveCount(2);
  // A coordinator can read one operator's list: the households of the buildings assigned to them.
  await choose(page, page.getByRole('main'), 'Nuclei di', OPERATOR.fullName);
  await expect(rows).toHaveCount(2);
  await choose(page, page.getByRole('main'), 'Nuclei di', 'Tutti gli operatori');

  // ---- recording the contact takes Esposito off the list ----
  await rows
    .nth(0)
    .getByRole('button', { name: /Registra contatto con .*Esposito Nicolò/ })
    .click();
  const contact = page.getByRole('dialog', { name: 'Registra intervento' });
  await choose(page, contact, 'Tipo', 'contatto telefonico');
  await choose(page, contact, 'Canale', 'telefono');
  await choose(page, contact, 'Provenienza', 'proattivo');
  await contact.getByRole('combobox', { name: 'Temi' }).click();
  await page.getByRole('option', { name: 'morosità', exact: true }).click();
  await page.keyboard.press('Escape');
  await menuGone(page);
  await contact
    .getByRole('textbox', { name: 'Note' })
    .fill('Chiamato per il piano di rientro: pagherà venerdì.');
  await contact.getByRole('button', { name: 'Salva intervento' }).click();
  await expect(page.getByText('Intervento salvato')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('Greco Carla');
  await snap(page, 'da-contattare-dopo-contatto');

  // ---- back on the household: contacted, a payment, morosità incolpevole ----
  await page.goto(`${url.split('?')[0]}#/nuclei/${esposito.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Esposito Nicolò' })).toBeVisible();
  await expect(reason('2 rate del piano non pagate')).toBeVisible();
  await expect(reason('Mai contattato dal tutor')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Registra pagamento' }).click();
  const payment = page.getByRole('dialog', { name: 'Registra pagamento' });
  await expect(payment.getByRole('textbox', { name: 'Importo pagato (€)' })).toHaveValue('100,00');
  await payment.getByRole('button', { name: 'Salva pagamento' }).click();
  await expect(page.getByText('Pagamento registrato')).toBeVisible();
  await expect(panel.getByText('1 rata scaduta non pagata: mancano 100,00 €.')).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Pagamenti del piano' })).toContainText('100,00 €');

  await panel.getByRole('button', { name: 'Aggiungi causa' }).click();
  const cause = page.getByRole('dialog', { name: 'Causa di morosità incolpevole' });
  await choose(page, cause, 'Causa', 'Perdita del lavoro per licenziamento');
  const eventDate = `${addMonths(todayIso(), -5).slice(0, 8)}10`;
  await cause.getByRole('textbox', { name: 'Data dell’evento' }).fill(dmy(eventDate));
  await cause.getByRole('button', { name: 'Salva causa' }).click();
  await expect(page.getByText('Causa registrata')).toBeVisible();
  await expect(panel.getByText(/Manca l.ISEE\./)).toBeVisible();

  await panel.getByRole('button', { name: 'Registra ISEE' }).click();
  const isee = page.getByRole('dialog', { name: 'ISEE del nucleo' });
  await isee.getByRole('textbox', { name: 'Valore ISEE (€)' }).fill('8.500');
  await isee.getByRole('textbox', { name: 'Data dell’ISEE' }).fill(dmy(addMonths(todayIso(), -1)));
  await isee.getByRole('button', { name: 'Salva ISEE' }).click();
  await expect(page.getByText('ISEE salvato')).toBeVisible();
  await expect(panel.getByText('Potenzialmente eleggibile')).toBeVisible();
  await expect(panel.getByText('ISEE di 8.500,00 €', { exact: false }).first()).toBeVisible();
  await expect(panel.getByText('8.500,00 € del')).toBeVisible();
  await snapPart(panel, 'morosita-nucleo-incolpevole');
  await snap(page, 'morosita-nucleo-schermo');

  // ---- the settings: a wrong threshold is refused at the field, a change is kept in the history ----
  await page.goto(`${url.split('?')[0]}#/morosita/punteggio`);
  await expect(page.getByRole('heading', { level: 1, name: 'Punteggio di rischio' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Alto da punti' })).toHaveValue('40');
  await snap(page, 'punteggio-impostazioni');
  await page.getByRole('textbox', { name: 'Alto da punti' }).fill('10');
  await page.getByRole('button', { name: 'Salva' }).first().click();
  await expect(page.getByText('Soglia Alto: deve essere maggiore della soglia Medio (20).')).toBeVisible();
  await page.getByRole('textbox', { name: 'Alto da punti' }).scrollIntoViewIfNeeded();
  await snap(page, 'punteggio-errore');
  await page.getByRole('textbox', { name: 'Alto da punti' }).fill('45');
  await page.getByRole('textbox', { name: 'Importo di tolleranza (€)' }).fill('7,50');
  await page.getByRole('button', { name: 'Salva' }).first().click();
  await expect(page.getByText('Impostazioni salvate')).toBeVisible();
  const history = page.getByRole('list', { name: 'Ultime modifiche' });
  await expect(history).toContainText('Soglie delle fasce, alto da punti: 40 → 45');
  await expect(history).toContainText('Piani di rientro, importo di tolleranza: 5,00 € → 7,50 €');
  await history.scrollIntoViewIfNeeded();
  await snap(page, 'punteggio-salvato');
  await page.getByRole('button', { name: 'Ripristina i valori predefiniti' }).click();
  await expect(page.getByRole('textbox', { name: 'Alto da punti' })).toHaveValue('40');
  await page.getByRole('button', { name: 'Salva' }).first().click();
  await expect(page.getByText('Impostazioni salvate')).toBeVisible();
  await expect(history.getByRole('listitem').first()).toContainText('alto da punti: 45 → 40');

  // ---- a household with no statement and no plan: where the data will come from ----
  await page.goto(`${url.split('?')[0]}#/nuclei/${costa.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Costa Marco' })).toBeVisible();
  await expect(panel.getByText(/Nessun dato sulla morosità/)).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Importa estratto' })).toHaveAttribute(
    'href',
    '#/morosita/importa',
  );
  await panel.scrollIntoViewIfNeeded();
  await snap(page, 'morosita-nucleo-vuoto');

  expect(greco.id).toBeGreaterThan(0);
  expect(consoleErrors).toEqual([]);
});
