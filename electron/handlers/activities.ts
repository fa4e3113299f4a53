import { appendAudit } from '../../db/audit';
import { AppError } from '../../db/errors';
import {
  activityBuildings,
  activityTypeRow,
  activityTypeTaken,
  activityVisible,
  addAttendance,
  attendanceSheet,
  getActivity,
  getActivityRow,
  getActivityType,
  householdActivities,
  insertActivity,
  insertActivityType,
  insertSeries,
  listActivities,
  listActivityTypes,
  removeAttendance,
  seriesOccurrences,
  setActivityBuildings,
  setActivityGuests,
  updateActivity,
  updateActivityType,
  type ActivityDbRow,
  type Viewer,
} from '../../db/queries/activities';
import { getGroupRow, groupVisible } from '../../db/queries/groups';
import { transaction } from '../../db/sync';
import type { Db } from '../../db/connection';
import type { OperatorRow } from '../../db/queries/operators';
import type { ActivityTarget, CallOutput } from '../../shared/contract';
import type { Handler } from '../core/context';
import {
  CHANGED_BY_OTHERS,
  checkVersion,
  nextUpdatedAt,
  requireBuilding,
  requireHousehold,
  seesAll,
} from './scope';

const NOT_FOUND = 'Attività non trovata: forse è stata eliminata. Ricaricare la pagina.';
const NOT_VISIBLE =
  'Questa attività riguarda caseggiati non assegnati al proprio profilo: chiedere a un coordinatore.';
const TYPE_MESSAGE = 'Tipo di attività: scegliere una voce attiva dell’elenco.';
const AREA_MISSING = 'L’area scelta non esiste più: ricaricare la pagina e sceglierne un’altra.';
const AREA_NOT_FOLLOWED =
  'Nessun caseggiato di quest’area è assegnato al proprio profilo: scegliere i caseggiati o chiedere a un coordinatore.';
const GROUP_MISSING = 'Il gruppo di residenti scelto non esiste o non è visibile: sceglierne un altro.';

export function viewerOf(operator: OperatorRow): Viewer {
  return seesAll(operator) ? null : { operatorId: operator.id };
}

const formatDate = (iso: string) => iso.split('-').reverse().join('/');

function fieldError(field: string, message: string): AppError {
  return new AppError('validation', message, { fields: { [field]: message } });
}

/** Throws not_found or forbidden; returns the stored row. */
export function requireActivity(db: Db, operator: OperatorRow, id: number): ActivityDbRow {
  const row = getActivityRow(db, id);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  if (!activityVisible(db, viewerOf(operator), id)) throw new AppError('forbidden', NOT_VISIBLE);
  return row;
}

function requireType(db: Db, typeId: number, keep: number | null): void {
  const row = activityTypeRow(db, typeId);
  if (!row || (row.active !== 1 && row.id !== keep)) throw fieldError('typeId', TYPE_MESSAGE);
}

/**
 * The buildings or the area must exist and, for an operatore, be theirs:
 * new buildings assigned to them, an area where they follow a building.
 * What the activity already had may stay.
 */
function checkTarget(
  db: Db,
  operator: OperatorRow,
  target: ActivityTarget,
  current: ActivityDbRow | null,
): { buildingIds: number[]; areaId: number | null } {
  if (target.kind === 'buildings') {
    const buildingIds = [...new Set(target.buildingIds)];
    const kept =
      current && current.area_id === null
        ? new Set(activityBuildings(db, current).map((b) => b.id))
        : new Set();
    for (const buildingId of buildingIds) {
      if (kept.has(buildingId)) continue;
      try {
        requireBuilding(db.raw, operator, buildingId);
      } catch (err) {
        if (err instanceof AppError)
          throw new AppError(err.kind, err.message, { fields: { target: err.message } });
        throw err;
      }
    }
    return { buildingIds, areaId: null };
  }
  const area = db.raw.prepare('SELECT id FROM areas WHERE id = ?').get(target.areaId);
  if (!area) throw fieldError('target', AREA_MISSING);
  if (!seesAll(operator) && current?.area_id !== target.areaId) {
    const follows = db.raw
      .prepare(
        `SELECT 1 FROM building_operators bo JOIN buildings b ON b.id = bo.building_id
          WHERE bo.operator_id = ? AND b.area_id = ?`,
      )
      .get(operator.id, target.areaId);
    if (!follows)
      throw new AppError('forbidden', AREA_NOT_FOLLOWED, { fields: { target: AREA_NOT_FOLLOWED } });
  }
  return { buildingIds: [], areaId: target.areaId };
}

function checkGroup(db: Db, operator: OperatorRow, groupId: number | null, keep: number | null): void {
  if (groupId === null || groupId === keep) return;
  if (!getGroupRow(db, groupId) || !groupVisible(db, viewerOf(operator), groupId)) {
    throw fieldError('groupId', GROUP_MISSING);
  }
}

function detail(db: Db, operator: OperatorRow, id: number): CallOutput<'activities.get'> {
  const activity = getActivity(db, id);
  const row = getActivityRow(db, id);
  if (!activity || !row) throw new AppError('not_found', NOT_FOUND);
  const {
    editable: _editable,
    eligibleIds: _eligibleIds,
    ...attendance
  } = attendanceSheet(db, viewerOf(operator), row);
  return {
    activity,
    attendance,
    occurrences: row.series_id === null ? [] : seriesOccurrences(db, row.series_id),
  };
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const list: Handler<'activities.list'> = (input, ctx) => {
  const { db, operator } = ctx;
  if (input.buildingId !== null) requireBuilding(db.raw, operator, input.buildingId);
  if (input.groupId !== null && !groupVisible(db, viewerOf(operator), input.groupId)) {
    throw new AppError('forbidden', GROUP_MISSING);
  }
  return listActivities(db, viewerOf(operator), input);
};

export const get: Handler<'activities.get'> = (input, ctx) => {
  requireActivity(ctx.db, ctx.operator, input.id);
  return detail(ctx.db, ctx.operator, input.id);
};

export const create: Handler<'activities.create'> = (input, ctx) => {
  const { db, operator } = ctx;
  const now = ctx.now();
  const ids = transaction(db, () => {
    requireType(db, input.typeId, null);
    const target = checkTarget(db, operator, input.target, null);
    checkGroup(db, operator, input.groupId, null);
    const seriesId = input.repeat
      ? insertSeries(db, input.repeat.everyWeeks, input.repeat.until, now, operator.id)
      : null;
    const dates = [input.heldOn];
    if (input.repeat) {
      for (let day = addDays(input.heldOn, 7 * input.repeat.everyWeeks); day <= input.repeat.until;) {
        dates.push(day);
        day = addDays(day, 7 * input.repeat.everyWeeks);
      }
    }
    return dates.map((heldOn) => {
      const id = insertActivity(db, { ...input, heldOn, seriesId, areaId: target.areaId }, now, operator.id);
      setActivityBuildings(db, id, target.buildingIds);
      appendAudit(db.raw, {
        operatorId: operator.id,
        action: 'activities.create',
        recordType: 'activity',
        recordId: id,
      });
      return id;
    });
  });
  const [firstId] = ids;
  const activity = firstId === undefined ? undefined : getActivity(db, firstId);
  if (!activity) throw new AppError('not_found', NOT_FOUND);
  return { activity, occurrenceIds: ids };
};

export const update: Handler<'activities.update'> = (input, ctx) => {
  const { db, operator } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = requireActivity(db, operator, input.id);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('L’attività'));
    requireType(db, input.typeId, row.type_id);
    const target = checkTarget(db, operator, input.target, row);
    checkGroup(db, operator, input.groupId, row.group_id);
    updateActivity(db, row.id, { ...input, areaId: target.areaId }, nextUpdatedAt(row.updated_at, now));
    setActivityBuildings(db, row.id, target.buildingIds);
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'activities.update',
      recordType: 'activity',
      recordId: row.id,
    });
  });
  const activity = getActivity(db, input.id);
  if (!activity) throw new AppError('not_found', NOT_FOUND);
  return { activity };
};

export const saveAttendance: Handler<'activities.saveAttendance'> = (input, ctx) => {
  const { db, operator } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = requireActivity(db, operator, input.id);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('Il foglio presenze'));
    const sheet = attendanceSheet(db, viewerOf(operator), row);
    const wanted = new Set(input.householdIds);
    for (const householdId of wanted) {
      if (sheet.editable.has(householdId)) continue;
      if (sheet.eligibleIds.has(householdId)) {
        throw new AppError(
          'forbidden',
          'Tra i nuclei presenti ce n’è uno che abita in un caseggiato non assegnato al proprio profilo: chiedere a un coordinatore.',
        );
      }
      throw fieldError(
        'householdIds',
        `Tra i nuclei presenti ce n’è uno che il ${formatDate(row.held_on)} non abitava nei caseggiati dell’attività: ricaricare la pagina.`,
      );
    }
    const before = new Map(sheet.households.map((h) => [h.householdId, h.present]));
    for (const householdId of sheet.editable) {
      const was = before.get(householdId) ?? false;
      const is = wanted.has(householdId);
      if (is && !was) addAttendance(db, row.id, householdId, now, operator.id);
      if (!is && was) removeAttendance(db, row.id, householdId);
    }
    setActivityGuests(db, row.id, input.guests, input.outsiders, nextUpdatedAt(row.updated_at, now));
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'activities.saveAttendance',
      recordType: 'activity',
      recordId: row.id,
    });
  });
  return detail(db, operator, input.id);
};

export const household: Handler<'activities.household'> = (input, ctx) => {
  requireHousehold(ctx.db.raw, ctx.operator, input.householdId);
  const activities = householdActivities(ctx.db, input.householdId);
  return { count: activities.length, activities };
};

export const types: Handler<'activities.types'> = (_input, ctx) => ({ types: listActivityTypes(ctx.db) });

const TYPE_TAKEN = 'Questo tipo di attività è già nell’elenco.';

export const createType: Handler<'activities.createType'> = (input, ctx) => {
  const { db, operator } = ctx;
  const id = transaction(db, () => {
    if (activityTypeTaken(db, input.label, null))
      throw new AppError('conflict', TYPE_TAKEN, { fields: { label: TYPE_TAKEN } });
    const newId = insertActivityType(db, input.label, ctx.now(), operator.id);
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'activities.createType',
      recordType: 'activity_type',
      recordId: newId,
    });
    return newId;
  });
  const type = getActivityType(db, id);
  if (!type) throw new AppError('not_found', NOT_FOUND);
  return { type };
};

export const updateType: Handler<'activities.updateType'> = (input, ctx) => {
  const { db, operator } = ctx;
  transaction(db, () => {
    const row = activityTypeRow(db, input.id);
    if (!row) throw new AppError('not_found', 'Tipo di attività non trovato: ricaricare la pagina.');
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('Il tipo di attività'));
    if (activityTypeTaken(db, input.label, row.id))
      throw new AppError('conflict', TYPE_TAKEN, { fields: { label: TYPE_TAKEN } });
    updateActivityType(db, row.id, input, nextUpdatedAt(row.updated_at, ctx.now()));
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'activities.updateType',
      recordType: 'activity_type',
      recordId: row.id,
    });
  });
  const type = getActivityType(db, input.id);
  if (!type) throw new AppError('not_found', NOT_FOUND);
  return { type };
};
