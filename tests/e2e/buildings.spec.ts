import type { CallInput } from '../../shared/contract';
import { expect, snap, test } from './fixtures';
import { changeTemporaryPassword, homeHeading, navigation, setupViaApi, signIn } from './support/flows';
import { ADMIN, OPERATOR } from './support/people';

const AREA = 'San Bernardo – Borgo Loreto';
const ADDRESS = 'Via Giuseppe Verdi 14';

test('areas, a building with its tutor and 15 units, the lists, and the household search', async ({
  page,
  url,
  apiCall,
  consoleErrors,
}) => {
  await setupViaApi(apiCall);
  const tutor = await apiCall('operators.create', {
    fullName: OPERATOR.fullName,
    username: OPERATOR.username,
    role: 'operatore',
    temporaryPassword: OPERATOR.temporaryPassword,
  });
  expect(tutor.ok, JSON.stringify(tutor)).toBe(true);

  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  // An area, through "Elenchi e aree".
  await navigation(page).getByRole('link', { name: 'Elenchi e aree' }).click();
  await expect(page.getByRole('heading', { name: 'Elenchi e aree' })).toBeVisible();
  await expect(page.getByText('Nessuna area.')).toBeVisible();
  await page.getByRole('button', { name: 'Aggiungi area' }).first().click();
  const areaDialog = page.getByRole('dialog', { name: 'Aggiungi area' });
  await areaDialog.getByLabel('Nome dell’area').fill(AREA);
  await areaDialog.getByLabel('Nome dell’area').press('Enter');
  await expect(page.getByText('Area aggiunta')).toBeVisible();
  await expect(areaDialog).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(AREA) })).toContainText('Attiva');
  await snap(page, 'elenchi-aree');

  // A topic deactivated (never deleted): it stays in the list, marked.
  await page.getByRole('tab', { name: 'Temi' }).click();
  const topic = page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'salute', exact: true }) });
  await expect(topic).toContainText('Attiva');
  await topic.getByRole('button', { name: 'Disattiva salute' }).click();
  await expect(page.getByText('Voce “salute” disattivata')).toBeVisible();
  await expect(topic).toContainText('Disattivata');
  await expect(topic.getByRole('button', { name: 'Riattiva salute' })).toBeVisible();
  await snap(page, 'elenchi-temi');

  // The building list starts empty and says what to do.
  await navigation(page).getByRole('link', { name: 'Caseggiati' }).click();
  await expect(page.getByText('Nessun caseggiato.', { exact: false })).toBeVisible();
  await snap(page, 'caseggiati-vuoto');

  await page.getByRole('button', { name: 'Aggiungi caseggiato' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Aggiungi caseggiato' });
  // Saving with nothing typed says at each field what is missing.
  await dialog.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(dialog.getByText('Scegliere l’area.')).toBeVisible();
  await expect(dialog.getByText('Inserire l’indirizzo del caseggiato.')).toBeVisible();
  await dialog.getByLabel('Area (quartiere)').click();
  await page.getByRole('option', { name: AREA }).click();
  await dialog.getByLabel('Indirizzo').fill(ADDRESS);
  await expect(dialog.getByLabel('Comune')).toHaveValue('Cremona');
  await dialog.getByLabel('Codice ente gestore').fill('CR-0412');
  await dialog.getByLabel('Numero di alloggi').fill('15');
  await dialog.getByLabel('Tutor assegnati').click();
  await page.getByRole('option', { name: OPERATOR.fullName }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(OPERATOR.fullName)).toBeVisible();
  await snap(page, 'caseggiato-aggiungi');
  await dialog.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(page.getByText('Caseggiato salvato')).toBeVisible();

  // The new building's page: header, breadcrumbs, and units to add.
  await expect(page.getByRole('heading', { level: 1, name: ADDRESS })).toBeVisible();
  const crumbs = page.getByRole('navigation', { name: 'Percorso' });
  await expect(crumbs.getByRole('link', { name: AREA })).toBeVisible();
  await expect(page.getByText(`Tutor: ${OPERATOR.fullName}`)).toBeVisible();
  await expect(page.getByText('Nessun alloggio. Aggiungere gli alloggi del caseggiato')).toBeVisible();
  await snap(page, 'caseggiato-nuovo');
  const buildingId = Number(/caseggiati\/(\d+)/.exec(page.url())?.[1]);
  expect(buildingId).toBeGreaterThan(0);

  // Many units at once, with a live preview.
  await page.getByRole('button', { name: 'Aggiungi alloggi' }).first().click();
  const units = page.getByRole('dialog', { name: 'Aggiungi alloggi' });
  await units.getByLabel('Scala', { exact: true }).fill('A');
  await units.getByLabel('Dal piano').fill('0');
  await units.getByLabel('Al piano', { exact: true }).fill('4');
  await units.getByLabel('Interni per piano').fill('3');
  await units.getByLabel('Prefisso codice alloggio').fill('CR-0412-');
  await expect(units.getByTestId('units-preview')).toHaveText(
    'Verranno creati 15 alloggi: da Scala A, piano terra, int. 1 a Scala A, piano 4, int. 15. Codici alloggio da CR-0412-1 a CR-0412-15.',
  );
  await snap(page, 'alloggi-aggiungi');
  await units.getByRole('button', { name: 'Aggiungi 15 alloggi' }).click();
  await expect(page.getByText('15 alloggi aggiunti')).toBeVisible();
  await expect(units).toHaveCount(0);
  const table = page.getByRole('table', { name: 'Alloggi' });
  await expect(table.getByRole('row')).toHaveCount(16);
  await expect(page.getByRole('tab', { name: 'Alloggi (15)' })).toBeVisible();
  await expect(table.getByRole('row', { name: /CR-0412-8/ })).toContainText('Libero');
  await snap(page, 'caseggiato-alloggi');

  // A unit's page.
  await table.getByRole('link', { name: 'Scala A, piano 2, int. 8', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scala A, piano 2, int. 8' })).toBeVisible();
  await expect(page.getByText('Nessun nucleo ha ancora abitato qui.')).toBeVisible();
  await snap(page, 'alloggio');

  // A household with a member whose name has an accent, created through the API.
  const list = await apiCall('units.list', { buildingId });
  expect(list.ok, JSON.stringify(list)).toBe(true);
  const unit = list.ok ? list.value.units.find((u) => u.agencyCode === 'CR-0412-8') : undefined;
  expect(unit).toBeDefined();
  const household = await apiCall('households.create', {
    unitId: unit!.id,
    since: '2019-09-01',
    phone: '0372 456789',
    notes: '',
    members: [
      {
        firstName: 'Rosa',
        surname: 'Ferrari',
        sex: 'F',
        birthDate: '1958-04-12',
        taxCode: null,
        phone: '',
        relationship: 'intestatario',
        fragilityIds: [],
      },
      {
        firstName: 'Nicolò',
        surname: 'Ferrari',
        sex: 'M',
        birthDate: '2004-11-30',
        taxCode: null,
        phone: '',
        relationship: 'nipote',
        fragilityIds: [],
      },
    ],
  });
  expect(household.ok, JSON.stringify(household)).toBe(true);
  const householdId = household.ok ? household.value.household.id : 0;

  // Ctrl+K from anywhere, a first name typed without its accent, Enter opens the household.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Cerca nucleo' });
  await expect(search).toBeFocused();
  await page.keyboard.type('nicolo');
  const result = page.getByRole('option', { name: /Ferrari Rosa/ });
  await expect(result).toContainText('trovato:');
  await expect(result).toContainText('Nicolò');
  await expect(result).toContainText(ADDRESS);
  await snap(page, 'ricerca-nucleo');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/nuclei/${householdId}$`));
  await expect(search).toHaveValue('');

  // The unit now shows who lives there, and its history.
  await page.goto(`${new URL(page.url()).origin}/#/alloggi/${unit!.id}`);
  // Two interventions through the API: one on the building, one confidential on the household.
  const vocabulary = await apiCall('vocabulary.list', {});
  expect(vocabulary.ok, JSON.stringify(vocabulary)).toBe(true);
  const items = vocabulary.ok ? vocabulary.value.items : [];
  const pick = (kind: string, label: string) =>
    items.find((item) => item.kind === kind && item.label === label)!.id;
  const interventions: { target: CallInput<'interventions.create'>['target']; notes: string }[] = [
    { target: { kind: 'building', buildingId }, notes: 'Assemblea dei residenti sulla pulizia delle scale.' },
    { target: { kind: 'households', householdIds: [householdId] }, notes: 'Colloquio riservato.' },
  ];
  for (const { target, notes } of interventions) {
    const created = await apiCall('interventions.create', {
      occurredAt: '2026-03-10T10:30',
      durationMin: 60,
      typeId: pick('intervention_type', 'ascolto'),
      channelId: pick('channel', 'spazi comuni'),
      originId: pick('origin', 'proattivo'),
      topicIds: [pick('topic', 'manutenzione')],
      notes,
      outcome: 'Da riprendere il mese prossimo.',
      confidential: target.kind === 'households',
      target,
    });
    expect(created.ok, JSON.stringify(created)).toBe(true);
  }

  // The household and interventions came through the API, behind the page's back: read again.
  await page.reload();
  await expect(page.getByRole('table', { name: 'Chi ci ha abitato' })).toContainText('Ferrari Rosa');
  await expect(page.getByRole('table', { name: 'Chi ci ha abitato' })).toContainText('01/09/2019');
  await snap(page, 'alloggio-abitato');

  // The building list, with its counts; "/" also focuses the search.
  await navigation(page).getByRole('link', { name: 'Caseggiati' }).click();
  const row = page.getByRole('row', { name: new RegExp(ADDRESS) });
  await expect(row).toContainText(AREA);
  await expect(row).toContainText('CR-0412');
  await expect(row).toContainText(OPERATOR.fullName);
  await expect(row.getByRole('gridcell', { name: '15', exact: true })).toBeVisible();
  await snap(page, 'caseggiati-elenco');
  // The search runs in the database; nothing found says so.
  const filter = page.getByRole('textbox', { name: 'Cerca caseggiato' });
  await filter.fill('garibaldi');
  await expect(page.getByText('Nessun caseggiato corrisponde alla ricerca.')).toBeVisible();
  await filter.fill('verdi');
  await expect(row).toBeVisible();
  await page.getByRole('heading', { level: 1, name: 'Caseggiati' }).click();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');

  // Enter on a row opens the building.
  await row.getByRole('gridcell').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: ADDRESS })).toBeVisible();
  await page.getByRole('tab', { name: 'Nuclei (1)' }).click();
  await expect(page.getByRole('table', { name: 'Nuclei del caseggiato' })).toContainText('Ferrari Rosa');
  await snap(page, 'caseggiato-nuclei');
  await page.getByRole('tab', { name: 'Interventi' }).click();
  const latest = page.getByRole('table', { name: 'Ultimi interventi' });
  await expect(latest).toContainText('Sul caseggiato');
  await expect(latest).toContainText('Assemblea dei residenti');
  await expect(latest).toContainText('Riservato');
  await snap(page, 'caseggiato-interventi');

  // "Registra intervento": on the building, or a group of its households.
  await page.getByRole('button', { name: 'Registra intervento' }).click();
  const choose = page.getByRole('dialog', { name: 'Registra intervento' });
  await choose.getByLabel(/Con alcuni nuclei/).check();
  await choose.getByRole('button', { name: 'Continua' }).click();
  await expect(choose.getByText('Scegliere almeno un nucleo.')).toBeVisible();
  await choose.getByLabel(/N-000001 · Ferrari Rosa/).check();
  await snap(page, 'caseggiato-intervento-gruppo');
  await choose.getByRole('button', { name: 'Continua' }).click();
  const intervention = page.getByRole('dialog', { name: 'Registra intervento' });
  await expect(intervention.getByRole('button', { name: 'Salva intervento' })).toBeVisible();
  await intervention.getByRole('button', { name: 'Annulla' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  expect(consoleErrors).toEqual([]);
});

test('an operatore is not offered "Aggiungi caseggiato" and sees the buildings assigned', async ({
  page,
  url,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  const tutor = await apiCall('operators.create', {
    fullName: OPERATOR.fullName,
    username: OPERATOR.username,
    role: 'operatore',
    temporaryPassword: OPERATOR.temporaryPassword,
  });
  expect(tutor.ok, JSON.stringify(tutor)).toBe(true);
  const area = await apiCall('areas.create', { name: 'Zona Centro' });
  expect(area.ok, JSON.stringify(area)).toBe(true);
  const buildingIds: number[] = [];
  for (const [address, assigned] of [
    ['Via Dante 3', true],
    ['Corso Garibaldi 120', false],
  ] as const) {
    const building = await apiCall('buildings.create', {
      areaId: area.ok ? area.value.area.id : 0,
      address,
      city: 'Cremona',
      agencyCode: '',
      owner: 'Comune',
      declaredUnits: null,
      notes: '',
      operatorIds: assigned && tutor.ok ? [tutor.value.operator.id] : [],
    });
    expect(building.ok, JSON.stringify(building)).toBe(true);
    if (building.ok) buildingIds.push(building.value.building.id);
  }
  expect((await apiCall('session.logout', {})).ok).toBe(true);

  await page.goto(url);
  await signIn(page, OPERATOR.username, OPERATOR.temporaryPassword);
  await changeTemporaryPassword(page, OPERATOR.temporaryPassword, OPERATOR.password);
  await expect(homeHeading(page, OPERATOR.fullName)).toBeVisible();

  await navigation(page).getByRole('link', { name: 'Caseggiati' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseggiati' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Via Dante 3/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Corso Garibaldi/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Aggiungi caseggiato' })).toHaveCount(0);
  await expect(navigation(page).getByRole('link', { name: 'Elenchi e aree' })).toHaveCount(0);
  await snap(page, 'caseggiati-operatore');

  // The operator may change the building's own data, not its area or tutors.
  await page
    .getByRole('row', { name: /Via Dante 3/ })
    .getByRole('gridcell')
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Via Dante 3' })).toBeVisible();
  await page.getByRole('button', { name: 'Modifica' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modifica Via Dante 3' });
  await expect(dialog.getByLabel('Area (quartiere)')).toBeDisabled();
  await dialog.getByLabel('Note').fill('Portone sul retro, citofono 4.');
  await snap(page, 'caseggiato-modifica-operatore');

  // Meanwhile someone else saves the building: the save is refused, nothing typed is lost,
  // and the page shows the other version.
  const current = await apiCall('buildings.get', { id: buildingIds[0]! });
  expect(current.ok, JSON.stringify(current)).toBe(true);
  const other = current.ok ? current.value.building : null;
  const changed = await apiCall('buildings.update', {
    id: other!.id,
    expectedUpdatedAt: other!.updatedAt,
    areaId: other!.areaId,
    address: other!.address,
    city: other!.city,
    agencyCode: 'CR-0001',
    owner: other!.owner,
    declaredUnits: 12,
    notes: other!.notes,
    operatorIds: other!.operators.map((entry) => entry.id),
    active: other!.active,
  });
  expect(changed.ok, JSON.stringify(changed)).toBe(true);
  await dialog.getByRole('button', { name: 'Salva' }).click();
  await expect(dialog.getByRole('alert')).toContainText('qualcun altro ha modificato il caseggiato');
  await expect(dialog.getByLabel('Note')).toHaveValue('Portone sul retro, citofono 4.');
  await expect(page.getByText('Codice ente: CR-0001')).toBeVisible();
  await snap(page, 'caseggiato-conflitto');
  await dialog.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByText('Caseggiato salvato')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Portone sul retro, citofono 4.')).toBeVisible();
  // Only what the operator typed was saved over the other version.
  await expect(page.getByText('Codice ente: CR-0001')).toBeVisible();
});
