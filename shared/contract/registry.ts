import { z } from 'zod';
import { RISK_BANDS } from '../risk/score';
import { idSchema, roleSchema } from './common';
import {
  dateSchema,
  expectedUpdatedAtSchema,
  idListSchema,
  line,
  notes,
  pageFields,
  phoneSchema,
  requiredLine,
  taxCodeSchema,
  updatedAtSchema,
} from './fields';

// ---------- shared shapes ----------

export const operatorRefSchema = z.object({ id: idSchema, fullName: z.string() });
export type OperatorRef = z.infer<typeof operatorRefSchema>;

export const directoryEntrySchema = z.object({
  id: idSchema,
  fullName: z.string(),
  role: roleSchema,
  active: z.boolean(),
});

// ---------- areas ----------

export const areaSchema = z.object({
  id: idSchema,
  name: z.string(),
  active: z.boolean(),
  buildingCount: z.number().int(),
  updatedAt: updatedAtSchema,
});
export type Area = z.infer<typeof areaSchema>;

const areaName = requiredLine('Nome dell’area', 120, 'Inserire il nome dell’area.');
export const areasCreateInput = z.object({ name: areaName }).strict();
export const areasUpdateInput = z
  .object({ id: idSchema, expectedUpdatedAt: expectedUpdatedAtSchema, name: areaName, active: z.boolean() })
  .strict();

// ---------- buildings ----------

export const BUILDING_OWNERS = ['ALER', 'Comune', 'altro'] as const;
export const ownerSchema = z.enum(BUILDING_OWNERS, { message: 'Scegliere il proprietario.' });

const buildingFields = {
  areaId: idSchema,
  address: requiredLine('Indirizzo', 200, 'Inserire l’indirizzo del caseggiato.'),
  city: requiredLine('Comune', 80, 'Inserire il comune.'),
  /** Housing-agency code; empty means none. */
  agencyCode: line('Codice ente gestore', 40).transform((value) => (value === '' ? null : value)),
  owner: ownerSchema,
  declaredUnits: z
    .number({ message: 'Numero di alloggi: inserire un numero.' })
    .int('Numero di alloggi: inserire un numero intero.')
    .min(0, 'Numero di alloggi: non può essere negativo.')
    .max(2000, 'Numero di alloggi: al massimo 2000.')
    .nullable(),
  notes: notes('Note'),
  operatorIds: idListSchema('Tutor assegnati', 20),
};
export const buildingsCreateInput = z.object(buildingFields).strict();
export const buildingsUpdateInput = z
  .object({
    id: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    active: z.boolean(),
    ...buildingFields,
  })
  .strict();

export const buildingSchema = z.object({
  id: idSchema,
  areaId: idSchema,
  areaName: z.string(),
  address: z.string(),
  city: z.string(),
  agencyCode: z.string().nullable(),
  owner: ownerSchema,
  declaredUnits: z.number().int().nullable(),
  notes: z.string(),
  active: z.boolean(),
  operators: z.array(operatorRefSchema),
  updatedAt: updatedAtSchema,
});
export type Building = z.infer<typeof buildingSchema>;

export const buildingRowSchema = z.object({
  id: idSchema,
  address: z.string(),
  city: z.string(),
  areaId: idSchema,
  areaName: z.string(),
  agencyCode: z.string().nullable(),
  owner: ownerSchema,
  unitCount: z.number().int(),
  activeHouseholds: z.number().int(),
  operators: z.array(operatorRefSchema),
  active: z.boolean(),
});
export type BuildingRow = z.infer<typeof buildingRowSchema>;

export const BUILDING_SORT = ['address', 'area', 'agencyCode', 'unitCount', 'activeHouseholds'] as const;
export const buildingsListInput = z
  .object({
    ...pageFields,
    sortField: z.enum(BUILDING_SORT).default('address'),
    q: line('Cerca', 100).default(''),
    areaId: idSchema.nullable().default(null),
    includeInactive: z.boolean().default(false),
  })
  .strict();

export const buildingOptionSchema = z.object({
  id: idSchema,
  address: z.string(),
  city: z.string(),
  areaName: z.string(),
});

// ---------- units ----------

const floorSchema = z
  .number({ message: 'Piano: inserire un numero.' })
  .int('Piano: inserire un numero intero.')
  .min(-3, 'Piano: non sotto il -3.')
  .max(60, 'Piano: al massimo 60.');
const optionalPositive = (label: string, max: number) =>
  z
    .number({ message: `${label}: inserire un numero.` })
    .int(`${label}: inserire un numero intero.`)
    .min(1, `${label}: deve essere maggiore di zero.`)
    .max(max, `${label}: al massimo ${max}.`)
    .nullable();

const unitFields = {
  staircase: line('Scala', 10),
  floor: floorSchema,
  number: requiredLine('Interno', 10, 'Inserire il numero dell’interno.'),
  agencyCode: line('Codice alloggio', 40).transform((value) => (value === '' ? null : value)),
  rooms: optionalPositive('Vani', 20),
  sizeSqm: optionalPositive('Superficie', 1000),
};
export const unitsCreateInput = z.object({ buildingId: idSchema, ...unitFields }).strict();
export const unitsUpdateInput = z
  .object({ id: idSchema, expectedUpdatedAt: expectedUpdatedAtSchema, ...unitFields })
  .strict();

/** "Scala A, piani 0–4, 3 interni per piano": interni numbered progressively from `firstNumber`. */
export const unitsCreateManyInput = z
  .object({
    buildingId: idSchema,
    staircase: line('Scala', 10),
    floorFrom: floorSchema,
    floorTo: floorSchema,
    perFloor: z
      .number({ message: 'Interni per piano: inserire un numero.' })
      .int('Interni per piano: inserire un numero intero.')
      .min(1, 'Interni per piano: almeno 1.')
      .max(20, 'Interni per piano: al massimo 20.'),
    firstNumber: z
      .number({ message: 'Primo interno: inserire un numero.' })
      .int('Primo interno: inserire un numero intero.')
      .min(1, 'Primo interno: almeno 1.')
      .max(9999, 'Primo interno: al massimo 9999.')
      .default(1),
    /** When set, each unit's agency code is this prefix followed by its interno number. */
    codePrefix: line('Prefisso codice alloggio', 30).default(''),
  })
  .strict()
  .refine((value) => value.floorTo >= value.floorFrom, {
    message: 'L’ultimo piano non può essere sotto il primo.',
    path: ['floorTo'],
  })
  .refine((value) => (value.floorTo - value.floorFrom + 1) * value.perFloor <= 300, {
    message: 'Al massimo 300 alloggi in una volta.',
    path: ['perFloor'],
  });

export const householdRefSchema = z.object({
  id: idSchema,
  code: z.string(),
  referenceName: z.string().nullable(),
});

export const unitSchema = z.object({
  id: idSchema,
  buildingId: idSchema,
  staircase: z.string(),
  floor: z.number().int(),
  number: z.string(),
  label: z.string(),
  agencyCode: z.string().nullable(),
  rooms: z.number().int().nullable(),
  sizeSqm: z.number().int().nullable(),
  updatedAt: updatedAtSchema,
  /** The active household living there now, if any. */
  household: householdRefSchema.nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitHistoryEntrySchema = z.object({
  householdId: idSchema,
  householdCode: z.string(),
  referenceName: z.string().nullable(),
  from: z.string(),
  /** Null while the household still lives there. */
  to: z.string().nullable(),
  reason: z.string(),
});

// ---------- households and members ----------

export const HOUSEHOLD_STATUSES = ['attivo', 'trasferito', 'chiuso'] as const;
export const householdStatusSchema = z.enum(HOUSEHOLD_STATUSES, {
  message: 'Scegliere lo stato del nucleo.',
});

export const RELATIONSHIPS = [
  'intestatario',
  'coniuge o convivente',
  'figlio/a',
  'genitore',
  'fratello/sorella',
  'nipote',
  'altro parente',
  'altro',
] as const;
export const relationshipSchema = z.enum(RELATIONSHIPS, {
  message: 'Scegliere la relazione con l’intestatario.',
});

export const memberFields = {
  firstName: requiredLine('Nome', 80, 'Inserire il nome.'),
  surname: requiredLine('Cognome', 80, 'Inserire il cognome.'),
  sex: z.enum(['F', 'M'], { message: 'Scegliere il sesso.' }),
  birthDate: dateSchema('Data di nascita').nullable(),
  taxCode: taxCodeSchema,
  phone: phoneSchema,
  relationship: relationshipSchema,
  fragilityIds: idListSchema('Fragilità', 20),
};
export const memberInput = z.object(memberFields).strict();

export const memberSchema = z.object({
  id: idSchema,
  householdId: idSchema,
  firstName: z.string(),
  surname: z.string(),
  sex: z.enum(['F', 'M']),
  birthDate: z.string().nullable(),
  taxCode: z.string().nullable(),
  phone: z.string(),
  relationship: relationshipSchema,
  fragilityIds: z.array(idSchema),
  leftOn: z.string().nullable(),
  updatedAt: updatedAtSchema,
});
export type Member = z.infer<typeof memberSchema>;

const householdFields = {
  since: dateSchema('Nell’alloggio dal'),
  phone: phoneSchema,
  language: line('Lingua preferita', 40).default('italiano'),
  toTeam: z.boolean().default(false),
  notes: notes('Note'),
};

export const householdsCreateInput = z
  .object({
    unitId: idSchema,
    ...householdFields,
    /** The first member is the reference person (intestatario). */
    members: z
      .array(memberInput)
      .min(1, 'Inserire almeno l’intestatario.')
      .max(20, 'Al massimo 20 componenti.'),
    /** Set once the user has seen the possible duplicates and wants to save anyway. */
    allowDuplicates: z.boolean().default(false),
  })
  .strict();

export const householdsUpdateInput = z
  .object({
    id: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    ...householdFields,
    status: householdStatusSchema,
    referenceMemberId: idSchema.nullable(),
  })
  .strict();

export const householdsMoveInput = z
  .object({
    id: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    toUnitId: idSchema,
    movedOn: dateSchema('Data del trasferimento'),
    reason: line('Motivo', 300),
  })
  .strict();

export const membersCreateInput = z
  .object({ householdId: idSchema, ...memberFields, allowDuplicates: z.boolean().default(false) })
  .strict();
export const membersUpdateInput = z
  .object({
    id: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    ...memberFields,
    leftOn: dateSchema('Uscito dal nucleo il').nullable(),
    allowDuplicates: z.boolean().default(false),
  })
  .strict();

export const membersFindDuplicatesInput = z
  .object({
    taxCode: taxCodeSchema,
    surname: line('Cognome', 80),
    birthDate: dateSchema('Data di nascita').nullable(),
    excludeMemberId: idSchema.nullable().default(null),
  })
  .strict();

export const duplicateSchema = z.object({
  memberId: idSchema,
  householdId: idSchema,
  householdCode: z.string(),
  /** Names and address only when the caller may see that household. */
  visible: z.boolean(),
  fullName: z.string().nullable(),
  birthDate: z.string().nullable(),
  buildingAddress: z.string().nullable(),
  matchedBy: z.enum(['taxCode', 'surnameBirthDate']),
});
export type Duplicate = z.infer<typeof duplicateSchema>;

export const householdRowSchema = z.object({
  id: idSchema,
  code: z.string(),
  referenceName: z.string().nullable(),
  buildingId: idSchema,
  buildingAddress: z.string(),
  unitId: idSchema,
  unitLabel: z.string(),
  status: householdStatusSchema,
  memberCount: z.number().int(),
  toTeam: z.boolean(),
  phone: z.string(),
});
export type HouseholdRow = z.infer<typeof householdRowSchema>;

export const HOUSEHOLD_SORT = ['code', 'referenceName', 'address', 'status'] as const;
export const householdsListInput = z
  .object({
    ...pageFields,
    sortField: z.enum(HOUSEHOLD_SORT).default('referenceName'),
    q: line('Cerca', 100).default(''),
    buildingId: idSchema.nullable().default(null),
    status: householdStatusSchema.nullable().default(null),
    toTeam: z.boolean().nullable().default(null),
    /** Households whose risk score of `riskMonth` (default: this month) is in this band (dashboard links). */
    riskBand: z.enum(RISK_BANDS, { message: 'Scegliere una fascia.' }).nullable().default(null),
    riskMonth: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mese della fascia: indicare un mese valido (aaaa-mm).')
      .nullable()
      .default(null),
    areaId: idSchema.nullable().default(null),
  })
  .strict();

export const householdSchema = z.object({
  id: idSchema,
  code: z.string(),
  since: z.string(),
  referenceMemberId: idSchema.nullable(),
  referenceName: z.string().nullable(),
  status: householdStatusSchema,
  phone: z.string(),
  language: z.string(),
  toTeam: z.boolean(),
  notes: z.string(),
  updatedAt: updatedAtSchema,
  unit: z.object({
    id: idSchema,
    label: z.string(),
    staircase: z.string(),
    floor: z.number().int(),
    number: z.string(),
    agencyCode: z.string().nullable(),
  }),
  building: z.object({ id: idSchema, address: z.string(), city: z.string(), areaName: z.string() }),
});
export type Household = z.infer<typeof householdSchema>;

export const moveSchema = z.object({
  id: idSchema,
  movedOn: z.string(),
  reason: z.string(),
  from: z.object({ unitId: idSchema, unitLabel: z.string(), buildingAddress: z.string() }).nullable(),
  to: z.object({ unitId: idSchema, unitLabel: z.string(), buildingAddress: z.string() }),
});
export type Move = z.infer<typeof moveSchema>;

export const searchResultSchema = z.object({
  id: idSchema,
  code: z.string(),
  referenceName: z.string().nullable(),
  /** The member whose name matched, when not the reference person. */
  matchedMember: z.string().nullable(),
  buildingAddress: z.string(),
  unitLabel: z.string(),
  status: householdStatusSchema,
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchInput = z
  .object({
    q: line('Cerca', 100),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict();

// ---------- editable lists ----------

export const VOCABULARY_KINDS = [
  'fragility',
  'intervention_type',
  'channel',
  'origin',
  'topic',
  'referral_service',
] as const;
export const vocabularyKindSchema = z.enum(VOCABULARY_KINDS, { message: 'Elenco sconosciuto.' });
export type VocabularyKind = z.infer<typeof vocabularyKindSchema>;

export const vocabularyItemSchema = z.object({
  id: idSchema,
  kind: vocabularyKindSchema,
  label: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  /** Used by at least one record: can be deactivated, never deleted. */
  used: z.boolean(),
  updatedAt: updatedAtSchema,
});
export type VocabularyItem = z.infer<typeof vocabularyItemSchema>;

const vocabularyLabel = requiredLine('Voce', 80, 'Inserire il testo della voce.');
export const vocabularyCreateInput = z
  .object({ kind: vocabularyKindSchema, label: vocabularyLabel })
  .strict();
export const vocabularyUpdateInput = z
  .object({
    id: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    label: vocabularyLabel,
    active: z.boolean(),
    position: z.number().int().min(0).max(1000),
  })
  .strict();
