import type { Locator, Page } from '@playwright/test';
import { taxCodeCheckLetter } from '../../shared/codice-fiscale';
import { expect, snap, test, type ApiCall } from './fixtures';
import { homeHeading, navigation, setupViaApi } from './support/flows';
import { ADMIN, OPERATOR } from './support/people';
import { choose, menuGone, ok } from './support/ui';

/** Nicolò Esposito, born in Bologna (A944) on 12/03/1961: a valid personal code, and a mistyped one. */
const CHECK_LETTER = taxCodeCheckLetter('SPSNCL61C12A944');
const NICOLO_TAX_CODE = `SPSNCL61C12A944${CHECK_LETTER}`;
const MISTYPED_TAX_CODE = `SPSNCL61C12A944${CHECK_LETTER === 'A' ? 'B' : 'A'}`;
const FOLLOWUP_TEXT = 'Richiamare per la rata dell’affitto';
const SECRET_NOTES = 'Riferisce tensioni in famiglia: parlarne solo in équipe.';

/** Today as the UI shows it (dd/mm/yyyy). */
function todayText(): string {
  return new Intl.DateTimeFormat('it-IT', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(),
  );
}

/** One area, one building with four units (scala A, piani 0–1, 2 per piano), the tutor assigned. */
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
  return { building, units };
}

/** Picks options of a multiple select, then closes its menu with Esc. */
async function chooseMany(page: Page, scope: Locator, label: string, options: string[]): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
  await menuGone(page);
}

async function fillPerson(
  page: Page,
  group: Locator,
  person: { firstName: string; surname: string; sex?: string; birth?: string; relationship?: string },
): Promise<void> {
  await group.getByRole('textbox', { name: 'Nome', exact: true }).fill(person.firstName);
  await group.getByRole('textbox', { name: 'Cognome' }).fill(person.surname);
  if (person.sex) await choose(page, group, 'Sesso', person.sex);
  if (person.birth) await group.getByRole('textbox', { name: 'Data di nascita' }).fill(person.birth);
  if (person.relationship) await choose(page, group, 'Relazione', person.relationship);
}

test('a tutor records a household, its intervention and follow-up, finds it again and moves it', async ({
  page,
  url,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  const { building, units } = await registryViaApi(apiCall);
  const [firstUnit, secondUnit] = units;
  if (!firstUnit || !secondUnit) throw new Error('units missing');

  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  // ---- a new household with three members ----
  await navigation(page).getByRole('link', { name: 'Nuclei' }).click();
  await expect(page.getByText('Nessun nucleo. Qui compariranno')).toBeVisible();
  await page.getByRole('button', { name: 'Aggiungi nucleo' }).first().click();
  await expect(page.getByRole('heading', { name: 'Nuovo nucleo familiare' })).toBeVisible();

  const main = page.getByRole('main');
  await choose(page, main, 'Caseggiato', 'Via del Pratello 12, Bologna');
  await choose(page, main, 'Alloggio', `${firstUnit.label} (PR12-A1)`);
  await main.getByRole('textbox', { name: 'Telefono' }).first().fill('051 998877');

  const reference = page.getByRole('group', { name: 'Intestatario' });
  await fillPerson(page, reference, { firstName: 'Nicolò', surname: 'Esposito' });
  // The codice fiscale is checked on leaving the field, with the message at the field.
  const taxCode = reference.getByRole('textbox', { name: 'Codice fiscale' });
  await taxCode.fill(MISTYPED_TAX_CODE);
  await taxCode.blur();
  await expect(reference.getByText(/carattere di controllo/i)).toBeVisible();
  await taxCode.fill(NICOLO_TAX_CODE);
  await taxCode.blur();
  await expect(reference.getByText(/carattere di controllo/i)).toHaveCount(0);
  // A valid code fills in birth date and sex.
  await expect(reference.getByRole('textbox', { name: 'Data di nascita' })).toHaveValue('12/03/1961');
  await expect(reference.getByRole('combobox', { name: 'Sesso' })).toContainText('Maschio');

  await page.getByRole('button', { name: 'Aggiungi componente' }).click();
  const second = page.getByRole('group', { name: 'Componente 2' });
  await fillPerson(page, second, {
    firstName: 'Anna',
    surname: 'Esposito',
    sex: 'Femmina',
    birth: '05/07/1965',
    relationship: 'Coniuge o convivente',
  });
  await page.getByRole('button', { name: 'Aggiungi componente' }).click();
  const third = page.getByRole('group', { name: 'Componente 3' });
  await fillPerson(page, third, {
    firstName: 'Luca',
    surname: 'Esposito',
    sex: 'Maschio',
    birth: '20/01/1998',
    relationship: 'Figlio/a',
  });
  await chooseMany(page, third, 'Fragilità', ['disoccupazione']);
  await snap(page, 'nuclei-nuovo');

  await page.getByRole('button', { name: 'Salva nucleo' }).click();
  await expect(page.getByText('Nucleo salvato')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Esposito Nicolò' })).toBeVisible();
  const householdUrl = page.url();
  const householdId = Number(/#\/nuclei\/(\d+)/.exec(householdUrl)?.[1]);
  expect(householdId).toBeGreaterThan(0);
  const membersTable = page.getByRole('table', { name: 'Componenti', exact: true });
  await expect(membersTable.getByRole('row')).toHaveCount(4);
  await expect(membersTable).toContainText('Esposito Anna');
  await expect(membersTable).toContainText('disoccupazione');

  // ---- an intervention with a follow-up due today ----
  await page.getByRole('button', { name: 'Registra intervento' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registra intervento' });
  await choose(page, dialog, 'Tipo', 'ascolto');
  await choose(page, dialog, 'Canale', 'sportello');
  await choose(page, dialog, 'Provenienza', 'richiesta del residente');
  await chooseMany(page, dialog, 'Temi', ['morosità']);
  await dialog
    .getByRole('textbox', { name: 'Note' })
    .fill('Due mensilità arretrate; chiede un piano di rientro.');
  await dialog.getByRole('checkbox', { name: 'Aggiungi un promemoria' }).check();
  await dialog.getByRole('textbox', { name: 'Scadenza' }).fill(todayText());
  await dialog.getByRole('textbox', { name: 'Testo del promemoria' }).fill(FOLLOWUP_TEXT);
  await snap(page, 'nucleo-registra-intervento');
  await dialog.getByRole('button', { name: 'Salva intervento' }).click();
  await expect(page.getByText('Intervento salvato, con il promemoria')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  const history = page.getByRole('list', { name: 'Storia del nucleo' });
  await expect(history).toContainText('Intervento · ascolto');
  await expect(history).toContainText(FOLLOWUP_TEXT);

  // A confidential one too: its notes are for its author and the coordinators only.
  await page.getByRole('button', { name: 'Registra intervento' }).click();
  await choose(page, dialog, 'Tipo', 'visita domiciliare');
  await choose(page, dialog, 'Canale', 'domicilio');
  await choose(page, dialog, 'Provenienza', 'proattivo');
  await chooseMany(page, dialog, 'Temi', ['convivenza e conflitti']);
  await dialog.getByRole('textbox', { name: 'Note' }).fill(SECRET_NOTES);
  await dialog.getByRole('checkbox', { name: 'Riservato' }).check();
  await expect(dialog.getByText('visibili solo a chi scrive l’intervento e ai coordinatori')).toBeVisible();
  await dialog.getByRole('button', { name: 'Salva intervento' }).click();
  await expect(page.getByText('Intervento salvato', { exact: true })).toBeVisible();
  await expect(history).toContainText(SECRET_NOTES);
  await expect(history.getByText('Riservato', { exact: true })).toBeVisible();
  await snap(page, 'nucleo-scheda');
  await history.getByText(FOLLOWUP_TEXT).scrollIntoViewIfNeeded();
  await snap(page, 'nucleo-storia');

  // ---- the follow-up in the agenda, under "Oggi"; done, then undone ----
  await navigation(page).getByRole('link', { name: 'Agenda' }).click();
  const todaySection = page.getByRole('region', { name: 'Oggi' });
  await expect(todaySection).toContainText(FOLLOWUP_TEXT);
  await expect(todaySection).toContainText('Esposito Nicolò');
  await snap(page, 'agenda-oggi');
  const box = todaySection.getByRole('checkbox', { name: `Fatto: ${FOLLOWUP_TEXT}` });
  await box.check();
  await expect(page.getByText(`Promemoria fatto: «${FOLLOWUP_TEXT}»`)).toBeVisible();
  await expect(box).toBeChecked();
  await snap(page, 'agenda-fatto');
  await page.getByRole('button', { name: 'Annulla' }).click();
  await expect(page.getByText('Promemoria di nuovo da fare')).toBeVisible();
  await expect(box).not.toBeChecked();
  const agenda = ok(await apiCall('agenda.get', { operatorId: null }));
  expect(agenda.dueToday.map((item) => item.text)).toEqual([FOLLOWUP_TEXT]);

  // ---- found again by the first name without its accent ----
  await navigation(page).getByRole('link', { name: 'Nuclei' }).click();
  await page.getByRole('textbox', { name: 'Cerca nucleo' }).fill('nicolo');
  const grid = page.getByRole('grid', { name: 'Nuclei familiari' });
  await expect(grid.getByRole('row', { name: /Esposito Nicolò/ })).toBeVisible();
  await snap(page, 'nuclei-cerca-nicolo');
  await grid
    .getByRole('row', { name: /Esposito Nicolò/ })
    .getByText('Esposito Nicolò')
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Esposito Nicolò' })).toBeVisible();

  // ---- moved to another unit: the history on the household and on the unit ----
  await page.getByRole('button', { name: 'Trasferisci' }).click();
  const move = page.getByRole('dialog', { name: 'Trasferisci il nucleo' });
  await choose(page, move, 'Alloggio', `${secondUnit.label} (PR12-A2)`);
  await move.getByRole('textbox', { name: 'Motivo' }).fill('Alloggio più accessibile');
  await move.getByRole('button', { name: 'Trasferisci' }).click();
  await expect(page.getByText('Trasferimento salvato')).toBeVisible();
  const moves = page.getByRole('list', { name: 'Trasferimenti' }).getByRole('listitem');
  await expect(moves).toHaveCount(2);
  await expect(moves.first()).toContainText('Alloggio più accessibile');
  await expect(moves.first()).toContainText(`da ${firstUnit.label} a ${secondUnit.label}`);
  await expect(moves.last()).toContainText('Primo ingresso');
  await snap(page, 'nucleo-trasferito');

  const unitHistory = ok(await apiCall('units.get', { id: secondUnit.id })).history;
  expect(unitHistory.map((entry) => entry.referenceName)).toEqual(['Esposito Nicolò']);
  await page
    .getByRole('region', { name: 'Alloggio e trasferimenti' })
    .getByRole('link', { name: secondUnit.label })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`#/alloggi/${secondUnit.id}$`));
  await expect(page.getByRole('main')).toContainText('Esposito Nicolò');
  await snap(page, 'alloggio-storia');

  // ---- the tutor of the same building does not get the confidential notes ----
  ok(await apiCall('session.logout', {}));
  ok(await apiCall('session.login', { username: OPERATOR.username, password: OPERATOR.temporaryPassword }));
  ok(
    await apiCall('session.changePassword', {
      currentPassword: OPERATOR.temporaryPassword,
      newPassword: OPERATOR.password,
    }),
  );
  const seen = ok(await apiCall('households.get', { id: householdId }));
  const secret = seen.interventions.find((item) => item.confidential);
  expect(secret).toMatchObject({ notes: null, editable: false });
  expect(JSON.stringify(seen)).not.toContain('tensioni in famiglia');
  const listed = ok(await apiCall('interventions.list', { buildingId: building.id }));
  expect(listed.rows.find((row) => row.confidential)?.notes).toBeNull();

  await page.goto(`${url}#/nuclei/${householdId}`);
  // The server's session is now the tutor's: the page opens straight on their view.
  await expect(page.getByRole('heading', { level: 1, name: 'Esposito Nicolò' })).toBeVisible();
  const tutorHistory = page.getByRole('list', { name: 'Storia del nucleo' });
  await expect(tutorHistory).toContainText('Note riservate');
  await expect(page.getByText(SECRET_NOTES)).toHaveCount(0);
  await tutorHistory.getByText('Note riservate').scrollIntoViewIfNeeded();
  await snap(page, 'nucleo-note-riservate');
});

/** A date `days` from today, as `YYYY-MM-DD` and as the UI shows it. */
function dayFromToday(days: number): { iso: string; text: string } {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    iso: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    text: `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`,
  };
}

test('possible duplicates are shown before saving; referrals, follow-ups and the interventions list', async ({
  page,
  url,
  apiCall,
}) => {
  await setupViaApi(apiCall);
  const { units } = await registryViaApi(apiCall);
  const [firstUnit, secondUnit] = units;
  if (!firstUnit || !secondUnit) throw new Error('units missing');
  const existing = ok(
    await apiCall('households.create', {
      unitId: firstUnit.id,
      since: '2019-05-01',
      phone: '',
      language: 'italiano',
      toTeam: false,
      notes: '',
      members: [
        {
          firstName: 'Nicolò',
          surname: 'Esposito',
          sex: 'M',
          birthDate: '1961-03-12',
          taxCode: NICOLO_TAX_CODE,
          phone: '',
          relationship: 'intestatario',
          fragilityIds: [],
        },
      ],
      allowDuplicates: false,
    }),
  ).household;

  // "Aggiungi nucleo" from a unit: building and unit come chosen.
  await page.goto(`${url}#/nuclei/nuovo?unitId=${secondUnit.id}`);
  const main = page.getByRole('main');
  await expect(main.getByRole('combobox', { name: 'Alloggio' })).toContainText(secondUnit.label);
  await expect(main.getByRole('combobox', { name: 'Caseggiato' })).toContainText('Via del Pratello 12');

  // Saving with nothing typed: the messages are at the fields.
  await page.getByRole('button', { name: 'Salva nucleo' }).click();
  const reference = page.getByRole('group', { name: 'Intestatario' });
  await expect(reference.getByText('Inserire il nome.')).toBeVisible();
  await expect(reference.getByText('Scegliere il sesso.')).toBeVisible();

  await fillPerson(page, reference, {
    firstName: 'Nicola',
    surname: 'Esposito',
    sex: 'Maschio',
    birth: '12/03/1961',
  });

  // Leaving with unsaved changes asks first, and staying keeps what was typed.
  await navigation(page).getByRole('link', { name: 'Agenda' }).click();
  const leave = page.getByRole('dialog', { name: 'Uscire senza salvare?' });
  await expect(leave).toBeVisible();
  await snap(page, 'nuclei-nuovo-uscire');
  await leave.getByRole('button', { name: 'Resta sulla pagina' }).click();
  await expect(reference.getByRole('textbox', { name: 'Nome', exact: true })).toHaveValue('Nicola');

  await page.getByRole('button', { name: 'Salva nucleo' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Possibili doppioni' });
  await expect(notice).toContainText(`nucleo ${existing.code}`);
  await expect(notice).toContainText('stesso cognome e data di nascita');
  await expect(notice.getByRole('link', { name: 'Apri' })).toHaveAttribute('href', `#/nuclei/${existing.id}`);
  await notice.scrollIntoViewIfNeeded();
  await snap(page, 'nuclei-nuovo-doppioni');
  await notice.getByRole('button', { name: 'Salva comunque' }).click();
  await expect(page.getByText('Nucleo salvato')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Esposito Nicola' })).toBeVisible();
  const householdId = Number(/#\/nuclei\/(\d+)/.exec(page.url())?.[1]);

  // A referral to check within three days: a follow-up appears in the agenda.
  const checkBy = dayFromToday(3);
  await page.getByRole('button', { name: 'Invio ai servizi' }).click();
  const referral = page.getByRole('dialog', { name: 'Invio ai servizi' });
  await choose(page, referral, 'Servizio', 'servizi sociali');
  await referral.getByRole('textbox', { name: 'Motivo' }).fill('Richiesta di contributo per le utenze.');
  await referral.getByRole('textbox', { name: 'Verificare l’esito entro' }).fill(checkBy.text);
  await snap(page, 'nucleo-invio');
  await referral.getByRole('button', { name: 'Salva invio' }).click();
  await expect(page.getByText('Invio salvato, con il promemoria per la verifica')).toBeVisible();
  const history = page.getByRole('list', { name: 'Storia del nucleo' });
  await expect(history).toContainText('Invio ai servizi · servizi sociali');
  const agenda = ok(await apiCall('agenda.get', { operatorId: null }));
  expect(agenda.nextDays.some((item) => item.householdId === householdId && item.dueOn === checkBy.iso)).toBe(
    true,
  );

  // Another member, and the household marked for the team meeting.
  await page.getByRole('button', { name: 'Aggiungi componente' }).click();
  const member = page.getByRole('dialog', { name: 'Aggiungi componente' });
  await fillPerson(page, member, {
    firstName: 'Giulia',
    surname: 'Esposito',
    sex: 'Femmina',
    birth: '02/09/2012',
    relationship: 'Figlio/a',
  });
  await chooseMany(page, member, 'Fragilità', ['minori']);
  await snap(page, 'nucleo-componente');
  await member.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByText('Componente aggiunto')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Componenti', exact: true })).toContainText('Esposito Giulia');

  await page.getByRole('button', { name: 'Modifica nucleo' }).click();
  const editHousehold = page.getByRole('dialog', { name: /Modifica nucleo/ });
  await editHousehold.getByRole('checkbox', { name: 'Porta in équipe' }).check();
  await editHousehold.getByRole('textbox', { name: 'Lingua preferita' }).fill('italiano, napoletano');
  await snap(page, 'nucleo-modifica');
  await editHousehold.getByRole('textbox', { name: 'Lingua preferita' }).press('Enter');
  await expect(page.getByText('Nucleo salvato')).toBeVisible();
  await expect(page.getByText('Porta in équipe')).toBeVisible();
  await expect(page.getByText('Lingua: italiano, napoletano')).toBeVisible();

  // A follow-up already late shows as such.
  await page.getByRole('button', { name: 'Promemoria', exact: true }).click();
  const followup = page.getByRole('dialog', { name: 'Promemoria', exact: true });
  await followup.getByRole('textbox', { name: 'Che cosa fare' }).fill('Portare il modulo ISEE');
  await followup.getByRole('textbox', { name: 'Scadenza' }).fill(dayFromToday(-2).text);
  await followup.getByRole('textbox', { name: 'Che cosa fare' }).press('Enter');
  await expect(page.getByText('Promemoria salvato')).toBeVisible();
  await expect(history.getByRole('listitem').filter({ hasText: 'Portare il modulo ISEE' })).toContainText(
    'Scaduto',
  );

  // The intervention dialog says at the field what is missing; Esc closes it.
  await page.getByRole('button', { name: 'Registra intervento' }).click();
  const newIntervention = page.getByRole('dialog', { name: 'Registra intervento' });
  await newIntervention.getByRole('button', { name: 'Salva intervento' }).click();
  await expect(newIntervention.getByText('Scegliere il tipo di intervento.')).toBeVisible();
  await expect(newIntervention.getByText('Scegliere almeno un tema.')).toBeVisible();
  await snap(page, 'intervento-errori');
  await page.keyboard.press('Escape');
  await expect(newIntervention).toHaveCount(0);

  // Two people changing the same intervention: the second save gets the conflict, typed text stays.
  const vocabulary = ok(await apiCall('vocabulary.list', {})).items;
  const idOf = (kind: string, label: string) =>
    vocabulary.find((item) => item.kind === kind && item.label === label)?.id ?? 0;
  const created = ok(
    await apiCall('interventions.create', {
      occurredAt: `${dayFromToday(-1).iso}T10:30`,
      durationMin: 45,
      typeId: idOf('intervention_type', 'mediazione dei conflitti'),
      channelId: idOf('channel', 'spazi comuni'),
      originId: idOf('origin', 'proattivo'),
      topicIds: [idOf('topic', 'convivenza e conflitti')],
      notes: 'Lite sul pianerottolo per i rumori.',
      outcome: '',
      confidential: false,
      target: { kind: 'households', householdIds: [householdId] },
    }),
  ).interventions[0];
  if (!created) throw new Error('intervention missing');

  await navigation(page).getByRole('link', { name: 'Interventi' }).click();
  const grid = page.getByRole('grid', { name: 'Interventi' });
  await expect(grid.getByRole('row', { name: /mediazione dei conflitti/ })).toBeVisible();
  await snap(page, 'interventi-elenco');
  await grid
    .getByRole('row', { name: /mediazione dei conflitti/ })
    .getByText('mediazione dei conflitti')
    .click();
  const edit = page.getByRole('dialog', { name: 'Modifica intervento' });
  await expect(edit.getByRole('textbox', { name: 'Note' })).toHaveValue(
    'Lite sul pianerottolo per i rumori.',
  );
  ok(
    await apiCall('interventions.update', {
      id: created.id,
      expectedUpdatedAt: created.updatedAt,
      occurredAt: created.occurredAt,
      durationMin: 60,
      typeId: created.typeId,
      channelId: created.channelId,
      originId: created.originId,
      topicIds: created.topicIds,
      notes: created.notes ?? '',
      outcome: 'Accordo sugli orari.',
      confidential: false,
    }),
  );
  await edit.getByRole('textbox', { name: 'Esito' }).fill('Concordato un incontro di condominio.');
  await edit.getByRole('button', { name: 'Salva' }).click();
  await expect(edit.getByRole('alert')).toContainText('modificato da qualcun altro');
  await expect(edit.getByRole('textbox', { name: 'Esito' })).toHaveValue(
    'Concordato un incontro di condominio.',
  );
  await snap(page, 'intervento-conflitto');
  await edit.getByRole('button', { name: 'Annulla' }).click();

  // A period with nothing in it says so.
  await page.getByRole('textbox', { name: 'Dal' }).fill(dayFromToday(1).text);
  await expect(page.getByText('Nessun intervento nel periodo')).toBeVisible();
  await snap(page, 'interventi-vuoto');
});
