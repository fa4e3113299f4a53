import fs from 'node:fs';
import { formatDate, formatDateTime, formatMoney } from '../../shared/format';
import { appendAudit } from '../../db/audit';
import type { RawDb } from '../../db/connection';
import { AppError } from '../../db/errors';
import { accessesOf } from '../../db/queries/audit-log';
import { getCooperative } from '../../db/queries/settings';
import { transaction } from '../../db/sync';
import type { Handler } from '../core/context';
import { readPrivacySettings } from './privacy';
import { requireHousehold } from './scope';

const HIDDEN = '(nota riservata: non inclusa per scelta del coordinatore)';

function tableExists(raw: RawDb, name: string): boolean {
  return raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

type Row = Record<string, unknown>;

/**
 * Everything Cortile keeps about one person (GDPR art. 15): their own registry
 * data and notice, their household's home and history, the interventions,
 * referrals and reminders on the household, arrears, letters, activities
 * attended, team-meeting discussions and who accessed the record. Other
 * members of the household are not named: their data is theirs.
 */
export function collectPersonData(raw: RawDb, memberId: number, includeConfidential: boolean) {
  const person = raw
    .prepare(
      `SELECT m.id, m.household_id AS householdId, m.first_name AS firstName, m.surname, m.sex,
              m.birth_date AS birthDate, m.tax_code AS taxCode, m.phone, m.relationship, m.left_on AS leftOn,
              m.created_at AS createdAt, m.updated_at AS updatedAt
         FROM members m WHERE m.id = ?`,
    )
    .get(memberId) as (Row & { householdId: number }) | undefined;
  if (!person) throw new AppError('not_found', 'Persona non trovata: forse è stata eliminata.');
  const hh = person.householdId;
  const fragilities = (
    raw
      .prepare(
        `SELECT v.label FROM member_fragilities f JOIN vocabulary v ON v.id = f.fragility_id WHERE f.member_id = ? ORDER BY v.label`,
      )
      .all(memberId) as { label: string }[]
  ).map((r) => r.label);
  const notice =
    (raw
      .prepare(
        'SELECT given_on AS givenOn, signed_on AS signedOn, version FROM member_privacy WHERE member_id = ?',
      )
      .get(memberId) as Row | undefined) ?? null;
  const household = raw
    .prepare(
      `SELECT h.code, h.status, h.since, h.phone, h.language, h.notes, b.address, b.city,
              trim(u.staircase || ' piano ' || u.floor || ' int. ' || u.number) AS unit
         FROM households h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id
        WHERE h.id = ?`,
    )
    .get(hh) as Row;
  const moves = raw
    .prepare(
      `SELECT mv.moved_on AS movedOn, b.address, u.number AS unit, mv.reason FROM household_moves mv
         JOIN units u ON u.id = mv.to_unit_id JOIN buildings b ON b.id = u.building_id
        WHERE mv.household_id = ? ORDER BY mv.moved_on, mv.id`,
    )
    .all(hh) as Row[];
  const interventions = (
    raw
      .prepare(
        `SELECT i.occurred_at AS occurredAt, t.label AS type, c.label AS channel, i.duration_min AS durationMin,
                o.full_name AS operator, i.outcome, i.notes, i.confidential
           FROM interventions i JOIN vocabulary t ON t.id = i.type_id JOIN vocabulary c ON c.id = i.channel_id
           LEFT JOIN operators o ON o.id = i.operator_id
          WHERE i.household_id = ? ORDER BY i.occurred_at, i.id`,
      )
      .all(hh) as Row[]
  ).map((row) =>
    Object.assign({}, row, {
      confidential: row.confidential === 1,
      notes: row.confidential === 1 && !includeConfidential && row.notes !== '' ? HIDDEN : row.notes,
    }),
  );
  const referrals = raw
    .prepare(
      `SELECT r.referred_on AS referredOn, s.label AS service, r.reason, r.status, r.check_by AS checkBy
         FROM referrals r JOIN vocabulary s ON s.id = r.service_id WHERE r.household_id = ? ORDER BY r.referred_on, r.id`,
    )
    .all(hh) as Row[];
  const followups = raw
    .prepare(
      `SELECT due_on AS dueOn, text, done_at AS doneAt FROM followups WHERE household_id = ? ORDER BY due_on, id`,
    )
    .all(hh) as Row[];
  const arrears = {
    statements: raw
      .prepare(
        `SELECT period, due_cents AS dueCents, paid_cents AS paidCents, balance_cents AS balanceCents,
                months_unpaid AS monthsUnpaid, legal_stage AS legalStage
           FROM arrears_statements WHERE household_id = ? ORDER BY period`,
      )
      .all(hh) as Row[],
    legalStage:
      (raw
        .prepare(
          'SELECT legal_stage AS stage, legal_stage_set_at AS setAt FROM household_arrears WHERE household_id = ?',
        )
        .get(hh) as Row | undefined) ?? null,
    plans: raw
      .prepare(
        `SELECT id, total_cents AS totalCents, installment_count AS installments, first_due_on AS firstDueOn,
                status, closed_on AS closedOn, notes FROM repayment_plans WHERE household_id = ? ORDER BY id`,
      )
      .all(hh) as Row[],
    payments: raw
      .prepare(
        `SELECT p.plan_id AS planId, p.paid_on AS paidOn, p.amount_cents AS amountCents, p.source
           FROM plan_payments p JOIN repayment_plans r ON r.id = p.plan_id WHERE r.household_id = ? ORDER BY p.paid_on`,
      )
      .all(hh) as Row[],
    incolpevoleCauses: raw
      .prepare(
        'SELECT cause, event_date AS eventDate, notes FROM incolpevole_causes WHERE household_id = ? ORDER BY id',
      )
      .all(hh) as Row[],
    isee:
      (raw
        .prepare(
          'SELECT value_cents AS valueCents, isee_date AS iseeDate FROM household_isee WHERE household_id = ?',
        )
        .get(hh) as Row | undefined) ?? null,
    riskScore:
      (raw
        .prepare(
          'SELECT month, score, band FROM risk_scores WHERE household_id = ? ORDER BY month DESC LIMIT 1',
        )
        .get(hh) as Row | undefined) ?? null,
  };
  // Letters land with another feature; read them only where the table exists.
  const letters = tableExists(raw, 'letters')
    ? (raw
        .prepare(
          'SELECT protocol, template_id AS templateId, template_version AS templateVersion, issued_at AS issuedAt FROM letters WHERE household_id = ? ORDER BY issued_at',
        )
        .all(hh) as Row[])
    : [];
  const activities = raw
    .prepare(
      `SELECT a.held_on AS heldOn, a.title, t.label AS type FROM activity_attendance x
         JOIN activities a ON a.id = x.activity_id JOIN activity_types t ON t.id = a.type_id
        WHERE x.household_id = ? ORDER BY a.held_on, a.id`,
    )
    .all(hh) as Row[];
  const meetings = (
    raw
      .prepare(
        `SELECT m.held_on AS heldOn, c.notes, c.confidential, c.decisions, c.discussed
           FROM meeting_cases c JOIN meetings m ON m.id = c.meeting_id WHERE c.household_id = ? ORDER BY m.held_on`,
      )
      .all(hh) as Row[]
  ).map((row) =>
    Object.assign({}, row, {
      confidential: row.confidential === 1,
      discussed: row.discussed === 1,
      notes: row.confidential === 1 && !includeConfidential && row.notes !== '' ? HIDDEN : row.notes,
    }),
  );
  const accesses = accessesOf(raw, hh, memberId);
  return {
    person: Object.assign({}, person, { fragilities, privacyNotice: notice }),
    household: Object.assign({}, household, { moves }),
    interventions,
    referrals,
    followups,
    arrears,
    letters,
    activities,
    meetings,
    accesses,
  };
}

export type PersonData = ReturnType<typeof collectPersonData>;

/** Text of a cell: strings and numbers as they are, anything else empty. */
const text = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';

const esc = (value: unknown): string =>
  text(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function table(headers: string[], rows: unknown[][], empty = 'Nessun dato.'): string {
  if (rows.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const s = text;
const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v) : '—');

export function renderPersonHtml(
  data: PersonData,
  cooperative: { name: string; address: string },
  includeConfidential: boolean,
  generatedAt: string,
): string {
  const p = data.person;
  const h = data.household;
  const notice = p.privacyNotice;
  const kv = (pairs: [string, unknown][]) =>
    `<table class="kv">${pairs.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Dati personali</title>
<style>
@page { size: A4; margin: 18mm 15mm; }
body { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 9.5pt; color: #111; }
h1 { font-size: 15pt; margin: 0 0 4pt; } h2 { font-size: 11.5pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin: 2pt 0 6pt; } th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; } table.kv th { width: 35%; } .empty { color: #555; font-style: italic; } .meta { color: #444; }
tr { break-inside: avoid; }
</style></head><body>
<h1>Dati personali conservati (art. 15 GDPR)</h1>
<p class="meta">${esc(cooperative.name)} — ${esc(cooperative.address)}<br>Prodotto il ${esc(formatDateTime(generatedAt))}.
Note riservate: ${includeConfidential ? 'incluse' : 'non incluse (scelta del coordinatore)'}.</p>
<h2>Dati anagrafici</h2>
${kv([
  ['Nome e cognome', `${s(p.firstName)} ${s(p.surname)}`],
  ['Sesso', p.sex],
  ['Data di nascita', formatDate(s(p.birthDate) || null)],
  ['Codice fiscale', p.taxCode ?? '—'],
  ['Telefono', s(p.phone) || '—'],
  ['Relazione con l’intestatario', p.relationship],
  ['Uscito dal nucleo il', formatDate(s(p.leftOn) || null)],
  ['Fragilità registrate', p.fragilities.join(', ') || '—'],
  ['Registrato il', formatDate(s(p.createdAt))],
  ['Informativa consegnata il', formatDate(s(notice?.givenOn) || null)],
  ['Informativa firmata il', formatDate(s(notice?.signedOn) || null)],
  ['Versione dell’informativa', s(notice?.version) || '—'],
])}
<h2>Nucleo e alloggio</h2>
${kv([
  ['Codice del nucleo', h.code],
  ['Indirizzo', `${s(h.address)}, ${s(h.city)} — ${s(h.unit)}`],
  ['Stato', h.status],
  ['Nell’alloggio dal', formatDate(s(h.since))],
  ['Telefono del nucleo', s(h.phone) || '—'],
  ['Lingua', h.language],
  ['Note', s(h.notes) || '—'],
])}
${table(
  ['Data', 'Indirizzo', 'Interno', 'Motivo'],
  h.moves.map((m) => [formatDate(s(m.movedOn)), m.address, m.unit, m.reason]),
  'Nessun trasferimento.',
)}
<h2>Interventi (${data.interventions.length})</h2>
${table(
  ['Data', 'Tipo', 'Canale', 'Operatore', 'Esito', 'Note'],
  data.interventions.map((i) => [
    formatDateTime(s(i.occurredAt)),
    i.type,
    i.channel,
    i.operator,
    i.outcome,
    i.notes,
  ]),
)}
<h2>Segnalazioni ai servizi (${data.referrals.length})</h2>
${table(
  ['Data', 'Servizio', 'Motivo', 'Stato'],
  data.referrals.map((r) => [formatDate(s(r.referredOn)), r.service, r.reason, r.status]),
)}
<h2>Promemoria (${data.followups.length})</h2>
${table(
  ['Entro il', 'Testo', 'Fatto il'],
  data.followups.map((f) => [formatDate(s(f.dueOn)), f.text, formatDate(s(f.doneAt) || null)]),
)}
<h2>Morosità</h2>
${kv([
  ['Fase legale', data.arrears.legalStage ? s(data.arrears.legalStage.stage) : '—'],
  [
    'ISEE',
    data.arrears.isee
      ? `${money(data.arrears.isee.valueCents)} del ${formatDate(s(data.arrears.isee.iseeDate))}`
      : '—',
  ],
  [
    'Indice di rischio più recente',
    data.arrears.riskScore
      ? `${s(data.arrears.riskScore.score)} (${s(data.arrears.riskScore.band)}, ${s(data.arrears.riskScore.month)})`
      : '—',
  ],
])}
${table(
  ['Mese', 'Dovuto', 'Pagato', 'Saldo', 'Mensilità non pagate'],
  data.arrears.statements.map((r) => [
    r.period,
    money(r.dueCents),
    money(r.paidCents),
    money(r.balanceCents),
    r.monthsUnpaid ?? '—',
  ]),
  'Nessun estratto conto.',
)}
${table(
  ['Piano', 'Totale', 'Rate', 'Prima scadenza', 'Stato', 'Note'],
  data.arrears.plans.map((r) => [
    r.id,
    money(r.totalCents),
    r.installments,
    formatDate(s(r.firstDueOn)),
    r.status,
    r.notes,
  ]),
  'Nessun piano di rientro.',
)}
${table(
  ['Causa di morosità incolpevole', 'Data', 'Note'],
  data.arrears.incolpevoleCauses.map((r) => [r.cause, formatDate(s(r.eventDate) || null), r.notes]),
  'Nessuna causa registrata.',
)}
<h2>Lettere inviate (${data.letters.length})</h2>
${table(
  ['Protocollo', 'Modello', 'Data'],
  data.letters.map((l) => [
    l.protocol,
    `${s(l.templateId)} v${s(l.templateVersion)}`,
    formatDate(s(l.issuedAt)),
  ]),
)}
<h2>Attività comunitarie frequentate (${data.activities.length})</h2>
${table(
  ['Data', 'Attività', 'Tipo'],
  data.activities.map((a) => [formatDate(s(a.heldOn)), a.title, a.type]),
)}
<h2>Discussioni in équipe (${data.meetings.length})</h2>
${table(
  ['Data', 'Note', 'Decisioni'],
  data.meetings.map((m) => [formatDate(s(m.heldOn)), m.notes, m.decisions]),
)}
<h2>Operatori che hanno consultato o modificato la scheda</h2>
${table(
  ['Operatore', 'Ruolo', 'Accessi', 'Primo', 'Ultimo', 'Azioni'],
  data.accesses.map((a) => [
    a.operatorName ?? '—',
    a.role ?? '—',
    a.accesses,
    formatDateTime(a.first),
    formatDateTime(a.last),
    a.actions,
  ]),
)}
</body></html>`;
}

export const exportPerson: Handler<'privacy.exportPerson'> = async (input, ctx) => {
  const { db, operator } = ctx;
  const member = db.raw.prepare('SELECT household_id FROM members WHERE id = ?').get(input.memberId) as
    { household_id: number } | undefined;
  if (!member) throw new AppError('not_found', 'Persona non trovata: forse è stata eliminata.');
  requireHousehold(db.raw, operator, member.household_id);
  const generatedAt = ctx.now();
  const data = collectPersonData(db.raw, input.memberId, input.includeConfidential);
  const cooperative = getCooperative(db);
  const stem = `dati-persona-${String(data.household.code)}-${input.memberId}`;
  const json = ctx.outbox.create(operator.id, `${stem}.json`, 'application/json');
  const pdf = ctx.outbox.create(operator.id, `${stem}.pdf`, 'application/pdf');
  try {
    fs.writeFileSync(
      json.path,
      JSON.stringify(
        {
          generatedAt,
          controller: cooperative.name,
          noticeVersionInUse: readPrivacySettings(db.raw).settings.noticeVersion,
          includeConfidential: input.includeConfidential,
          ...data,
        },
        null,
        2,
      ),
    );
    const html = renderPersonHtml(data, cooperative, input.includeConfidential, generatedAt);
    const { pages } = await ctx.shell.htmlToPdf(html, pdf.path);
    transaction(db, () => {
      appendAudit(db.raw, {
        operatorId: operator.id,
        action: 'privacy.exportPerson',
        recordType: 'member',
        recordId: input.memberId,
      });
    });
    return { json: await ctx.outbox.finish(json.id), pdf: await ctx.outbox.finish(pdf.id), pages };
  } catch (err) {
    ctx.outbox.discard(json.id);
    ctx.outbox.discard(pdf.id);
    throw err;
  }
};
