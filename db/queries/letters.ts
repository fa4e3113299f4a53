import type { RawDb } from '../connection';
import { allRows, firstRow, runSql } from './registry-common';

export interface TemplateDbRow {
  id: number;
  builtin_key: string | null;
  name: string;
  active: number;
  current_version: number;
  updated_at: string;
  subject: string;
  body: string;
}

const TEMPLATE_SQL = `SELECT t.id, t.builtin_key, t.name, t.active, t.current_version, t.updated_at, v.subject, v.body
  FROM letter_templates t
  JOIN letter_template_versions v ON v.template_id = t.id AND v.version = t.current_version`;

export function listTemplates(raw: RawDb): TemplateDbRow[] {
  return allRows<TemplateDbRow>(raw, `${TEMPLATE_SQL} ORDER BY t.active DESC, t.name COLLATE NOCASE, t.id`);
}

export function getTemplate(raw: RawDb, id: number): TemplateDbRow | undefined {
  return firstRow<TemplateDbRow>(raw, `${TEMPLATE_SQL} WHERE t.id = ?`, [id]);
}

export function templateVersion(
  raw: RawDb,
  templateId: number,
  version: number,
): { subject: string; body: string } | undefined {
  return firstRow(
    raw,
    'SELECT subject, body FROM letter_template_versions WHERE template_id = ? AND version = ?',
    [templateId, version],
  );
}

export function templateVersions(
  raw: RawDb,
  templateId: number,
): { version: number; created_at: string; created_by_name: string | null }[] {
  return allRows(
    raw,
    `SELECT v.version, v.created_at, o.full_name AS created_by_name
       FROM letter_template_versions v LEFT JOIN operators o ON o.id = v.created_by
      WHERE v.template_id = ? ORDER BY v.version DESC`,
    [templateId],
  );
}

export function insertTemplate(
  raw: RawDb,
  name: string,
  active: boolean,
  operatorId: number,
  now: string,
): number {
  const info = raw
    .prepare(
      `INSERT INTO letter_templates (builtin_key, name, active, current_version, created_at, updated_at, created_by)
       VALUES (NULL, ?, ?, 1, ?, ?, ?)`,
    )
    .run(name, active ? 1 : 0, now, now, operatorId);
  return Number(info.lastInsertRowid);
}

export function updateTemplate(
  raw: RawDb,
  id: number,
  fields: { name: string; active: boolean; version: number },
  now: string,
): void {
  runSql(
    raw,
    'UPDATE letter_templates SET name = ?, active = ?, current_version = ?, updated_at = ? WHERE id = ?',
    [fields.name, fields.active ? 1 : 0, fields.version, now, id],
  );
}

export function insertVersion(
  raw: RawDb,
  templateId: number,
  version: number,
  subject: string,
  body: string,
  operatorId: number,
  now: string,
): void {
  runSql(
    raw,
    `INSERT INTO letter_template_versions (template_id, version, subject, body, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [templateId, version, subject, body, now, operatorId],
  );
}

// ---------- letterhead ----------

export interface LetterheadDbRow {
  name: string;
  address: string;
  phone: string;
  email: string;
  footer: string;
  sportello_hours: string;
  logo: Buffer | null;
  logo_mime: 'image/png' | 'image/jpeg' | null;
  updated_at: string;
}

export function getLetterheadRow(raw: RawDb): LetterheadDbRow | undefined {
  return firstRow<LetterheadDbRow>(
    raw,
    `SELECT name, address, phone, email, footer, sportello_hours, logo, logo_mime, updated_at
       FROM letter_letterhead WHERE id = 1`,
  );
}

export function putLetterhead(
  raw: RawDb,
  row: Omit<LetterheadDbRow, 'updated_at'>,
  operatorId: number,
  now: string,
): void {
  runSql(
    raw,
    `INSERT INTO letter_letterhead (id, name, address, phone, email, footer, sportello_hours, logo, logo_mime, updated_at, updated_by)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone,
       email = excluded.email, footer = excluded.footer, sportello_hours = excluded.sportello_hours,
       logo = excluded.logo, logo_mime = excluded.logo_mime, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
    [
      row.name,
      row.address,
      row.phone,
      row.email,
      row.footer,
      row.sportello_hours,
      row.logo,
      row.logo_mime,
      now,
      operatorId,
    ],
  );
}

// ---------- recipients ----------

export interface RecipientDbRow {
  id: number;
  code: string;
  status: string;
  staircase: string;
  floor: number;
  unit_number: string;
  building_id: number;
  address: string;
  city: string;
  first_name: string | null;
  surname: string | null;
  sex: 'F' | 'M' | null;
}

const RECIPIENT_SQL = `SELECT h.id, h.code, h.status, u.staircase, u.floor, u.number AS unit_number,
    b.id AS building_id, b.address, b.city, m.first_name, m.surname, m.sex
  FROM households h
  JOIN units u ON u.id = h.unit_id
  JOIN buildings b ON b.id = u.building_id
  LEFT JOIN members m ON m.id = h.reference_member_id`;

/** The households given, in the order given (unknown ids are left out). */
export function recipientsByIds(raw: RawDb, ids: readonly number[]): RecipientDbRow[] {
  const rows = allRows<RecipientDbRow>(
    raw,
    `${RECIPIENT_SQL} WHERE h.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The active households of a building (optionally some staircases), by staircase, floor, unit. */
export function recipientsOfBuilding(
  raw: RawDb,
  buildingId: number,
  staircases: readonly string[],
): RecipientDbRow[] {
  return allRows<RecipientDbRow>(
    raw,
    `${RECIPIENT_SQL}
      WHERE u.building_id = ? AND h.status = 'attivo'
        AND (? = 0 OR u.staircase IN (SELECT value FROM json_each(?)))
      ORDER BY u.staircase, u.floor, u.number COLLATE NOCASE, h.id`,
    [buildingId, staircases.length, JSON.stringify(staircases)],
  );
}

/** The newest statement of each household given: balance and months unpaid. */
export function latestArrears(
  raw: RawDb,
  ids: readonly number[],
): Map<number, { balance_cents: number; months_unpaid: number | null; period: string }> {
  const rows = allRows<{
    household_id: number;
    balance_cents: number;
    months_unpaid: number | null;
    period: string;
  }>(
    raw,
    `SELECT s.household_id, s.balance_cents, s.months_unpaid, s.period
       FROM arrears_statements s
       JOIN (SELECT household_id, MAX(period) AS period FROM arrears_statements
              WHERE household_id IN (SELECT value FROM json_each(?)) GROUP BY household_id) l
         ON l.household_id = s.household_id AND l.period = s.period`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.household_id, r]));
}

/** The open plan of each household given (at most one each). */
export function openPlans(raw: RawDb, ids: readonly number[]): Map<number, number> {
  const rows = allRows<{ id: number; household_id: number }>(
    raw,
    `SELECT id, household_id FROM repayment_plans
      WHERE closed_on IS NULL AND household_id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.household_id, r.id]));
}

// ---------- the register ----------

/** The next protocol number of the year: max + 1, read inside the issuing transaction. */
export function nextProtocolNumber(raw: RawDb, year: number): number {
  const row = firstRow<{ n: number | null }>(raw, 'SELECT MAX(number) AS n FROM letters WHERE year = ?', [
    year,
  ]);
  return (row?.n ?? 0) + 1;
}

export function insertBatch(
  raw: RawDb,
  batch: {
    templateId: number;
    version: number;
    issuedAt: string;
    operatorId: number;
    source: 'nucleo' | 'selezione' | 'caseggiato';
    buildingId: number | null;
    count: number;
    values: string;
    /** Saved as one PDF, or printed through the system print dialog. */
    output: 'pdf' | 'stampa';
  },
): number {
  const info = raw
    .prepare(
      `INSERT INTO letter_batches (template_id, template_version, issued_at, operator_id, source, building_id,
                                   letter_count, batch_values, output)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      batch.templateId,
      batch.version,
      batch.issuedAt,
      batch.operatorId,
      batch.source,
      batch.buildingId,
      batch.count,
      batch.values,
      batch.output,
    );
  return Number(info.lastInsertRowid);
}

export function insertLetter(
  raw: RawDb,
  letter: {
    protocol: string;
    year: number;
    number: number;
    householdId: number;
    templateId: number;
    version: number;
    issuedAt: string;
    operatorId: number;
    sha256: string;
    batchId: number;
  },
): number {
  const info = raw
    .prepare(
      `INSERT INTO letters (protocol, year, number, household_id, template_id, template_version, issued_at, operator_id, sha256, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      letter.protocol,
      letter.year,
      letter.number,
      letter.householdId,
      letter.templateId,
      letter.version,
      letter.issuedAt,
      letter.operatorId,
      letter.sha256,
      letter.batchId,
    );
  return Number(info.lastInsertRowid);
}

export interface LetterDbRow {
  id: number;
  protocol: string;
  issued_at: string;
  household_id: number;
  household_code: string;
  template_id: number;
  template_name: string;
  template_version: number;
  operator_name: string;
  sha256: string;
  batch_id: number;
  output: 'pdf' | 'stampa';
}

/** Letters, newest first, limited by `filter` (SQL with its parameters). */
export function registerPage(
  raw: RawDb,
  filter: { sql: string; params: unknown[] },
  limit: number,
  offset: number,
): { rows: LetterDbRow[]; total: number } {
  const from = `FROM letters l
    JOIN households h ON h.id = l.household_id
    JOIN units u ON u.id = h.unit_id
    JOIN letter_templates t ON t.id = l.template_id
    JOIN operators o ON o.id = l.operator_id
    JOIN letter_batches b ON b.id = l.batch_id
    WHERE ${filter.sql}`;
  const rows = allRows<LetterDbRow>(
    raw,
    `SELECT l.id, l.protocol, l.issued_at, l.household_id, h.code AS household_code, l.template_id,
            t.name AS template_name, l.template_version, o.full_name AS operator_name, l.sha256, l.batch_id,
            b.output
       ${from} ORDER BY l.issued_at DESC, l.id DESC LIMIT ? OFFSET ?`,
    [...filter.params, limit, offset],
  );
  const total = firstRow<{ n: number }>(raw, `SELECT COUNT(*) AS n ${from}`, filter.params)?.n ?? 0;
  return { rows, total };
}
