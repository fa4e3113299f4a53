import { z } from 'zod';
import { idSchema } from './common';
import {
  dateSchema,
  dateTimeSchema,
  expectedUpdatedAtSchema,
  idListSchema,
  notes,
  pageFields,
  requiredLine,
  updatedAtSchema,
} from './fields';

// ---------- follow-ups (promemoria) ----------

const followupText = requiredLine('Promemoria', 300, 'Scrivere che cosa va fatto.');

/** A follow-up added from the intervention form. */
export const followupDraftSchema = z
  .object({
    dueOn: dateSchema('Scadenza del promemoria'),
    text: followupText,
    /** Defaults to the signed-in operator. */
    operatorId: idSchema.nullable().default(null),
  })
  .strict();

export const followupsCreateInput = z
  .object({
    dueOn: dateSchema('Scadenza'),
    text: followupText,
    operatorId: idSchema.nullable().default(null),
    householdId: idSchema.nullable().default(null),
    buildingId: idSchema.nullable().default(null),
  })
  .strict()
  .refine((value) => value.householdId !== null || value.buildingId !== null, {
    message: 'Collegare il promemoria a un nucleo o a un caseggiato.',
    path: ['householdId'],
  });

export const followupsUpdateInput = z
  .object({
    id: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    dueOn: dateSchema('Scadenza'),
    text: followupText,
    operatorId: idSchema,
  })
  .strict();

export const followupsSetDoneInput = z.object({ id: idSchema, done: z.boolean() }).strict();

export const followupSchema = z.object({
  id: idSchema,
  dueOn: z.string(),
  operatorId: idSchema,
  operatorName: z.string(),
  text: z.string(),
  householdId: idSchema.nullable(),
  householdCode: z.string().nullable(),
  householdName: z.string().nullable(),
  buildingId: idSchema.nullable(),
  buildingAddress: z.string().nullable(),
  interventionId: idSchema.nullable(),
  referralId: idSchema.nullable(),
  /** When it is an action decided at a team meeting: that meeting. */
  meetingId: idSchema.nullable(),
  meetingHeldOn: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  updatedAt: updatedAtSchema,
});
export type Followup = z.infer<typeof followupSchema>;

export const agendaInput = z
  .object({
    /** Whose agenda; defaults to the signed-in operator. Others' only for coordinators. */
    operatorId: idSchema.nullable().default(null),
  })
  .strict();

export const agendaSchema = z.object({
  operatorId: idSchema,
  operatorName: z.string(),
  /** Today's date (YYYY-MM-DD) as the server counted it. */
  today: z.string(),
  overdue: z.array(followupSchema),
  dueToday: z.array(followupSchema),
  nextDays: z.array(followupSchema),
});
export type Agenda = z.infer<typeof agendaSchema>;

// ---------- interventions ----------

const durationSchema = z
  .number({ message: 'Durata: inserire i minuti.' })
  .int('Durata: inserire un numero intero di minuti.')
  .min(0, 'Durata: non può essere negativa.')
  .max(1440, 'Durata: al massimo 1440 minuti (un giorno).');

const interventionFields = {
  occurredAt: dateTimeSchema('Data e ora'),
  durationMin: durationSchema,
  typeId: idSchema,
  channelId: idSchema,
  originId: idSchema,
  topicIds: idListSchema('Temi', 20).min(1, 'Scegliere almeno un tema.'),
  notes: notes('Note'),
  outcome: notes('Esito', 2000),
  confidential: z.boolean().default(false),
};

export const interventionTargetSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('households'),
      /** One household, or several for a group intervention (one linked record each). */
      householdIds: idListSchema('Nuclei', 200).min(1, 'Scegliere almeno un nucleo.'),
    })
    .strict(),
  z.object({ kind: z.literal('building'), buildingId: idSchema }).strict(),
]);

export const interventionsCreateInput = z
  .object({
    ...interventionFields,
    target: interventionTargetSchema,
    /** Defaults to the signed-in operator; another operator only for coordinators. */
    operatorId: idSchema.nullable().default(null),
    followup: followupDraftSchema.nullable().default(null),
  })
  .strict();

export const interventionsUpdateInput = z
  .object({ id: idSchema, expectedUpdatedAt: expectedUpdatedAtSchema, ...interventionFields })
  .strict();

export const interventionSchema = z.object({
  id: idSchema,
  groupId: idSchema.nullable(),
  occurredAt: z.string(),
  durationMin: z.number().int(),
  operatorId: idSchema,
  operatorName: z.string(),
  householdId: idSchema.nullable(),
  householdCode: z.string().nullable(),
  householdName: z.string().nullable(),
  buildingId: idSchema,
  buildingAddress: z.string(),
  typeId: idSchema,
  typeLabel: z.string(),
  channelId: idSchema,
  channelLabel: z.string(),
  originId: idSchema,
  originLabel: z.string(),
  topicIds: z.array(idSchema),
  topicLabels: z.array(z.string()),
  /** Null when the intervention is confidential and the caller is neither its author nor a coordinator. */
  notes: z.string().nullable(),
  outcome: z.string(),
  confidential: z.boolean(),
  /** Whether the caller may change it (its author or a coordinator). */
  editable: z.boolean(),
  updatedAt: updatedAtSchema,
});
export type Intervention = z.infer<typeof interventionSchema>;

export const INTERVENTION_SORT = ['occurredAt', 'type', 'operator'] as const;
export const interventionsListInput = z
  .object({
    ...pageFields,
    sortField: z.enum(INTERVENTION_SORT).default('occurredAt'),
    sortDir: z.enum(['asc', 'desc']).default('desc'),
    householdId: idSchema.nullable().default(null),
    buildingId: idSchema.nullable().default(null),
    operatorId: idSchema.nullable().default(null),
    from: dateSchema('Dal').nullable().default(null),
    to: dateSchema('Al').nullable().default(null),
  })
  .strict();

// ---------- referrals (invii ai servizi) ----------

export const REFERRAL_STATUSES = ['inviato', 'preso_in_carico', 'concluso', 'non_accolto'] as const;
export const referralStatusSchema = z.enum(REFERRAL_STATUSES, { message: 'Scegliere lo stato dell’invio.' });

const referralFields = {
  serviceId: idSchema,
  referredOn: dateSchema('Data dell’invio'),
  reason: notes('Motivo', 2000),
  status: referralStatusSchema,
  /** When set, a follow-up "verify the outcome" is due that day. */
  checkBy: dateSchema('Verificare l’esito entro').nullable(),
};

export const referralsCreateInput = z
  .object({
    householdId: idSchema,
    interventionId: idSchema.nullable().default(null),
    ...referralFields,
  })
  .strict();

export const referralsUpdateInput = z
  .object({ id: idSchema, expectedUpdatedAt: expectedUpdatedAtSchema, ...referralFields })
  .strict();

export const referralSchema = z.object({
  id: idSchema,
  householdId: idSchema,
  householdCode: z.string(),
  interventionId: idSchema.nullable(),
  serviceId: idSchema,
  serviceLabel: z.string(),
  referredOn: z.string(),
  reason: z.string(),
  status: referralStatusSchema,
  checkBy: z.string().nullable(),
  operatorId: idSchema,
  operatorName: z.string(),
  updatedAt: updatedAtSchema,
});
export type Referral = z.infer<typeof referralSchema>;

export const referralOutput = z.object({ referral: referralSchema });
export const followupOutput = z.object({ followup: followupSchema });
