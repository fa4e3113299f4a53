import type { Locator, Page } from '@playwright/test';
import { expect, snap, test, type ApiCall } from './fixtures';
import { homeHeading, navigation, setupViaApi } from './support/flows';
import { ADMIN } from './support/people';
import { menuGone, ok } from './support/ui';

const SURNAMES = [
  'Rossi',
  'Bianchi',
  'Ferrari',
  'Esposito',
  'Romano',
  'Colombo',
  'Ricci',
  'Marino',
  'Greco',
  'Bruno',
  'Gallo',
  'Conti',
  'De Luca',
  'Costa',
  'Giordano',
  'Mancini',
  'Rizzo',
  'Lombardi',
];

/** A building with scala A and scala B (10 units each) and 18 households living there since 2020. */
async function buildingViaApi(apiCall: ApiCall) {
  const area = ok(await apiCall('areas.create', { name: 'Cambonino' })).area;
  const building = ok(
    await apiCall('buildings.create', {
      areaId: area.id,
      address: 'Via Cavour 20',
      city: 'Cremona',
      agencyCode: '',
      owner: 'ALER',
      declaredUnits: 20,
      notes: '',
      operatorIds: [],
    }),
  ).building;
  const units = [
    ...ok(
      await apiCall('units.createMany', {
        buildingId: building.id,
        staircase: 'A',
        floorFrom: 0,
        floorTo: 4,
        perFloor: 2,
        firstNumber: 1,
      }),
    ).units,
    ...ok(
      await apiCall('units.createMany', {
        buildingId: building.id,
        staircase: 'B',
        floorFrom: 0,
        floorTo: 4,
        perFloor: 2,
        firstNumber: 11,
      }),
    ).units,
  ];
  const households: { id: number; name: string }[] = [];
  for (const [index, surname] of SURNAMES.entries()) {
    const household = ok(
      await apiCall('households.create', {
        unitId: units[index]!.id,
        since: '2020-01-01',
        phone: '',
        notes: '',
        members: [
          {
            firstName: index % 2 === 0 ? 'Maria' : 'Luca',
            surname,
            sex: index % 2 === 0 ? 'F' : 'M',
            birthDate: null,
            taxCode: null,
            phone: '',
            relationship: 'intestatario',
            fragilityIds: [],
          },
        ],
      }),
    ).household;
    households.push({ id: household.id, name: household.referenceName ?? '' });
  }
  return { building, households };
}

async function choose(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
  await menuGone(page);
}

async function chooseMany(
  page: Page,
  scope: Locator,
  label: string,
  options: (string | RegExp)[],
): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  for (const option of options) await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
  await menuGone(page);
}

async function newActivity(
  page: Page,
  fields: { type: string; title: string; date: string; until?: string },
): Promise<void> {
  await navigation(page).getByRole('link', { name: 'Attività' }).click();
  await page.getByRole('button', { name: 'Nuova attività' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Nuova attività comunitaria' });
  await choose(page, dialog, 'Tipo di attività', fields.type);
  await dialog.getByRole('textbox', { name: 'Titolo' }).fill(fields.title);
  await dialog.getByRole('textbox', { name: 'Data', exact: true }).fill(fields.date);
  await dialog.getByRole('textbox', { name: 'Dalle' }).fill('18:00');
  await dialog.getByRole('textbox', { name: 'Alle', exact: true }).fill('19:30');
  await dialog.getByRole('textbox', { name: 'Luogo' }).fill('Sala comune');
  await chooseMany(page, dialog, 'Caseggiati', ['Via Cavour 20']);
  if (fields.until) {
    await dialog.getByRole('checkbox', { name: 'Si ripete (serie)' }).check();
    await dialog.getByRole('textbox', { name: 'Fino al' }).fill(fields.until);
  }
  await dialog.getByRole('button', { name: 'Aggiungi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fields.title })).toBeVisible();
}

const tick = (page: Page, name: string) => page.getByRole('checkbox', { name: new RegExp(`^${name} ·`) });

test('a tutor records a building meeting with attendance, a weekly workshop and a resident group', async ({
  page,
  url,
  apiCall,
  consoleErrors,
}) => {
  await setupViaApi(apiCall);
  const { building, households } = await buildingViaApi(apiCall);
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  // ---- a building meeting: 12 households ticked and 3 guests ----
  await newActivity(page, {
    type: 'incontro di caseggiato / assemblea',
    title: 'Assemblea di caseggiato',
    date: '10/03/2025',
  });
  const sheet = page.getByRole('region', { name: 'Presenze' });
  await expect(sheet.getByText('0 nuclei su 18 presenti (0%)')).toBeVisible();
  await sheet.getByRole('button', { name: 'Seleziona tutto: Scala A' }).click();
  await tick(page, 'Gallo Maria').check();
  await tick(page, 'Conti Luca').check();
  await sheet.getByRole('spinbutton', { name: 'Partecipanti non registrati' }).fill('3');
  await sheet.getByRole('textbox', { name: 'Nome della persona esterna' }).fill('Volontaria Auser');
  await sheet.getByRole('button', { name: 'Aggiungi persona' }).click();
  await expect(sheet.getByText('12 nuclei su 18 presenti (66,7%)')).toBeVisible();
  await sheet.getByRole('button', { name: 'Salva presenze' }).click();
  await expect(page.getByText('Presenze salvate')).toBeVisible();
  await page.reload();
  await expect(sheet.getByText('12 nuclei su 18 presenti (66,7%)')).toBeVisible();
  await expect(tick(page, 'Gallo Maria')).toBeChecked();
  await expect(tick(page, 'Costa Luca')).not.toBeChecked();
  await expect(sheet.getByRole('spinbutton', { name: 'Partecipanti non registrati' })).toHaveValue('3');
  await expect(sheet.getByText('Volontaria Auser')).toBeVisible();
  await snap(page, 'activity-attendance');

  // ---- the attendance on the household's page ----
  const gallo = households.find((h) => h.name === 'Gallo Maria')!;
  await page.goto(`${url.split('#')[0]}#/nuclei/${gallo.id}`);
  await expect(page.getByText('Attività comunitarie: 1 partecipazione')).toBeVisible();
  const history = page.getByRole('list', { name: 'Storia del nucleo' });
  await expect(history.getByText('Attività comunitaria · Assemblea di caseggiato')).toBeVisible();
  await expect(history.getByText('Presente · incontro di caseggiato / assemblea')).toBeVisible();
  await snap(page, 'activity-household-timeline');

  // ---- a weekly workshop: one series, attendance per date ----
  await newActivity(page, {
    type: 'laboratorio',
    title: 'Laboratorio di cucito',
    date: '04/03/2025',
    until: '25/03/2025',
  });
  const dates = page.getByRole('navigation', { name: 'Date della serie' });
  await expect(dates.getByRole('link')).toHaveCount(4);
  await tick(page, 'Rossi Maria').check();
  await tick(page, 'Bianchi Luca').check();
  await sheet.getByRole('button', { name: 'Salva presenze' }).click();
  await expect(dates.getByRole('link', { name: '04/03/2025 · 2 presenti' })).toBeVisible();
  await dates.getByRole('link', { name: /^11\/03\/2025/ }).click();
  await expect(tick(page, 'Rossi Maria')).not.toBeChecked();
  await tick(page, 'Rossi Maria').check();
  await sheet.getByRole('button', { name: 'Salva presenze' }).click();
  await expect(dates.getByRole('link', { name: '11/03/2025 · 1 presenti' })).toBeVisible();
  await expect(dates.getByRole('link', { name: '18/03/2025 · 0 presenti' })).toBeVisible();
  await snap(page, 'activity-series');

  // ---- a resident group with two referents, shown on the building page ----
  await navigation(page).getByRole('link', { name: 'Gruppi' }).click();
  await page.getByRole('button', { name: 'Nuovo gruppo' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Nuovo gruppo di residenti' });
  await dialog.getByRole('textbox', { name: 'Nome del gruppo' }).fill('Comitato inquilini Cavour');
  await chooseMany(page, dialog, 'Caseggiati', ['Via Cavour 20']);
  await dialog.getByRole('textbox', { name: 'Finalità' }).fill('Cura del cortile e feste di caseggiato.');
  await chooseMany(page, dialog, 'Referenti', [/^Rossi Maria/, /^Esposito Luca/]);
  await dialog.getByRole('textbox', { name: 'Data di avvio' }).fill('01/02/2025');
  await dialog.getByRole('button', { name: 'Aggiungi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comitato inquilini Cavour' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rossi Maria' })).toBeVisible();
  await snap(page, 'group-page');

  await page.goto(`${url.split('#')[0]}#/caseggiati/${building.id}?scheda=comunita`);
  const groups = page.getByRole('table', { name: 'Gruppi del caseggiato' });
  await expect(groups.getByRole('link', { name: 'Comitato inquilini Cavour' })).toBeVisible();
  await expect(groups.getByText('Esposito Luca, Rossi Maria')).toBeVisible();
  const latest = page.getByRole('table', { name: 'Ultime attività del caseggiato' });
  await expect(latest.getByRole('link', { name: 'Assemblea di caseggiato' })).toBeVisible();
  await expect(latest.getByRole('link', { name: 'Laboratorio di cucito' })).toHaveCount(4);
  await snap(page, 'building-community');

  // ---- the editable list of activity types ----
  await navigation(page).getByRole('link', { name: 'Elenchi e aree' }).click();
  await page.getByRole('tab', { name: 'Tipi di attività' }).click();
  const types = page.getByRole('table', { name: 'Tipi di attività' });
  await expect(types.getByRole('row', { name: /^laboratorio/ }).getByText('In uso')).toBeVisible();
  await expect(types.getByRole('row', { name: /^festa o evento/ }).getByText('In uso')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
