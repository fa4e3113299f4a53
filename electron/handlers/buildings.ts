import { appendAudit } from '../../db/audit';
import { AppError } from '../../db/errors';
import { areaRow } from '../../db/queries/areas';
import {
  assignedOperatorIds,
  buildingCodeTaken,
  buildingHouseholdIds,
  buildingOptions,
  buildingVersion,
  getBuilding,
  inactiveOrMissingOperators,
  insertBuilding,
  listBuildings,
  setBuildingOperators,
  updateBuilding,
} from '../../db/queries/buildings';
import { buildingHouseholds } from '../../db/queries/households';
import { latestBuildingInterventions } from '../../db/queries/interventions';
import { refreshHouseholdSearch } from '../../db/queries/search-index';
import { listBuildingUnits } from '../../db/queries/units';
import { transaction } from '../../db/sync';
import type { Db } from '../../db/connection';
import type { Handler, HandlerContext } from '../core/context';
import {
  buildingFilter,
  CHANGED_BY_OTHERS,
  checkVersion,
  nextUpdatedAt,
  requireBuilding,
  seesAll,
} from './scope';

const NOT_FOUND = 'Caseggiato non trovato: forse è stato eliminato.';
const CODE_TAKEN = 'Questo codice ente gestore è già usato da un altro caseggiato.';
const AREA_MISSING = 'L’area scelta non esiste più: ricaricare la pagina e sceglierne un’altra.';
const COORDINATOR_ONLY =
  'Solo un coordinatore può cambiare l’area, i tutor assegnati o lo stato di un caseggiato.';
/** How many of the latest interventions the building page shows. */
const LATEST_INTERVENTIONS = 20;

function reread(ctx: HandlerContext, id: number) {
  const building = getBuilding(ctx.db, id);
  if (!building) throw new AppError('not_found', NOT_FOUND);
  return { building };
}

/** Area must exist; operators must exist and be active; the agency code must be free. */
function checkReferences(
  db: Db,
  input: { areaId: number; operatorIds: number[]; agencyCode: string | null },
  exceptId: number | null,
): void {
  if (!areaRow(db, input.areaId)) {
    throw new AppError('validation', AREA_MISSING, { fields: { areaId: AREA_MISSING } });
  }
  if (inactiveOrMissingOperators(db, input.operatorIds).length > 0) {
    const message =
      'Tra i tutor scelti c’è un operatore non attivo o eliminato: ricaricare e sceglierli di nuovo.';
    throw new AppError('validation', message, { fields: { operatorIds: message } });
  }
  if (input.agencyCode !== null && buildingCodeTaken(db, input.agencyCode, exceptId)) {
    throw new AppError('conflict', CODE_TAKEN, { fields: { agencyCode: CODE_TAKEN } });
  }
}

export const list: Handler<'buildings.list'> = (input, ctx) =>
  listBuildings(ctx.db, buildingFilter(ctx.operator, 'b.id'), input);

export const options: Handler<'buildings.options'> = (_input, ctx) => ({
  buildings: buildingOptions(ctx.db, buildingFilter(ctx.operator, 'b.id')),
});

export const get: Handler<'buildings.get'> = (input, ctx) => {
  const { db } = ctx;
  requireBuilding(db.raw, ctx.operator, input.id);
  const { building } = reread(ctx, input.id);
  return {
    building,
    units: listBuildingUnits(db, input.id),
    households: buildingHouseholds(db, input.id),
    interventions: latestBuildingInterventions(db, ctx.operator, input.id, LATEST_INTERVENTIONS),
  };
};

export const create: Handler<'buildings.create'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    checkReferences(db, input, null);
    const newId = insertBuilding(db, input, now, ctx.operator.id);
    setBuildingOperators(db, newId, input.operatorIds);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'buildings.create',
      recordType: 'building',
      recordId: newId,
    });
    return newId;
  });
  return reread(ctx, id);
};

function sameIds(a: number[], b: number[]): boolean {
  const left = [...new Set(a)].sort((x, y) => x - y);
  const right = [...new Set(b)].sort((x, y) => x - y);
  return left.length === right.length && left.every((value, i) => value === right[i]);
}

export const update: Handler<'buildings.update'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    requireBuilding(db.raw, ctx.operator, input.id);
    const row = buildingVersion(db, input.id);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('Il caseggiato'));
    const assigned = assignedOperatorIds(db, row.id);
    const operatorsChanged = !sameIds(assigned, input.operatorIds);
    if (
      !seesAll(ctx.operator) &&
      (input.areaId !== row.area_id || operatorsChanged || input.active !== (row.active === 1))
    ) {
      throw new AppError('forbidden', COORDINATOR_ONLY);
    }
    checkReferences(
      db,
      // Operators already assigned may stay even if deactivated meanwhile: only new ones are checked.
      { ...input, operatorIds: input.operatorIds.filter((id) => !assigned.includes(id)) },
      row.id,
    );
    updateBuilding(db, row.id, input, nextUpdatedAt(row.updated_at, now));
    if (operatorsChanged) setBuildingOperators(db, row.id, input.operatorIds);
    if (row.address !== input.address || row.city !== input.city || row.agency_code !== input.agencyCode) {
      for (const householdId of buildingHouseholdIds(db, row.id)) refreshHouseholdSearch(db.raw, householdId);
    }
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'buildings.update',
      recordType: 'building',
      recordId: row.id,
    });
  });
  return reread(ctx, input.id);
};
