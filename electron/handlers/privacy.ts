import {
  privacySettingsSchema,
  type NoticeRow,
  type PrivacySettings,
  type CallOutput,
} from '../../shared/contract';
import { appendAudit } from '../../db/audit';
import type { RawDb } from '../../db/connection';
import { AppError } from '../../db/errors';
import { refreshHouseholdSearch } from '../../db/queries/search-index';
import { getCooperative } from '../../db/queries/settings';
import { transaction } from '../../db/sync';
import type { Handler, HandlerContext } from '../core/context';
import { nextUpdatedAt, requireHousehold } from './scope';

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  auditRetentionMonths: 24,
  householdRetentionYears: 10,
  noticeVersion: '1.0',
  controller: '',
  dpoContact: '',
  dataCategories:
    'Dati anagrafici e di contatto dei componenti dei nuclei (nome, cognome, data di nascita, codice fiscale, telefono); ' +
    'composizione del nucleo e alloggio; interventi, segnalazioni ai servizi e promemoria; morosità, piani di rientro, ISEE e cause di morosità incolpevole; ' +
    'partecipazione ad attività comunitarie; discussione dei casi in équipe. ' +
    'Dati relativi alla salute e a condizioni di fragilità (categorie particolari, art. 9 GDPR).',
  purposes:
    'Svolgimento del servizio di tutor di condominio e portierato sociale affidato dall’ente gestore; ' +
    'accompagnamento dei nuclei, prevenzione e gestione della morosità, mediazione dei conflitti, animazione comunitaria; ' +
    'rendicontazione all’ente committente in forma aggregata.',
  dataSubjects:
    'Assegnatari e componenti dei nuclei residenti negli alloggi seguiti; operatori della cooperativa.',
  recipients:
    'Operatori della cooperativa autorizzati per i caseggiati assegnati; servizi sociali e sanitari solo per le segnalazioni; ' +
    'ente committente solo con dati aggregati o pseudonimizzati.',
  securityMeasures:
    'Database cifrato (AES-256) con chiave protetta dalle password degli operatori (scrypt); accesso per ruolo e per caseggiato; ' +
    'blocco automatico della sessione; registro accessi con catena di hash verificabile; backup cifrati; ' +
    'codici pseudonimi dei nuclei nelle esportazioni; note riservate visibili solo all’autore e ai coordinatori.',
};

const NOT_FOUND_MEMBER = 'Persona non trovata: forse è stata eliminata.';

interface SettingsRow {
  data: string;
  updated_at: string;
}

export function readPrivacySettings(raw: RawDb): { settings: PrivacySettings; updatedAt: string | null } {
  const row = raw.prepare('SELECT data, updated_at FROM privacy_settings WHERE id = 1').get() as
    SettingsRow | undefined;
  if (!row) return { settings: DEFAULT_PRIVACY_SETTINGS, updatedAt: null };
  const parsed = privacySettingsSchema.safeParse({ ...DEFAULT_PRIVACY_SETTINGS, ...JSON.parse(row.data) });
  return { settings: parsed.success ? parsed.data : DEFAULT_PRIVACY_SETTINGS, updatedAt: row.updated_at };
}

export const settings: Handler<'privacy.settings'> = (_input, ctx) => readPrivacySettings(ctx.db.raw);

export const updateSettings: Handler<'privacy.updateSettings'> = (input, ctx) => {
  const { db, operator } = ctx;
  transaction(db, () => {
    const current = readPrivacySettings(db.raw);
    if (current.updatedAt !== input.expectedUpdatedAt) {
      throw new AppError(
        'conflict',
        'Le impostazioni privacy sono state modificate da qualcun altro nel frattempo: ricaricare la pagina.',
      );
    }
    const now = current.updatedAt === null ? ctx.now() : nextUpdatedAt(current.updatedAt, ctx.now());
    db.raw
      .prepare(
        `INSERT INTO privacy_settings (id, data, updated_at, updated_by) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(JSON.stringify(input.settings), now, operator.id);
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'privacy.updateSettings',
      recordType: 'settings',
      recordId: 'privacy',
    });
  });
  return readPrivacySettings(db.raw);
};

// ---------- the privacy notice per person ----------

interface MemberRef {
  id: number;
  household_id: number;
}

function requireMember(ctx: HandlerContext, memberId: number): MemberRef {
  const member = ctx.db.raw.prepare('SELECT id, household_id FROM members WHERE id = ?').get(memberId) as
    MemberRef | undefined;
  if (!member) throw new AppError('not_found', NOT_FOUND_MEMBER);
  requireHousehold(ctx.db.raw, ctx.operator, member.household_id);
  return member;
}

function householdNotices(raw: RawDb, householdId: number): CallOutput<'privacy.household'> {
  const members = raw
    .prepare(
      `SELECT m.id AS memberId, trim(m.first_name || ' ' || m.surname) AS fullName, m.left_on AS leftOn,
              p.given_on AS givenOn, p.signed_on AS signedOn, nullif(p.version, '') AS version, p.updated_at AS updatedAt
         FROM members m LEFT JOIN member_privacy p ON p.member_id = m.id
        WHERE m.household_id = ? ORDER BY m.left_on IS NOT NULL, m.id`,
    )
    .all(householdId) as NoticeRow[];
  const anonymised = raw
    .prepare('SELECT anonymised_at AS at FROM household_anonymised WHERE household_id = ?')
    .get(householdId) as { at: string } | undefined;
  return {
    householdId,
    missing: members.filter((m) => m.leftOn === null && m.signedOn === null).length,
    currentVersion: readPrivacySettings(raw).settings.noticeVersion,
    anonymisedAt: anonymised?.at ?? null,
    members,
  };
}

export const household: Handler<'privacy.household'> = (input, ctx) => {
  requireHousehold(ctx.db.raw, ctx.operator, input.householdId);
  return householdNotices(ctx.db.raw, input.householdId);
};

export const setNotice: Handler<'privacy.setNotice'> = (input, ctx) => {
  const { db, operator } = ctx;
  let householdId = 0;
  transaction(db, () => {
    const member = requireMember(ctx, input.memberId);
    householdId = member.household_id;
    const today = ctx.now().slice(0, 10);
    for (const [field, value] of [
      ['givenOn', input.givenOn],
      ['signedOn', input.signedOn],
    ] as const) {
      if (value !== null && value > today) {
        const message = 'La data non può essere nel futuro.';
        throw new AppError('validation', message, { fields: { [field]: message } });
      }
    }
    db.raw
      .prepare(
        `INSERT INTO member_privacy (member_id, given_on, signed_on, version, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (member_id) DO UPDATE SET given_on = excluded.given_on, signed_on = excluded.signed_on,
           version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(input.memberId, input.givenOn, input.signedOn, input.version, ctx.now(), operator.id);
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'privacy.setNotice',
      recordType: 'member',
      recordId: input.memberId,
    });
  });
  return householdNotices(db.raw, householdId);
};

// ---------- retention and anonymisation ----------

/** The day `years` before today (local calendar). */
function cutoffDate(years: number, now = new Date()): string {
  const d = new Date(now.getFullYear() - years, now.getMonth(), now.getDate());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A household that is no longer `attivo` has no recorded closing date: the day
 * its record was last changed (when it was closed) stands for it.
 */
function retentionRows(raw: RawDb, cutoff: string) {
  return raw
    .prepare(
      `SELECT h.id AS householdId, h.code, h.status, substr(h.updated_at, 1, 10) AS closedOn,
              (SELECT count(*) FROM members m WHERE m.household_id = h.id) AS members
         FROM households h
        WHERE h.status <> 'attivo' AND substr(h.updated_at, 1, 10) <= ?
          AND NOT EXISTS (SELECT 1 FROM household_anonymised x WHERE x.household_id = h.id)
        ORDER BY h.updated_at, h.id`,
    )
    .all(cutoff) as {
    householdId: number;
    code: string;
    status: string;
    closedOn: string;
    members: number;
  }[];
}

export const retention: Handler<'privacy.retention'> = (_input, ctx) => {
  const years = readPrivacySettings(ctx.db.raw).settings.householdRetentionYears;
  const cutoff = cutoffDate(years);
  return { years, cutoff, rows: retentionRows(ctx.db.raw, cutoff) };
};

/**
 * Removes what names a person: names, tax codes, phones, birth day and month
 * (the year stays, for age bands), and every free text (notes, outcomes,
 * reasons, discussion notes, decisions). Codes, dates, types and counts stay,
 * so past reports stay true.
 */
function anonymiseHousehold(raw: RawDb, householdId: number, now: string, operatorId: number): void {
  const members = raw.prepare('SELECT id FROM members WHERE household_id = ?').all(householdId) as {
    id: number;
  }[];
  const code = (raw.prepare('SELECT code FROM households WHERE id = ?').get(householdId) as { code: string })
    .code;
  const renameMember = raw.prepare(
    `UPDATE members SET first_name = 'Anonimo', surname = ?, surname_norm = ?, tax_code = NULL, phone = '',
       birth_date = CASE WHEN birth_date IS NULL THEN NULL ELSE substr(birth_date, 1, 4) || '-01-01' END,
       updated_at = ? WHERE id = ?`,
  );
  members.forEach((member, index) => {
    const label = `${code}-${index + 1}`;
    renameMember.run(label, label.toLowerCase(), now, member.id);
  });
  raw
    .prepare(`UPDATE households SET phone = '', notes = '', updated_at = ? WHERE id = ?`)
    .run(now, householdId);
  raw
    .prepare(`UPDATE interventions SET notes = '', outcome = '', updated_at = ? WHERE household_id = ?`)
    .run(now, householdId);
  raw
    .prepare(`UPDATE referrals SET reason = '', updated_at = ? WHERE household_id = ?`)
    .run(now, householdId);
  raw.prepare(`UPDATE followups SET text = '', updated_at = ? WHERE household_id = ?`).run(now, householdId);
  raw.prepare(`UPDATE household_moves SET reason = '' WHERE household_id = ?`).run(householdId);
  raw.prepare(`UPDATE incolpevole_causes SET notes = '' WHERE household_id = ?`).run(householdId);
  raw.prepare(`UPDATE repayment_plans SET notes = '' WHERE household_id = ?`).run(householdId);
  raw
    .prepare(`UPDATE meeting_cases SET notes = '', decisions = '', updated_at = ? WHERE household_id = ?`)
    .run(now, householdId);
  raw
    .prepare('DELETE FROM member_privacy WHERE member_id IN (SELECT id FROM members WHERE household_id = ?)')
    .run(householdId);
  raw
    .prepare('INSERT INTO household_anonymised (household_id, anonymised_at, anonymised_by) VALUES (?, ?, ?)')
    .run(householdId, now, operatorId);
  refreshHouseholdSearch(raw, householdId);
  appendAudit(raw, {
    operatorId,
    action: 'privacy.anonymise',
    recordType: 'household',
    recordId: householdId,
  });
}

export const anonymise: Handler<'privacy.anonymise'> = (input, ctx) => {
  const { db, operator } = ctx;
  const ids = [...new Set(input.householdIds)];
  transaction(db, () => {
    const years = readPrivacySettings(db.raw).settings.householdRetentionYears;
    const eligible = new Set(retentionRows(db.raw, cutoffDate(years)).map((r) => r.householdId));
    for (const id of ids) {
      if (!eligible.has(id)) {
        const exists = db.raw.prepare('SELECT 1 FROM households WHERE id = ?').get(id);
        if (!exists) throw new AppError('not_found', 'Nucleo non trovato: forse è stato eliminato.');
        throw new AppError(
          'validation',
          `Il nucleo N. ${id} non è chiuso da più di ${years} anni (o è già anonimizzato): non si può anonimizzare.`,
        );
      }
    }
    const now = ctx.now();
    for (const id of ids) anonymiseHousehold(db.raw, id, now, operator.id);
  });
  return { anonymised: ids.length };
};

// ---------- record of processing ----------

export const register: Handler<'privacy.register'> = (_input, ctx) => {
  const raw = ctx.db.raw;
  const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
  return {
    settings: readPrivacySettings(raw).settings,
    cooperative: getCooperative(ctx.db),
    generatedAt: ctx.now(),
    counts: {
      households: count("SELECT count(*) AS n FROM households WHERE status = 'attivo'"),
      members: count(
        "SELECT count(*) AS n FROM members m JOIN households h ON h.id = m.household_id WHERE h.status = 'attivo' AND m.left_on IS NULL",
      ),
      operators: count('SELECT count(*) AS n FROM operators WHERE active = 1'),
    },
  };
};
