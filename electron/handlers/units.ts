import { appendAudit } from '../../db/audit';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import { refreshHouseholdSearch } from '../../db/queries/search-index';
import {
  getUnit,
  insertUnit,
  listBuildingUnits,
  takenPositions,
  takenUnitCodes,
  unitBuildingAddress,
  unitHistory,
  unitHouseholdIds,
  unitVersion,
  updateUnit,
  type UnitPosition,
} from '../../db/queries/units';
import { unitLabel } from '../../db/queries/registry-common';
import { transaction } from '../../db/sync';
import type { Handler, HandlerContext } from '../core/context';
import {
  buildingFilter,
  CHANGED_BY_OTHERS,
  checkVersion,
  nextUpdatedAt,
  requireBuilding,
  requireUnit,
} from './scope';

const NOT_FOUND = 'Alloggio non trovato: forse è stato eliminato.';

function reread(ctx: HandlerContext, id: number) {
  const unit = getUnit(ctx.db, id);
  if (!unit) throw new AppError('not_found', NOT_FOUND);
  return { unit };
}

function listText(items: string[]): string {
  const shown = items.slice(0, 5).join('; ');
  return items.length > 5 ? `${shown} e altri ${items.length - 5}` : shown;
}

/** Refuses positions already in the building and agency codes already used (nothing is written). */
function checkFree(db: Db, buildingId: number, units: UnitPosition[], exceptId: number | null): void {
  const positions = takenPositions(db, buildingId, units, exceptId);
  if (positions.length > 0) {
    const labels = positions.map((p) => unitLabel(p.staircase, p.floor, p.number));
    const message =
      positions.length === 1
        ? `Esiste già un alloggio in questa posizione: ${labels[0] ?? ''}.`
        : `Esistono già alloggi in queste posizioni: ${listText(labels)}. Nessun alloggio è stato aggiunto.`;
    throw new AppError('conflict', message, { fields: { number: message } });
  }
  const codes = units.flatMap((u) => (u.agencyCode === null ? [] : [u.agencyCode]));
  const taken = takenUnitCodes(db, codes, exceptId);
  if (taken.length > 0) {
    const message =
      taken.length === 1
        ? `Il codice alloggio ${taken[0] ?? ''} è già usato da un altro alloggio.`
        : `I codici alloggio ${listText(taken)} sono già usati da altri alloggi. Nessun alloggio è stato aggiunto.`;
    throw new AppError('conflict', message, { fields: { agencyCode: message } });
  }
}

export const list: Handler<'units.list'> = (input, ctx) => {
  requireBuilding(ctx.db.raw, ctx.operator, input.buildingId);
  return { units: listBuildingUnits(ctx.db, input.buildingId) };
};

export const get: Handler<'units.get'> = (input, ctx) => {
  const { db } = ctx;
  requireUnit(db.raw, ctx.operator, input.id);
  const { unit } = reread(ctx, input.id);
  const history = unitHistory(db, input.id, buildingFilter(ctx.operator, 'cb.id')).map((row) => ({
    householdId: row.household_id,
    householdCode: row.household_code,
    // The name only of households the caller may see now (they may live elsewhere today).
    referenceName: row.visible === 1 ? row.reference_name : null,
    from: row.moved_on,
    to: row.left_on,
    reason: row.reason,
  }));
  return { unit, buildingAddress: unitBuildingAddress(db, input.id), history };
};

export const create: Handler<'units.create'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    requireBuilding(db.raw, ctx.operator, input.buildingId);
    checkFree(db, input.buildingId, [input], null);
    const newId = insertUnit(db, input.buildingId, input, now, ctx.operator.id);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'units.create',
      recordType: 'unit',
      recordId: newId,
    });
    return newId;
  });
  return reread(ctx, id);
};

export const createMany: Handler<'units.createMany'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  const planned: UnitPosition[] = [];
  let number = input.firstNumber;
  for (let floor = input.floorFrom; floor <= input.floorTo; floor += 1) {
    for (let i = 0; i < input.perFloor; i += 1) {
      planned.push({
        staircase: input.staircase,
        floor,
        number: String(number),
        agencyCode: input.codePrefix === '' ? null : `${input.codePrefix}${number}`,
      });
      number += 1;
    }
  }
  const ids = transaction(db, () => {
    requireBuilding(db.raw, ctx.operator, input.buildingId);
    checkFree(db, input.buildingId, planned, null);
    return planned.map((unit) => {
      const newId = insertUnit(
        db,
        input.buildingId,
        { ...unit, rooms: null, sizeSqm: null },
        now,
        ctx.operator.id,
      );
      appendAudit(db.raw, {
        operatorId: ctx.operator.id,
        action: 'units.createMany',
        recordType: 'unit',
        recordId: newId,
      });
      return newId;
    });
  });
  const created = new Set(ids);
  return { units: listBuildingUnits(db, input.buildingId).filter((unit) => created.has(unit.id)) };
};

export const update: Handler<'units.update'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    requireUnit(db.raw, ctx.operator, input.id);
    const row = unitVersion(db, input.id);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('L’alloggio'));
    checkFree(db, row.building_id, [input], row.id);
    updateUnit(db, row.id, input, nextUpdatedAt(row.updated_at, now));
    if ((row.agency_code ?? '') !== (input.agencyCode ?? '')) {
      for (const householdId of unitHouseholdIds(db, row.id)) refreshHouseholdSearch(db.raw, householdId);
    }
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'units.update',
      recordType: 'unit',
      recordId: row.id,
    });
  });
  return reread(ctx, input.id);
};
