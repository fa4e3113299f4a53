import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, test, type ApiCall } from './fixtures';
import { homeHeading, navigation, setupViaApi } from './support/flows';
import { ADMIN, OPERATOR } from './support/people';
import { ROOT } from './support/server';
import { choose, ok } from './support/ui';

/*
 * The weekly équipe: two households flagged «porta in équipe» from their pages, a meeting
 * held by the administrator with the tutor and a guest from the social services, a decision
 * and an action on one case, the action in the tutor's agenda (and closed there), the minutes
 * printed to PDF (checked with pdftotext) and the tutor's read-only view without the
 * confidential notes.
 */

/** Saving waits for the reads it refreshes: on a busy machine the confirmation comes late. */
const SAVED = 30_000;
const SECRET = 'Riferisce problemi di salute del figlio';
const DECISION = 'Proporre un piano di rientro e accompagnare all’ufficio casa';
const ACTION = 'Accompagnare al CAF per l’ISEE';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date `days` from today (local), as `YYYY-MM-DD` and as the UI shows it. */
function dayFromToday(days: number): { iso: string; text: string } {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return {
    iso: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    text: `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`,
  };
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
  const area = ok(await apiCall('areas.create', { name: 'Cittadella' })).area;
  const building = ok(
    await apiCall('buildings.create', {
      areaId: area.id,
      address: 'Via Giuseppe Verdi 8',
      city: 'Cremona',
      agencyCode: '',
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
      floorTo: 0,
      perFloor: 2,
      firstNumber: 1,
      codePrefix: '',
    }),
  ).units;
  const household = async (unitId: number, firstName: string, surname: string) =>
    ok(
      await apiCall('households.create', {
        unitId,
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
  const [first, second] = units;
  if (!first || !second) throw new Error('units missing');
  const ferrari = await household(first.id, 'Anna', 'Ferrari');
  const galli = await household(second.id, 'Rosa', 'Galli');
  const { items } = ok(await apiCall('vocabulary.list', {}));
  const vocab = (kind: string, label: string) =>
    items.find((i) => i.kind === kind && i.label === label)?.id ?? 0;
  ok(
    await apiCall('interventions.create', {
      occurredAt: `${dayFromToday(-3).iso}T10:30`,
      durationMin: 45,
      typeId: vocab('intervention_type', 'visita domiciliare'),
      channelId: vocab('channel', 'domicilio'),
      originId: vocab('origin', 'proattivo'),
      topicIds: [vocab('topic', 'morosità')],
      notes: 'Colloquio in casa',
      outcome: 'Chiede aiuto per il contributo affitto',
      confidential: false,
      target: { kind: 'households', householdIds: [ferrari.id] },
      operatorId: operator.id,
    }),
  );
  return { operator, ferrari, galli };
}

/** Ticks «Porta in équipe» from the household page. */
async function flagFromHouseholdPage(page: Page, url: string, id: number, name: string): Promise<void> {
  await page.goto(`${url}#/nuclei/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Modifica nucleo' }).click();
  const dialog = page.getByRole('dialog', { name: /^Modifica nucleo/ });
  await dialog.getByLabel('Porta in équipe').check();
  await dialog.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByText('Nucleo salvato')).toBeVisible({ timeout: SAVED });
  await expect(dialog).toHaveCount(0);
}

test('the weekly équipe: proposals, a decision and an action, the agenda, the printed minutes', async ({
  page,
  url,
  apiCall,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await setupViaApi(apiCall);
  const { ferrari, galli } = await registryViaApi(apiCall);
  await page.goto(url);
  await expect(homeHeading(page, ADMIN.fullName)).toBeVisible();

  // ---- flag two households from their pages ----
  await flagFromHouseholdPage(page, url, ferrari.id, 'Ferrari Anna');
  await flagFromHouseholdPage(page, url, galli.id, 'Galli Rosa');

  // ---- a new meeting ----
  await navigation(page).getByRole('link', { name: 'Équipe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Riunioni d’équipe' })).toBeVisible();
  await expect(page.getByText('Nessuna riunione d’équipe.')).toBeVisible();
  await page.getByRole('button', { name: 'Nuova riunione' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nuova riunione d’équipe' });
  await expect(dialog.getByRole('textbox', { name: 'Data della riunione' })).toHaveValue(
    dayFromToday(0).text,
  );
  await dialog.getByRole('combobox', { name: 'Operatori presenti' }).click();
  await page.getByRole('option', { name: OPERATOR.fullName }).click();
  await page.keyboard.press('Escape');
  await expect(page.locator('.MuiMenu-root')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Aggiungi partecipante esterno' }).click();
  await dialog.getByRole('textbox', { name: 'Nome e cognome' }).fill('Laura Ferri');
  await dialog.getByRole('textbox', { name: 'Ruolo' }).fill('coordinatrice dei servizi sociali');
  await dialog.getByRole('textbox', { name: 'Ordine del giorno' }).fill('Casi segnalati dal territorio.');
  await snap(page, 'equipe-nuova-riunione');
  await dialog.getByRole('button', { name: 'Crea riunione' }).click();
  await expect(page.getByText('Riunione creata')).toBeVisible({ timeout: SAVED });
  const title = `Riunione d’équipe del ${dayFromToday(0).text}`;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // ---- the agenda from the field: both flagged households, chosen and ordered ----
  const proposals = page.getByRole('region', { name: 'Proposte dal territorio' });
  await expect(proposals.getByText('2 nuclei segnalati «porta in équipe»')).toBeVisible();
  await expect(proposals).toContainText(
    'visita domiciliare · Luca Bianchi — Chiede aiuto per il contributo affitto',
  );
  await proposals.getByLabel(/Ferrari Anna/).check();
  await proposals.getByLabel(/Galli Rosa/).check();
  await proposals
    .getByRole('button', { name: /^Sposta su/ })
    .last()
    .click();
  const chosen = proposals.getByRole('list', { name: 'Casi in ordine del giorno' }).getByRole('listitem');
  await expect(chosen.nth(0)).toContainText('1. Nucleo');
  await expect(chosen.nth(0)).toContainText('Galli Rosa');
  await snap(page, 'equipe-proposte');
  await proposals.getByRole('button', { name: 'Salva ordine del giorno' }).click();
  await expect(page.getByText('Ordine del giorno salvato')).toBeVisible({ timeout: SAVED });

  // ---- the case of Ferrari: confidential notes, a decision, discussed; then an action ----
  const ferrariCase = page.getByRole('region', { name: /^2\. Nucleo .* Ferrari Anna/ });
  await expect(ferrariCase).toBeVisible();
  await ferrariCase.getByRole('textbox', { name: 'Note della discussione' }).fill(SECRET);
  await expect(ferrariCase.getByLabel('Note riservate')).toBeChecked();
  await ferrariCase.getByRole('textbox', { name: 'Decisioni' }).fill(DECISION);
  await ferrariCase.getByLabel('Caso discusso').check();
  await ferrariCase.getByRole('button', { name: 'Salva caso' }).click();
  await expect(page.getByText('Caso salvato')).toBeVisible({ timeout: SAVED });
  await expect(ferrariCase.getByText('Discusso', { exact: true })).toBeVisible();
  // Discussed and not kept: the flag is gone.
  await expect(ferrariCase.getByText('Porta in équipe', { exact: true })).toHaveCount(0);

  await ferrariCase.getByRole('button', { name: 'Aggiungi azione' }).click();
  const actionDialog = page.getByRole('dialog', { name: /^Azione per il nucleo/ });
  await actionDialog.getByRole('textbox', { name: 'Azione' }).fill(ACTION);
  await choose(page, actionDialog, 'Chi', OPERATOR.fullName);
  await actionDialog.getByRole('textbox', { name: 'Entro il' }).fill(dayFromToday(2).text);
  await actionDialog.getByRole('button', { name: 'Salva azione' }).click();
  await expect(page.getByText('Azione salvata: è nell’agenda di chi la deve fare')).toBeVisible({
    timeout: SAVED,
  });
  const actions = ferrariCase.getByRole('table', { name: /^Azioni per il nucleo/ });
  await expect(actions.getByRole('row').nth(1)).toContainText(ACTION);
  await expect(actions.getByRole('row').nth(1)).toContainText(OPERATOR.fullName);
  await expect(actions.getByRole('row').nth(1)).toContainText(dayFromToday(2).text);
  await ferrariCase.scrollIntoViewIfNeeded();
  await snap(page, 'equipe-caso');

  // ---- the minutes: print view, printed to PDF ----
  await page.getByRole('link', { name: 'Verbale' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verbale', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stampa verbale' })).toBeEnabled();
  await expect(page.getByRole('main')).toContainText(DECISION);
  await snap(page, 'equipe-verbale-anteprima');
  const pdfPath = path.join(ROOT, 'test-results/meetings/verbale.pdf');
  fs.mkdirSync(path.dirname(pdfPath), { recursive: true });
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Verbale della riunione d’équipe');
  expect(text).toContain('Cooperativa Sociale Il Cortile');
  expect(text).toContain(`Riunione del ${dayFromToday(0).text}`);
  expect(text).toContain('Laura Ferri (coordinatrice dei servizi sociali)');
  expect(text).toContain(OPERATOR.fullName);
  expect(text).toContain(DECISION.slice(0, 40));
  expect(text).toContain(ACTION);
  expect(text).toContain(dayFromToday(2).text);
  expect(text).toContain('Note della discussione riservate: non riportate nel verbale.');
  expect(text).toMatch(/Pagina 1 di \d/);
  // No app chrome, no names of the households, no confidential notes.
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain('Ferrari Anna');
  expect(text).not.toContain('Stampa verbale');
  expect(text).not.toContain('Da contattare');
  execFileSync('/usr/bin/pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    pdfPath,
    pdfPath.replace(/\.pdf$/, ''),
  ]);

  // ---- the tutor: the action in their agenda, closed there; the meeting read-only ----
  ok(await apiCall('session.logout', {}));
  ok(await apiCall('session.login', { username: OPERATOR.username, password: OPERATOR.temporaryPassword }));
  ok(
    await apiCall('session.changePassword', {
      currentPassword: OPERATOR.temporaryPassword,
      newPassword: OPERATOR.password,
    }),
  );
  await page.goto(`${url}#/agenda`);
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  const next = page.getByRole('region', { name: 'Prossimi 7 giorni' });
  await expect(next).toContainText(ACTION);
  await expect(next).toContainText('Ferrari Anna');
  await expect(next).toContainText(`azione dell’équipe del ${dayFromToday(0).text}`);
  await snap(page, 'equipe-agenda-tutor');
  await next.getByLabel(`Fatto: ${ACTION}`).check();
  await expect(next.getByLabel(`Fatto: ${ACTION}`)).toBeChecked();

  await navigation(page).getByRole('link', { name: 'Équipe' }).click();
  await expect(page.getByRole('button', { name: 'Nuova riunione' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Riunioni d’équipe' })).toContainText(
    'Luca Bianchi, Maria Rossi e 1 esterno',
  );
  await snap(page, 'equipe-elenco-tutor');
  await page.getByRole('link', { name: `Riunione del ${dayFromToday(0).text}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Proposte dal territorio' })).toHaveCount(0);
  const tutorCase = page.getByRole('region', { name: /Ferrari Anna/ });
  await expect(tutorCase).toContainText(
    'Note riservate: le leggono solo chi le ha scritte e i coordinatori.',
  );
  await expect(tutorCase).toContainText(DECISION);
  await expect(tutorCase.getByRole('table', { name: /^Azioni per il nucleo/ })).toContainText(
    `Fatta il ${dayFromToday(0).text}`,
  );
  await expect(page.getByText(SECRET)).toHaveCount(0);
  await snap(page, 'equipe-vista-tutor');
  expect(consoleErrors).toEqual([]);
});

test('long minutes break across A4 pages with page numbers and the open actions of earlier meetings', async ({
  page,
  url,
  apiCall,
}) => {
  test.setTimeout(180_000);
  await setupViaApi(apiCall);
  const { operator, ferrari, galli } = await registryViaApi(apiCall);
  const me = ok(await apiCall('operators.directory', {})).operators.find(
    (o) => o.fullName === ADMIN.fullName,
  );
  if (!me) throw new Error('administrator missing');
  // An earlier meeting leaves an action open.
  const earlier = ok(
    await apiCall('meetings.create', {
      heldOn: dayFromToday(-7).iso,
      participantIds: [me.id, operator.id],
      guests: [],
      agenda: '',
    }),
  );
  const withCase = ok(
    await apiCall('meetings.setCases', {
      id: earlier.meeting.id,
      expectedUpdatedAt: earlier.meeting.updatedAt,
      householdIds: [galli.id],
    }),
  );
  ok(
    await apiCall('meetings.addAction', {
      caseId: withCase.cases[0]!.id,
      text: 'Sentire l’amministratore del condominio',
      assigneeId: operator.id,
      dueOn: dayFromToday(3).iso,
    }),
  );
  // Today's meeting: two cases, long non-confidential notes and decisions, many actions.
  const created = ok(
    await apiCall('meetings.create', {
      heldOn: dayFromToday(0).iso,
      participantIds: [me.id, operator.id],
      guests: [{ name: 'Laura Ferri', role: 'coordinatrice dei servizi sociali' }],
      agenda: 'Casi segnalati dal territorio; azioni aperte.',
    }),
  );
  let view = ok(
    await apiCall('meetings.setCases', {
      id: created.meeting.id,
      expectedUpdatedAt: created.meeting.updatedAt,
      householdIds: [ferrari.id, galli.id],
    }),
  );
  const long = (topic: string) =>
    Array.from(
      { length: 8 },
      (_, i) =>
        `${topic}: punto ${i + 1}. Il nucleo è seguito dal tutor con colloqui periodici; la situazione va verificata con i servizi e con l’ente gestore prima della prossima riunione.`,
    ).join('\n');
  for (const c of view.cases) {
    view = ok(
      await apiCall('meetings.saveCase', {
        caseId: c.id,
        expectedUpdatedAt: c.updatedAt,
        notes: long('Discussione'),
        confidential: false,
        decisions: long('Decisione'),
        discussed: true,
        keepFlag: false,
      }),
    );
    for (let i = 1; i <= 8; i++) {
      view = ok(
        await apiCall('meetings.addAction', {
          caseId: c.id,
          text: `Azione numero ${i} per il nucleo ${c.householdCode}`,
          assigneeId: operator.id,
          dueOn: dayFromToday(i).iso,
        }),
      );
    }
  }
  expect(view.openEarlier.map((a) => a.text)).toEqual(['Sentire l’amministratore del condominio']);

  await page.goto(`${url}#/equipe/${created.meeting.id}/verbale`);
  // A cold start of the page on a busy machine: give the first load more time.
  await expect(page.getByRole('button', { name: 'Stampa verbale' })).toBeEnabled({ timeout: 30_000 });
  const pdfPath = path.join(ROOT, 'test-results/meetings/verbale-lungo.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('/usr/bin/pdfinfo', [pdfPath], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(info).toContain('(A4)');
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(`Pagina 1 di ${pages}`);
  expect(text).toContain(`Pagina ${pages} di ${pages}`);
  expect(text).toContain('Discussione: punto 8.');
  expect(text).toContain(`Azione numero 8 per il nucleo ${galli.code}`);
  expect(text).toContain('Azioni aperte dalle riunioni precedenti');
  expect(text).toContain('Sentire l’amministratore del condominio');
  expect(text).toContain(dayFromToday(-7).text);
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', pdfPath, pdfPath.replace(/\.pdf$/, '')]);
});
