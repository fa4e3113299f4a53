import { sql, type Expression, type InferResult, type Selectable, type SqlBool } from 'kysely';
import { roleAtLeast, type INTERVENTION_SORT, type Intervention } from '../../shared/contract';
import type { Db } from '../connection';
import { AppError } from '../errors';
import type { InterventionsTable, VocabularyKind } from '../schema';
import { all, first, run } from '../sync';
import type { OperatorRow } from './operators';

export type InterventionRow = Selectable<InterventionsTable>;

/**
 * A visibility rule as SQL (electron/handlers/scope.ts buildingFilter): a
 * condition on a building-id column with `?` placeholders. The handlers pass
 * it in, so the rule lives in one place and db/ does not depend on them.
 */
export type ScopeFilter = (column: string) => { sql: string; params: readonly unknown[] };

/** Turns a `{ sql, params }` condition with `?` placeholders into a Kysely expression. */
export function scopeCondition(filter: { sql: string; params: readonly unknown[] }): Expression<SqlBool> {
  const parts = filter.sql.split('?');
  if (parts.length !== filter.params.length + 1) throw new Error('scope filter: parameter count mismatch');
  const pieces = parts.flatMap((part, index) =>
    index < filter.params.length ? [sql.raw(part), sql.val(filter.params[index])] : [sql.raw(part)],
  );
  return sql<SqlBool>`(${sql.join(pieces, sql.raw(''))})`;
}

/**
 * Coordinators and administrators see every note and may change every
 * intervention; others only their own. Mirrors seesConfidentialNotes in
 * electron/handlers/scope.ts, which db/ may not import.
 */
function isAuthor(viewer: OperatorRow, row: { operator_id: number; created_by: number | null }): boolean {
  return row.operator_id === viewer.id || row.created_by === viewer.id;
}

function privileged(viewer: OperatorRow): boolean {
  return roleAtLeast(viewer.role, 'coordinatore');
}

function selectInterventions(db: Db) {
  return db.kysely
    .selectFrom('interventions as i')
    .innerJoin('operators as o', 'o.id', 'i.operator_id')
    .innerJoin('buildings as b', 'b.id', 'i.building_id')
    .innerJoin('vocabulary as vt', 'vt.id', 'i.type_id')
    .innerJoin('vocabulary as vc', 'vc.id', 'i.channel_id')
    .innerJoin('vocabulary as vo', 'vo.id', 'i.origin_id')
    .leftJoin('households as h', 'h.id', 'i.household_id')
    .leftJoin('members as m', 'm.id', 'h.reference_member_id')
    .select([
      'i.id',
      'i.group_id',
      'i.occurred_at',
      'i.duration_min',
      'i.operator_id',
      'o.full_name as operator_name',
      'i.household_id',
      'h.code as household_code',
      'm.surname as ref_surname',
      'm.first_name as ref_first_name',
      'i.building_id',
      'b.address as building_address',
      'i.type_id',
      'vt.label as type_label',
      'i.channel_id',
      'vc.label as channel_label',
      'i.origin_id',
      'vo.label as origin_label',
      'i.notes',
      'i.outcome',
      'i.confidential',
      'i.created_by',
      'i.updated_at',
    ]);
}

type JoinedRow = InferResult<ReturnType<typeof selectInterventions>>[number];

/** Topic ids and labels of a set of interventions, in one query, in list order. */
function topicsOf(db: Db, ids: readonly number[]): Map<number, { ids: number[]; labels: string[] }> {
  const topics = new Map<number, { ids: number[]; labels: string[] }>();
  if (ids.length === 0) return topics;
  const rows = all(
    db,
    db.kysely
      .selectFrom('intervention_topics as t')
      .innerJoin('vocabulary as v', 'v.id', 't.topic_id')
      .select(['t.intervention_id', 't.topic_id', 'v.label'])
      .where(sql<SqlBool>`t.intervention_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
      .orderBy('v.position')
      .orderBy('v.id'),
  );
  for (const row of rows) {
    let entry = topics.get(row.intervention_id);
    if (!entry) {
      entry = { ids: [], labels: [] };
      topics.set(row.intervention_id, entry);
    }
    entry.ids.push(row.topic_id);
    entry.labels.push(row.label);
  }
  return topics;
}

/** Rows in the contract's shape, as `viewer` may see them (confidential notes withheld). */
function toInterventions(db: Db, viewer: OperatorRow, rows: JoinedRow[]): Intervention[] {
  const topics = topicsOf(
    db,
    rows.map((row) => row.id),
  );
  const allNotes = privileged(viewer);
  return rows.map((row) => {
    const mayChange = allNotes || isAuthor(viewer, row);
    const topic = topics.get(row.id);
    return {
      id: row.id,
      groupId: row.group_id,
      occurredAt: row.occurred_at,
      durationMin: row.duration_min,
      operatorId: row.operator_id,
      operatorName: row.operator_name,
      householdId: row.household_id,
      householdCode: row.household_code,
      householdName:
        row.ref_surname === null || row.ref_first_name === null
          ? null
          : `${row.ref_surname} ${row.ref_first_name}`,
      buildingId: row.building_id,
      buildingAddress: row.building_address,
      typeId: row.type_id,
      typeLabel: row.type_label,
      channelId: row.channel_id,
      channelLabel: row.channel_label,
      originId: row.origin_id,
      originLabel: row.origin_label,
      topicIds: topic?.ids ?? [],
      topicLabels: topic?.labels ?? [],
      notes: row.confidential === 0 || mayChange ? row.notes : null,
      outcome: row.outcome,
      confidential: row.confidential === 1,
      editable: mayChange,
      updatedAt: row.updated_at,
    };
  });
}

/** Every intervention of a household, newest first (the caller has checked the household is visible). */
export function listHouseholdInterventions(
  db: Db,
  viewer: OperatorRow,
  householdId: number,
  limit = HOUSEHOLD_PAGE_INTERVENTIONS,
): Intervention[] {
  const rows = all(
    db,
    selectInterventions(db)
      .where('i.household_id', '=', householdId)
      .orderBy('i.occurred_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(limit),
  );
  return toInterventions(db, viewer, rows);
}

/**
 * A household page shows its newest interventions; older ones are paged
 * through interventions.list. Some households have hundreds over the years.
 */
export const HOUSEHOLD_PAGE_INTERVENTIONS = 100;

export function countHouseholdInterventions(db: Db, householdId: number): number {
  const row = first(
    db,
    db.kysely
      .selectFrom('interventions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('household_id', '=', householdId),
  );
  return row?.n ?? 0;
}

/** The latest interventions recorded on a building (the caller has checked the building is visible). */
export function latestBuildingInterventions(
  db: Db,
  viewer: OperatorRow,
  buildingId: number,
  limit: number,
): Intervention[] {
  const rows = all(
    db,
    selectInterventions(db)
      .where('i.building_id', '=', buildingId)
      .orderBy('i.occurred_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(limit),
  );
  return toInterventions(db, viewer, rows);
}

/** Interventions by id, in the order given (missing ids are skipped). */
export function interventionsByIds(db: Db, viewer: OperatorRow, ids: readonly number[]): Intervention[] {
  if (ids.length === 0) return [];
  const rows = all(db, selectInterventions(db).where('i.id', 'in', [...ids]));
  const byId = new Map(toInterventions(db, viewer, rows).map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface InterventionListQuery {
  page: number;
  pageSize: number;
  sortField: (typeof INTERVENTION_SORT)[number];
  sortDir: 'asc' | 'desc';
  householdId: number | null;
  buildingId: number | null;
  operatorId: number | null;
  from: string | null;
  to: string | null;
}

/**
 * Visible interventions: those of households living now in a visible
 * building, and building-level ones of a visible building. Written so that
 * SQLite starts from the viewer's buildings (units, households, then the
 * household and building indexes) instead of testing every intervention.
 */
function visibleInterventions(scope: ScopeFilter): Expression<SqlBool> {
  return sql<SqlBool>`(i.household_id IN (SELECT h.id FROM units u JOIN households h ON h.unit_id = u.id
                                           WHERE ${scopeCondition(scope('u.building_id'))})
      OR (i.household_id IS NULL AND ${scopeCondition(scope('i.building_id'))}))`;
}

/**
 * A page of interventions, sorted and filtered in the database. `scope`
 * limits them to what the viewer may see (null: everything). The page's ids
 * are found first on the narrow rows, then read in full.
 */
export function listInterventions(
  db: Db,
  viewer: OperatorRow,
  scope: ScopeFilter | null,
  query: InterventionListQuery,
): { rows: Intervention[]; total: number } {
  const conditions: Expression<SqlBool>[] = [];
  if (scope) conditions.push(visibleInterventions(scope));
  if (query.householdId !== null) conditions.push(sql<SqlBool>`i.household_id = ${query.householdId}`);
  if (query.buildingId !== null) conditions.push(sql<SqlBool>`i.building_id = ${query.buildingId}`);
  if (query.operatorId !== null) conditions.push(sql<SqlBool>`i.operator_id = ${query.operatorId}`);
  if (query.from !== null) conditions.push(sql<SqlBool>`i.occurred_at >= ${query.from}`);
  // occurred_at is 'YYYY-MM-DDTHH:MM': every time of the last day sorts before 'T~'.
  if (query.to !== null) conditions.push(sql<SqlBool>`i.occurred_at < ${`${query.to}T~`}`);
  const filtered = db.kysely.selectFrom('interventions as i').where((eb) => eb.and(conditions));

  const counted = first(
    db,
    filtered.select((eb) => eb.fn.countAll<number>().as('n')),
  );
  const total = counted?.n ?? 0;
  if (total === 0) return { rows: [], total };

  const { sortDir } = query;
  const page = (() => {
    switch (query.sortField) {
      case 'type':
        return filtered.innerJoin('vocabulary as vt', 'vt.id', 'i.type_id').orderBy('vt.label', sortDir);
      case 'operator':
        return filtered.innerJoin('operators as o', 'o.id', 'i.operator_id').orderBy('o.full_name', sortDir);
      case 'occurredAt':
        return filtered;
    }
  })()
    .select('i.id')
    .orderBy('i.occurred_at', sortDir)
    .orderBy('i.id', sortDir)
    .limit(query.pageSize)
    .offset(query.page * query.pageSize);
  const ids = all(db, page).map((row) => row.id);
  return { rows: interventionsByIds(db, viewer, ids), total };
}

/** The stored row, without joins. */
export function getInterventionRow(db: Db, id: number): InterventionRow | undefined {
  return first(db, db.kysely.selectFrom('interventions').selectAll().where('id', '=', id));
}

export function interventionTopicIds(db: Db, id: number): number[] {
  return all(
    db,
    db.kysely.selectFrom('intervention_topics').select('topic_id').where('intervention_id', '=', id),
  ).map((row) => row.topic_id);
}

export interface InterventionValues {
  groupId: number | null;
  occurredAt: string;
  durationMin: number;
  operatorId: number;
  householdId: number | null;
  buildingId: number;
  typeId: number;
  channelId: number;
  originId: number;
  notes: string;
  outcome: string;
  confidential: boolean;
  createdBy: number;
}

export function insertIntervention(db: Db, values: InterventionValues, now: string): number {
  return run(
    db,
    db.kysely.insertInto('interventions').values({
      group_id: values.groupId,
      occurred_at: values.occurredAt,
      duration_min: values.durationMin,
      operator_id: values.operatorId,
      household_id: values.householdId,
      building_id: values.buildingId,
      type_id: values.typeId,
      channel_id: values.channelId,
      origin_id: values.originId,
      notes: values.notes,
      outcome: values.outcome,
      confidential: values.confidential ? 1 : 0,
      created_at: now,
      updated_at: now,
      created_by: values.createdBy,
    }),
  ).lastInsertRowid;
}

export function setInterventionGroup(db: Db, id: number, groupId: number): void {
  run(db, db.kysely.updateTable('interventions').set({ group_id: groupId }).where('id', '=', id));
}

export function updateIntervention(
  db: Db,
  id: number,
  changes: Pick<
    InterventionRow,
    | 'occurred_at'
    | 'duration_min'
    | 'type_id'
    | 'channel_id'
    | 'origin_id'
    | 'notes'
    | 'outcome'
    | 'confidential'
    | 'updated_at'
  >,
): void {
  run(db, db.kysely.updateTable('interventions').set(changes).where('id', '=', id));
}

/** Replaces the topics of an intervention. */
export function setInterventionTopics(db: Db, id: number, topicIds: readonly number[]): void {
  run(db, db.kysely.deleteFrom('intervention_topics').where('intervention_id', '=', id));
  for (const topicId of topicIds) {
    run(db, db.kysely.insertInto('intervention_topics').values({ intervention_id: id, topic_id: topicId }));
  }
}

/**
 * Checks that an id is an active entry of the given list; `keep` lists
 * values the record already has, which stay allowed once deactivated.
 * Returns the entry's label.
 */
export function requireVocabulary(
  db: Db,
  id: number,
  kind: VocabularyKind,
  field: string,
  message: string,
  keep: readonly number[] = [],
): string {
  const entry = first(
    db,
    db.kysely.selectFrom('vocabulary').select(['kind', 'label', 'active']).where('id', '=', id),
  );
  if (!entry || entry.kind !== kind || (entry.active !== 1 && !keep.includes(id))) {
    throw new AppError('validation', message, { fields: { [field]: message } });
  }
  return entry.label;
}
