import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import type { ApiResult, CallInput } from '../../shared/contract';
import { doc, p } from '../../shared/letters/body';
import { AppError } from '../../db/errors';
import type { PrintOutcome } from '../../electron/core/shell';
import { ChromiumShell } from '../../electron/web/chromium-shell';
import { printLetters } from '../../electron/handlers/letters-pdf';
import { letterDocument, renderLetter } from '../../shared/letters/render';
import { setUpApp, tempDir, type TestApp } from './helpers';
import { addOperator, createBuilding, createHousehold, createUnit, member } from './registry-fixtures';
import { auditRows, openWithKey, unwrapKey } from './support';

function errorOf(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected an error, got a value');
  return result.error;
}

async function readDb(app: TestApp) {
  return openWithKey(app.dir, await unwrapKey(app.dir));
}

const LETTERHEAD = {
  name: 'Cooperativa Esempio',
  address: 'Via Verdi 12, 26100 Cremona',
  phone: '0372 123456',
  email: 'info@esempio.it',
  footer: 'Trattiamo i dati secondo il GDPR.',
  sportelloHours: 'martedì e giovedì 9–12',
};

/** A building with `count` active households (names from `names`, then generated), one per unit. */
async function world(app: TestApp, count: number, names: { firstName: string; surname: string }[] = []) {
  const building = await createBuilding(app, { address: 'Via Roma 10', city: '26100 Cremona' });
  const households = [];
  for (let i = 0; i < count; i += 1) {
    const unit = await createUnit(app, building.id, {
      staircase: i % 2 === 0 ? 'A' : 'B',
      floor: 1,
      number: `${i + 1}`,
    });
    const named = names[i];
    households.push(
      await createHousehold(app, unit.id, {
        members: [member({ relationship: 'intestatario', ...(named ?? {}) })],
      }),
    );
  }
  await app.ok('letters.updateLetterhead', LETTERHEAD);
  return { building, households };
}

async function templateId(app: TestApp, name: string) {
  const { templates } = await app.ok('letters.templates', {});
  const found = templates.find((t) => t.name === name);
  if (!found) throw new Error(`no template ${name}`);
  return found;
}

describe('letter templates', () => {
  it('are ready at first start: five built-in templates, version 1', async () => {
    const app = await setUpApp();
    const { templates } = await app.ok('letters.templates', {});
    expect(templates).toHaveLength(5);
    expect(templates.every((t) => t.builtin && t.active && t.currentVersion === 1)).toBe(true);
    for (const t of templates) {
      const full = await app.ok('letters.template', { id: t.id });
      expect(full.body.content.length).toBeGreaterThan(1);
    }
  });

  it('refuses an unknown placeholder at save, naming it, and writes nothing', async () => {
    const app = await setUpApp();
    const t = await templateId(app, 'Comunicazione generica');
    const db = await readDb(app);
    const before = db.raw.prepare('SELECT count(*) AS n FROM letter_template_versions').get() as {
      n: number;
    };
    const result = await app.call('letters.saveTemplate', {
      id: t.id,
      expectedVersion: 1,
      name: t.name,
      subject: 'Comunicazione',
      body: doc(p('Gentile {{destinatario.nome}}, {{nome.inventato}}')),
    });
    const error = errorOf(result);
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('{{nome.inventato}}');
    expect(error.fields?.body).toContain('{{nome.inventato}}');
    const after = db.raw.prepare('SELECT count(*) AS n FROM letter_template_versions').get() as { n: number };
    expect(after.n).toBe(before.n);
    db.close();
  });

  it('an operatore cannot change templates', async () => {
    const app = await setUpApp();
    const olga = await addOperator(app, { username: 'olga', role: 'operatore' });
    const asOlga = await olga.signIn();
    const t = await templateId(asOlga, 'Comunicazione generica');
    const result = await asOlga.call('letters.saveTemplate', {
      id: t.id,
      expectedVersion: 1,
      name: 'x',
      subject: 'x',
      body: doc(p('x')),
    });
    expect(errorOf(result).kind).toBe('forbidden');
  });
});

/** Issues as a PDF (the default output) and narrows the answer to it. */
async function issuePdf(app: TestApp, input: CallInput<'letters.issue'>) {
  const out = await app.ok('letters.issue', input);
  if (out.outcome !== 'pdf') throw new Error(`expected a PDF, got ${out.outcome}`);
  return out;
}

describe('issuing letters', () => {
  it('numbers two batches one after another without gaps or repeats, audits each letter and the batch', async () => {
    const app = await setUpApp();
    const { building, households } = await world(app, 5);
    const t = await templateId(app, 'Orari e contatti del tutor e dello sportello');
    const first = await issuePdf(app, {
      templateId: t.id,
      expectedVersion: 1,
      target: { kind: 'building', buildingId: building.id, staircases: [] },
    });
    expect(first.count).toBe(5);
    const second = await issuePdf(app, {
      templateId: t.id,
      expectedVersion: 1,
      target: { kind: 'households', householdIds: [households[1]!.id, households[3]!.id] },
    });
    expect(second.count).toBe(2);
    const year = new Date().getFullYear();
    expect(first.firstProtocol).toBe(`${year}/000001`);
    expect(second.firstProtocol).toBe(`${year}/000006`);
    expect(second.lastProtocol).toBe(`${year}/000007`);

    const db = await readDb(app);
    const rows = db.raw.prepare('SELECT protocol, year, number, batch_id FROM letters ORDER BY id').all() as {
      protocol: string;
      year: number;
      number: number;
      batch_id: number;
    }[];
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(rows.map((r) => r.protocol)).size).toBe(7);
    expect(rows.every((r) => r.protocol === `${r.year}/${String(r.number).padStart(6, '0')}`)).toBe(true);
    expect(() =>
      db.raw
        .prepare(
          `INSERT INTO letters (protocol, year, number, household_id, template_id, template_version, issued_at, operator_id, sha256, batch_id)
           SELECT 'dup', year, number, household_id, template_id, template_version, issued_at, operator_id, sha256, batch_id FROM letters LIMIT 1`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    const audit = auditRows(db);
    expect(audit.filter((a) => a.action === 'letters.issue')).toHaveLength(2);
    expect(audit.filter((a) => a.action === 'letters.letter')).toHaveLength(7);
    expect(verifyAuditChain(db.raw).intact).toBe(true);
    db.close();
  });

  it('prints one PDF, one letter per page, with the first household’s name and address first', async () => {
    const app = await setUpApp();
    const { building } = await world(app, 3, [
      { firstName: 'Ștefan', surname: 'Țăranu' },
      { firstName: '<b>x</b>', surname: '{{data.oggi}}' },
    ]);
    const t = await templateId(app, 'Orari e contatti del tutor e dello sportello');
    const issued = await issuePdf(app, {
      templateId: t.id,
      expectedVersion: 1,
      target: { kind: 'building', buildingId: building.id, staircases: ['A'] },
    });
    expect(issued.count).toBe(2); // staircase A: units 1 and 3
    expect(issued.pages).toBe(2);
    const { path } = app.core.outbox.get(issued.fileId, 1);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const [page1 = '', page2 = ''] = text.split('\f');
    expect(page1).toContain('Ștefan Țăranu');
    expect(page1).toContain('Via Roma 10');
    expect(page1).toContain('Scala A, piano 1, int. 1');
    expect(page1).toContain(issued.firstProtocol);
    expect(page2).toContain(issued.lastProtocol);
    expect(fs.statSync(path).size).toBeGreaterThan(1000);
  });

  it('prints markup and placeholders in a name literally', async () => {
    const app = await setUpApp();
    const { households } = await world(app, 1, [{ firstName: '<b>x</b>', surname: '{{data.oggi}}' }]);
    const t = await templateId(app, 'Orari e contatti del tutor e dello sportello');
    const preview = await app.ok('letters.preview', {
      templateId: t.id,
      target: { kind: 'households', householdIds: [households[0]!.id] },
    });
    expect(preview.html).toContain('&lt;b&gt;x&lt;/b&gt; {{data.oggi}}');
    expect(preview.html).not.toContain('<b>x</b>');
  });

  it('warns per household about missing data, leaves them out unless asked, and names batch gaps', async () => {
    const app = await setUpApp();
    const { building } = await world(app, 2);
    const t = await templateId(app, 'Invito a un colloquio sulla morosità');
    const target = { kind: 'building' as const, buildingId: building.id, staircases: [] };
    const preview = await app.ok('letters.preview', { templateId: t.id, target });
    expect(preview.households).toBe(2);
    expect(preview.complete).toBe(0);
    expect(preview.warnings.map((w) => w.missing)).toEqual([
      ['Saldo della morosità', 'Mesi di morosità'],
      ['Saldo della morosità', 'Mesi di morosità'],
    ]);
    const refused = await app.call('letters.issue', { templateId: t.id, expectedVersion: 1, target });
    expect(errorOf(refused).kind).toBe('validation');
    const kept = await issuePdf(app, {
      templateId: t.id,
      expectedVersion: 1,
      target,
      includeIncomplete: true,
    });
    expect(kept.count).toBe(2);

    const meeting = await templateId(app, 'Convocazione a un incontro di caseggiato');
    const noMeeting = await app.ok('letters.preview', { templateId: meeting.id, target });
    expect(noMeeting.batchProblems.join(' ')).toContain('Data dell’incontro');
    const issueWithout = await app.call('letters.issue', {
      templateId: meeting.id,
      expectedVersion: 1,
      target,
    });
    expect(errorOf(issueWithout).message).toContain('Data dell’incontro');
  });

  it('editing a template never changes an issued letter’s version or hash', async () => {
    const app = await setUpApp();
    const { households } = await world(app, 1);
    const t = await templateId(app, 'Comunicazione generica');
    const target = { kind: 'households' as const, householdIds: [households[0]!.id] };
    const before = await app.ok('letters.preview', { templateId: t.id, target });
    await app.ok('letters.issue', { templateId: t.id, expectedVersion: 1, target });
    const db = await readDb(app);
    const issued = db.raw.prepare('SELECT template_version, sha256 FROM letters').get() as {
      template_version: number;
      sha256: string;
    };
    const v1 = db.raw
      .prepare('SELECT body FROM letter_template_versions WHERE version = 1 AND template_id = ?')
      .get(t.id);

    const saved = await app.ok('letters.saveTemplate', {
      id: t.id,
      expectedVersion: 1,
      name: t.name,
      subject: 'Comunicazione importante',
      body: doc(p('{{destinatario.saluto}} {{destinatario.nome}}, nuovo testo.')),
    });
    expect(saved.template.currentVersion).toBe(2);
    expect(saved.versions.map((v) => v.version)).toEqual([2, 1]);
    // Issuing against the old version is refused: what was previewed is what prints.
    const stale = await app.call('letters.issue', { templateId: t.id, expectedVersion: 1, target });
    expect(errorOf(stale).kind).toBe('conflict');

    const after = db.raw.prepare('SELECT template_version, sha256 FROM letters').get();
    expect(after).toEqual(issued);
    expect(issued.template_version).toBe(1);
    expect(
      db.raw
        .prepare('SELECT body FROM letter_template_versions WHERE version = 1 AND template_id = ?')
        .get(t.id),
    ).toEqual(v1);
    expect(() =>
      db.raw.prepare("UPDATE letter_template_versions SET subject = 'x' WHERE template_id = ?").run(t.id),
    ).toThrow(/immutable/);
    // The stored hash is the SHA-256 of the letter the renderer made (seen in the preview).
    const article = /<article class="letter">[\s\S]*?<\/article>/.exec(before.html)?.[0] ?? '';
    expect(crypto.createHash('sha256').update(article, 'utf8').digest('hex')).toBe(issued.sha256);
    db.close();
  });

  it('an operatore issues only for their own buildings and sees only their letters', async () => {
    const app = await setUpApp();
    const olga = await addOperator(app, { username: 'olga', role: 'operatore' });
    const { building, households } = await world(app, 1);
    const mine = await createBuilding(app, { operatorIds: [olga.id] });
    const unit = await createUnit(app, mine.id);
    const own = await createHousehold(app, unit.id);
    const t = await templateId(app, 'Orari e contatti del tutor e dello sportello');
    await app.ok('letters.issue', {
      templateId: t.id,
      expectedVersion: 1,
      target: { kind: 'households', householdIds: [households[0]!.id] },
    });
    const asOlga = await olga.signIn();
    const other = await asOlga.call('letters.issue', {
      templateId: t.id,
      expectedVersion: 1,
      target: { kind: 'building', buildingId: building.id, staircases: [] },
    });
    expect(errorOf(other).kind).toBe('forbidden');
    await asOlga.ok('letters.issue', {
      templateId: t.id,
      expectedVersion: 1,
      target: { kind: 'households', householdIds: [own.id] },
    });
    const seen = await asOlga.ok('letters.register', {});
    expect(seen.rows.map((r) => r.householdId)).toEqual([own.id]);
    const all = await app.ok('letters.register', {});
    expect(all.total).toBe(2);
  });
});

describe('printing in chunks', () => {
  it('merges the chunks of a big batch into one PDF, letters in order', async () => {
    const shell = new ChromiumShell();
    const dir = tempDir();
    const out = path.join(dir, 'lettere.pdf');
    const head = { name: 'Coop', address: '', phone: '', email: '', footer: '', logo: null };
    const letters = [1, 2, 3, 4, 5].map((n) =>
      renderLetter(head, {
        protocol: `2026/00000${n}`,
        date: '02/12/2026',
        subject: `Lettera numero ${n}`,
        body: doc(p('Testo.')),
        values: {},
        recipient: { name: `Persona ${n}`, lines: ['Via Roma 1'] },
      }),
    );
    try {
      const pages = await printLetters(shell, out, letters, (chunk) => letterDocument('t', head, chunk), 2);
      expect(pages).toBe(5);
      const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+5/);
      const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).split('\f');
      expect([0, 1, 2, 3, 4].map((i) => /Lettera numero (\d)/.exec(text[i] ?? '')?.[1])).toEqual([
        '1',
        '2',
        '3',
        '4',
        '5',
      ]);
      expect(fs.readdirSync(dir)).toEqual(['lettere.pdf']);
    } finally {
      await shell.close();
    }
  });
});

/**
 * The web shell with a printer attached in place of the operating system's print dialog:
 * it answers as the user would (print, close the dialog, or a printer that fails), and
 * what it "prints" goes through Chromium to a PDF the test can read.
 */
class DialogPrinter extends ChromiumShell {
  readonly printed: { html: string; workFile: string; workFileExisted: boolean; pdf: string }[] = [];
  constructor(private readonly answer: PrintOutcome | 'fails') {
    super();
  }
  override readonly printDialog = async (html: string, workFile: string): Promise<PrintOutcome> => {
    if (this.answer === 'fails') throw new AppError('internal', 'La stampa non è riuscita.');
    const workFileExisted = fs.existsSync(workFile);
    if (this.answer === 'cancelled') return 'cancelled';
    const pdf = `${workFile}.pdf`;
    await this.htmlToPdf(html, pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    fs.rmSync(pdf);
    this.printed.push({ html, workFile, workFileExisted, pdf: text });
    return 'printed';
  };
}

describe('printing through the system print dialog', () => {
  const tutorHours = 'Orari e contatti del tutor e dello sportello';

  async function counts(app: TestApp) {
    const db = await readDb(app);
    try {
      const n = (sql: string) => (db.raw.prepare(sql).get() as { n: number }).n;
      return {
        letters: n('SELECT count(*) AS n FROM letters'),
        batches: n('SELECT count(*) AS n FROM letter_batches'),
        audited: n("SELECT count(*) AS n FROM audit_log WHERE action IN ('letters.issue', 'letters.letter')"),
      };
    } finally {
      db.close();
    }
  }

  it('prints the batch and records it once the printer took it', async () => {
    const printer = new DialogPrinter('printed');
    const app = await setUpApp(undefined, printer);
    const { building } = await world(app, 3, [{ firstName: 'Ștefan', surname: 'Țăranu' }]);
    const t = await templateId(app, tutorHours);
    const target = { kind: 'building' as const, buildingId: building.id, staircases: [] };
    expect((await app.ok('letters.preview', { templateId: t.id, target })).canPrint).toBe(true);

    const out = await app.ok('letters.issue', {
      templateId: t.id,
      expectedVersion: 1,
      target,
      output: 'stampa',
    });
    if (out.outcome !== 'printed') throw new Error(`expected printed, got ${out.outcome}`);
    const year = new Date().getFullYear();
    expect(out).toMatchObject({
      count: 3,
      skipped: 0,
      firstProtocol: `${year}/000001`,
      lastProtocol: `${year}/000003`,
    });
    // One document with every letter, written to the outbox while the dialog was open, then removed.
    expect(printer.printed).toHaveLength(1);
    const [job] = printer.printed;
    expect(job!.workFileExisted).toBe(true);
    expect(path.dirname(job!.workFile)).toBe(path.join(app.dir, 'outbox'));
    expect(fs.existsSync(job!.workFile)).toBe(false);
    const pages = job!.pdf.split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Ștefan Țăranu');
    expect(pages[0]).toContain('Via Roma 10');
    expect(pages[0]).toContain(`${year}/000001`);
    expect(pages[2]).toContain(`${year}/000003`);
    expect(await counts(app)).toEqual({ letters: 3, batches: 1, audited: 4 });
    const register = await app.ok('letters.register', { householdId: null, page: 0, pageSize: 10 });
    expect(register.rows.map((r) => r.output)).toEqual(['stampa', 'stampa', 'stampa']);

    // The register holds one SHA-256 per letter, each different (the protocol number differs).
    const db = await readDb(app);
    const hashes = db.raw.prepare('SELECT sha256 FROM letters ORDER BY number').pluck().all() as string[];
    db.close();
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(hashes).size).toBe(3);
  });

  it('issues nothing when the dialog is closed, and the numbers stay free', async () => {
    const printer = new DialogPrinter('cancelled');
    const app = await setUpApp(undefined, printer);
    const { building } = await world(app, 2);
    const t = await templateId(app, tutorHours);
    const target = { kind: 'building' as const, buildingId: building.id, staircases: [] };
    const out = await app.ok('letters.issue', {
      templateId: t.id,
      expectedVersion: 1,
      target,
      output: 'stampa',
    });
    expect(out).toEqual({ outcome: 'cancelled' });
    expect(await counts(app)).toEqual({ letters: 0, batches: 0, audited: 0 });
    expect(fs.readdirSync(path.join(app.dir, 'outbox'))).toEqual([]);
    const pdf = await issuePdf(app, { templateId: t.id, expectedVersion: 1, target });
    expect(pdf.firstProtocol).toBe(`${new Date().getFullYear()}/000001`);
    const register = await app.ok('letters.register', { householdId: null, page: 0, pageSize: 10 });
    expect(register.rows.map((r) => r.output)).toEqual(['pdf', 'pdf']);
  });

  it('records nothing when the printer fails, and says so in Italian', async () => {
    const app = await setUpApp(undefined, new DialogPrinter('fails'));
    const { building } = await world(app, 2);
    const t = await templateId(app, tutorHours);
    const result = await app.call('letters.issue', {
      templateId: t.id,
      expectedVersion: 1,
      target: { kind: 'building', buildingId: building.id, staircases: [] },
      output: 'stampa',
    });
    expect(errorOf(result).message).toBe('La stampa non è riuscita.');
    expect(await counts(app)).toEqual({ letters: 0, batches: 0, audited: 0 });
    expect(fs.readdirSync(path.join(app.dir, 'outbox'))).toEqual([]);
  });

  it('the web shell has no print dialog: it says to save the PDF, and records nothing', async () => {
    const app = await setUpApp();
    const { building } = await world(app, 1);
    const t = await templateId(app, tutorHours);
    const target = { kind: 'building' as const, buildingId: building.id, staircases: [] };
    expect((await app.ok('letters.preview', { templateId: t.id, target })).canPrint).toBe(false);
    const result = await app.call('letters.issue', {
      templateId: t.id,
      expectedVersion: 1,
      target,
      output: 'stampa',
    });
    const error = errorOf(result);
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('salva il PDF');
    expect(await counts(app)).toEqual({ letters: 0, batches: 0, audited: 0 });
  });
});
