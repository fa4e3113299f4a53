import { appendAudit } from '../../db/audit';
import type { Db, RawDb } from '../../db/connection';
import { AppError } from '../../db/errors';
import {
  getFollowup,
  getFollowupRow,
  insertFollowup,
  requireActiveOperator,
  updateFollowup,
  type FollowupRow,
} from '../../db/queries/followups';
import type { OperatorRow } from '../../db/queries/operators';
import { transaction } from '../../db/sync';
import type { Handler } from '../core/context';
import {
  CHANGED_BY_OTHERS,
  checkVersion,
  nextUpdatedAt,
  NOT_ASSIGNED_BUILDING,
  requireBuilding,
  requireHousehold,
  seesAll,
} from './scope';

const NOT_FOUND = 'Promemoria non trovato: forse è stato eliminato. Ricaricare la pagina.';

/** A follow-up is visible when its household is, or its building when it has no household. */
export function requireFollowupVisible(
  raw: RawDb,
  operator: OperatorRow,
  row: Pick<FollowupRow, 'household_id' | 'building_id'>,
): void {
  if (row.household_id !== null) requireHousehold(raw, operator, row.household_id);
  else if (row.building_id !== null) requireBuilding(raw, operator, row.building_id);
  else if (!seesAll(operator)) throw new AppError('forbidden', NOT_ASSIGNED_BUILDING);
}

function mustFind(db: Db, id: number): FollowupRow {
  const row = getFollowupRow(db, id);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

function reread(db: Db, id: number) {
  const followup = getFollowup(db, id);
  if (!followup) throw new AppError('not_found', NOT_FOUND);
  return { followup };
}

export const create: Handler<'followups.create'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    if (input.householdId !== null) requireHousehold(db.raw, me, input.householdId);
    if (input.buildingId !== null) requireBuilding(db.raw, me, input.buildingId);
    const operatorId = input.operatorId ?? me.id;
    if (operatorId !== me.id) requireActiveOperator(db, operatorId, 'operatorId');
    const followupId = insertFollowup(
      db,
      {
        dueOn: input.dueOn,
        operatorId,
        text: input.text,
        householdId: input.householdId,
        buildingId: input.buildingId,
        interventionId: null,
        referralId: null,
        createdBy: me.id,
      },
      now,
    );
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'followups.create',
      recordType: 'followup',
      recordId: followupId,
    });
    return followupId;
  });
  return reread(db, id);
};

export const update: Handler<'followups.update'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = mustFind(db, input.id);
    requireFollowupVisible(db.raw, me, row);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('Il promemoria'));
    // Keeping the operator already assigned is allowed even if they have since been deactivated.
    requireActiveOperator(db, input.operatorId, 'operatorId', row.operator_id);
    updateFollowup(db, row.id, {
      due_on: input.dueOn,
      text: input.text,
      operator_id: input.operatorId,
      updated_at: nextUpdatedAt(row.updated_at, now),
    });
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'followups.update',
      recordType: 'followup',
      recordId: row.id,
    });
  });
  return reread(db, input.id);
};

/** Marks done, or open again (the "Annulla" after marking done); a repeat changes nothing. */
export const setDone: Handler<'followups.setDone'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = mustFind(db, input.id);
    requireFollowupVisible(db.raw, me, row);
    if (input.done === (row.done_at !== null)) return;
    updateFollowup(db, row.id, {
      done_at: input.done ? now : null,
      done_by: input.done ? me.id : null,
      updated_at: nextUpdatedAt(row.updated_at, now),
    });
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'followups.setDone',
      recordType: 'followup',
      recordId: row.id,
    });
  });
  return reread(db, input.id);
};
