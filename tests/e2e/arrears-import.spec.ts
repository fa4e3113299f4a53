import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, snap, test, type ApiCall } from './fixtures';
import { homeHeading, navigation, setupViaApi } from './support/flows';
import { ADMIN } from './support/people';
import { ROOT } from './support/server';
import { menuGone, ok } from './support/ui';

const SAMPLE_NAME = 'estratto_morosita_esempio.csv';
const SAMPLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures', SAMPLE_NAME));
/** The units of Via Giuseppe Verdi 12 as the sample file codes them: staircase, floor, interno. */
const VERDI_UNITS = [
  ['A', 0, '1', 'CR-0101-A01'],
  ['A', 0, '2', 'CR-0101-A02'],
  ['A', 1, '1', 'CR-0101-A11'],
  ['A', 1, '2', 'CR-0101-A12'],
  ['A', 2, '2', 'CR-0101-A22'],
  ['B', 0, '1', 'CR-0101-B01'],
  ['B', 0, '2', 'CR-0101-B02'],
  ['B', 1, '1', 'CR-0101-B11'],
  ['B', 2, '2', 'CR-0101-B22'],
] as const;
/** Line of the sample file (header = line 1) of unit CR-0102-B12, which no unit carries. */
const EL_AMRANI_LINE = 17;

/**
 * One area; Via Giuseppe Verdi 12 with the nine units whose agency codes are
 * in the sample file, a household in CR-0101-B22; Via Cadore 67 with one unit
 * registered without a code, where the El Amrani household lives (the sample's
 * CR-0102-B12 gets linked to it). Returns the El Amrani household's id.
 */
async function registryViaApi(apiCall: ApiCall): Promise<number> {
  const area = ok(await apiCall('areas.create', { name: 'Cremona – Porta Po' })).area;
  const building = async (address: string, agencyCode: string) =>
    ok(
      await apiCall('buildings.create', {
        areaId: area.id,
        address,
        city: 'Cremona',
        agencyCode,
        owner: 'ALER',
        declaredUnits: null,
        notes: '',
        operatorIds: [],
      }),
    ).building;
  const verdi = await building('Via Giuseppe Verdi 12', 'CR-0101');
  let b22 = 0;
  for (const [staircase, floor, number, agencyCode] of VERDI_UNITS) {
    const unit = ok(
      await apiCall('units.create', {
        buildingId: verdi.id,
        staircase,
        floor,
        number,
        agencyCode,
        rooms: null,
        sizeSqm: null,
      }),
    ).unit;
    if (agencyCode === 'CR-0101-B22') b22 = unit.id;
  }
  const cadore = await building('Via Cadore 67', 'CR-0102');
  const cadoreB12 = ok(
    await apiCall('units.create', {
      buildingId: cadore.id,
      staircase: 'B',
      floor: 1,
      number: '2',
      agencyCode: '',
      rooms: null,
      sizeSqm: null,
    }),
  ).unit;
  const elAmrani = ok(
    await apiCall('households.create', {
      unitId: cadoreB12.id,
      since: '2021-03-01',
      phone: '',
      language: 'italiano',
      toTeam: false,
      notes: '',
      members: [
        {
          firstName: 'Luca',
          surname: 'El Amrani',
          sex: 'M',
          birthDate: null,
          taxCode: null,
          phone: '',
          relationship: 'intestatario',
          fragilityIds: [],
        },
      ],
      allowDuplicates: false,
    }),
  ).household;
  ok(
    await apiCall('households.create', {
      unitId: b22,
      since: '2019-05-01',
      phone: '',
      language: 'italiano',
      toTeam: false,
      notes: '',
      members: [
        {
          firstName: 'Carla',
          surname: 'Ferrari',
          sex: 'F',
          birthDate: null,
          taxCode: null,
          phone: '',
          relationship: 'intestatario',
          fragilityIds: [],
        },
      ],
      allowDuplicates: false,
    }),
  );
  return elAmrani.id;
}

/** Opens an MUI select by its accessible name and picks one option. */
async function choose(
  page: Page,
  scope: Locator,
  label: string | RegExp,
  option: string | RegExp,
): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await menuGone(page);
}

function card(page: Page, label: string, value: number) {
  return page.getByRole('listitem', { name: `${label}: ${String(value)}`, exact: true });
}

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('File dell’estratto').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect(page.getByText(name, { exact: true })).toBeVisible();
}

async function openImport(page: Page): Promise<void> {
  await page.getByRole('main').getByRole('link', { name: 'Importa estratto' }).first().click();
  await expect(page.getByRole('heading', { name: 'Importa estratto della morosità' })).toBeVisible();
}

test('a coordinator imports a statement, links and skips rows, imports it again and undoes it', async ({
  page,
  url,
  apiCall,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await setupViaApi(apiCall);
  const elAmraniId = await registryViaApi(apiCall);
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  // ---- the empty page says what to do ----
  await navigation(page).getByRole('link', { name: 'Morosità' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Morosità' })).toBeVisible();
  await expect(page.getByText('Nessuna importazione. Qui compariranno')).toBeVisible();
  await expect(page.getByText('Nessun profilo. Un profilo ricorda')).toBeVisible();
  await snap(page, 'morosita-01-vuota');

  // ---- step 1: the file ----
  await openImport(page);
  await chooseFile(page, SAMPLE_NAME, SAMPLE);
  await snap(page, 'morosita-02-file');
  await page.getByRole('button', { name: 'Avanti' }).click();

  // ---- step 2: the columns, guessed from the header; one wrong, then right ----
  await expect(page.getByRole('heading', { name: '2. Controllare le colonne' })).toBeVisible();
  await expect(page.getByText('Colonne riconosciute dai nomi delle intestazioni')).toBeVisible();
  const columns = page.getByRole('table', { name: 'Colonne del file' });
  await expect(columns.getByRole('combobox', { name: 'Codice alloggio', exact: true })).toHaveText(
    'Codice alloggio',
  );
  await expect(columns.getByRole('combobox', { name: 'Periodo (obbligatorio)' })).toHaveText('Periodo');
  await expect(page.getByText('Con queste colonne: 30 righe lette, 9 abbinate')).toBeVisible();
  await choose(page, columns, 'Saldo morosità (obbligatorio)', '— non presente —');
  await page.getByRole('button', { name: 'Aggiorna anteprima' }).click();
  await expect(page.getByRole('alert').getByText('Indicare la colonna «Saldo morosità».')).toBeVisible();
  await snap(page, 'morosita-03-colonne-da-sistemare');
  await choose(page, columns, 'Saldo morosità (obbligatorio)', 'Saldo morosità');
  await page.getByRole('button', { name: 'Aggiorna anteprima' }).click();
  await expect(page.getByText('Con queste colonne: 30 righe lette, 9 abbinate')).toBeVisible();
  await expect(page.getByText('Indicare la colonna «Saldo morosità».')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Salva come profilo del mittente' }).check();
  await page.getByRole('textbox', { name: 'Nome del profilo (mittente)' }).fill('ALER Cremona');
  await snap(page, 'morosita-04-colonne');
  await page.getByRole('button', { name: 'Avanti' }).click();

  // ---- step 3: the preview; link one row, skip the rest ----
  await expect(page.getByRole('heading', { name: '3. Controllare l’anteprima' })).toBeVisible();
  await expect(card(page, 'Righe lette', 30)).toBeVisible();
  await expect(card(page, 'Abbinate', 9)).toBeVisible();
  await expect(card(page, 'Non abbinate', 21)).toBeVisible();
  await expect(card(page, 'Con errori', 0)).toBeVisible();
  const importButton = page.getByRole('button', { name: 'Importa', exact: true });
  await expect(importButton).toBeDisabled();
  await expect(
    page.getByText('Restano 21 righe non abbinate: collegarle a un alloggio o saltarle.'),
  ).toBeVisible();
  await snap(page, 'morosita-05-anteprima');

  await page.getByRole('button', { name: `Collega a un alloggio la riga ${String(EL_AMRANI_LINE)}` }).click();
  const dialog = page.getByRole('dialog', {
    name: `Collega la riga ${String(EL_AMRANI_LINE)} a un alloggio`,
  });
  await expect(dialog.getByText('Codice alloggio CR-0102-B12 · EL AMRANI LUCA')).toBeVisible();
  await choose(page, dialog, 'Caseggiato', 'Via Cadore 67, Cremona');
  await choose(
    page,
    dialog,
    'Alloggio',
    /^Scala B, piano 1, int\. 2 \(senza codice\) · N-\d+ El Amrani Luca$/,
  );
  await snap(page, 'morosita-06-collega');
  await dialog.getByRole('button', { name: 'Collega' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Collegata a Via Cadore 67, Scala B, piano 1, int. 2')).toBeVisible();
  // By keyboard: the focus moves to the button that takes the decision back.
  await expect(page.getByRole('button', { name: 'Annulla il collegamento della riga 17' })).toBeFocused();
  await page.getByRole('button', { name: 'Salta la riga 11' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Ripristina la riga 11' })).toBeFocused();
  await page.getByRole('button', { name: 'Salta tutte le rimanenti (19)' }).click();
  await expect(page.getByRole('button', { name: 'Ripristina le saltate' })).toBeFocused();
  await expect(page.getByText('1 collegate, 20 saltate, 0 da decidere')).toBeVisible();
  await expect(importButton).toBeEnabled();
  await expect(page.getByText(/Pronto per l’importazione: 9 righe abbinate da scrivere/)).toBeVisible();
  await snap(page, 'morosita-07-pronto');
  await importButton.click();

  // ---- step 4: the result ----
  await expect(page.getByText('Importazione completata')).toBeVisible();
  await expect(
    page.getByText(/10 righe scritte, 0 già presenti e uguali \(non cambiate\), 20 saltate/),
  ).toBeVisible();
  await snap(page, 'morosita-08-esito');

  // ---- the linked household is now Alto, and the page says why ----
  // El Amrani (sample line 17): 4 months unpaid +30, 781,55 € owed = 3,5 months of its
  // 223,30 € rent +10, never contacted +5, and the days since its partial payment, dated
  // mid-month of the statement (15/09/2026): 5 points per full 30 days beyond 30, at most 20.
  // That makes 45 to 65 points, Alto, whatever the day the test runs.
  const paymentDay = new Date(2026, 8, 15);
  const today = new Date();
  const sinceDays = Math.round(
    (Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) -
      Date.UTC(paymentDay.getFullYear(), paymentDay.getMonth(), paymentDay.getDate())) /
      86_400_000,
  );
  const paymentPoints = Math.min(20, Math.max(0, Math.floor((sinceDays - 30) / 30)) * 5);
  await page.goto(`${url.split('?')[0]}#/nuclei/${String(elAmraniId)}`);
  const panel = page.getByRole('region', { name: 'Morosità' });
  await expect(panel.getByLabel('Fascia di rischio Alto')).toBeVisible();
  await expect(panel.getByText(`${String(45 + paymentPoints)} punti`)).toBeVisible();
  const reason = (text: string | RegExp) =>
    panel.getByRole('list', { name: 'Perché' }).getByRole('listitem').filter({ hasText: text });
  await expect(reason('4 mensilità non pagate')).toContainText('+30');
  await expect(reason('Saldo pari a 3,5 mensilità di canone (781,55 €)')).toContainText('+10');
  await expect(reason('Mai contattato dal tutor')).toContainText('+5');
  if (paymentPoints > 0) {
    await expect(reason(`Nessun pagamento da ${String(sinceDays)} giorni`)).toContainText(
      `+${String(paymentPoints)}`,
    );
  }
  await expect(panel.getByRole('list', { name: 'Perché' }).getByRole('listitem')).toHaveCount(
    paymentPoints > 0 ? 4 : 3,
  );
  await snap(page, 'morosita-08b-nucleo-alto');
  await navigation(page).getByRole('link', { name: 'Morosità' }).click();

  // ---- the log and the new profile ----
  const grid = page.getByRole('grid', { name: 'Importazioni della morosità' });
  await expect(grid.getByRole('row')).toHaveCount(2);
  const firstImport = grid.getByRole('row').nth(1);
  await expect(firstImport).toContainText(SAMPLE_NAME);
  await expect(firstImport).toContainText('ALER Cremona');
  await expect(firstImport).toContainText('09/2026');
  await expect(firstImport.getByRole('button', { name: 'Annulla importazione' })).toBeVisible();
  const profiles = page.getByRole('table', { name: 'Profili dei mittenti' });
  await expect(profiles.getByRole('rowheader', { name: 'ALER Cremona' })).toBeVisible();
  await snap(page, 'morosita-09-elenco');

  // ---- the same file again, with the profile: every row unchanged ----
  await openImport(page);
  await choose(page, page.getByRole('main'), /^Profilo del mittente/, 'ALER Cremona');
  await chooseFile(page, SAMPLE_NAME, SAMPLE);
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(page.getByText('Colonne prese dal profilo «ALER Cremona»')).toBeVisible();
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(page.getByText(/Questo file è già stato importato il .* da Maria Rossi/)).toBeVisible();
  await expect(card(page, 'Abbinate', 10)).toBeVisible();
  await expect(card(page, 'Già presenti e uguali', 10)).toBeVisible();
  await expect(card(page, 'Non abbinate', 20)).toBeVisible();
  await page.getByRole('button', { name: 'Salta tutte le rimanenti (20)' }).click();
  await snap(page, 'morosita-10-di-nuovo');
  await page.getByRole('button', { name: 'Importa', exact: true }).click();
  await expect(
    page.getByText(/0 righe scritte, 10 già presenti e uguali \(non cambiate\), 20 saltate/),
  ).toBeVisible();
  await snap(page, 'morosita-11-esito-uguale');
  await page.getByRole('link', { name: 'Vai all’elenco delle importazioni' }).click();

  // ---- undo the last import ----
  await expect(grid.getByRole('row')).toHaveCount(3);
  const lastImport = grid.getByRole('row').nth(1);
  await lastImport.getByRole('button', { name: 'Annulla importazione' }).click();
  const undo = page.getByRole('dialog', { name: 'Annullare l’importazione?' });
  await expect(undo.getByText('non aveva cambiato nessun valore')).toBeVisible();
  await snap(page, 'morosita-12-annulla');
  await undo.getByRole('button', { name: 'Annulla importazione' }).click();
  await expect(undo).toHaveCount(0);
  await expect(page.getByText('Importazione annullata')).toBeVisible();
  await expect(lastImport).toContainText(/Annullata il \d\d\/\d\d\/\d{4}/);
  await snap(page, 'morosita-13-annullata');

  // ---- a corrected statement for the same month: the first import can no longer be undone ----
  const corrected = Buffer.from(
    SAMPLE.toString('utf8').replace('0,00;2.457,00;12', '0,00;2.662,00;13'),
    'utf8',
  );
  await openImport(page);
  await choose(page, page.getByRole('main'), /^Profilo del mittente/, 'ALER Cremona');
  await chooseFile(page, 'estratto_morosita_rettifica.csv', corrected);
  await page.getByRole('button', { name: 'Avanti' }).click();
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(card(page, 'Già presenti e uguali', 9)).toBeVisible();
  await page.getByRole('button', { name: 'Salta tutte le rimanenti (20)' }).click();
  await page.getByRole('button', { name: 'Importa', exact: true }).click();
  await expect(page.getByText(/1 riga scritta, 9 già presenti e uguali/)).toBeVisible();
  await page.getByRole('link', { name: 'Vai all’elenco delle importazioni' }).click();
  await expect(grid.getByRole('row')).toHaveCount(4);
  const oldest = grid.getByRole('row').nth(3);
  await expect(oldest).toContainText('Non annullabile');
  await oldest.getByRole('gridcell').first().click();
  const detail = page.getByRole('dialog', { name: /Importazione del/ });
  await expect(
    detail.getByText('un’importazione successiva ha aggiornato alcuni degli stessi mesi'),
  ).toBeVisible();
  await expect(detail.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
  await snap(page, 'morosita-14-non-annullabile');
  await detail.getByRole('button', { name: 'Chiudi' }).click();
  await expect(detail).toHaveCount(0);

  // ---- the profile: renamed, then deleted (the imports keep their data) ----
  await profiles.getByRole('button', { name: 'Rinomina ALER Cremona' }).click();
  const rename = page.getByRole('dialog', { name: 'Rinomina «ALER Cremona»' });
  await rename
    .getByRole('textbox', { name: 'Nome del profilo (mittente)' })
    .fill('ALER Cremona – ufficio casa');
  await rename.getByRole('button', { name: 'Salva' }).click();
  await expect(rename).toHaveCount(0);
  await expect(profiles.getByRole('rowheader', { name: 'ALER Cremona – ufficio casa' })).toBeVisible();
  await expect(grid.getByRole('row').nth(1)).toContainText('ALER Cremona – ufficio casa');
  await profiles.getByRole('button', { name: 'Elimina ALER Cremona – ufficio casa' }).click();
  const remove = page.getByRole('dialog', { name: 'Eliminare il profilo «ALER Cremona – ufficio casa»?' });
  await expect(remove.getByRole('button', { name: 'Non eliminare' })).toBeFocused();
  await snap(page, 'morosita-15-elimina-profilo');
  await remove.getByRole('button', { name: 'Elimina profilo' }).click();
  await expect(remove).toHaveCount(0);
  await expect(page.getByText('Nessun profilo. Un profilo ricorda')).toBeVisible();
  await expect(grid.getByRole('row').nth(1)).not.toContainText('ALER Cremona');
  await snap(page, 'morosita-16-senza-profili');

  expect(consoleErrors).toEqual([]);
});

/** A workbook whose first sheet is a summary and the second the statement. */
async function twoSheetWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('Riepilogo');
  summary.addRow(['Voce', 'Importo']);
  summary.addRow(['Totale morosità', 2457]);
  const statement = workbook.addWorksheet('Estratto settembre');
  statement.addRow(['Cod. alloggio', 'Inquilino', 'Mese', 'Dovuto', 'Pagato', 'Saldo']);
  statement.addRow(['CR-0101-B22', 'FERRARI CARLA', '09/2026', 204.75, 0, 2457]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('files that cannot be imported: too large, binary, with errors; a workbook with several sheets', async ({
  page,
  url,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  const previews: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('arrears.previewImport')) previews.push(request.url());
  });
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
  await navigation(page).getByRole('link', { name: 'Morosità' }).click();
  await openImport(page);

  const input = page.getByLabel('File dell’estratto');
  await input.setInputFiles({
    name: 'estratto_enorme.csv',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
  });
  await expect(
    page
      .getByRole('alert')
      .getByText('Il file «estratto_enorme.csv» è troppo grande (10,1 MB): il limite è di 10 MB.', {
        exact: false,
      }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Avanti' })).toBeDisabled();
  await snap(page, 'morosita-20-file-troppo-grande');
  expect(previews).toEqual([]);

  // A PNG saved with a .csv name: the server reads its first bytes.
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    Buffer.alloc(2000, 7),
  ]);
  await chooseFile(page, 'estratto.csv', png);
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(page.getByRole('alert')).toHaveText('Il file non sembra un CSV: è un’immagine PNG.');
  await expect(page.getByRole('heading', { name: '1. Scegliere il file' })).toBeVisible();
  await snap(page, 'morosita-21-file-binario');

  // Bytes of no known format, with NULs.
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
  await chooseFile(page, 'estratto_settembre.csv', binary);
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(page.getByRole('alert')).toContainText('Il file non sembra un CSV: contiene dati binari');
  await snap(page, 'morosita-22-file-binario-ignoto');

  // A statement with a wrong period: listed with line and column, nothing can be imported.
  const wrong = Buffer.from(
    [
      'Codice alloggio;Intestatario;Periodo;Totale dovuto;Versato;Saldo morosità',
      'CR-0101-B22;FERRARI CARLA;09/2026;204,75;0,00;2.457,00',
      'CR-0101-B11;CONTI IOANA;13/2026;271,00;271,00;0,00',
    ].join('\r\n'),
    'utf8',
  );
  await chooseFile(page, 'estratto_con_errori.csv', wrong);
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(page.getByText('Con queste colonne: 2 righe lette')).toBeVisible();
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(card(page, 'Con errori', 1)).toBeVisible();
  const errors = page.getByRole('table', { name: 'Righe con errori' });
  await expect(errors.getByRole('row').nth(1)).toContainText('3Periodo');
  await expect(page.getByRole('button', { name: 'Importa', exact: true })).toBeDisabled();
  await expect(page.getByText('Il file ha 1 riga con errori: correggere il file')).toBeVisible();
  await snap(page, 'morosita-23-righe-con-errori');
  await page.getByRole('button', { name: 'Carica il file corretto' }).click();
  await expect(page.getByRole('heading', { name: '1. Scegliere il file' })).toBeVisible();

  // A workbook with two sheets: the statement is on the second one.
  await chooseFile(page, 'estratto_settembre.xlsx', await twoSheetWorkbook());
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(page.getByText('Il file Excel ha 2 fogli')).toBeVisible();
  await choose(page, page.getByRole('main'), /^Foglio/, 'Estratto settembre');
  await snap(page, 'morosita-24-scelta-foglio');
  await page.getByRole('button', { name: 'Avanti' }).click();
  await expect(page.getByText('Foglio: «Estratto settembre».')).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Colonne del file' })
      .getByRole('combobox', { name: 'Saldo morosità (obbligatorio)' }),
  ).toHaveText('Saldo');
  await expect(page.getByText('Con queste colonne: 1 riga letta')).toBeVisible();
});
