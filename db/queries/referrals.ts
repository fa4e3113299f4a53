import type { InferResult, Selectable } from 'kysely';
import type { Referral } from '../../shared/contract';
import type { Db } from '../connection';
import type { ReferralsTable } from '../schema';
import { all, first, run } from '../sync';

export type ReferralRow = Selectable<ReferralsTable>;

function selectReferrals(db: Db) {
  return db.kysely
    .selectFrom('referrals as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .innerJoin('vocabulary as v', 'v.id', 'r.service_id')
    .innerJoin('operators as o', 'o.id', 'r.operator_id')
    .select([
      'r.id',
      'r.household_id',
      'h.code as household_code',
      'r.intervention_id',
      'r.service_id',
      'v.label as service_label',
      'r.referred_on',
      'r.reason',
      'r.status',
      'r.check_by',
      'r.operator_id',
      'o.full_name as operator_name',
      'r.updated_at',
    ]);
}

function toReferral(row: InferResult<ReturnType<typeof selectReferrals>>[number]): Referral {
  return {
    id: row.id,
    householdId: row.household_id,
    householdCode: row.household_code,
    interventionId: row.intervention_id,
    serviceId: row.service_id,
    serviceLabel: row.service_label,
    referredOn: row.referred_on,
    reason: row.reason,
    status: row.status,
    checkBy: row.check_by,
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    updatedAt: row.updated_at,
  };
}

/** Every referral of a household, newest first (the caller has checked the household is visible). */
export function listHouseholdReferrals(db: Db, householdId: number): Referral[] {
  return all(
    db,
    selectReferrals(db)
      .where('r.household_id', '=', householdId)
      .orderBy('r.referred_on', 'desc')
      .orderBy('r.id', 'desc'),
  ).map(toReferral);
}

export function getReferral(db: Db, id: number): Referral | undefined {
  const row = first(db, selectReferrals(db).where('r.id', '=', id));
  return row ? toReferral(row) : undefined;
}

export function getReferralRow(db: Db, id: number): ReferralRow | undefined {
  return first(db, db.kysely.selectFrom('referrals').selectAll().where('id', '=', id));
}

export interface ReferralValues {
  householdId: number;
  interventionId: number | null;
  serviceId: number;
  referredOn: string;
  reason: string;
  status: ReferralRow['status'];
  checkBy: string | null;
  operatorId: number;
  createdBy: number;
}

export function insertReferral(db: Db, values: ReferralValues, now: string): number {
  return run(
    db,
    db.kysely.insertInto('referrals').values({
      household_id: values.householdId,
      intervention_id: values.interventionId,
      service_id: values.serviceId,
      referred_on: values.referredOn,
      reason: values.reason,
      status: values.status,
      check_by: values.checkBy,
      operator_id: values.operatorId,
      created_at: now,
      updated_at: now,
      created_by: values.createdBy,
    }),
  ).lastInsertRowid;
}

export function updateReferral(
  db: Db,
  id: number,
  changes: Pick<ReferralRow, 'service_id' | 'referred_on' | 'reason' | 'status' | 'check_by' | 'updated_at'>,
): void {
  run(db, db.kysely.updateTable('referrals').set(changes).where('id', '=', id));
}
