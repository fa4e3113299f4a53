import { appendAudit } from '../../db/audit';
import { AppError } from '../../db/errors';
import {
  getHousehold,
  householdVersion,
  insertHousehold,
  insertMove,
  lastMoveDate,
  listHouseholds,
  listMoves,
  setHouseholdUnit,
  setReferenceMember,
  updateHousehold,
} from '../../db/queries/households';
import { listHouseholdFollowups } from '../../db/queries/followups';
import { countHouseholdInterventions, listHouseholdInterventions } from '../../db/queries/interventions';
import { insertMember, listMembers, memberVersion } from '../../db/queries/members';
import { listHouseholdReferrals } from '../../db/queries/referrals';
import { ftsQuery, refreshHouseholdSearch } from '../../db/queries/search-index';
import { activeOccupant } from '../../db/queries/units';
import { transaction } from '../../db/sync';
import type { Db } from '../../db/connection';
import type { Handler, HandlerContext } from '../core/context';
import { localDate } from './agenda';
import { checkFragilities, rejectDuplicates } from './members';
import {
  buildingFilter,
  CHANGED_BY_OTHERS,
  checkVersion,
  nextUpdatedAt,
  requireHousehold,
  requireUnit,
} from './scope';

const NOT_FOUND = 'Nucleo non trovato: forse è stato eliminato.';

function reread(ctx: HandlerContext, id: number) {
  const household = getHousehold(ctx.db, id);
  if (!household) throw new AppError('not_found', NOT_FOUND);
  return { household };
}

/** A unit holds one active household at a time. */
function requireFreeUnit(db: Db, unitId: number, householdId: number | null, field: string): void {
  const occupant = activeOccupant(db, unitId, householdId);
  if (occupant) {
    const message = `L’alloggio è già occupato dal nucleo ${occupant.code}: trasferirlo o chiuderlo prima.`;
    throw new AppError('conflict', message, { fields: { [field]: message } });
  }
}

export const list: Handler<'households.list'> = (input, ctx) => {
  const match = input.q === '' ? null : ftsQuery(input.q);
  if (input.q !== '' && match === null) return { rows: [], total: 0 };
  const riskMonth = input.riskBand === null ? null : (input.riskMonth ?? localDate(ctx.now()).slice(0, 7));
  return listHouseholds(ctx.db, buildingFilter(ctx.operator, 'u.building_id'), {
    ...input,
    match,
    riskMonth,
  });
};

export const get: Handler<'households.get'> = (input, ctx) => {
  const { db, operator } = ctx;
  requireHousehold(db.raw, operator, input.id);
  const { household } = reread(ctx, input.id);
  const result = {
    household,
    members: listMembers(db, household.id, household.referenceMemberId),
    moves: listMoves(db, household.id),
    interventions: listHouseholdInterventions(db, operator, household.id),
    interventionTotal: countHouseholdInterventions(db, household.id),
    referrals: listHouseholdReferrals(db, household.id),
    followups: listHouseholdFollowups(db, household.id),
  };
  // Opening a household page is itself recorded: who looked at which household, when.
  // This commit alone skips the fsync (synchronous=NORMAL, in WAL mode): an fsync
  // costs ~4 ms here, most of the page's time budget, on every page opened. The
  // row still survives an app crash, and the next ordinary commit (FULL) makes
  // it durable on disk together with its own; only a power cut right after an
  // opening could lose that opening's row, never a change and never the chain.
  db.raw.pragma('synchronous = NORMAL');
  try {
    transaction(db, () => {
      appendAudit(db.raw, {
        operatorId: operator.id,
        action: 'households.open',
        recordType: 'household',
        recordId: household.id,
      });
    });
  } finally {
    db.raw.pragma('synchronous = FULL');
  }
  return result;
};

export const create: Handler<'households.create'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    requireUnit(db.raw, ctx.operator, input.unitId);
    requireFreeUnit(db, input.unitId, null, 'unitId');
    input.members.forEach((person, index) => {
      if (index > 0 && person.relationship === 'intestatario') {
        const message = 'L’intestatario è il primo componente: scegliere un’altra relazione.';
        throw new AppError('validation', message, { fields: { [`members.${index}.relationship`]: message } });
      }
      checkFragilities(db, person.fragilityIds, `members.${index}.fragilityIds`);
    });
    if (!input.allowDuplicates) {
      rejectDuplicates(
        db,
        ctx.operator,
        input.members.map((person, index) => ({
          person,
          fieldPrefix: `members.${index}.`,
          exceptMemberId: null,
        })),
      );
    }
    const householdId = insertHousehold(db, input.unitId, input, now, ctx.operator.id);
    input.members.forEach((person, index) => {
      const memberId = insertMember(
        db,
        householdId,
        index === 0 ? { ...person, relationship: 'intestatario' } : person,
        now,
        ctx.operator.id,
      );
      if (index === 0) setReferenceMember(db, householdId, memberId);
    });
    insertMove(
      db,
      { householdId, fromUnitId: null, toUnitId: input.unitId, movedOn: input.since, reason: '' },
      now,
      ctx.operator.id,
    );
    refreshHouseholdSearch(db.raw, householdId);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'households.create',
      recordType: 'household',
      recordId: householdId,
    });
    return householdId;
  });
  return reread(ctx, id);
};

export const update: Handler<'households.update'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    requireHousehold(db.raw, ctx.operator, input.id);
    const row = householdVersion(db, input.id);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('Il nucleo'));
    if (input.referenceMemberId !== null && input.referenceMemberId !== row.reference_member_id) {
      const reference = memberVersion(db, input.referenceMemberId);
      if (reference?.household_id !== row.id) {
        const message = 'L’intestatario deve essere un componente di questo nucleo.';
        throw new AppError('validation', message, { fields: { referenceMemberId: message } });
      }
    }
    if (input.status === 'attivo' && row.status !== 'attivo')
      requireFreeUnit(db, row.unit_id, row.id, 'status');
    updateHousehold(db, row.id, input, nextUpdatedAt(row.updated_at, now));
    refreshHouseholdSearch(db.raw, row.id);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'households.update',
      recordType: 'household',
      recordId: row.id,
    });
  });
  return reread(ctx, input.id);
};

export const move: Handler<'households.move'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    requireHousehold(db.raw, ctx.operator, input.id);
    const row = householdVersion(db, input.id);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('Il nucleo'));
    requireUnit(db.raw, ctx.operator, input.toUnitId);
    if (input.toUnitId === row.unit_id) {
      const message = 'Il nucleo abita già in questo alloggio: sceglierne un altro.';
      throw new AppError('validation', message, { fields: { toUnitId: message } });
    }
    requireFreeUnit(db, input.toUnitId, row.id, 'toUnitId');
    const last = lastMoveDate(db, row.id);
    if (last !== undefined && input.movedOn < last) {
      const message = `La data del trasferimento non può precedere l’ultimo ingresso registrato (${last.split('-').reverse().join('/')}).`;
      throw new AppError('validation', message, { fields: { movedOn: message } });
    }
    insertMove(
      db,
      {
        householdId: row.id,
        fromUnitId: row.unit_id,
        toUnitId: input.toUnitId,
        movedOn: input.movedOn,
        reason: input.reason,
      },
      now,
      ctx.operator.id,
    );
    setHouseholdUnit(db, row.id, input.toUnitId, input.movedOn, nextUpdatedAt(row.updated_at, now));
    refreshHouseholdSearch(db.raw, row.id);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'households.move',
      recordType: 'household',
      recordId: row.id,
    });
  });
  return reread(ctx, input.id);
};
