import { z } from 'zod';
import { idSchema } from './common';
import {
  dateSchema,
  expectedUpdatedAtSchema,
  idListSchema,
  line,
  notes,
  pageFields,
  requiredLine,
  updatedAtSchema,
} from './fields';
import { riskBandSchema } from './risk';

// ---------- team meetings (riunioni d'équipe) ----------

/** Someone from outside the cooperative: the social services coordinator, a health visitor… */
export const guestSchema = z
  .object({
    name: requiredLine('Nome del partecipante esterno', 120, 'Scrivere nome e cognome del partecipante.'),
    role: line('Ruolo del partecipante esterno', 120),
  })
  .strict();
export type Guest = z.infer<typeof guestSchema>;

const meetingFields = {
  heldOn: dateSchema('Data della riunione'),
  participantIds: idListSchema('Partecipanti', 60),
  guests: z.array(guestSchema).max(30, 'Partecipanti esterni: al massimo 30.').default([]),
  agenda: notes('Ordine del giorno', 4000).default(''),
};

export const meetingsCreateInput = z.object(meetingFields).strict();

export const meetingsUpdateInput = z
  .object({
    id: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    ...meetingFields,
    minutes: notes('Verbale', 20000).default(''),
  })
  .strict();

export const meetingsListInput = z
  .object({
    page: pageFields.page,
    pageSize: pageFields.pageSize,
  })
  .strict();

export const meetingsProposalInput = z
  .object({
    /** The meeting being prepared: households already on its agenda are marked. */
    meetingId: idSchema.nullable().default(null),
  })
  .strict();

/** The cases of the meeting, in the order given; a case with notes, decisions or actions stays. */
export const meetingsSetCasesInput = z
  .object({
    id: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    householdIds: idListSchema('Casi', 60),
  })
  .strict();

export const meetingsSaveCaseInput = z
  .object({
    caseId: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    notes: notes('Note della discussione', 8000),
    /** Confidential by default: then only their author and coordinators read the notes. */
    confidential: z.boolean().default(true),
    decisions: notes('Decisioni', 4000),
    discussed: z.boolean(),
    /** Keep the household's "porta in équipe" flag after the discussion. */
    keepFlag: z.boolean().default(false),
  })
  .strict();

export const meetingsAddActionInput = z
  .object({
    caseId: idSchema,
    text: requiredLine('Azione', 300, 'Scrivere che cosa va fatto.'),
    assigneeId: idSchema,
    dueOn: dateSchema('Scadenza'),
  })
  .strict();

export const participantSchema = z.object({ id: idSchema, fullName: z.string(), role: z.string() });

/** An action: its text, assignee, due date and state are those of its follow-up. */
export const meetingActionSchema = z.object({
  id: idSchema,
  meetingId: idSchema,
  meetingHeldOn: z.string(),
  caseId: idSchema,
  followupId: idSchema,
  householdId: idSchema,
  householdCode: z.string(),
  householdName: z.string().nullable(),
  text: z.string(),
  assigneeId: idSchema,
  assigneeName: z.string(),
  dueOn: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  /** The follow-up's version, for followups.update and followups.setDone. */
  followupUpdatedAt: updatedAtSchema,
});
export type MeetingAction = z.infer<typeof meetingActionSchema>;

export const meetingCaseSchema = z.object({
  id: idSchema,
  householdId: idSchema,
  householdCode: z.string(),
  householdName: z.string().nullable(),
  buildingAddress: z.string(),
  position: z.number().int(),
  /** Null when confidential and the caller is neither their author nor a coordinator. */
  notes: z.string().nullable(),
  confidential: z.boolean(),
  decisions: z.string(),
  discussed: z.boolean(),
  keepFlag: z.boolean(),
  /** The household's "porta in équipe" flag now. */
  toTeam: z.boolean(),
  actions: z.array(meetingActionSchema),
  editable: z.boolean(),
  updatedAt: updatedAtSchema,
});
export type MeetingCase = z.infer<typeof meetingCaseSchema>;

export const meetingSchema = z.object({
  id: idSchema,
  heldOn: z.string(),
  participants: z.array(participantSchema),
  guests: z.array(z.object({ name: z.string(), role: z.string() })),
  agenda: z.string(),
  minutes: z.string(),
  createdByName: z.string().nullable(),
  /** Whether the caller may change it (coordinators and administrators). */
  editable: z.boolean(),
  updatedAt: updatedAtSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingOutput = z.object({
  meeting: meetingSchema,
  cases: z.array(meetingCaseSchema),
  /** Cases of the caller's buildings only (operatori): how many are not shown. */
  hiddenCases: z.number().int().min(0),
  /** Actions of earlier meetings whose follow-up is still open ("azioni aperte"). */
  openEarlier: z.array(meetingActionSchema),
});
export type MeetingView = z.infer<typeof meetingOutput>;

export const meetingRowSchema = z.object({
  id: idSchema,
  heldOn: z.string(),
  participantNames: z.array(z.string()),
  guestCount: z.number().int(),
  caseCount: z.number().int(),
  actionCount: z.number().int(),
  openActionCount: z.number().int(),
});
export type MeetingRow = z.infer<typeof meetingRowSchema>;

export const proposalItemSchema = z.object({
  householdId: idSchema,
  code: z.string(),
  referenceName: z.string().nullable(),
  buildingId: idSchema,
  buildingAddress: z.string(),
  risk: z.object({ band: riskBandSchema, score: z.number(), month: z.string() }).nullable(),
  latestInterventions: z.array(
    z.object({
      id: idSchema,
      occurredAt: z.string(),
      typeLabel: z.string(),
      operatorName: z.string(),
      outcome: z.string(),
      confidential: z.boolean(),
    }),
  ),
  /** Actions from earlier meetings on this household still open. */
  openActions: z.number().int(),
  /** Already on the agenda of the meeting given. */
  onAgenda: z.boolean(),
});
export type ProposalItem = z.infer<typeof proposalItemSchema>;

export const meetingsProposalOutput = z.object({ items: z.array(proposalItemSchema) });
