import { sql, type Expression, type InferResult, type Selectable, type SqlBool } from 'kysely';
import type { Followup } from '../../shared/contract';
import type { Db } from '../connection';
import { AppError } from '../errors';
import type { FollowupsTable } from '../schema';
import { all, first, run } from '../sync';
import { scopeCondition, type ScopeFilter } from './interventions';
import { getOperator, type OperatorRow } from './operators';

export type FollowupRow = Selectable<FollowupsTable>;

/**
 * The building a follow-up belongs to: its household's current building, or
 * its own building when it has no household. Visibility goes by this column.
 */
const PLACE = 'coalesce(hu.building_id, f.building_id)';

function selectFollowups(db: Db) {
  return db.kysely
    .selectFrom('followups as f')
    .innerJoin('operators as o', 'o.id', 'f.operator_id')
    .leftJoin('households as h', 'h.id', 'f.household_id')
    .leftJoin('members as m', 'm.id', 'h.reference_member_id')
    .leftJoin('units as hu', 'hu.id', 'h.unit_id')
    .leftJoin('buildings as b', (join) => join.on(sql<SqlBool>`b.id = ${sql.raw(PLACE)}`))
    .leftJoin('meeting_actions as ma', 'ma.followup_id', 'f.id')
    .leftJoin('meetings as mt', 'mt.id', 'ma.meeting_id')
    .select([
      'f.id',
      'f.due_on',
      'f.operator_id',
      'o.full_name as operator_name',
      'f.text',
      'f.household_id',
      'h.code as household_code',
      'm.surname as ref_surname',
      'm.first_name as ref_first_name',
      'b.id as building_id',
      'b.address as building_address',
      'f.intervention_id',
      'f.referral_id',
      'ma.meeting_id',
      'mt.held_on as meeting_held_on',
      'f.done_at',
      'f.updated_at',
    ]);
}

type JoinedRow = InferResult<ReturnType<typeof selectFollowups>>[number];

function toFollowup(row: JoinedRow): Followup {
  return {
    id: row.id,
    dueOn: row.due_on,
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    text: row.text,
    householdId: row.household_id,
    householdCode: row.household_code,
    householdName:
      row.ref_surname === null || row.ref_first_name === null
        ? null
        : `${row.ref_surname} ${row.ref_first_name}`,
    buildingId: row.building_id,
    buildingAddress: row.building_address,
    interventionId: row.intervention_id,
    referralId: row.referral_id,
    meetingId: row.meeting_id,
    meetingHeldOn: row.meeting_held_on,
    done: row.done_at !== null,
    doneAt: row.done_at,
    updatedAt: row.updated_at,
  };
}

/** Every follow-up of a household, latest due date first (the caller has checked the household). */
export function listHouseholdFollowups(db: Db, householdId: number): Followup[] {
  return all(
    db,
    selectFollowups(db)
      .where('f.household_id', '=', householdId)
      .orderBy('f.due_on', 'desc')
      .orderBy('f.id', 'desc'),
  ).map(toFollowup);
}

/** Follow-ups by id, in the order given (missing ids are skipped). */
export function followupsByIds(db: Db, ids: readonly number[]): Followup[] {
  if (ids.length === 0) return [];
  const byId = new Map(
    all(db, selectFollowups(db).where('f.id', 'in', [...ids]))
      .map(toFollowup)
      .map((row) => [row.id, row]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function getFollowup(db: Db, id: number): Followup | undefined {
  const row = first(db, selectFollowups(db).where('f.id', '=', id));
  return row ? toFollowup(row) : undefined;
}

/**
 * An operator's open follow-ups due on or before `until` (overdue included),
 * limited by `scope` to those the viewer may see, by due date.
 */
export function openFollowupsUntil(
  db: Db,
  operatorId: number,
  until: string,
  scope: ScopeFilter,
): Followup[] {
  const conditions: Expression<SqlBool>[] = [scopeCondition(scope(PLACE))];
  return all(
    db,
    selectFollowups(db)
      .where('f.operator_id', '=', operatorId)
      .where('f.done_at', 'is', null)
      .where('f.due_on', '<=', until)
      .where((eb) => eb.and(conditions))
      .orderBy('f.due_on')
      .orderBy('f.id'),
  ).map(toFollowup);
}

export function getFollowupRow(db: Db, id: number): FollowupRow | undefined {
  return first(db, db.kysely.selectFrom('followups').selectAll().where('id', '=', id));
}

/**
 * The open follow-up created for a referral (the latest one, if several).
 * Looked up through the household (indexed); referral_id has no index.
 */
export function openReferralFollowup(
  db: Db,
  referral: { id: number; household_id: number },
): FollowupRow | undefined {
  return first(
    db,
    db.kysely
      .selectFrom('followups')
      .selectAll()
      .where('household_id', '=', referral.household_id)
      .where('referral_id', '=', referral.id)
      .where('done_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(1),
  );
}

export interface FollowupValues {
  dueOn: string;
  operatorId: number;
  text: string;
  householdId: number | null;
  buildingId: number | null;
  interventionId: number | null;
  referralId: number | null;
  createdBy: number;
}

export function insertFollowup(db: Db, values: FollowupValues, now: string): number {
  return run(
    db,
    db.kysely.insertInto('followups').values({
      due_on: values.dueOn,
      operator_id: values.operatorId,
      text: values.text,
      household_id: values.householdId,
      building_id: values.buildingId,
      intervention_id: values.interventionId,
      referral_id: values.referralId,
      done_at: null,
      done_by: null,
      created_at: now,
      updated_at: now,
      created_by: values.createdBy,
    }),
  ).lastInsertRowid;
}

export function updateFollowup(
  db: Db,
  id: number,
  changes: Partial<Pick<FollowupRow, 'due_on' | 'text' | 'operator_id' | 'done_at' | 'done_by'>> &
    Pick<FollowupRow, 'updated_at'>,
): void {
  run(db, db.kysely.updateTable('followups').set(changes).where('id', '=', id));
}

export const INACTIVE_OPERATOR = 'Operatore: scegliere un operatore attivo.';

/** The operator to assign work to: must exist and be active; `keep` stays allowed even if inactive. */
export function requireActiveOperator(db: Db, id: number, field: string, keep?: number): OperatorRow {
  const operator = getOperator(db, id);
  if (!operator || (operator.active !== 1 && operator.id !== keep)) {
    throw new AppError('validation', INACTIVE_OPERATOR, { fields: { [field]: INACTIVE_OPERATOR } });
  }
  return operator;
}
