import crypto from 'node:crypto';
import { appendAudit } from '../../db/audit';
import type { Db, RawDb } from '../../db/connection';
import { AppError } from '../../db/errors';
import {
  getLetterheadRow,
  getTemplate,
  insertBatch,
  insertLetter,
  insertTemplate,
  insertVersion,
  latestArrears,
  listTemplates,
  nextProtocolNumber,
  openPlans,
  putLetterhead,
  recipientsByIds,
  recipientsOfBuilding,
  registerPage,
  templateVersions,
  updateTemplate,
  type LetterheadDbRow,
  type RecipientDbRow,
  type TemplateDbRow,
} from '../../db/queries/letters';
import { currentPlanStatus } from '../../db/queries/plans';
import { unitLabel } from '../../db/queries/registry-common';
import { getArrearsSettings } from '../../db/queries/risk';
import { getCooperative } from '../../db/queries/settings';
import { transaction } from '../../db/sync';
import type { CallOutput, LetterheadView, ParsedInput } from '../../shared/contract';
import { formatDate, formatMoney } from '../../shared/format';
import { bodyIsEmpty, bodyTexts, letterBodySchema, type LetterBody } from '../../shared/letters/body';
import { checkLogo } from '../../shared/letters/logo';
import { placeholderDef, placeholderKeys, placeholdersProblem } from '../../shared/letters/placeholders';
import {
  letterDocument,
  renderLetter,
  type Letterhead,
  type RenderedLetter,
} from '../../shared/letters/render';
import type { Handler, HandlerContext } from '../core/context';
import type { PrintOutcome } from '../core/shell';
import { localDate } from './agenda';
import { printLetters } from './letters-pdf';
import { buildingFilter, requireBuilding, requireHousehold, seesAll } from './scope';

/**
 * Letters to residents (docs/decisions.md, "Letters"). Templates are versioned (a
 * version is never changed); issuing renders every letter with the shared renderer,
 * prints one PDF, then records the batch in one transaction: protocol numbers
 * (year/number, gap-free), the SHA-256 of each letter, one audit entry per letter and
 * one for the batch. Nothing is recorded when the PDF cannot be made.
 */
const TEMPLATE_NOT_FOUND = 'Modello di lettera non trovato: ricaricare la pagina.';
const TEMPLATE_CHANGED =
  'Il modello è stato modificato nel frattempo: rifare l’anteprima prima di emettere le lettere.';
const NUMBERS_TAKEN =
  'Nel frattempo sono state emesse altre lettere e i numeri di protocollo sono cambiati: emettere di nuovo.';
const PREVIEW_LETTERS = 3;
/** Letters printed per Chromium job: one document up to 300 letters (measured faster than chunks of 100 merged); bigger batches are printed in chunks and merged, so memory stays bounded. */
export const PDF_CHUNK = 300;

// Values of the whole batch: a missing one stops the batch (it would be missing for everyone).
const BATCH_GROUPS = new Set(['ufficio', 'incontro']);

function templateView(db: Db, row: TemplateDbRow): CallOutput<'letters.template'> {
  return {
    template: rowView(row),
    body: letterBodySchema.parse(JSON.parse(row.body)),
    versions: templateVersions(db.raw, row.id).map((v) => ({
      version: v.version,
      createdAt: v.created_at,
      createdByName: v.created_by_name,
    })),
  };
}

function rowView(row: TemplateDbRow) {
  return {
    id: row.id,
    name: row.name,
    builtin: row.builtin_key !== null,
    active: row.active === 1,
    currentVersion: row.current_version,
    subject: row.subject,
    updatedAt: row.updated_at,
  };
}

function mustFindTemplate(raw: RawDb, id: number): TemplateDbRow {
  const row = getTemplate(raw, id);
  if (!row) throw new AppError('not_found', TEMPLATE_NOT_FOUND);
  return row;
}

export const templates: Handler<'letters.templates'> = (_input, ctx) => ({
  templates: listTemplates(ctx.db.raw).map(rowView),
});

export const template: Handler<'letters.template'> = (input, ctx) =>
  templateView(ctx.db, mustFindTemplate(ctx.db.raw, input.id));

/** Unknown placeholders are refused, with their names, at the field that holds them. */
function checkTexts(subject: string, body: LetterBody): void {
  const fields: Record<string, string> = {};
  const inSubject = placeholdersProblem([subject]);
  if (inSubject) fields.subject = inSubject;
  const inBody = placeholdersProblem(bodyTexts(body));
  if (inBody) fields.body = inBody;
  else if (bodyIsEmpty(body)) fields.body = 'Scrivere il testo della lettera.';
  const first = fields.subject ?? fields.body;
  if (first) throw new AppError('validation', first, { fields });
}

export const saveTemplate: Handler<'letters.saveTemplate'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  checkTexts(input.subject, input.body);
  const body = JSON.stringify(input.body);
  const id = transaction(db, () => {
    if (input.id === null) {
      const newId = insertTemplate(db.raw, input.name, input.active, me.id, now);
      insertVersion(db.raw, newId, 1, input.subject, body, me.id, now);
      appendAudit(db.raw, {
        operatorId: me.id,
        action: 'letters.saveTemplate',
        recordType: 'letter_template',
        recordId: newId,
      });
      return newId;
    }
    const row = mustFindTemplate(db.raw, input.id);
    if (input.expectedVersion !== null && input.expectedVersion !== row.current_version) {
      throw new AppError(
        'conflict',
        `Il modello è stato modificato da qualcun altro (ora è alla versione ${row.current_version}): ricaricare la pagina.`,
      );
    }
    const changedText = row.subject !== input.subject || row.body !== body;
    const version = changedText ? row.current_version + 1 : row.current_version;
    if (changedText) insertVersion(db.raw, row.id, version, input.subject, body, me.id, now);
    updateTemplate(db.raw, row.id, { name: input.name, active: input.active, version }, now);
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'letters.saveTemplate',
      recordType: 'letter_template',
      recordId: row.id,
    });
    return row.id;
  });
  return templateView(db, mustFindTemplate(db.raw, id));
};

// ---------- letterhead ----------

function letterheadOf(db: Db): {
  head: Letterhead;
  sportelloHours: string;
  row: LetterheadDbRow | undefined;
} {
  const row = getLetterheadRow(db.raw);
  if (row) {
    return {
      row,
      sportelloHours: row.sportello_hours,
      head: {
        name: row.name,
        address: row.address,
        phone: row.phone,
        email: row.email,
        footer: row.footer,
        logo: row.logo && row.logo_mime ? { mime: row.logo_mime, base64: row.logo.toString('base64') } : null,
      },
    };
  }
  const coop = getCooperative(db);
  return {
    row,
    sportelloHours: '',
    head: {
      name: coop.name,
      address: coop.address,
      phone: coop.phone,
      email: coop.email,
      footer: '',
      logo: null,
    },
  };
}

function letterheadView(db: Db): LetterheadView {
  const { head, sportelloHours, row } = letterheadOf(db);
  let logo: LetterheadView['logo'] = null;
  if (row?.logo && row.logo_mime) {
    const check = checkLogo(row.logo);
    if (check.ok) {
      logo = {
        mime: check.mime,
        base64: row.logo.toString('base64'),
        width: check.width,
        height: check.height,
        bytes: row.logo.length,
      };
    }
  }
  return {
    name: head.name,
    address: head.address,
    phone: head.phone,
    email: head.email,
    footer: head.footer,
    sportelloHours,
    logo,
    updatedAt: row?.updated_at ?? null,
  };
}

export const letterhead: Handler<'letters.letterhead'> = (_input, ctx) => letterheadView(ctx.db);

export const updateLetterhead: Handler<'letters.updateLetterhead'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  let logo: Buffer | null;
  let mime: 'image/png' | 'image/jpeg' | null;
  const current = getLetterheadRow(db.raw);
  if (input.logo === undefined) {
    logo = current?.logo ?? null;
    mime = current?.logo_mime ?? null;
  } else if (input.logo === null) {
    logo = null;
    mime = null;
  } else {
    const bytes = Buffer.from(input.logo, 'base64');
    const check = checkLogo(bytes);
    if (!check.ok) throw new AppError('validation', check.message, { fields: { logo: check.message } });
    logo = bytes;
    mime = check.mime;
  }
  transaction(db, () => {
    putLetterhead(
      db.raw,
      {
        name: input.name,
        address: input.address,
        phone: input.phone,
        email: input.email,
        footer: input.footer,
        sportello_hours: input.sportelloHours,
        logo,
        logo_mime: mime,
      },
      me.id,
      now,
    );
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'letters.updateLetterhead',
      recordType: 'letter_letterhead',
      recordId: 1,
    });
  });
  return letterheadView(db);
};

// ---------- merging ----------

interface Prepared {
  template: TemplateDbRow;
  subject: string;
  body: LetterBody;
  head: Letterhead;
  /** Keys of household values the template uses. */
  used: string[];
  batchValues: Record<string, string>;
  batchProblems: string[];
  recipients: RecipientDbRow[];
  /** Values per household, without the protocol. */
  values: Map<number, Record<string, string | null>>;
  source: 'nucleo' | 'selezione' | 'caseggiato';
  buildingId: number | null;
  today: string;
}

function recipientsOf(
  ctx: HandlerContext,
  target: ParsedInput<'letters.preview'>['target'],
): RecipientDbRow[] {
  const raw = ctx.db.raw;
  const me = ctx.operator;
  if (target.kind === 'building') {
    requireBuilding(raw, me, target.buildingId);
    return recipientsOfBuilding(raw, target.buildingId, target.staircases);
  }
  const ids = [...new Set(target.householdIds)];
  if (!seesAll(me)) for (const id of ids) requireHousehold(raw, me, id);
  const rows = recipientsByIds(raw, ids);
  if (rows.length !== ids.length)
    throw new AppError('not_found', 'Nucleo non trovato: forse è stato eliminato.');
  return rows;
}

function prepare(ctx: HandlerContext, input: ParsedInput<'letters.preview'>): Prepared {
  const { db, operator: me } = ctx;
  const template = mustFindTemplate(db.raw, input.templateId);
  if (template.active !== 1) {
    throw new AppError('validation', 'Questo modello non è più in uso: sceglierne un altro o riattivarlo.');
  }
  const body = letterBodySchema.parse(JSON.parse(template.body));
  const keys = placeholderKeys([template.subject, ...bodyTexts(body)].join('\n'));
  const { head, sportelloHours } = letterheadOf(db);
  const today = localDate(ctx.now());
  const m = input.meeting;
  const batchValues: Record<string, string> = {
    'operatore.nome': me.full_name,
    'cooperativa.nome': head.name,
    'cooperativa.indirizzo': head.address,
    'cooperativa.telefono': head.phone,
    'cooperativa.email': head.email,
    'sportello.orari': sportelloHours,
    'incontro.data': m.date ? formatDate(m.date) : '',
    'incontro.ora': m.time,
    'incontro.luogo': m.place,
    'incontro.ordine_del_giorno': m.agenda,
    'data.oggi': formatDate(today),
  };
  const batchProblems = keys
    .filter((k) => BATCH_GROUPS.has(placeholderDef(k)?.group ?? '') && (batchValues[k] ?? '').trim() === '')
    .map((k) => {
      const def = placeholderDef(k);
      return def?.group === 'incontro'
        ? `Manca il dato «${def.label}»: inserirlo sopra, nei dati dell’incontro.`
        : `Manca il dato «${def?.label ?? k}»: completarlo nella carta intestata (pagina Lettere).`;
    });

  const recipients = recipientsOf(ctx, input.target);
  const ids = recipients.map((r) => r.id);
  const arrears = keys.some((k) => k.startsWith('morosita.'))
    ? latestArrears(db.raw, ids)
    : new Map<number, { balance_cents: number; months_unpaid: number | null }>();
  const plans = keys.some((k) => k.startsWith('piano.')) ? openPlans(db.raw, ids) : new Map<number, number>();
  const rules = plans.size > 0 ? getArrearsSettings(db).settings : null;
  const values = new Map<number, Record<string, string | null>>();
  for (const r of recipients) {
    const name = r.first_name !== null && r.surname !== null ? `${r.first_name} ${r.surname}` : null;
    const unit = unitLabel(r.staircase, r.floor, r.unit_number);
    const debt = arrears.get(r.id);
    const planId = plans.get(r.id);
    const nextDue =
      planId !== undefined && rules
        ? currentPlanStatus(db, planId, today, {
            planTolerance: rules.planTolerance,
            breachAfterMissed: rules.breachAfterMissed,
          }).nextDue
        : null;
    values.set(r.id, {
      ...batchValues,
      'destinatario.nome': name,
      'destinatario.saluto': r.sex === 'F' ? 'Gentile Sig.ra' : r.sex === 'M' ? 'Gentile Sig.' : null,
      'intestatario.nome': name,
      'nucleo.codice': r.code,
      indirizzo: `${r.address}, ${unit}, ${r.city}`,
      'alloggio.scala': r.staircase || null,
      'alloggio.piano': r.floor === 0 ? 'terra' : String(r.floor),
      'alloggio.interno': r.unit_number || null,
      'caseggiato.indirizzo': `${r.address}, ${r.city}`,
      'morosita.saldo': debt && debt.balance_cents > 0 ? formatMoney(debt.balance_cents) : null,
      'morosita.mesi':
        debt && debt.balance_cents > 0 && debt.months_unpaid !== null && debt.months_unpaid > 0
          ? String(debt.months_unpaid)
          : null,
      'piano.prossima_rata_data': nextDue ? formatDate(nextDue.dueDate) : null,
      'piano.prossima_rata_importo': nextDue ? formatMoney(nextDue.amountCents) : null,
    });
  }
  const source = input.target.kind === 'building' ? 'caseggiato' : ids.length === 1 ? 'nucleo' : 'selezione';
  return {
    template,
    subject: template.subject,
    body,
    head,
    used: keys,
    batchValues,
    batchProblems,
    recipients,
    values,
    source,
    buildingId: input.target.kind === 'building' ? input.target.buildingId : null,
    today,
  };
}

function protocolOf(year: number, number: number): string {
  return `${year}/${String(number).padStart(6, '0')}`;
}

function render(p: Prepared, r: RecipientDbRow, protocol: string): RenderedLetter {
  const values: Record<string, string | null> = { ...p.values.get(r.id), 'lettera.protocollo': protocol };
  const name = values['destinatario.nome'] ?? null;
  return renderLetter(p.head, {
    protocol,
    date: formatDate(p.today),
    subject: p.subject,
    body: p.body,
    values,
    recipient: {
      name,
      lines: [r.address, unitLabel(r.staircase, r.floor, r.unit_number), r.city].filter(
        (l) => l.trim() !== '',
      ),
    },
  });
}

/** Household-level data missing in a rendered letter, as labels (batch values are reported apart). */
function missingLabels(letter: RenderedLetter): string[] {
  return letter.missing
    .filter((k) => !BATCH_GROUPS.has(placeholderDef(k)?.group ?? ''))
    .map((k) => placeholderDef(k)?.label ?? k);
}

export const preview: Handler<'letters.preview'> = (input, ctx) => {
  const p = prepare(ctx, input);
  const year = Number(p.today.slice(0, 4));
  const next = nextProtocolNumber(ctx.db.raw, year);
  const warnings: CallOutput<'letters.preview'>['warnings'] = [];
  const shown: RenderedLetter[] = [];
  for (const [i, r] of p.recipients.entries()) {
    const letter = render(p, r, protocolOf(year, next + i));
    const missing = missingLabels(letter);
    if (missing.length > 0) {
      warnings.push({
        householdId: r.id,
        code: r.code,
        name: p.values.get(r.id)?.['destinatario.nome'] ?? null,
        missing,
      });
    }
    if (shown.length < PREVIEW_LETTERS) shown.push(letter);
  }
  return {
    templateName: p.template.name,
    version: p.template.current_version,
    households: p.recipients.length,
    complete: p.recipients.length - warnings.length,
    warnings,
    batchProblems: p.batchProblems,
    html: letterDocument(`Anteprima: ${p.template.name}`, p.head, shown),
    shown: shown.length,
    canPrint: ctx.shell.printDialog !== null,
  };
};

export const issue: Handler<'letters.issue'> = async (input, ctx) => {
  const { db, operator: me } = ctx;
  const p = prepare(ctx, input);
  if (p.template.current_version !== input.expectedVersion) throw new AppError('conflict', TEMPLATE_CHANGED);
  const [problem] = p.batchProblems;
  if (problem !== undefined) throw new AppError('validation', problem);
  if (p.recipients.length === 0) {
    throw new AppError(
      'validation',
      'Nessun nucleo attivo a cui scrivere: controllare il caseggiato e le scale scelte.',
    );
  }
  const issuedAt = ctx.now();
  const year = Number(p.today.slice(0, 4));
  const first = nextProtocolNumber(db.raw, year);
  // Render with the numbers the batch will take; the transaction checks they are still free.
  const letters: { recipient: RecipientDbRow; letter: RenderedLetter; number: number }[] = [];
  let skipped = 0;
  for (const r of p.recipients) {
    const number = first + letters.length;
    const letter = render(p, r, protocolOf(year, number));
    if (!input.includeIncomplete && missingLabels(letter).length > 0) {
      skipped += 1;
      continue;
    }
    letters.push({ recipient: r, letter, number });
  }
  if (letters.length === 0) {
    throw new AppError(
      'validation',
      'A tutti i nuclei scelti manca qualche dato: completarli, oppure scegliere «Includi anche i nuclei con dati mancanti».',
    );
  }
  const firstProtocol = protocolOf(year, first);
  const lastProtocol = protocolOf(year, first + letters.length - 1);
  const title = `Lettere ${firstProtocol}`;
  const issued = { count: letters.length, skipped, firstProtocol, lastProtocol };
  const baseName = `lettere-${firstProtocol.replace('/', '-')}${letters.length > 1 ? `-${String(first + letters.length - 1).padStart(6, '0')}` : ''}`;
  const record = () =>
    recordBatch(db, {
      output: input.output,
      p,
      year,
      first,
      issuedAt,
      operatorId: me.id,
      letters,
    });

  if (input.output === 'stampa') {
    const { printDialog } = ctx.shell;
    if (printDialog === null) throw new AppError('validation', NO_PRINT_DIALOG);
    // The document waits in the outbox (private, emptied at lock) while the dialog is open.
    const work = ctx.outbox.create(me.id, `${baseName}.html`, 'text/html');
    let outcome: PrintOutcome;
    try {
      outcome = await printDialog(
        letterDocument(
          title,
          p.head,
          letters.map((l) => l.letter),
        ),
        work.path,
      );
    } finally {
      ctx.outbox.discard(work.id);
    }
    // Closing the dialog issues nothing: the numbers stay free for the next batch.
    if (outcome === 'cancelled') return { outcome: 'cancelled' };
    const batchId = record();
    return { outcome: 'printed', batchId, ...issued };
  }

  const out = ctx.outbox.create(me.id, `${baseName}.pdf`, 'application/pdf');
  let pages: number;
  let batchId: number;
  try {
    pages = await printLetters(
      ctx.shell,
      out.path,
      letters.map((l) => l.letter),
      (chunk) => letterDocument(title, p.head, chunk),
      PDF_CHUNK,
    );
    batchId = record();
  } catch (err) {
    ctx.outbox.discard(out.id);
    throw err;
  }
  const file = await ctx.outbox.finish(out.id);
  return {
    outcome: 'pdf',
    batchId,
    ...issued,
    fileId: file.id,
    fileName: file.fileName,
    bytes: file.bytes,
    pages,
  };
};

const NO_PRINT_DIALOG =
  'La stampa diretta si fa dall’app desktop: qui scegliere «Emetti e salva il PDF» e stampare il PDF.';

/**
 * Records a batch that was printed or saved, in one transaction: the template version and
 * the protocol numbers the letters were rendered with are checked again, then the batch,
 * each letter (with the SHA-256 of its HTML) and the audit entries are written.
 */
function recordBatch(
  db: Db,
  b: {
    output: 'pdf' | 'stampa';
    p: Prepared;
    year: number;
    first: number;
    issuedAt: string;
    operatorId: number;
    letters: readonly { recipient: RecipientDbRow; letter: RenderedLetter; number: number }[];
  },
): number {
  const { p, year, operatorId } = b;
  return transaction(db, () => {
    const now = mustFindTemplate(db.raw, p.template.id);
    if (now.current_version !== p.template.current_version) throw new AppError('conflict', TEMPLATE_CHANGED);
    if (nextProtocolNumber(db.raw, year) !== b.first) throw new AppError('conflict', NUMBERS_TAKEN);
    const id = insertBatch(db.raw, {
      templateId: p.template.id,
      version: p.template.current_version,
      issuedAt: b.issuedAt,
      operatorId,
      source: p.source,
      buildingId: p.buildingId,
      count: b.letters.length,
      output: b.output,
      values: JSON.stringify(
        Object.fromEntries(Object.entries(p.batchValues).filter(([k]) => p.used.includes(k))),
      ),
    });
    for (const { recipient, letter, number } of b.letters) {
      const letterId = insertLetter(db.raw, {
        protocol: protocolOf(year, number),
        year,
        number,
        householdId: recipient.id,
        templateId: p.template.id,
        version: p.template.current_version,
        issuedAt: b.issuedAt,
        operatorId,
        sha256: crypto.createHash('sha256').update(letter.html, 'utf8').digest('hex'),
        batchId: id,
      });
      appendAudit(db.raw, { operatorId, action: 'letters.letter', recordType: 'letter', recordId: letterId });
    }
    appendAudit(db.raw, { operatorId, action: 'letters.issue', recordType: 'letter_batch', recordId: id });
    return id;
  });
}

export const register: Handler<'letters.register'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const scope = buildingFilter(me, 'u.building_id');
  let filter = { sql: scope.sql, params: scope.params as unknown[] };
  if (input.householdId !== null) {
    requireHousehold(db.raw, me, input.householdId);
    // A household's own letters follow it, as its history does (scope.ts).
    filter = { sql: 'l.household_id = ?', params: [input.householdId] };
  }
  const page = registerPage(db.raw, filter, input.pageSize, input.page * input.pageSize);
  return {
    total: page.total,
    rows: page.rows.map((r) => ({
      id: r.id,
      protocol: r.protocol,
      issuedAt: r.issued_at,
      householdId: r.household_id,
      householdCode: r.household_code,
      templateId: r.template_id,
      templateName: r.template_name,
      templateVersion: r.template_version,
      operatorName: r.operator_name,
      sha256: r.sha256,
      batchId: r.batch_id,
      output: r.output,
    })),
  };
};
