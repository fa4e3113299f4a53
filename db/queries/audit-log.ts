import type { RawDb } from '../connection';

/** Filters of the access log (see `audit.list`). */
export interface AuditFilter {
  operatorId: number | null;
  householdId: number | null;
  /** Local calendar days, both included. */
  from: string | null;
  to: string | null;
  action: string;
}

export interface AuditListRow {
  id: number;
  at: string;
  operatorId: number | null;
  operatorName: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  householdCode: string | null;
}

/** Record types that belong to one household, and how to find that household. */
const HOUSEHOLD_OF: Record<string, string> = {
  member: 'SELECT household_id FROM members WHERE id = CAST(a.record_id AS INTEGER)',
  intervention: 'SELECT household_id FROM interventions WHERE id = CAST(a.record_id AS INTEGER)',
  referral: 'SELECT household_id FROM referrals WHERE id = CAST(a.record_id AS INTEGER)',
  followup: 'SELECT household_id FROM followups WHERE id = CAST(a.record_id AS INTEGER)',
  repayment_plan: 'SELECT household_id FROM repayment_plans WHERE id = CAST(a.record_id AS INTEGER)',
};

const householdCodeSql = `CASE
  WHEN a.record_type = 'household' THEN (SELECT code FROM households WHERE id = CAST(a.record_id AS INTEGER))
  ${Object.entries(HOUSEHOLD_OF)
    .map(
      ([type, sql]) =>
        `WHEN a.record_type = '${type}' THEN (SELECT code FROM households WHERE id = (${sql}))`,
    )
    .join('\n  ')}
  ELSE NULL END`;

/** Start of a local calendar day as a UTC ISO timestamp (how `at` is stored). */
export function localDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

export function nextLocalDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

function where(filter: AuditFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.operatorId !== null) {
    parts.push('a.operator_id = @operatorId');
    params.operatorId = filter.operatorId;
  }
  if (filter.from !== null) {
    parts.push('a.at >= @from');
    params.from = localDayStart(filter.from);
  }
  if (filter.to !== null) {
    parts.push('a.at < @to');
    params.to = nextLocalDayStart(filter.to);
  }
  if (filter.action !== '') {
    parts.push('a.action = @action');
    params.action = filter.action;
  }
  if (filter.householdId !== null) {
    const text = String(filter.householdId);
    params.householdText = text;
    params.householdId = filter.householdId;
    const ofHousehold = (type: string, table: string) =>
      `(a.record_type = '${type}' AND a.record_id IN (SELECT CAST(id AS TEXT) FROM ${table} WHERE household_id = @householdId))`;
    parts.push(`((a.record_type = 'household' AND a.record_id = @householdText)
      OR ${ofHousehold('member', 'members')}
      OR ${ofHousehold('intervention', 'interventions')}
      OR ${ofHousehold('referral', 'referrals')}
      OR ${ofHousehold('followup', 'followups')}
      OR ${ofHousehold('repayment_plan', 'repayment_plans')})`);
  }
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params };
}

const columns = `a.id, a.at, a.operator_id AS operatorId, o.full_name AS operatorName, a.action,
  a.record_type AS recordType, a.record_id AS recordId, ${householdCodeSql} AS householdCode`;

export function countAudit(db: RawDb, filter: AuditFilter): number {
  const w = where(filter);
  return (db.prepare(`SELECT count(*) AS n FROM audit_log a WHERE ${w.sql}`).get(w.params) as { n: number })
    .n;
}

/** One page of the log, newest first. */
export function listAudit(db: RawDb, filter: AuditFilter, page: number, pageSize: number): AuditListRow[] {
  const w = where(filter);
  return db
    .prepare(
      `SELECT ${columns} FROM audit_log a LEFT JOIN operators o ON o.id = a.operator_id
       WHERE ${w.sql} ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...w.params, limit: pageSize, offset: page * pageSize }) as AuditListRow[];
}

/** Every matching row, newest first, as an iterator (for exports). */
export function iterateAudit(db: RawDb, filter: AuditFilter): IterableIterator<AuditListRow> {
  const w = where(filter);
  return db
    .prepare(
      `SELECT ${columns} FROM audit_log a LEFT JOIN operators o ON o.id = a.operator_id
       WHERE ${w.sql} ORDER BY a.id DESC`,
    )
    .iterate(w.params) as IterableIterator<AuditListRow>;
}

export function auditActions(db: RawDb): string[] {
  return (
    db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as { action: string }[]
  ).map((r) => r.action);
}

/** Operators who read or changed a person's record or their household's, grouped. */
export interface AccessSummary {
  operatorId: number | null;
  operatorName: string | null;
  role: string | null;
  accesses: number;
  first: string;
  last: string;
  actions: string;
}

export function accessesOf(db: RawDb, householdId: number, memberId: number): AccessSummary[] {
  const w = where({ operatorId: null, householdId, from: null, to: null, action: '' });
  return db
    .prepare(
      `SELECT a.operator_id AS operatorId, o.full_name AS operatorName, o.role AS role, count(*) AS accesses,
         min(a.at) AS first, max(a.at) AS last, group_concat(DISTINCT a.action) AS actions
       FROM audit_log a LEFT JOIN operators o ON o.id = a.operator_id
       WHERE (${w.sql}) OR (a.record_type = 'member' AND a.record_id = @memberText)
       GROUP BY a.operator_id ORDER BY max(a.at) DESC`,
    )
    .all({ ...w.params, memberText: String(memberId) }) as AccessSummary[];
}
