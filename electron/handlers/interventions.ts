import { appendAudit, recordRead } from '../../db/audit';
import type { RawDb } from '../../db/connection';
import { AppError } from '../../db/errors';
import { followupsByIds, insertFollowup, requireActiveOperator } from '../../db/queries/followups';
import {
  getInterventionRow,
  insertIntervention,
  interventionsByIds,
  interventionTopicIds,
  listInterventions,
  requireVocabulary,
  setInterventionGroup,
  setInterventionTopics,
  updateIntervention,
  type InterventionRow,
} from '../../db/queries/interventions';
import type { OperatorRow } from '../../db/queries/operators';
import { transaction } from '../../db/sync';
import type { Db } from '../../db/connection';
import type { Handler } from '../core/context';
import { recomputeHousehold } from './arrears-household';
import {
  buildingFilter,
  CHANGED_BY_OTHERS,
  checkVersion,
  nextUpdatedAt,
  requireBuilding,
  requireHousehold,
  seesAll,
} from './scope';

const NOT_FOUND = 'Intervento non trovato: forse è stato eliminato. Ricaricare la pagina.';
const NOT_EDITABLE = 'Solo chi ha scritto l’intervento o un coordinatore può modificarlo.';
const OTHER_OPERATOR = 'Solo un coordinatore può registrare un intervento a nome di un altro operatore.';

const VOCABULARY_MESSAGES = {
  typeId: 'Tipo di intervento: scegliere una voce attiva dell’elenco.',
  channelId: 'Canale: scegliere una voce attiva dell’elenco.',
  originId: 'Origine: scegliere una voce attiva dell’elenco.',
  topicIds: 'Temi: scegliere voci attive dell’elenco.',
};

/** Without repeats, in the order first given. */
function unique(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

/** An intervention is visible when its household is, or its building for building-level ones. */
export function requireInterventionVisible(raw: RawDb, operator: OperatorRow, row: InterventionRow): void {
  if (row.household_id !== null) requireHousehold(raw, operator, row.household_id);
  else requireBuilding(raw, operator, row.building_id);
}

function mustFind(db: Db, id: number): InterventionRow {
  const row = getInterventionRow(db, id);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

/** Type, channel, origin and topics must be active list entries, or already on the record. */
function checkLists(
  db: Db,
  input: { typeId: number; channelId: number; originId: number; topicIds: number[] },
  current?: { row: InterventionRow; topicIds: number[] },
): void {
  const m = VOCABULARY_MESSAGES;
  requireVocabulary(
    db,
    input.typeId,
    'intervention_type',
    'typeId',
    m.typeId,
    current ? [current.row.type_id] : [],
  );
  requireVocabulary(
    db,
    input.channelId,
    'channel',
    'channelId',
    m.channelId,
    current ? [current.row.channel_id] : [],
  );
  requireVocabulary(
    db,
    input.originId,
    'origin',
    'originId',
    m.originId,
    current ? [current.row.origin_id] : [],
  );
  for (const topicId of input.topicIds) {
    requireVocabulary(db, topicId, 'topic', 'topicIds', m.topicIds, current?.topicIds ?? []);
  }
}

export const list: Handler<'interventions.list'> = (input, ctx) => {
  const { db, operator } = ctx;
  // A filter on a household or building the caller may not see is refused, not silently empty.
  if (input.householdId !== null) requireHousehold(db.raw, operator, input.householdId);
  if (input.buildingId !== null) requireBuilding(db.raw, operator, input.buildingId);
  const scope = seesAll(operator) ? null : (column: string) => buildingFilter(operator, column);
  return listInterventions(db, operator, scope, input);
};

export const get: Handler<'interventions.get'> = (input, ctx) => {
  const { db, operator } = ctx;
  const row = mustFind(db, input.id);
  requireInterventionVisible(db.raw, operator, row);
  const [intervention] = interventionsByIds(db, operator, [row.id]);
  if (!intervention) throw new AppError('not_found', NOT_FOUND);
  recordRead(db.raw, {
    operatorId: operator.id,
    action: 'intervention.open',
    recordType: 'intervention',
    recordId: row.id,
  });
  return { intervention };
};

export const create: Handler<'interventions.create'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const created = transaction(db, () => {
    const operatorId = input.operatorId ?? me.id;
    if (operatorId !== me.id) {
      if (!seesAll(me)) throw new AppError('forbidden', OTHER_OPERATOR);
      requireActiveOperator(db, operatorId, 'operatorId');
    }
    const topicIds = unique(input.topicIds);
    checkLists(db, { ...input, topicIds });

    const { target } = input;
    const targets: { householdId: number | null; buildingId: number }[] = [];
    if (target.kind === 'households') {
      for (const householdId of unique(target.householdIds)) {
        targets.push({ householdId, buildingId: requireHousehold(db.raw, me, householdId) });
      }
    } else {
      requireBuilding(db.raw, me, target.buildingId);
      targets.push({ householdId: null, buildingId: target.buildingId });
    }

    // A group intervention: one row per household, linked by the first row's id.
    const ids: number[] = [];
    let groupId: number | null = null;
    for (const { householdId, buildingId } of targets) {
      const id = insertIntervention(
        db,
        {
          groupId,
          occurredAt: input.occurredAt,
          durationMin: input.durationMin,
          operatorId,
          householdId,
          buildingId,
          typeId: input.typeId,
          channelId: input.channelId,
          originId: input.originId,
          notes: input.notes,
          outcome: input.outcome,
          confidential: input.confidential,
          createdBy: me.id,
        },
        now,
      );
      if (groupId === null && targets.length > 1) {
        groupId = id;
        setInterventionGroup(db, id, id);
      }
      setInterventionTopics(db, id, topicIds);
      appendAudit(db.raw, {
        operatorId: me.id,
        action: 'interventions.create',
        recordType: 'intervention',
        recordId: id,
      });
      ids.push(id);
    }

    const followupIds: number[] = [];
    const draft = input.followup;
    const [firstTarget] = targets;
    const [firstId] = ids;
    if (draft && firstTarget && firstId !== undefined) {
      const assignee = draft.operatorId ?? me.id;
      if (assignee !== me.id) requireActiveOperator(db, assignee, 'followup.operatorId');
      // One household: the follow-up follows the household; a group or a building: the building.
      const single = targets.length === 1 && firstTarget.householdId !== null;
      const followupId = insertFollowup(
        db,
        {
          dueOn: draft.dueOn,
          operatorId: assignee,
          text: draft.text,
          householdId: single ? firstTarget.householdId : null,
          buildingId: single ? null : firstTarget.buildingId,
          interventionId: firstId,
          referralId: null,
          createdBy: me.id,
        },
        now,
      );
      appendAudit(db.raw, {
        operatorId: me.id,
        action: 'interventions.create',
        recordType: 'followup',
        recordId: followupId,
      });
      followupIds.push(followupId);
    }
    // A contact changes the arrears score ("nessun contatto recente").
    for (const target of targets) {
      if (target.householdId !== null) recomputeHousehold(db, target.householdId, now);
    }
    return { ids, followupIds };
  });
  return {
    interventions: interventionsByIds(db, me, created.ids),
    followups: followupsByIds(db, created.followupIds),
  };
};

export const update: Handler<'interventions.update'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = mustFind(db, input.id);
    requireInterventionVisible(db.raw, me, row);
    if (!seesAll(me) && row.operator_id !== me.id && row.created_by !== me.id) {
      throw new AppError('forbidden', NOT_EDITABLE);
    }
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('L’intervento'));
    const topicIds = unique(input.topicIds);
    checkLists(db, { ...input, topicIds }, { row, topicIds: interventionTopicIds(db, row.id) });
    updateIntervention(db, row.id, {
      occurred_at: input.occurredAt,
      duration_min: input.durationMin,
      type_id: input.typeId,
      channel_id: input.channelId,
      origin_id: input.originId,
      notes: input.notes,
      outcome: input.outcome,
      confidential: input.confidential ? 1 : 0,
      updated_at: nextUpdatedAt(row.updated_at, now),
    });
    setInterventionTopics(db, row.id, topicIds);
    // Its date may have changed the household's last contact ("nessun contatto recente").
    if (row.household_id !== null) recomputeHousehold(db, row.household_id, now);
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'interventions.update',
      recordType: 'intervention',
      recordId: row.id,
    });
  });
  const [intervention] = interventionsByIds(db, me, [input.id]);
  if (!intervention) throw new AppError('not_found', NOT_FOUND);
  return { intervention };
};
