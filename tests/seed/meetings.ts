import { isoDate, timestamp, weekday } from './dates';
import { Random } from './random';
import type { BuildingInfo, OperatorInfo, World } from './world';
import type { SeedSize } from './world';

/** Weekly team meetings, back from the last one before today. */
export const MEETINGS: Record<SeedSize, number> = { small: 10, large: 250 };

const GUESTS = [
  { name: 'Laura Ferri', role: 'coordinatrice dei servizi sociali del Comune' },
  { name: 'Marco Galli', role: 'assistente sociale' },
  { name: 'Silvia Conti', role: 'educatrice professionale ASST' },
  { name: 'Paolo Bassi', role: 'referente dell’ente gestore' },
];

const NOTES = [
  'Situazione stabile ma fragile: il nucleo fatica a rispettare gli impegni presi.',
  'La persona di riferimento ha riferito problemi di salute che incidono sul lavoro.',
  'Conflitti con i vicini in aumento dopo l’ultimo sopralluogo.',
  'Il nucleo ha chiesto aiuto per le pratiche del contributo affitto.',
  'Segnalato isolamento: nessuna rete familiare vicina.',
  'Minori seguiti dalla scuola; la famiglia chiede orientamento.',
  'Morosità in crescita dopo la perdita del lavoro.',
];

const DECISIONS = [
  'Proporre un piano di rientro e accompagnare all’ufficio casa.',
  'Attivare i servizi sociali per una valutazione congiunta.',
  'Visita domiciliare congiunta entro due settimane.',
  'Mediazione con i vicini nell’incontro di caseggiato.',
  'Continuare il monitoraggio; rivalutare alla prossima équipe.',
  'Orientare al centro per l’impiego.',
];

const ACTIONS = [
  'Accompagnare al CAF per l’ISEE.',
  'Telefonare all’assistente sociale per fissare il colloquio.',
  'Visita domiciliare con l’educatrice.',
  'Preparare la domanda di contributo affitto.',
  'Sentire l’ente gestore sulla manutenzione.',
  'Fissare l’incontro di mediazione.',
  'Verificare il pagamento della rata.',
];

/**
 * 250 weekly meetings (10 for the small set): the coordinators and some tutors, one or two
 * guests, a few cases each from the tutors' buildings with notes (mostly confidential) and
 * decisions, and actions that are follow-ups (done when long past due). Uses its own dice,
 * so adding meetings changes nothing else in the data set.
 */
export function seedMeetings(w: World, size: SeedSize, seed: number): Record<string, number> {
  const r = new Random(seed * 7919 + 17);
  const raw = w.raw;
  const insertMeeting = raw.prepare(
    `INSERT INTO meetings (held_on, guests, agenda, minutes, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertParticipant = raw.prepare(
    'INSERT INTO meeting_participants (meeting_id, operator_id) VALUES (?, ?)',
  );
  const insertCase = raw.prepare(
    `INSERT INTO meeting_cases (meeting_id, household_id, position, notes, confidential, notes_by, decisions, discussed, keep_flag, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const insertFollowup = raw.prepare(
    `INSERT INTO followups (due_on, operator_id, text, household_id, building_id, intervention_id, referral_id, done_at, done_by, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?)`,
  );
  const insertAction = raw.prepare(
    'INSERT INTO meeting_actions (meeting_id, case_id, followup_id, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
  );
  const latest = timestamp(w.today - 1, 22 * 60);
  const clamp = (ts: string) => (ts > latest ? latest : ts);

  // Tuesdays, the last one before today.
  let last = w.today - 1;
  while (weekday(last) !== 2) last -= 1;
  const counts = { meetings: 0, cases: 0, actions: 0, openActions: 0 };

  for (let week = MEETINGS[size] - 1; week >= 0; week--) {
    const day = last - 7 * week;
    if (day < w.start) continue;
    const chair = r.pick(w.coordinators);
    const tutors = r.sample(w.tutors, Math.min(w.tutors.length, r.int(3, 8)));
    const at = timestamp(day, 9 * 60 + r.int(0, 30));
    const meetingId = Number(
      insertMeeting.run(
        isoDate(day),
        JSON.stringify(r.sample(GUESTS, r.int(1, 2))),
        'Casi segnalati dal territorio; aggiornamento sulle azioni aperte.',
        r.chance(0.8)
          ? 'La riunione si è svolta regolarmente. Le decisioni sono riportate per ciascun caso.'
          : '',
        at,
        clamp(timestamp(day, 13 * 60)),
        chair.id,
      ).lastInsertRowid,
    );
    counts.meetings += 1;
    for (const operator of [...w.coordinators, ...tutors]) insertParticipant.run(meetingId, operator.id);

    const chosen = new Set<number>();
    const caseCount = r.int(3, 7);
    for (let position = 0, attempt = 0; position < caseCount && attempt < caseCount * 8; attempt++) {
      const tutor = r.pick(tutors);
      if (tutor.buildings.length === 0) continue;
      const building: BuildingInfo = r.pick(tutor.buildings);
      const stays = building.stays.filter(
        (s) => s.from <= day && day < s.to && s.household.registeredOn <= day,
      );
      if (stays.length === 0) continue;
      const household = r.pick(stays).household;
      if (chosen.has(household.id)) continue;
      chosen.add(household.id);
      const caseAt = clamp(timestamp(day, 10 * 60 + position * 10));
      const caseId = Number(
        insertCase.run(
          meetingId,
          household.id,
          position,
          r.pick(NOTES),
          r.chance(0.8) ? 1 : 0,
          chair.id,
          r.pick(DECISIONS),
          r.chance(0.1) ? 1 : 0,
          caseAt,
          caseAt,
          chair.id,
        ).lastInsertRowid,
      );
      position += 1;
      counts.cases += 1;
      const actions = r.weighted([
        [0, 25],
        [1, 50],
        [2, 25],
      ] as const);
      for (let i = 0; i < actions; i++) {
        const assignee: OperatorInfo =
          r.chance(0.8) && building.tutors.length > 0 ? r.pick(building.tutors) : chair;
        const due = day + r.int(7, 30);
        const done = due < w.today && (r.chance(0.9) || w.today - due > 60);
        const doneAt = done ? clamp(timestamp(due + r.int(-5, 3), 9 * 60 + r.int(0, 540))) : null;
        const doneStamp = doneAt !== null && doneAt < caseAt ? caseAt : doneAt;
        const followupId = Number(
          insertFollowup.run(
            isoDate(due),
            assignee.id,
            r.pick(ACTIONS),
            household.id,
            doneStamp,
            doneStamp === null ? null : assignee.id,
            caseAt,
            doneStamp ?? caseAt,
            chair.id,
          ).lastInsertRowid,
        );
        insertAction.run(meetingId, caseId, followupId, caseAt, chair.id);
        counts.actions += 1;
        if (doneStamp === null) counts.openActions += 1;
      }
    }
  }
  return counts;
}
