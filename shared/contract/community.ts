import { z } from 'zod';
import { idSchema, call } from './common';
import {
  dateSchema,
  expectedUpdatedAtSchema,
  idListSchema,
  line,
  notes,
  pageFields,
  pagedOutput,
  requiredLine,
  updatedAtSchema,
} from './fields';

// ---------- activity types (an editable list of its own) ----------

export const activityTypeSchema = z.object({
  id: idSchema,
  label: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  /** Used by at least one activity: can be deactivated, never deleted. */
  used: z.boolean(),
  updatedAt: updatedAtSchema,
});
export type ActivityType = z.infer<typeof activityTypeSchema>;

const typeLabel = requiredLine('Tipo di attività', 80, 'Inserire il nome del tipo di attività.');
export const activityTypesCreateInput = z.object({ label: typeLabel }).strict();
export const activityTypesUpdateInput = z
  .object({
    id: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    label: typeLabel,
    active: z.boolean(),
    position: z.number().int().min(0).max(1000),
  })
  .strict();

// ---------- activities ----------

export const PROMOTERS = ['tutor', 'gruppo', 'servizi', 'ente_gestore', 'associazione'] as const;
export type Promoter = (typeof PROMOTERS)[number];
export const promoterSchema = z.enum(PROMOTERS, { message: 'Scegliere chi ha promosso l’attività.' });
export const PROMOTER_LABELS: Record<Promoter, string> = {
  tutor: 'Tutor',
  gruppo: 'Gruppo di residenti',
  servizi: 'Servizi',
  ente_gestore: 'Ente gestore',
  associazione: 'Associazione',
};

/** A local time as `HH:MM`. */
export const timeSchema = (label: string) =>
  z
    .string({ message: `${label}: inserire l’ora.` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}: inserire un’ora valida (hh:mm).`);

export const activityTargetSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('buildings'),
        buildingIds: idListSchema('Caseggiati', 50).min(1, 'Scegliere almeno un caseggiato.'),
      })
      .strict(),
    z.object({ kind: z.literal('area'), areaId: idSchema }).strict(),
  ],
  { message: 'Scegliere i caseggiati o l’area dell’attività.' },
);
export type ActivityTarget = z.infer<typeof activityTargetSchema>;

const activityFields = {
  typeId: idSchema,
  title: requiredLine('Titolo', 200, 'Inserire il titolo dell’attività.'),
  heldOn: dateSchema('Data'),
  startsAt: timeSchema('Ora di inizio'),
  endsAt: timeSchema('Ora di fine'),
  place: line('Luogo', 200).default(''),
  promoter: promoterSchema,
  groupId: idSchema.nullable().default(null),
  target: activityTargetSchema,
  description: notes('Descrizione').default(''),
  outcome: notes('Esito', 4000).default(''),
};

interface ActivityShape {
  startsAt: string;
  endsAt: string;
  promoter: Promoter;
  groupId: number | null;
}

/** Checks shared by create and update: the end after the start, a group for a group's initiative. */
function refineActivity<T extends ActivityShape>(value: T, ctx: z.core.$RefinementCtx<T>): void {
  if (value.endsAt <= value.startsAt) {
    ctx.addIssue({
      code: 'custom',
      message: 'L’ora di fine deve venire dopo l’ora di inizio.',
      path: ['endsAt'],
    });
  }
  if (value.promoter === 'gruppo' && value.groupId === null) {
    ctx.addIssue({
      code: 'custom',
      message: 'Scegliere il gruppo di residenti che ha promosso l’attività.',
      path: ['groupId'],
    });
  }
}

/** Repeat every `everyWeeks` weeks, on the same weekday, up to `until` (at most 60 occurrences). */
export const MAX_OCCURRENCES = 60;
export const repeatSchema = z
  .object({
    everyWeeks: z
      .number({ message: 'Ripetizione: inserire ogni quante settimane.' })
      .int('Ripetizione: inserire un numero intero di settimane.')
      .min(1, 'Ripetizione: almeno ogni settimana.')
      .max(4, 'Ripetizione: al massimo ogni 4 settimane.'),
    until: dateSchema('Ripetere fino al'),
  })
  .strict();

export const activitiesCreateInput = z
  .object({ ...activityFields, repeat: repeatSchema.nullable().default(null) })
  .strict()
  .superRefine((value, ctx) => {
    refineActivity(value, ctx);
    const { repeat } = value;
    if (!repeat) return;
    if (repeat.until <= value.heldOn) {
      ctx.addIssue({
        code: 'custom',
        message: 'La data di fine della ripetizione deve venire dopo la prima data.',
        path: ['repeat', 'until'],
      });
      return;
    }
    const days = (Date.parse(repeat.until) - Date.parse(value.heldOn)) / 86_400_000;
    if (Math.floor(days / (7 * repeat.everyWeeks)) + 1 > MAX_OCCURRENCES) {
      ctx.addIssue({
        code: 'custom',
        message: `Una serie può avere al massimo ${MAX_OCCURRENCES} date: scegliere una data di fine più vicina.`,
        path: ['repeat', 'until'],
      });
    }
  });

export const activitiesUpdateInput = z
  .object({ id: idSchema, expectedUpdatedAt: expectedUpdatedAtSchema, ...activityFields })
  .strict()
  .superRefine(refineActivity);

const outsiderName = requiredLine('Persona esterna', 120, 'Inserire il nome della persona esterna.');

export const activitiesSaveAttendanceInput = z
  .object({
    id: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    /** The households present, among those the caller sees (others stay as they are). */
    householdIds: idListSchema('Nuclei presenti', 5000),
    guests: z
      .number({ message: 'Partecipanti non registrati: inserire un numero.' })
      .int('Partecipanti non registrati: inserire un numero intero.')
      .min(0, 'Partecipanti non registrati: non può essere negativo.')
      .max(10_000, 'Partecipanti non registrati: al massimo 10000.'),
    outsiders: z
      .array(outsiderName, { message: 'Persone esterne: valore non valido.' })
      .max(100, 'Persone esterne: al massimo 100 nomi.'),
  })
  .strict();

export const buildingRefSchema = z.object({ id: idSchema, address: z.string() });

export const activitySchema = z.object({
  id: idSchema,
  seriesId: idSchema.nullable(),
  typeId: idSchema,
  typeLabel: z.string(),
  title: z.string(),
  heldOn: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  promoter: promoterSchema,
  groupId: idSchema.nullable(),
  groupName: z.string().nullable(),
  /** Set for an activity on a whole area. */
  areaId: idSchema.nullable(),
  areaName: z.string().nullable(),
  /** The activity's buildings (for an area: the area's buildings). */
  buildings: z.array(buildingRefSchema),
  description: z.string(),
  outcome: z.string(),
  guests: z.number().int(),
  outsiders: z.array(z.string()),
  updatedAt: updatedAtSchema,
});
export type Activity = z.infer<typeof activitySchema>;

export const attendeeSchema = z.object({
  householdId: idSchema,
  code: z.string(),
  referenceName: z.string().nullable(),
  buildingId: idSchema,
  buildingAddress: z.string(),
  staircase: z.string(),
  unitLabel: z.string(),
  present: z.boolean(),
  /** False for a household ticked earlier that did not live there on the day (after a correction of its moves). */
  eligible: z.boolean(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const attendanceSchema = z.object({
  /** Households living in the activity's buildings that day, that the caller may see. */
  households: z.array(attendeeSchema),
  /** Households of buildings the caller does not follow: counted, not named. */
  hiddenEligible: z.number().int(),
  hiddenPresent: z.number().int(),
  /** Households living in the activity's buildings that day, and how many of them took part. */
  eligible: z.number().int(),
  present: z.number().int(),
  /** present / eligible, between 0 and 1; null when nobody lived there. */
  rate: z.number().nullable(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const occurrenceSchema = z.object({ id: idSchema, heldOn: z.string(), present: z.number().int() });

export const activityDetailOutput = z.object({
  activity: activitySchema,
  attendance: attendanceSchema,
  /** Every date of its series (empty for a single activity). */
  occurrences: z.array(occurrenceSchema),
});

export const activityRowSchema = z.object({
  id: idSchema,
  seriesId: idSchema.nullable(),
  heldOn: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  title: z.string(),
  typeLabel: z.string(),
  place: z.string(),
  promoter: promoterSchema,
  groupName: z.string().nullable(),
  /** "Via Roma 1", "Via Roma 1 e altri 2", "Area Cambonino". */
  where: z.string(),
  present: z.number().int(),
  guests: z.number().int(),
});
export type ActivityRow = z.infer<typeof activityRowSchema>;

export const activitiesListInput = z
  .object({
    ...pageFields,
    sortDir: z.enum(['asc', 'desc']).default('desc'),
    q: line('Cerca', 100).default(''),
    buildingId: idSchema.nullable().default(null),
    groupId: idSchema.nullable().default(null),
    typeId: idSchema.nullable().default(null),
    from: dateSchema('Dal').nullable().default(null),
    to: dateSchema('Al').nullable().default(null),
  })
  .strict();

export const householdActivitySchema = z.object({
  activityId: idSchema,
  heldOn: z.string(),
  startsAt: z.string(),
  title: z.string(),
  typeLabel: z.string(),
});
export type HouseholdActivity = z.infer<typeof householdActivitySchema>;

// ---------- resident groups ----------

export const GROUP_STATUSES = ['attivo', 'sospeso', 'concluso'] as const;
export const groupStatusSchema = z.enum(GROUP_STATUSES, { message: 'Scegliere lo stato del gruppo.' });

const groupFields = {
  name: requiredLine('Nome del gruppo', 120, 'Inserire il nome del gruppo.'),
  buildingIds: idListSchema('Caseggiati', 50).min(1, 'Scegliere almeno un caseggiato.'),
  purpose: notes('Finalità', 2000).default(''),
  referentIds: idListSchema('Referenti', 20),
  status: groupStatusSchema,
  startedOn: dateSchema('Data di avvio'),
};
export const groupsCreateInput = z.object(groupFields).strict();
export const groupsUpdateInput = z
  .object({ id: idSchema, expectedUpdatedAt: expectedUpdatedAtSchema, ...groupFields })
  .strict();

export const referentSchema = z.object({
  memberId: idSchema,
  householdId: idSchema,
  householdCode: z.string(),
  /** Null when the referent lives in a building the caller does not follow. */
  name: z.string().nullable(),
});

export const groupSchema = z.object({
  id: idSchema,
  name: z.string(),
  purpose: z.string(),
  status: groupStatusSchema,
  startedOn: z.string(),
  buildings: z.array(buildingRefSchema),
  referents: z.array(referentSchema),
  activityCount: z.number().int(),
  lastActivityOn: z.string().nullable(),
  updatedAt: updatedAtSchema,
});
export type Group = z.infer<typeof groupSchema>;

export const groupsListInput = z
  .object({
    buildingId: idSchema.nullable().default(null),
    status: groupStatusSchema.nullable().default(null),
  })
  .strict();

export const memberOptionSchema = z.object({
  memberId: idSchema,
  name: z.string(),
  householdId: idSchema,
  householdCode: z.string(),
  buildingAddress: z.string(),
  unitLabel: z.string(),
});
export type MemberOption = z.infer<typeof memberOptionSchema>;

// ---------- the calls ----------

const byId = z.object({ id: idSchema }).strict();

/** The activities.* and groups.* calls, spread into the contract in index.ts. */
export const communityCalls = {
  'activities.list': call({
    input: activitiesListInput,
    output: pagedOutput(activityRowSchema),
    access: 'operatore',
    writes: false,
    description: 'Attività comunitarie visibili all’operatore, a pagine, dalla più recente.',
  }),
  'activities.get': call({
    input: byId,
    output: activityDetailOutput,
    access: 'operatore',
    writes: false,
    description:
      'Un’attività con il foglio presenze: i nuclei che abitavano nei suoi caseggiati quel giorno, chi c’era, il tasso di partecipazione e le date della serie.',
  }),
  'activities.create': call({
    input: activitiesCreateInput,
    output: z.object({ activity: activitySchema, occurrenceIds: z.array(idSchema) }),
    access: 'operatore',
    writes: true,
    description: 'Registra un’attività comunitaria, o una serie settimanale (una data per occorrenza).',
  }),
  'activities.update': call({
    input: activitiesUpdateInput,
    output: z.object({ activity: activitySchema }),
    access: 'operatore',
    writes: true,
    description: 'Modifica un’attività (una sola data della serie).',
  }),
  'activities.saveAttendance': call({
    input: activitiesSaveAttendanceInput,
    output: activityDetailOutput,
    access: 'operatore',
    writes: true,
    description: 'Salva le presenze: nuclei presenti, partecipanti non registrati, persone esterne per nome.',
  }),
  'activities.household': call({
    input: z.object({ householdId: idSchema }).strict(),
    output: z.object({ count: z.number().int(), activities: z.array(householdActivitySchema) }),
    access: 'operatore',
    writes: false,
    description: 'Le attività comunitarie a cui il nucleo ha partecipato, dalla più recente.',
  }),
  'activities.types': call({
    input: z.object({}).strict(),
    output: z.object({ types: z.array(activityTypeSchema) }),
    access: 'operatore',
    writes: false,
    description: 'Tipi di attività comunitaria (elenco modificabile).',
  }),
  'activities.createType': call({
    input: activityTypesCreateInput,
    output: z.object({ type: activityTypeSchema }),
    access: 'coordinatore',
    writes: true,
    description: 'Aggiunge un tipo di attività.',
  }),
  'activities.updateType': call({
    input: activityTypesUpdateInput,
    output: z.object({ type: activityTypeSchema }),
    access: 'coordinatore',
    writes: true,
    description: 'Rinomina, ordina, disattiva o riattiva un tipo di attività (i tipi non si cancellano).',
  }),
  'groups.list': call({
    input: groupsListInput,
    output: z.object({ groups: z.array(groupSchema) }),
    access: 'operatore',
    writes: false,
    description: 'Gruppi di residenti dei caseggiati visibili all’operatore.',
  }),
  'groups.get': call({
    input: byId,
    output: z.object({ group: groupSchema, activities: z.array(activityRowSchema) }),
    access: 'operatore',
    writes: false,
    description: 'Un gruppo di residenti con i referenti e le sue attività.',
  }),
  'groups.create': call({
    input: groupsCreateInput,
    output: z.object({ group: groupSchema }),
    access: 'operatore',
    writes: true,
    description: 'Registra un gruppo di residenti con i caseggiati e i referenti.',
  }),
  'groups.update': call({
    input: groupsUpdateInput,
    output: z.object({ group: groupSchema }),
    access: 'operatore',
    writes: true,
    description: 'Modifica un gruppo di residenti (nome, caseggiati, referenti, stato…).',
  }),
  'groups.memberOptions': call({
    input: z.object({ buildingIds: idListSchema('Caseggiati', 50) }).strict(),
    output: z.object({ members: z.array(memberOptionSchema) }),
    access: 'operatore',
    writes: false,
    description: 'Componenti dei nuclei che abitano ora nei caseggiati dati, da scegliere come referenti.',
  }),
} as const;
