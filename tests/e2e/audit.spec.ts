import fs from 'node:fs';
import { openDatabase } from '../../db/connection';
import { KeyRing } from '../../db/keyring';
import { dataPaths } from '../../db/paths';
import { expect, snap, test, type ApiCall } from './fixtures';
import { homeHeading, navigation, setupViaApi } from './support/flows';
import { ADMIN } from './support/people';
import { ok } from './support/ui';

/*
 * The access log: opening a household is found in «Registro accessi» (filtered by the
 * household's code, exported as CSV), «Verifica integrità» says the log is intact, and
 * after one row is altered in the database file (opened with the key unwrapped from the
 * key ring, as an administrator with standard tools could) it names that row.
 */

async function householdViaApi(apiCall: ApiCall) {
  const area = ok(await apiCall('areas.create', { name: 'San Felice' })).area;
  const building = ok(
    await apiCall('buildings.create', {
      areaId: area.id,
      address: 'Via dei Mille 3',
      city: 'Bologna',
      agencyCode: '',
      owner: 'ALER',
      declaredUnits: 2,
      notes: '',
      operatorIds: [],
    }),
  ).building;
  const unit = ok(
    await apiCall('units.create', {
      buildingId: building.id,
      staircase: 'A',
      floor: 1,
      number: '3',
      agencyCode: '',
      rooms: null,
      sizeSqm: null,
    }),
  ).unit;
  return ok(
    await apiCall('households.create', {
      unitId: unit.id,
      since: '2021-04-01',
      phone: '',
      language: 'italiano',
      toTeam: false,
      notes: '',
      allowDuplicates: false,
      members: [
        {
          firstName: 'Ernesta',
          surname: 'Galvani',
          sex: 'F',
          birthDate: '1950-02-03',
          taxCode: null,
          phone: '',
          relationship: 'intestatario',
          fragilityIds: [],
        },
      ],
    }),
  ).household;
}

test('opening a household is in «Registro accessi»; an altered row is named by «Verifica integrità»', async ({
  page,
  url,
  apiCall,
  server,
}) => {
  await setupViaApi(apiCall);
  const household = await householdViaApi(apiCall);

  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();
  await page.goto(`${url}#/nuclei/${household.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Galvani Ernesta' })).toBeVisible();
  await expect(page.getByText('Manca l’informativa privacy firmata di 1 componente.')).toBeVisible();

  // ---- the opening, found in the access log by the household's code ----
  await navigation(page).getByRole('link', { name: 'Registro accessi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registro accessi' })).toBeVisible();
  await page.getByLabel('Nucleo (codice)').fill(household.code);
  const table = page.getByRole('table', { name: 'Voci del registro accessi' });
  const opening = table.getByRole('row').filter({ hasText: 'Apertura scheda nucleo' });
  await expect(opening).toHaveCount(1);
  await expect(opening).toContainText(ADMIN.fullName);
  await expect(opening).toContainText(household.code);
  await expect(table.getByRole('row').filter({ hasText: 'Nuovo nucleo' })).toHaveCount(1);
  const openingId = Number((await opening.getByRole('cell').first().innerText()).trim());
  await snap(page, 'audit-log-household');

  // ---- the CSV export of the filtered log ----
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Esporta CSV' }).click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(download.suggestedFilename()).toMatch(/^registro-accessi-.*\.csv$/);
  expect(csv.split('\r\n')[0]).toBe('\ufeffN.;Data e ora;Operatore;Azione;Tipo di record;Record;Nucleo');
  expect(csv).toContain(`${openingId};`);
  expect(csv).toContain('households.open');

  // ---- intact, then one row altered in the file ----
  await page.getByRole('button', { name: 'Verifica integrità' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Registro integro' })).toBeVisible({
    timeout: 30_000,
  });

  const keyring = KeyRing.load(dataPaths(server.dataDir).keyring);
  const slot = keyring.findByUsername(ADMIN.username);
  if (!slot) throw new Error('no key slot for the administrator');
  const key = await keyring.unwrap(slot, ADMIN.password);
  if (!key) throw new Error('the administrator password does not unwrap the key');
  const db = openDatabase(dataPaths(server.dataDir).database, key);
  try {
    // Someone rewrites who opened the household, leaving the hashes as they were.
    db.raw.prepare('UPDATE audit_log SET operator_id = NULL WHERE id = ?').run(openingId);
  } finally {
    db.close();
  }
  await page.getByRole('button', { name: 'Verifica integrità' }).click();
  const alarm = page.getByRole('status').filter({ hasText: 'Registro alterato' });
  await expect(alarm).toBeVisible({ timeout: 30_000 });
  await expect(alarm).toContainText(`la voce n. ${openingId} è stata modificata`);
  await snap(page, 'audit-log-altered');
});
