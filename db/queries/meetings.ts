import type { RawDb } from '../connection';
import type { Guest, MeetingAction } from '../../shared/contract';
import { allRows, firstRow, placeholders, REFERENCE_NAME_SQL, runSql } from './registry-common';

/**
 * Team meetings (riunioni d'équipe). A visibility rule comes in as a
 * `{ sql, params }` condition on a building-id column (electron/handlers/scope.ts
 * buildingFilter), so the rule stays in one place.
 */
export type BuildingScope = (column: string) => { sql: string; params: readonly unknown[] };

export interface MeetingDbRow {
  id: number;
  held_on: string;
  guests: string;
  agenda: string;
  minutes: string;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  created_by_name: string | null;
}

export function getMeetingRow(raw: RawDb, id: number): MeetingDbRow | undefined {
  return firstRow<MeetingDbRow>(
    raw,
    `SELECT mt.*, o.full_name AS created_by_name FROM meetings mt
       LEFT JOIN operators o ON o.id = mt.created_by WHERE mt.id = ?`,
    [id],
  );
}

export function parseGuests(text: string): Guest[] {
  return JSON.parse(text) as Guest[];
}

export interface MeetingValues {
  heldOn: string;
  guests: Guest[];
  agenda: string;
}

export function insertMeeting(raw: RawDb, values: MeetingValues, createdBy: number, now: string): number {
  return runSql(
    raw,
    `INSERT INTO meetings (held_on, guests, agenda, minutes, created_at, updated_at, created_by)
     VALUES (?, ?, ?, '', ?, ?, ?)`,
    [values.heldOn, JSON.stringify(values.guests), values.agenda, now, now, createdBy],
  );
}

export function updateMeeting(
  raw: RawDb,
  id: number,
  values: MeetingValues & { minutes: string },
  updatedAt: string,
): void {
  runSql(
    raw,
    'UPDATE meetings SET held_on = ?, guests = ?, agenda = ?, minutes = ?, updated_at = ? WHERE id = ?',
    [values.heldOn, JSON.stringify(values.guests), values.agenda, values.minutes, updatedAt, id],
  );
}

/** A change to a case or an action is a change to the meeting: its version moves on. */
export function touchMeeting(raw: RawDb, id: number, updatedAt: string): void {
  runSql(raw, 'UPDATE meetings SET updated_at = ? WHERE id = ?', [updatedAt, id]);
}

export function setParticipants(raw: RawDb, meetingId: number, operatorIds: readonly number[]): void {
  runSql(raw, 'DELETE FROM meeting_participants WHERE meeting_id = ?', [meetingId]);
  for (const operatorId of operatorIds) {
    runSql(raw, 'INSERT INTO meeting_participants (meeting_id, operator_id) VALUES (?, ?)', [
      meetingId,
      operatorId,
    ]);
  }
}

export function meetingParticipants(
  raw: RawDb,
  meetingId: number,
): { id: number; full_name: string; role: string }[] {
  return allRows(
    raw,
    `SELECT o.id, o.full_name, o.role FROM meeting_participants p JOIN operators o ON o.id = p.operator_id
      WHERE p.meeting_id = ? ORDER BY o.full_name`,
    [meetingId],
  );
}

export function isParticipant(raw: RawDb, meetingId: number, operatorId: number): boolean {
  return (
    firstRow(raw, 'SELECT 1 AS x FROM meeting_participants WHERE meeting_id = ? AND operator_id = ?', [
      meetingId,
      operatorId,
    ]) !== undefined
  );
}

// ---------- cases ----------

export interface CaseDbRow {
  id: number;
  meeting_id: number;
  household_id: number;
  household_code: string;
  household_name: string | null;
  building_id: number;
  building_address: string;
  position: number;
  notes: string;
  confidential: number;
  notes_by: number | null;
  decisions: string;
  discussed: number;
  keep_flag: number;
  to_team: number;
  created_by: number | null;
  updated_at: string;
}

const CASE_SELECT = `SELECT c.id, c.meeting_id, c.household_id, h.code AS household_code,
       ${REFERENCE_NAME_SQL} AS household_name, u.building_id, b.address AS building_address,
       c.position, c.notes, c.confidential, c.notes_by, c.decisions, c.discussed, c.keep_flag,
       h.to_team, c.created_by, c.updated_at
  FROM meeting_cases c
  JOIN households h ON h.id = c.household_id
  JOIN units u ON u.id = h.unit_id
  JOIN buildings b ON b.id = u.building_id
  LEFT JOIN members m ON m.id = h.reference_member_id`;

/** The cases of a meeting in agenda order, limited by `scope` (null: all). */
export function meetingCases(raw: RawDb, meetingId: number, scope: BuildingScope | null): CaseDbRow[] {
  const filter = scope ? scope('u.building_id') : { sql: '1', params: [] };
  return allRows<CaseDbRow>(
    raw,
    `${CASE_SELECT} WHERE c.meeting_id = ? AND ${filter.sql} ORDER BY c.position, c.id`,
    [meetingId, ...filter.params],
  );
}

export function countCases(raw: RawDb, meetingId: number): number {
  return (
    firstRow<{ n: number }>(raw, 'SELECT count(*) AS n FROM meeting_cases WHERE meeting_id = ?', [meetingId])
      ?.n ?? 0
  );
}

export function getCaseRow(raw: RawDb, caseId: number): CaseDbRow | undefined {
  return firstRow<CaseDbRow>(raw, `${CASE_SELECT} WHERE c.id = ?`, [caseId]);
}

export function insertCase(
  raw: RawDb,
  meetingId: number,
  householdId: number,
  position: number,
  createdBy: number,
  now: string,
): number {
  return runSql(
    raw,
    `INSERT INTO meeting_cases (meeting_id, household_id, position, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [meetingId, householdId, position, now, now, createdBy],
  );
}

export function setCasePosition(raw: RawDb, caseId: number, position: number): void {
  runSql(raw, 'UPDATE meeting_cases SET position = ? WHERE id = ?', [position, caseId]);
}

export function deleteCase(raw: RawDb, caseId: number): void {
  runSql(raw, 'DELETE FROM meeting_cases WHERE id = ?', [caseId]);
}

export function caseHasActions(raw: RawDb, caseId: number): boolean {
  return (
    firstRow(raw, 'SELECT 1 AS x FROM meeting_actions WHERE case_id = ? LIMIT 1', [caseId]) !== undefined
  );
}

export function updateCase(
  raw: RawDb,
  caseId: number,
  values: {
    notes: string;
    confidential: boolean;
    notesBy: number | null;
    decisions: string;
    discussed: boolean;
    keepFlag: boolean;
  },
  updatedAt: string,
): void {
  runSql(
    raw,
    `UPDATE meeting_cases SET notes = ?, confidential = ?, notes_by = ?, decisions = ?, discussed = ?,
            keep_flag = ?, updated_at = ? WHERE id = ?`,
    [
      values.notes,
      values.confidential ? 1 : 0,
      values.notesBy,
      values.decisions,
      values.discussed ? 1 : 0,
      values.keepFlag ? 1 : 0,
      updatedAt,
      caseId,
    ],
  );
}

/** Clears a household's "porta in équipe" flag, moving its version on. */
export function clearTeamFlag(
  raw: RawDb,
  householdId: number,
  updatedAt: (previous: string) => string,
): boolean {
  const row = firstRow<{ to_team: number; updated_at: string }>(
    raw,
    'SELECT to_team, updated_at FROM households WHERE id = ?',
    [householdId],
  );
  if (!row || row.to_team === 0) return false;
  runSql(raw, 'UPDATE households SET to_team = 0, updated_at = ? WHERE id = ?', [
    updatedAt(row.updated_at),
    householdId,
  ]);
  return true;
}

// ---------- actions ----------

interface ActionDbRow {
  id: number;
  meeting_id: number;
  held_on: string;
  case_id: number;
  followup_id: number;
  household_id: number;
  household_code: string;
  household_name: string | null;
  text: string;
  operator_id: number;
  operator_name: string;
  due_on: string;
  done_at: string | null;
  followup_updated_at: string;
}

const ACTION_SELECT = `SELECT a.id, a.meeting_id, mt.held_on, a.case_id, a.followup_id, c.household_id,
       h.code AS household_code, ${REFERENCE_NAME_SQL} AS household_name, f.text, f.operator_id,
       o.full_name AS operator_name, f.due_on, f.done_at, f.updated_at AS followup_updated_at
  FROM meeting_actions a
  JOIN meetings mt ON mt.id = a.meeting_id
  JOIN meeting_cases c ON c.id = a.case_id
  JOIN followups f ON f.id = a.followup_id
  JOIN operators o ON o.id = f.operator_id
  JOIN households h ON h.id = c.household_id
  JOIN units u ON u.id = h.unit_id
  LEFT JOIN members m ON m.id = h.reference_member_id`;

function toAction(row: ActionDbRow): MeetingAction {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingHeldOn: row.held_on,
    caseId: row.case_id,
    followupId: row.followup_id,
    householdId: row.household_id,
    householdCode: row.household_code,
    householdName: row.household_name,
    text: row.text,
    assigneeId: row.operator_id,
    assigneeName: row.operator_name,
    dueOn: row.due_on,
    done: row.done_at !== null,
    doneAt: row.done_at,
    followupUpdatedAt: row.followup_updated_at,
  };
}

/** The actions of the given cases, by case, in the order they were decided. */
export function actionsOfCases(raw: RawDb, caseIds: readonly number[]): Map<number, MeetingAction[]> {
  const byCase = new Map<number, MeetingAction[]>();
  if (caseIds.length === 0) return byCase;
  const rows = allRows<ActionDbRow>(
    raw,
    `${ACTION_SELECT} WHERE a.case_id IN (SELECT value FROM json_each(?)) ORDER BY a.id`,
    [JSON.stringify(caseIds)],
  );
  for (const row of rows) {
    const list = byCase.get(row.case_id) ?? [];
    list.push(toAction(row));
    byCase.set(row.case_id, list);
  }
  return byCase;
}

/**
 * Actions of meetings held before this one (earlier date, or the same date and created
 * earlier) whose follow-up is still open, oldest due first, limited by `scope`.
 */
export function openActionsBefore(
  raw: RawDb,
  meeting: { id: number; held_on: string },
  scope: BuildingScope | null,
): MeetingAction[] {
  const filter = scope ? scope('u.building_id') : { sql: '1', params: [] };
  return allRows<ActionDbRow>(
    raw,
    `${ACTION_SELECT}
      WHERE f.done_at IS NULL AND (mt.held_on < ? OR (mt.held_on = ? AND mt.id < ?)) AND ${filter.sql}
      ORDER BY f.due_on, a.id`,
    [meeting.held_on, meeting.held_on, meeting.id, ...filter.params],
  ).map(toAction);
}

export function insertAction(
  raw: RawDb,
  values: { meetingId: number; caseId: number; followupId: number; createdBy: number },
  now: string,
): number {
  return runSql(
    raw,
    'INSERT INTO meeting_actions (meeting_id, case_id, followup_id, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
    [values.meetingId, values.caseId, values.followupId, now, values.createdBy],
  );
}

// ---------- list ----------

export interface MeetingListDbRow {
  id: number;
  held_on: string;
  participant_names: string;
  guests: string;
  case_count: number;
  action_count: number;
  open_action_count: number;
}

/**
 * Meetings newest first. `participant` limits them to the meetings an operator took part in,
 * and `scope` the counted cases and actions to the operator's buildings (null: all).
 */
export function listMeetings(
  raw: RawDb,
  options: { participant: number | null; scope: BuildingScope | null; page: number; pageSize: number },
): { rows: MeetingListDbRow[]; total: number } {
  const where =
    options.participant === null
      ? '1'
      : 'mt.id IN (SELECT meeting_id FROM meeting_participants WHERE operator_id = ?)';
  const whereParams = options.participant === null ? [] : [options.participant];
  const total =
    firstRow<{ n: number }>(raw, `SELECT count(*) AS n FROM meetings mt WHERE ${where}`, whereParams)?.n ?? 0;
  if (total === 0) return { rows: [], total };
  const filter = options.scope ? options.scope('u.building_id') : { sql: '1', params: [] };
  const rows = allRows<MeetingListDbRow>(
    raw,
    `WITH page AS (SELECT id FROM meetings mt WHERE ${where} ORDER BY held_on DESC, id DESC LIMIT ? OFFSET ?)
     SELECT mt.id, mt.held_on, mt.guests,
            (SELECT json_group_array(full_name) FROM (SELECT o.full_name FROM meeting_participants p
               JOIN operators o ON o.id = p.operator_id WHERE p.meeting_id = mt.id ORDER BY o.full_name)) AS participant_names,
            (SELECT count(*) FROM meeting_cases c JOIN households h ON h.id = c.household_id
               JOIN units u ON u.id = h.unit_id WHERE c.meeting_id = mt.id AND ${filter.sql}) AS case_count,
            (SELECT count(*) FROM meeting_actions a JOIN meeting_cases c ON c.id = a.case_id
               JOIN households h ON h.id = c.household_id JOIN units u ON u.id = h.unit_id
              WHERE a.meeting_id = mt.id AND ${filter.sql}) AS action_count,
            (SELECT count(*) FROM meeting_actions a JOIN followups f ON f.id = a.followup_id
               JOIN meeting_cases c ON c.id = a.case_id JOIN households h ON h.id = c.household_id
               JOIN units u ON u.id = h.unit_id
              WHERE a.meeting_id = mt.id AND f.done_at IS NULL AND ${filter.sql}) AS open_action_count
       FROM page JOIN meetings mt ON mt.id = page.id
      ORDER BY mt.held_on DESC, mt.id DESC`,
    [
      ...whereParams,
      options.pageSize,
      options.page * options.pageSize,
      ...filter.params,
      ...filter.params,
      ...filter.params,
    ],
  );
  return { rows, total };
}

// ---------- the proposal from the field ----------

export interface ProposalDbRow {
  household_id: number;
  code: string;
  reference_name: string | null;
  building_id: number;
  address: string;
}

/** Households flagged "porta in équipe" that are still in the register (not closed). */
export function flaggedHouseholds(raw: RawDb): ProposalDbRow[] {
  return allRows<ProposalDbRow>(
    raw,
    `SELECT h.id AS household_id, h.code, ${REFERENCE_NAME_SQL} AS reference_name, u.building_id, b.address
       FROM households h
       JOIN units u ON u.id = h.unit_id
       JOIN buildings b ON b.id = u.building_id
       LEFT JOIN members m ON m.id = h.reference_member_id
      WHERE h.to_team = 1 AND h.status <> 'chiuso'`,
  );
}

export interface LatestInterventionDbRow {
  id: number;
  household_id: number;
  occurred_at: string;
  type_label: string;
  operator_name: string;
  outcome: string;
  confidential: number;
}

/**
 * The `limit` newest interventions of each household given, in one statement (one index
 * seek per household, newest first), grouped by household.
 */
export function latestInterventions(
  raw: RawDb,
  householdIds: readonly number[],
  limit: number,
): Map<number, LatestInterventionDbRow[]> {
  const byHousehold = new Map<number, LatestInterventionDbRow[]>();
  if (householdIds.length === 0) return byHousehold;
  const rows = allRows<LatestInterventionDbRow>(
    raw,
    `SELECT i.id, i.household_id, i.occurred_at, vt.label AS type_label, o.full_name AS operator_name,
            i.outcome, i.confidential
       FROM json_each(?) j
       JOIN interventions i ON i.id IN (SELECT x.id FROM interventions x WHERE x.household_id = j.value
                                         ORDER BY x.occurred_at DESC, x.id DESC LIMIT ?)
       JOIN vocabulary vt ON vt.id = i.type_id
       JOIN operators o ON o.id = i.operator_id`,
    [JSON.stringify(householdIds), limit],
  );
  for (const row of rows) {
    const list = byHousehold.get(row.household_id) ?? [];
    list.push(row);
    byHousehold.set(row.household_id, list);
  }
  for (const list of byHousehold.values()) {
    list.sort((a, b) => b.occurred_at.localeCompare(a.occurred_at) || b.id - a.id);
  }
  return byHousehold;
}

/** The newest stored risk score of each household given. */
export function latestScores(
  raw: RawDb,
  householdIds: readonly number[],
): Map<number, { band: 'basso' | 'medio' | 'alto' | 'critico'; score: number; month: string }> {
  const rows = allRows<{
    household_id: number;
    band: 'basso' | 'medio' | 'alto' | 'critico';
    score: number;
    month: string;
  }>(
    raw,
    // Two seeks per household on the primary key (household_id, month): the newest month, its row.
    `SELECT r.household_id, r.band, r.score, r.month
       FROM json_each(?) j
       JOIN risk_scores r ON r.household_id = j.value
        AND r.month = (SELECT max(x.month) FROM risk_scores x WHERE x.household_id = j.value)`,
    [JSON.stringify(householdIds)],
  );
  return new Map(rows.map((r) => [r.household_id, { band: r.band, score: r.score, month: r.month }]));
}

/** Open meeting actions per household, among those given. */
export function openActionCounts(raw: RawDb, householdIds: readonly number[]): Map<number, number> {
  const rows = allRows<{ household_id: number; n: number }>(
    raw,
    `SELECT c.household_id, count(*) AS n FROM meeting_cases c
       JOIN meeting_actions a ON a.case_id = c.id
       JOIN followups f ON f.id = a.followup_id
      WHERE c.household_id IN (SELECT value FROM json_each(?)) AND f.done_at IS NULL
      GROUP BY c.household_id`,
    [JSON.stringify(householdIds)],
  );
  return new Map(rows.map((r) => [r.household_id, r.n]));
}

export function householdsOnAgenda(raw: RawDb, meetingId: number): Set<number> {
  return new Set(
    allRows<{ household_id: number }>(raw, 'SELECT household_id FROM meeting_cases WHERE meeting_id = ?', [
      meetingId,
    ]).map((r) => r.household_id),
  );
}

/** Active operators among `ids` (for the participants of a meeting). */
export function activeOperatorIds(raw: RawDb, ids: readonly number[]): Set<number> {
  if (ids.length === 0) return new Set();
  return new Set(
    allRows<{ id: number }>(
      raw,
      `SELECT id FROM operators WHERE active = 1 AND id IN (${placeholders(ids.length)})`,
      [...ids],
    ).map((r) => r.id),
  );
}
