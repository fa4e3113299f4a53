import { appendAudit } from '../../db/audit';
import { AppError } from '../../db/errors';
import { groupActivities } from '../../db/queries/activities';
import {
  getGroup,
  getGroupRow,
  groupBuildingIds,
  groupReferentIds,
  groupVisible,
  insertGroup,
  listGroups,
  memberHome,
  memberOptions as queryMemberOptions,
  setGroupBuildings,
  setGroupReferents,
  updateGroup,
} from '../../db/queries/groups';
import { transaction } from '../../db/sync';
import type { Db } from '../../db/connection';
import type { OperatorRow } from '../../db/queries/operators';
import type { Handler } from '../core/context';
import { viewerOf } from './activities';
import { CHANGED_BY_OTHERS, checkVersion, nextUpdatedAt, requireBuilding } from './scope';

const NOT_FOUND = 'Gruppo di residenti non trovato: forse è stato eliminato. Ricaricare la pagina.';
const NOT_VISIBLE =
  'Questo gruppo riguarda caseggiati non assegnati al proprio profilo: chiedere a un coordinatore.';
const REFERENT_ELSEWHERE =
  'I referenti devono essere componenti di nuclei che abitano in uno dei caseggiati del gruppo.';

function requireGroup(db: Db, operator: OperatorRow, id: number): void {
  if (!getGroupRow(db, id)) throw new AppError('not_found', NOT_FOUND);
  if (!groupVisible(db, viewerOf(operator), id)) throw new AppError('forbidden', NOT_VISIBLE);
}

/** New buildings must be the operatore's own; referents must live in one of the group's buildings. */
function checkGroupInput(
  db: Db,
  operator: OperatorRow,
  input: { buildingIds: number[]; referentIds: number[] },
  current: { buildingIds: number[]; referentIds: number[] } | null,
): { buildingIds: number[]; referentIds: number[] } {
  const buildingIds = [...new Set(input.buildingIds)];
  const referentIds = [...new Set(input.referentIds)];
  for (const buildingId of buildingIds) {
    if (current?.buildingIds.includes(buildingId)) continue;
    try {
      requireBuilding(db.raw, operator, buildingId);
    } catch (err) {
      if (err instanceof AppError) {
        throw new AppError(err.kind, err.message, { fields: { buildingIds: err.message } });
      }
      throw err;
    }
  }
  for (const memberId of referentIds) {
    if (current?.referentIds.includes(memberId)) continue;
    const home = memberHome(db, memberId);
    if (!home || !buildingIds.includes(home.building_id)) {
      throw new AppError('validation', REFERENT_ELSEWHERE, { fields: { referentIds: REFERENT_ELSEWHERE } });
    }
  }
  return { buildingIds, referentIds };
}

function reread(db: Db, operator: OperatorRow, id: number) {
  const group = getGroup(db, viewerOf(operator), id);
  if (!group) throw new AppError('not_found', NOT_FOUND);
  return { group };
}

export const list: Handler<'groups.list'> = (input, ctx) => {
  if (input.buildingId !== null) requireBuilding(ctx.db.raw, ctx.operator, input.buildingId);
  return { groups: listGroups(ctx.db, viewerOf(ctx.operator), input) };
};

export const get: Handler<'groups.get'> = (input, ctx) => {
  requireGroup(ctx.db, ctx.operator, input.id);
  return { ...reread(ctx.db, ctx.operator, input.id), activities: groupActivities(ctx.db, input.id) };
};

export const create: Handler<'groups.create'> = (input, ctx) => {
  const { db, operator } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    const checked = checkGroupInput(db, operator, input, null);
    const newId = insertGroup(db, input, now, operator.id);
    setGroupBuildings(db, newId, checked.buildingIds);
    setGroupReferents(db, newId, checked.referentIds);
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'groups.create',
      recordType: 'resident_group',
      recordId: newId,
    });
    return newId;
  });
  return reread(db, operator, id);
};

export const update: Handler<'groups.update'> = (input, ctx) => {
  const { db, operator } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    requireGroup(db, operator, input.id);
    const row = getGroupRow(db, input.id);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('Il gruppo'));
    const checked = checkGroupInput(db, operator, input, {
      buildingIds: groupBuildingIds(db, row.id),
      referentIds: groupReferentIds(db, row.id),
    });
    updateGroup(db, row.id, input, nextUpdatedAt(row.updated_at, now));
    setGroupBuildings(db, row.id, checked.buildingIds);
    setGroupReferents(db, row.id, checked.referentIds);
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'groups.update',
      recordType: 'resident_group',
      recordId: row.id,
    });
  });
  return reread(db, operator, input.id);
};

export const memberOptions: Handler<'groups.memberOptions'> = (input, ctx) => {
  const buildingIds = [...new Set(input.buildingIds)];
  for (const buildingId of buildingIds) requireBuilding(ctx.db.raw, ctx.operator, buildingId);
  return { members: queryMemberOptions(ctx.db, buildingIds) };
};
