import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CallInput, CallOutput } from '../../shared/contract';
import { verifyAuditChain } from '../../db/audit';
import { auditRows } from './support';
import { buildTemplate, localDay, session, type Session, type WorldTemplate } from './casework-fixtures';

let template: WorldTemplate;

beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);

afterAll(() => template.cleanUp());

function errorOf(result: ApiResult<unknown>) {
  if (result.ok) throw new Error('expected an error, got a value');
  return result.error;
}

const SECRET = 'Note riservate: situazione sanitaria delicata';
const OPEN_NOTE = 'Note non riservate sul caso';

/** Flags households "porta in équipe" and gives a1 a stored risk score of this month. */
function flag(s: Session, householdIds: number[]): void {
  s.withDb((db) => {
    for (const id of householdIds) db.raw.prepare('UPDATE households SET to_team = 1 WHERE id = ?').run(id);
    db.raw
      .prepare(
        `INSERT OR REPLACE INTO risk_scores (household_id, month, score, band, band_rank, contributions, computed_at)
         VALUES (?, ?, 62, 'alto', 2, '[]', ?)`,
      )
      .run(s.world.households.a1, localDay().slice(0, 7), new Date().toISOString());
  });
}

function meetingInput(
  s: Session,
  overrides: Partial<CallInput<'meetings.create'>> = {},
): CallInput<'meetings.create'> {
  return {
    heldOn: localDay(),
    participantIds: [s.world.ops.carla, s.world.ops.olga, s.world.ops.bruno],
    guests: [{ name: 'Laura Ferri', role: 'coordinatrice dei servizi sociali' }],
    agenda: 'Casi segnalati dal territorio',
    ...overrides,
  };
}

/** A meeting held by carla with cases a1 and b1; a1's notes confidential, b1's not. */
async function heldMeeting(s: Session) {
  const carla = await s.as('carla');
  const { households: h } = s.world;
  flag(s, [h.a1, h.b1]);
  let view = await carla.ok('meetings.create', meetingInput(s));
  view = await carla.ok('meetings.setCases', {
    id: view.meeting.id,
    expectedUpdatedAt: view.meeting.updatedAt,
    householdIds: [h.a1, h.b1],
  });
  const [a1, b1] = view.cases;
  view = await carla.ok('meetings.saveCase', {
    caseId: a1!.id,
    expectedUpdatedAt: a1!.updatedAt,
    notes: SECRET,
    decisions: 'Proporre un piano di rientro',
    discussed: true,
  });
  view = await carla.ok('meetings.saveCase', {
    caseId: b1!.id,
    expectedUpdatedAt: b1!.updatedAt,
    notes: OPEN_NOTE,
    confidential: false,
    decisions: 'Visita domiciliare',
    discussed: true,
    keepFlag: true,
  });
  return { carla, view, caseA1: view.cases[0]!, caseB1: view.cases[1]! };
}

describe('who may hold and read meetings', () => {
  it('lets coordinators hold meetings and refuses operatori', async () => {
    const s = session(template);
    const olga = await s.as('olga');
    expect(errorOf(await olga.call('meetings.create', meetingInput(s))).kind).toBe('forbidden');
    expect(errorOf(await olga.call('meetings.proposal', { meetingId: null })).kind).toBe('forbidden');
    const anna = await s.as('anna');
    const view = await anna.ok('meetings.create', meetingInput(s));
    expect(view.meeting).toMatchObject({
      heldOn: localDay(),
      guests: [{ name: 'Laura Ferri', role: 'coordinatrice dei servizi sociali' }],
      editable: true,
    });
    expect(view.meeting.participants.map((p) => p.fullName)).toEqual([
      'Bruno Rossi',
      'Carla Rossi',
      'Olga Rossi',
    ]);
    const bad = errorOf(await anna.call('meetings.create', meetingInput(s, { heldOn: '2026-02-30' })));
    expect(bad.kind).toBe('validation');
    expect(bad.fields?.heldOn).toContain('Data della riunione');
  });

  it('shows an operatore only the meetings they took part in and the cases of their buildings', async () => {
    const s = session(template);
    const { view } = await heldMeeting(s);
    const id = view.meeting.id;

    const olga = await s.as('olga');
    const forOlga = await olga.ok('meetings.get', { id });
    expect(forOlga.meeting.editable).toBe(false);
    expect(forOlga.cases.map((c) => c.householdId)).toEqual([s.world.households.a1]);
    expect(forOlga.hiddenCases).toBe(1);
    const forBruno = await (await s.as('bruno')).ok('meetings.get', { id });
    expect(forBruno.cases.map((c) => c.householdId)).toEqual([s.world.households.b1]);

    // paolo tutors building A too, but was not there.
    const paolo = await s.as('paolo');
    expect(errorOf(await paolo.call('meetings.get', { id })).kind).toBe('forbidden');
    expect(await paolo.ok('meetings.list', {})).toEqual({ rows: [], total: 0 });
    const olgaList = await olga.ok('meetings.list', {});
    expect(olgaList.rows).toEqual([
      expect.objectContaining({ id, caseCount: 1, guestCount: 1, actionCount: 0, openActionCount: 0 }),
    ]);
    const carlaList = await (await s.as('carla')).ok('meetings.list', {});
    expect(carlaList.rows[0]).toMatchObject({ id, caseCount: 2 });
    expect(
      errorOf(
        await olga.call('meetings.saveCase', {
          caseId: forOlga.cases[0]!.id,
          expectedUpdatedAt: forOlga.cases[0]!.updatedAt,
          notes: 'x',
          decisions: '',
          discussed: true,
        }),
      ).kind,
    ).toBe('forbidden');
  });
});

describe('confidential discussion notes', () => {
  it('are withheld from operatori in meetings.get (the print view reads it too) and every write answer', async () => {
    const s = session(template);
    const { carla, view, caseA1, caseB1 } = await heldMeeting(s);
    // The author and the other coordinators and administrators read them.
    expect(caseA1).toMatchObject({ notes: SECRET, confidential: true });
    expect(caseB1).toMatchObject({ notes: OPEN_NOTE, confidential: false });
    expect((await (await s.as('anna')).ok('meetings.get', { id: view.meeting.id })).cases[0]!.notes).toBe(
      SECRET,
    );
    expect((await carla.ok('meetings.get', { id: view.meeting.id })).cases[0]!.notes).toBe(SECRET);

    const olga = await s.as('olga');
    const forOlga = await olga.ok('meetings.get', { id: view.meeting.id });
    expect(forOlga.cases[0]).toMatchObject({
      notes: null,
      confidential: true,
      decisions: 'Proporre un piano di rientro',
    });
    expect(JSON.stringify(forOlga)).not.toContain(SECRET);
    const forBruno = await (await s.as('bruno')).ok('meetings.get', { id: view.meeting.id });
    expect(forBruno.cases[0]).toMatchObject({ notes: OPEN_NOTE, confidential: false });
    // Lists never carry notes at all.
    expect(JSON.stringify(await olga.ok('meetings.list', {}))).not.toContain(SECRET);
    // Nor does the household page (the cases are not shown there) nor the agenda.
    expect(JSON.stringify(await olga.ok('households.get', { id: s.world.households.a1 }))).not.toContain(
      SECRET,
    );
    expect(JSON.stringify(await olga.ok('agenda.get', { operatorId: null }))).not.toContain(SECRET);

    // Made not confidential, olga reads them.
    const again = await carla.ok('meetings.saveCase', {
      caseId: caseA1.id,
      expectedUpdatedAt: caseA1.updatedAt,
      notes: SECRET,
      confidential: false,
      decisions: caseA1.decisions,
      discussed: true,
    });
    expect(again.cases[0]!.notes).toBe(SECRET);
    expect((await olga.ok('meetings.get', { id: view.meeting.id })).cases[0]!.notes).toBe(SECRET);
  });

  it('are confidential by default and never written to the audit log', async () => {
    const s = session(template);
    const { view } = await heldMeeting(s);
    expect(view.cases[0]!.confidential).toBe(true);
    const rows = s.withDb(auditRows);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('Laura Ferri');
    expect(
      rows.filter((r) => r.action.startsWith('meetings.')).map((r) => [r.action, r.record_type]),
    ).toEqual([
      ['meetings.create', 'meeting'],
      ['meetings.setCases', 'meeting'],
      ['meetings.clearTeamFlag', 'household'],
      ['meetings.saveCase', 'meeting_case'],
      ['meetings.saveCase', 'meeting_case'],
    ]);
  });
});

describe('what an operatore sees of a case', () => {
  it('shows that there are no notes, and counts only the actions of their buildings', async () => {
    const s = session(template);
    const { carla, view, caseA1, caseB1 } = await heldMeeting(s);
    // A third case, on a2, with nothing written yet.
    const withA2 = await carla.ok('meetings.setCases', {
      id: view.meeting.id,
      expectedUpdatedAt: view.meeting.updatedAt,
      householdIds: [s.world.households.a1, s.world.households.b1, s.world.households.a2],
    });
    expect(withA2.cases[2]).toMatchObject({ notes: '', confidential: true });
    await carla.ok('meetings.addAction', {
      caseId: caseB1.id,
      text: 'Sentire l’amministratore',
      assigneeId: s.world.ops.bruno,
      dueOn: localDay(5),
    });
    await carla.ok('meetings.addAction', {
      caseId: caseA1.id,
      text: 'Telefonare',
      assigneeId: s.world.ops.olga,
      dueOn: localDay(5),
    });
    const olga = await s.as('olga');
    const seen = await olga.ok('meetings.get', { id: view.meeting.id });
    expect(seen.cases.map((c) => [c.householdId, c.notes])).toEqual([
      [s.world.households.a1, null],
      [s.world.households.a2, ''],
    ]);
    expect(seen.cases.flatMap((c) => c.actions.map((a) => a.text))).toEqual(['Telefonare']);
    expect((await olga.ok('meetings.list', {})).rows[0]).toMatchObject({
      caseCount: 2,
      actionCount: 1,
      openActionCount: 1,
    });
    expect((await carla.ok('meetings.list', {})).rows[0]).toMatchObject({ caseCount: 3, actionCount: 2 });
  });
});

describe('the agenda from the field', () => {
  it('proposes flagged households with risk band and score and their latest interventions', async () => {
    const s = session(template);
    const { households: h } = s.world;
    const olga = await s.as('olga');
    await olga.ok('interventions.create', {
      occurredAt: `${localDay(-1)}T10:00`,
      durationMin: 30,
      typeId: s.world.vocab['intervention_type/ascolto']!,
      channelId: s.world.vocab['channel/sportello']!,
      originId: s.world.vocab['origin/proattivo']!,
      topicIds: [s.world.vocab['topic/salute']!],
      notes: 'Nota riservata dell’intervento',
      outcome: 'Da portare in équipe',
      confidential: true,
      target: { kind: 'households', householdIds: [h.a1] },
    });
    flag(s, [h.a1, h.b1]);
    const carla = await s.as('carla');
    const created = await carla.ok('meetings.create', meetingInput(s));
    const { items } = await carla.ok('meetings.proposal', { meetingId: created.meeting.id });
    expect(items.map((i) => i.householdId)).toEqual([h.a1, h.b1]);
    expect(items[0]).toMatchObject({
      code: expect.stringMatching(/^N-\d{6}$/),
      referenceName: 'Rossi Maria',
      onAgenda: false,
      openActions: 0,
    });
    expect(items[0]!.risk).toMatchObject({ band: expect.any(String), score: expect.any(Number) });
    expect(items[0]!.latestInterventions[0]).toMatchObject({
      typeLabel: 'ascolto',
      outcome: 'Da portare in équipe',
      confidential: true,
    });
    expect(JSON.stringify(items)).not.toContain('Nota riservata');
    // Chosen and ordered by the coordinator.
    const set = await carla.ok('meetings.setCases', {
      id: created.meeting.id,
      expectedUpdatedAt: created.meeting.updatedAt,
      householdIds: [h.b1, h.a1],
    });
    expect(set.cases.map((c) => c.householdId)).toEqual([h.b1, h.a1]);
    expect(
      (await carla.ok('meetings.proposal', { meetingId: created.meeting.id })).items.every((i) => i.onAgenda),
    ).toBe(true);
    // A stale version is a conflict.
    const stale = await carla.call('meetings.setCases', {
      id: created.meeting.id,
      expectedUpdatedAt: created.meeting.updatedAt,
      householdIds: [h.a1],
    });
    expect(errorOf(stale).kind).toBe('conflict');
  });

  it('clears the flag of a discussed case unless kept, and keeps a worked-on case on the agenda', async () => {
    const s = session(template);
    const { carla, view } = await heldMeeting(s);
    const { households: h } = s.world;
    const flags = () =>
      s.withDb((db) =>
        db.raw.prepare('SELECT id, to_team FROM households WHERE id IN (?, ?) ORDER BY id').all(h.a1, h.b1),
      );
    expect(flags()).toEqual([
      { id: h.a1, to_team: 0 },
      { id: h.b1, to_team: 1 },
    ]);
    expect(view.cases.map((c) => [c.discussed, c.keepFlag, c.toTeam])).toEqual([
      [true, false, false],
      [true, true, true],
    ]);
    expect(
      (await carla.ok('meetings.proposal', { meetingId: null })).items.map((i) => i.householdId),
    ).toEqual([h.b1]);
    const refused = await carla.call('meetings.setCases', {
      id: view.meeting.id,
      expectedUpdatedAt: view.meeting.updatedAt,
      householdIds: [h.b1],
    });
    expect(errorOf(refused)).toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('non si può togliere'),
    });
    // A stale case version is a conflict.
    const stale = await carla.call('meetings.saveCase', {
      caseId: view.cases[0]!.id,
      expectedUpdatedAt: '2020-01-01T00:00:00.000Z',
      notes: '',
      decisions: '',
      discussed: false,
    });
    expect(errorOf(stale).kind).toBe('conflict');
  });
});

describe('actions', () => {
  async function withAction(s: Session) {
    const held = await heldMeeting(s);
    const view = await held.carla.ok('meetings.addAction', {
      caseId: held.caseA1.id,
      text: 'Accompagnare al CAF per l’ISEE',
      assigneeId: s.world.ops.olga,
      dueOn: localDay(2),
    });
    return { ...held, view, action: view.cases[0]!.actions[0]! };
  }

  it('become follow-ups in the assignee’s agenda and close there', async () => {
    const s = session(template);
    const { view, action } = await withAction(s);
    expect(action).toMatchObject({
      text: 'Accompagnare al CAF per l’ISEE',
      assigneeName: 'Olga Rossi',
      dueOn: localDay(2),
      done: false,
      householdId: s.world.households.a1,
    });
    const olga = await s.as('olga');
    const agenda = await olga.ok('agenda.get', { operatorId: null });
    const item = agenda.nextDays.find((f) => f.id === action.followupId);
    expect(item).toMatchObject({
      text: 'Accompagnare al CAF per l’ISEE',
      householdId: s.world.households.a1,
      meetingId: view.meeting.id,
      meetingHeldOn: localDay(),
    });
    await olga.ok('followups.setDone', { id: action.followupId, done: true });
    expect(
      (await olga.ok('agenda.get', { operatorId: null })).nextDays.some((f) => f.id === action.followupId),
    ).toBe(false);
    const after = await olga.ok('meetings.get', { id: view.meeting.id });
    expect(after.cases[0]!.actions[0]).toMatchObject({ done: true });
    expect((await olga.ok('meetings.list', {})).rows[0]).toMatchObject({
      actionCount: 1,
      openActionCount: 0,
    });
    const audit = s.withDb(auditRows).filter((r) => r.action === 'meetings.addAction');
    expect(audit.map((r) => r.record_type)).toEqual(['meeting_action', 'followup']);
  });

  it('go only to someone who sees the household', async () => {
    const s = session(template);
    const { carla, caseA1 } = await heldMeeting(s);
    const refused = await carla.call('meetings.addAction', {
      caseId: caseA1.id,
      text: 'Telefonare',
      assigneeId: s.world.ops.bruno,
      dueOn: localDay(2),
    });
    expect(errorOf(refused)).toMatchObject({
      kind: 'validation',
      fields: { assigneeId: expect.any(String) },
    });
    await carla.ok('meetings.addAction', {
      caseId: caseA1.id,
      text: 'Telefonare',
      assigneeId: s.world.ops.carla,
      dueOn: localDay(2),
    });
  });

  it('still open are shown at later meetings, for the cases the reader may see', async () => {
    const s = session(template);
    const { carla, view, action } = await withAction(s);
    await carla.ok('meetings.addAction', {
      caseId: view.cases[1]!.id,
      text: 'Sentire l’amministratore',
      assigneeId: s.world.ops.bruno,
      dueOn: localDay(5),
    });
    const next = await carla.ok('meetings.create', meetingInput(s, { heldOn: localDay(7) }));
    expect(next.openEarlier.map((a) => [a.text, a.meetingId])).toEqual([
      ['Accompagnare al CAF per l’ISEE', view.meeting.id],
      ['Sentire l’amministratore', view.meeting.id],
    ]);
    // The earlier meeting does not carry its own actions, nor later ones.
    expect((await carla.ok('meetings.get', { id: view.meeting.id })).openEarlier).toEqual([]);
    const olga = await s.as('olga');
    expect((await olga.ok('meetings.get', { id: next.meeting.id })).openEarlier.map((a) => a.text)).toEqual([
      'Accompagnare al CAF per l’ISEE',
    ]);
    await olga.ok('followups.setDone', { id: action.followupId, done: true });
    expect((await carla.ok('meetings.get', { id: next.meeting.id })).openEarlier.map((a) => a.text)).toEqual([
      'Sentire l’amministratore',
    ]);
  });

  it('update the meeting with the optimistic check and keep the audit chain', async () => {
    const s = session(template);
    const { carla, view } = await withAction(s);
    const current = (await carla.ok('meetings.get', { id: view.meeting.id })).meeting;
    const input: CallInput<'meetings.update'> = {
      id: current.id,
      expectedUpdatedAt: current.updatedAt,
      heldOn: current.heldOn,
      participantIds: current.participants.map((p) => p.id),
      guests: current.guests,
      agenda: current.agenda,
      minutes: 'Verbale approvato.',
    };
    const updated: CallOutput<'meetings.update'> = await carla.ok('meetings.update', input);
    expect(updated.meeting.minutes).toBe('Verbale approvato.');
    expect(errorOf(await carla.call('meetings.update', input)).kind).toBe('conflict');
    expect(s.withDb((db) => verifyAuditChain(db.raw)).intact).toBe(true);
  });
});
