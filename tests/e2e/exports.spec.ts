import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, snap, test, type ApiCall } from './fixtures';
import { homeHeading, navigation, setupViaApi } from './support/flows';
import { ADMIN } from './support/people';
import { menuGone, ok } from './support/ui';
import { presetColumns } from '../../shared/exports/columns';

/*
 * The Comune's quarterly report: the monthly summary per building for the first quarter of
 * 2025, from the Esportazioni page; the summary before saving, then the downloaded file
 * (BOM, Italian header, as many rows as the summary said, the figures, no names).
 */

async function choose(page: Page, scope: Locator, label: RegExp, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await menuGone(page);
}

async function worldViaApi(apiCall: ApiCall) {
  const area = ok(await apiCall('areas.create', { name: 'Cittadella' })).area;
  const building = async (address: string, agencyCode: string) =>
    ok(
      await apiCall('buildings.create', {
        areaId: area.id,
        address,
        city: 'Cremona',
        agencyCode,
        owner: 'ALER',
        declaredUnits: 2,
        notes: '',
        operatorIds: [],
      }),
    ).building;
  const household = async (buildingId: number, firstName: string, surname: string) => {
    const [unit] = ok(
      await apiCall('units.createMany', {
        buildingId,
        staircase: 'A',
        floorFrom: 0,
        floorTo: 0,
        perFloor: 1,
        firstNumber: 1,
        codePrefix: '',
      }),
    ).units;
    if (!unit) throw new Error('unit missing');
    return ok(
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
            sex: 'F',
            birthDate: null,
            taxCode: null,
            phone: '',
            relationship: 'intestatario',
            fragilityIds: [],
          },
        ],
      }),
    ).household;
  };
  const verdi = await building('Via Giuseppe Verdi 8', 'CR-0101');
  const mazzini = await building('Via Mazzini 3', 'CR-0102');
  const ferrari = await household(verdi.id, 'Anna', 'Ferrari');
  const galli = await household(mazzini.id, 'Rosa', 'Galli');
  const { items } = ok(await apiCall('vocabulary.list', {}));
  const vocab = (kind: string, label: string) =>
    items.find((i) => i.kind === kind && i.label === label)?.id ?? 0;
  const intervention = async (occurredAt: string, householdId: number) =>
    ok(
      await apiCall('interventions.create', {
        occurredAt,
        durationMin: 30,
        typeId: vocab('intervention_type', 'ascolto'),
        channelId: vocab('channel', 'sportello'),
        originId: vocab('origin', 'proattivo'),
        topicIds: [vocab('topic', 'morosità')],
        notes: 'Colloquio su Anna Ferrari e la sua salute',
        outcome: '',
        confidential: false,
        target: { kind: 'households', householdIds: [householdId] },
      }),
    );
  await intervention('2025-01-14T10:00', ferrari.id);
  await intervention('2025-01-28T11:00', ferrari.id);
  await intervention('2025-02-05T09:30', galli.id);
  await intervention('2025-04-02T09:30', galli.id); // next quarter: not in the file
  const types = items.filter((i) => i.kind === 'intervention_type').map((i) => i.label);
  return { types };
}

test('the office exports the monthly summary of a quarter and gets the file the summary described', async ({
  page,
  url,
  apiCall,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await setupViaApi(apiCall);
  const { types } = await worldViaApi(apiCall);
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  await navigation(page).getByRole('link', { name: 'Esportazioni' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Esportazioni per il Comune' })).toBeVisible();
  await expect(page.getByText('Nessun file esportato finora.')).toBeVisible();
  await page.getByRole('radio', { name: 'Riepilogo mensile per caseggiato' }).check();
  const main = page.getByRole('main');
  // A select's name is its label followed by its value.
  await choose(page, main, /^Periodo /, 'Trimestre');
  await choose(page, main, /^Trimestre /, '1º (gennaio–marzo)');
  await main.getByRole('spinbutton', { name: 'Anno' }).fill('2025');
  await page.getByRole('radio', { name: /^Excel \(Italia\)/ }).check();
  await page.getByRole('button', { name: 'Mostra il riepilogo' }).click();

  const summary = page.getByRole('region', { name: 'Riepilogo prima del salvataggio' });
  await expect(summary).toBeVisible();
  await expect(summary.getByText('1º trimestre 2025 (dal 01/01/2025 al 31/03/2025)')).toBeVisible();
  await expect(summary.getByText('Tutti i caseggiati')).toBeVisible();
  const fileName = 'cortile_riepilogo_mensile_2025-T1_cooperativa-sociale-il-cortile.csv';
  await expect(summary.getByTestId('export-file-name')).toHaveText(fileName);
  await expect(summary.getByText(/Nomi, codici fiscali, telefoni/)).toBeVisible();
  const announced = Number(await summary.getByTestId('export-rows-riepilogo_mensile').textContent());
  // Two buildings, three months.
  expect(announced).toBe(6);
  await expect(summary.getByTestId('export-rows-interventi')).toHaveText('3');
  await snap(page, 'esportazioni-riepilogo');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    summary.getByRole('button', { name: 'Salva il file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(fileName);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n');
  expect(lines[0]).toBe(
    presetColumns('riepilogo_mensile', types)
      .map((c) => c.header)
      .join(';'),
  );
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toHaveLength(announced);
  const row = (code: string, month: string) =>
    parsed.data.find((r) => r['Codice caseggiato'] === code && r.Mese === month);
  expect(row('CR-0101', '1')).toMatchObject({
    Anno: '2025',
    'Nuclei attivi': '1',
    'Nuclei raggiunti': '1',
    'Interventi totali': '2',
  });
  expect(row('CR-0102', '2')).toMatchObject({ 'Interventi totali': '1', 'Interventi: ascolto': '1' });
  expect(row('CR-0102', '3')).toMatchObject({ 'Interventi totali': '0', 'Morosità totale': '0,00' });
  for (const secret of ['Ferrari', 'Galli', 'Anna', 'salute', 'Verdi']) {
    expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  }

  // The register lists it, with the rows and the file's fingerprint.
  const register = page.getByRole('table', { name: 'Registro delle esportazioni' });
  await expect(register.getByText(fileName)).toBeVisible();
  await expect(register.getByRole('cell', { name: '1º trimestre 2025' })).toBeVisible();
  await snap(page, 'esportazioni-registro');

  // The same quarter's interventions: one row each, codes and labels, no notes or names.
  await page.getByRole('radio', { name: 'Interventi', exact: true }).check();
  await page.getByRole('button', { name: 'Mostra il riepilogo' }).click();
  await expect(summary.getByTestId('export-file-name')).toHaveText(
    'cortile_interventi_2025-T1_cooperativa-sociale-il-cortile.csv',
  );
  const [interventions] = await Promise.all([
    page.waitForEvent('download'),
    summary.getByRole('button', { name: 'Salva il file' }).click(),
  ]);
  const interventionBytes = fs.readFileSync(await interventions.path());
  const rows = Papa.parse<Record<string, string>>(interventionBytes.toString('utf8').slice(1), {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  });
  expect(rows.errors).toEqual([]);
  expect(
    rows.data.map((r) => [r['Codice caseggiato'], r.Data, r.Tipo, r.Temi, r['Durata (minuti)']]),
  ).toEqual([
    ['CR-0101', '14/01/2025', 'ascolto', 'morosità', '30'],
    ['CR-0101', '28/01/2025', 'ascolto', 'morosità', '30'],
    ['CR-0102', '05/02/2025', 'ascolto', 'morosità', '30'],
  ]);
  expect(rows.data[0]!['Codice nucleo']).toBe(rows.data[1]!['Codice nucleo']);
  expect(rows.data[0]!['Codice nucleo']).toMatch(/^N-\d+$/);
  for (const secret of ['Ferrari', 'Galli', 'Anna', 'salute', 'Verdi', 'Colloquio']) {
    expect(interventionBytes.includes(Buffer.from(secret)), secret).toBe(false);
  }
  await expect(
    register.getByText('cortile_interventi_2025-T1_cooperativa-sociale-il-cortile.csv'),
  ).toBeVisible();
  await snap(page, 'esportazioni-interventi');
  expect(consoleErrors).toEqual([]);
});
