import { appendAudit } from '../../db/audit';
import type { Db, RawDb } from '../../db/connection';
import { AppError } from '../../db/errors';
import { insertFollowup, requireActiveOperator } from '../../db/queries/followups';
import {
  actionsOfCases,
  activeOperatorIds,
  caseHasActions,
  clearTeamFlag,
  countCases,
  deleteCase,
  flaggedHouseholds,
  getCaseRow,
  getMeetingRow,
  householdsOnAgenda,
  insertAction,
  insertCase,
  insertMeeting,
  isParticipant,
  latestInterventions,
  latestScores,
  listMeetings,
  meetingCases,
  meetingParticipants,
  openActionCounts,
  openActionsBefore,
  parseGuests,
  setCasePosition,
  setParticipants,
  touchMeeting,
  updateCase,
  updateMeeting,
  type BuildingScope,
  type CaseDbRow,
  type MeetingDbRow,
} from '../../db/queries/meetings';
import type { OperatorRow } from '../../db/queries/operators';
import { transaction } from '../../db/sync';
import { RISK_BANDS } from '../../shared/risk/score';
import type { CallOutput } from '../../shared/contract';
import type { Handler, HandlerContext } from '../core/context';
import { settlePendingScores } from './risk';
import {
  buildingFilter,
  CHANGED_BY_OTHERS,
  checkVersion,
  isBuildingAssigned,
  nextUpdatedAt,
  requireHousehold,
  seesAll,
} from './scope';

/**
 * Who may do what with team meetings (docs/decisions.md, "Team meetings"):
 * coordinators and administrators hold them (create, change, choose and discuss cases,
 * decide actions) and read all of them; an operatore reads the meetings they took part
 * in, and in them only the cases of households living in their buildings now.
 * Discussion notes follow the rule of confidential interventions: when confidential
 * (the default) only their author and coordinators read them, in every answer.
 */
const NOT_FOUND = 'Riunione d’équipe non trovata: forse è stata eliminata. Ricaricare la pagina.';
const CASE_NOT_FOUND = 'Caso non trovato nella riunione: ricaricare la pagina.';
const NOT_PARTICIPANT =
  'Questa riunione d’équipe non è tra quelle a cui si è partecipato: chiedere a un coordinatore.';
const INACTIVE_PARTICIPANT = 'Partecipanti: scegliere operatori attivi.';
const PROPOSAL_INTERVENTIONS = 3;

function caseScope(viewer: OperatorRow): BuildingScope | null {
  return seesAll(viewer) ? null : (column) => buildingFilter(viewer, column);
}

/**
 * May the viewer read these discussion notes? Their author and coordinators, when confidential.
 * Empty notes hide nothing, so everyone sees that there are none.
 */
function seesCaseNotes(
  viewer: OperatorRow,
  row: Pick<CaseDbRow, 'confidential' | 'notes_by' | 'notes'>,
): boolean {
  return row.notes === '' || row.confidential === 0 || seesAll(viewer) || row.notes_by === viewer.id;
}

function mustFindMeeting(raw: RawDb, id: number): MeetingDbRow {
  const row = getMeetingRow(raw, id);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

/** Throws not_found, or forbidden for an operatore who did not take part. */
function requireMeetingVisible(raw: RawDb, viewer: OperatorRow, id: number): MeetingDbRow {
  const row = mustFindMeeting(raw, id);
  if (!seesAll(viewer) && !isParticipant(raw, id, viewer.id))
    throw new AppError('forbidden', NOT_PARTICIPANT);
  return row;
}

/** The meeting as `viewer` may see it. */
function view(db: Db, viewer: OperatorRow, id: number): CallOutput<'meetings.get'> {
  const raw = db.raw;
  const row = mustFindMeeting(raw, id);
  const scope = caseScope(viewer);
  const cases = meetingCases(raw, id, scope);
  const actions = actionsOfCases(
    raw,
    cases.map((c) => c.id),
  );
  const editable = seesAll(viewer);
  return {
    meeting: {
      id: row.id,
      heldOn: row.held_on,
      participants: meetingParticipants(raw, id).map((p) => ({
        id: p.id,
        fullName: p.full_name,
        role: p.role,
      })),
      guests: parseGuests(row.guests),
      agenda: row.agenda,
      minutes: row.minutes,
      createdByName: row.created_by_name,
      editable,
      updatedAt: row.updated_at,
    },
    cases: cases.map((c) => ({
      id: c.id,
      householdId: c.household_id,
      householdCode: c.household_code,
      householdName: c.household_name,
      buildingAddress: c.building_address,
      position: c.position,
      notes: seesCaseNotes(viewer, c) ? c.notes : null,
      confidential: c.confidential === 1,
      decisions: c.decisions,
      discussed: c.discussed === 1,
      keepFlag: c.keep_flag === 1,
      toTeam: c.to_team === 1,
      actions: actions.get(c.id) ?? [],
      editable,
      updatedAt: c.updated_at,
    })),
    hiddenCases: scope ? countCases(raw, id) - cases.length : 0,
    openEarlier: openActionsBefore(raw, row, scope),
  };
}

function audit(ctx: HandlerContext, action: string, recordType: string, recordId: number): void {
  appendAudit(ctx.db.raw, { operatorId: ctx.operator.id, action, recordType, recordId });
}

/** Participants must be active operators; those already on the meeting may stay once deactivated. */
function checkParticipants(raw: RawDb, ids: readonly number[], keep: readonly number[] = []): number[] {
  const unique = [...new Set(ids)];
  const active = activeOperatorIds(raw, unique);
  for (const id of unique) {
    if (!active.has(id) && !keep.includes(id)) {
      throw new AppError('validation', INACTIVE_PARTICIPANT, {
        fields: { participantIds: INACTIVE_PARTICIPANT },
      });
    }
  }
  return unique;
}

export const list: Handler<'meetings.list'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const { rows, total } = listMeetings(db.raw, {
    participant: seesAll(me) ? null : me.id,
    scope: caseScope(me),
    page: input.page,
    pageSize: input.pageSize,
  });
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      heldOn: r.held_on,
      participantNames: JSON.parse(r.participant_names) as string[],
      guestCount: parseGuests(r.guests).length,
      caseCount: r.case_count,
      actionCount: r.action_count,
      openActionCount: r.open_action_count,
    })),
  };
};

export const get: Handler<'meetings.get'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  requireMeetingVisible(db.raw, me, input.id);
  const result = view(db, me, input.id);
  // Opening a meeting is recorded like opening a household (same reasoning on the fsync:
  // see households.get).
  db.raw.pragma('synchronous = NORMAL');
  try {
    transaction(db, () => {
      audit(ctx, 'meetings.open', 'meeting', input.id);
    });
  } finally {
    db.raw.pragma('synchronous = FULL');
  }
  return result;
};

export const create: Handler<'meetings.create'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    const participants = checkParticipants(db.raw, input.participantIds);
    const meetingId = insertMeeting(db.raw, input, me.id, now);
    setParticipants(db.raw, meetingId, participants);
    audit(ctx, 'meetings.create', 'meeting', meetingId);
    return meetingId;
  });
  return view(db, me, id);
};

export const update: Handler<'meetings.update'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = mustFindMeeting(db.raw, input.id);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('La riunione'));
    const current = meetingParticipants(db.raw, row.id).map((p) => p.id);
    const participants = checkParticipants(db.raw, input.participantIds, current);
    updateMeeting(db.raw, row.id, input, nextUpdatedAt(row.updated_at, now));
    setParticipants(db.raw, row.id, participants);
    audit(ctx, 'meetings.update', 'meeting', row.id);
  });
  return view(db, me, input.id);
};

/** Chooses and orders the cases; a case already worked on (notes, decisions, actions) cannot be dropped. */
export const setCases: Handler<'meetings.setCases'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = mustFindMeeting(db.raw, input.id);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('La riunione'));
    const wanted = [...new Set(input.householdIds)];
    const existing = new Map(meetingCases(db.raw, row.id, null).map((c) => [c.household_id, c]));
    for (const [householdId, c] of existing) {
      if (wanted.includes(householdId)) continue;
      if (c.notes !== '' || c.decisions !== '' || c.discussed === 1 || caseHasActions(db.raw, c.id)) {
        const message = `Il caso ${c.household_code} ha già note, decisioni o azioni: non si può togliere dall’ordine del giorno.`;
        throw new AppError('validation', message, { fields: { householdIds: message } });
      }
      deleteCase(db.raw, c.id);
    }
    wanted.forEach((householdId, position) => {
      const c = existing.get(householdId);
      if (c) setCasePosition(db.raw, c.id, position);
      else {
        requireHousehold(db.raw, me, householdId);
        insertCase(db.raw, row.id, householdId, position, me.id, now);
      }
    });
    touchMeeting(db.raw, row.id, nextUpdatedAt(row.updated_at, now));
    audit(ctx, 'meetings.setCases', 'meeting', row.id);
  });
  return view(db, me, input.id);
};

function mustFindCase(raw: RawDb, caseId: number): CaseDbRow {
  const row = getCaseRow(raw, caseId);
  if (!row) throw new AppError('not_found', CASE_NOT_FOUND);
  return row;
}

/**
 * Notes and decisions of a case. Marked discussed, the household's "porta in équipe"
 * flag is cleared unless the coordinator keeps it for a later meeting.
 */
export const saveCase: Handler<'meetings.saveCase'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const meetingId = transaction(db, () => {
    const row = mustFindCase(db.raw, input.caseId);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('Il caso'));
    const meeting = mustFindMeeting(db.raw, row.meeting_id);
    const notesBy = input.notes === row.notes ? (row.notes_by ?? (input.notes === '' ? null : me.id)) : me.id;
    updateCase(db.raw, row.id, { ...input, notesBy }, nextUpdatedAt(row.updated_at, now));
    if (input.discussed && !input.keepFlag) {
      if (clearTeamFlag(db.raw, row.household_id, (previous) => nextUpdatedAt(previous, now))) {
        audit(ctx, 'meetings.clearTeamFlag', 'household', row.household_id);
      }
    }
    touchMeeting(db.raw, meeting.id, nextUpdatedAt(meeting.updated_at, now));
    audit(ctx, 'meetings.saveCase', 'meeting_case', row.id);
    return meeting.id;
  });
  return view(db, me, meetingId);
};

/**
 * An action decided on a case: a follow-up on the household in the assignee's agenda.
 * The assignee must be able to see it there: a coordinator, or a tutor of the household's building.
 */
export const addAction: Handler<'meetings.addAction'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const meetingId = transaction(db, () => {
    const row = mustFindCase(db.raw, input.caseId);
    const meeting = mustFindMeeting(db.raw, row.meeting_id);
    const assignee = requireActiveOperator(db, input.assigneeId, 'assigneeId');
    if (!seesAll(assignee) && !isBuildingAssigned(db.raw, assignee.id, row.building_id)) {
      const message = `${assignee.full_name} non segue il caseggiato di questo nucleo: scegliere un tutor del caseggiato o un coordinatore.`;
      throw new AppError('validation', message, { fields: { assigneeId: message } });
    }
    const followupId = insertFollowup(
      db,
      {
        dueOn: input.dueOn,
        operatorId: assignee.id,
        text: input.text,
        householdId: row.household_id,
        buildingId: null,
        interventionId: null,
        referralId: null,
        createdBy: me.id,
      },
      now,
    );
    const actionId = insertAction(
      db.raw,
      { meetingId: meeting.id, caseId: row.id, followupId, createdBy: me.id },
      now,
    );
    touchMeeting(db.raw, meeting.id, nextUpdatedAt(meeting.updated_at, now));
    audit(ctx, 'meetings.addAction', 'meeting_action', actionId);
    audit(ctx, 'meetings.addAction', 'followup', followupId);
    return meeting.id;
  });
  return view(db, me, meetingId);
};

const BAND_RANK = new Map<string, number>(RISK_BANDS.map((band, index) => [band, index]));

/**
 * The agenda from the field: households flagged "porta in équipe", worst risk first, with
 * their newest interventions (outcome only: the notes stay on the household page) and the
 * actions still open from earlier meetings.
 */
export const proposal: Handler<'meetings.proposal'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  const onAgenda =
    input.meetingId === null
      ? new Set<number>()
      : householdsOnAgenda(db.raw, mustFindMeeting(db.raw, input.meetingId).id);
  const rows = flaggedHouseholds(db.raw);
  const ids = rows.map((r) => r.household_id);
  if (ids.length > 0) settlePendingScores(db, now, ids);
  const scores = latestScores(db.raw, ids);
  const interventions = latestInterventions(db.raw, ids, PROPOSAL_INTERVENTIONS);
  const open = openActionCounts(db.raw, ids);
  const items = rows.map((r) => {
    const risk = scores.get(r.household_id) ?? null;
    return {
      householdId: r.household_id,
      code: r.code,
      referenceName: r.reference_name,
      buildingId: r.building_id,
      buildingAddress: r.address,
      risk,
      latestInterventions: (interventions.get(r.household_id) ?? []).map((i) => ({
        id: i.id,
        occurredAt: i.occurred_at,
        typeLabel: i.type_label,
        operatorName: i.operator_name,
        outcome: i.outcome,
        confidential: i.confidential === 1,
      })),
      openActions: open.get(r.household_id) ?? 0,
      onAgenda: onAgenda.has(r.household_id),
    };
  });
  const rank = (item: (typeof items)[number]) => (item.risk ? (BAND_RANK.get(item.risk.band) ?? 0) : -1);
  items.sort(
    (a, b) =>
      rank(b) - rank(a) || (b.risk?.score ?? -1) - (a.risk?.score ?? -1) || a.code.localeCompare(b.code),
  );
  return { items };
};
