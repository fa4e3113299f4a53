import { z } from 'zod';
import { idSchema, call } from './common';
import { dateSchema, line, notes, pageFields, pagedOutput, updatedAtSchema } from './fields';
import { outboxFileSchema } from './files';

// ---------- the access log (registro accessi) ----------

/** Filters of the access log; dates are local calendar days, both included. */
export const auditFilterFields = {
  operatorId: idSchema.nullable().default(null),
  householdId: idSchema.nullable().default(null),
  from: dateSchema('Dal').nullable().default(null),
  to: dateSchema('Al').nullable().default(null),
  action: line('Azione', 80).default(''),
};

const checkPeriod = (value: { from: string | null; to: string | null }) =>
  value.from === null || value.to === null || value.from <= value.to;
const periodMessage = { message: 'La data finale non può precedere quella iniziale.', path: ['to'] };

export const auditListInput = z
  .object({ ...auditFilterFields, page: pageFields.page, pageSize: pageFields.pageSize })
  .strict()
  .refine(checkPeriod, periodMessage);

export const auditExportInput = z.object(auditFilterFields).strict().refine(checkPeriod, periodMessage);

export const auditRowSchema = z.object({
  id: z.number().int().positive(),
  at: z.string(),
  operatorId: z.number().int().nullable(),
  operatorName: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  /** The household code when the row concerns a household, a member or an intervention of one. */
  householdCode: z.string().nullable(),
});
export type AuditRowView = z.infer<typeof auditRowSchema>;

export const auditVerifyOutput = z.object({
  intact: z.boolean(),
  rows: z.number().int().min(0),
  /** The first row altered, or following a removed row; for removed newest rows, the first missing id. */
  firstBadId: z.number().int().nullable(),
  reason: z.enum(['altered', 'missing_before', 'missing_after', 'anchor_invalid']).nullable(),
  /** Italian sentence for the page. */
  message: z.string(),
  ms: z.number().min(0),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyOutput>;

// ---------- GDPR ----------

export const privacySettingsSchema = z
  .object({
    /** Months the access log is kept at least; never shorter than 24. */
    auditRetentionMonths: z
      .number({ message: 'Conservazione del registro accessi: inserire un numero di mesi.' })
      .int('Conservazione del registro accessi: inserire un numero intero di mesi.')
      .min(24, 'Il registro accessi va conservato almeno 24 mesi.')
      .max(600, 'Conservazione del registro accessi: al massimo 600 mesi.'),
    /** Years after closing before a household's data may be anonymised. */
    householdRetentionYears: z
      .number({ message: 'Conservazione dei nuclei chiusi: inserire un numero di anni.' })
      .int('Conservazione dei nuclei chiusi: inserire un numero intero di anni.')
      .min(1, 'Conservazione dei nuclei chiusi: almeno 1 anno.')
      .max(50, 'Conservazione dei nuclei chiusi: al massimo 50 anni.'),
    /** The version of the privacy notice in use now (offered as default on the form). */
    noticeVersion: line('Versione dell’informativa', 40).min(1, 'Inserire la versione dell’informativa.'),
    controller: notes('Titolare del trattamento', 400),
    dpoContact: notes('Responsabile della protezione dei dati', 400),
    dataCategories: notes('Categorie di dati', 4000),
    purposes: notes('Finalità', 4000),
    dataSubjects: notes('Categorie di interessati', 2000),
    recipients: notes('Destinatari', 2000),
    securityMeasures: notes('Misure di sicurezza', 4000),
  })
  .strict();
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const privacySettingsOutput = z.object({
  settings: privacySettingsSchema,
  updatedAt: updatedAtSchema.nullable(),
});

export const noticeSchema = z.object({
  memberId: idSchema,
  fullName: z.string(),
  leftOn: z.string().nullable(),
  givenOn: z.string().nullable(),
  signedOn: z.string().nullable(),
  version: z.string().nullable(),
  updatedAt: updatedAtSchema.nullable(),
});
export type NoticeRow = z.infer<typeof noticeSchema>;

export const privacyHouseholdOutput = z.object({
  householdId: idSchema,
  /** Members still in the household without a signed notice. */
  missing: z.number().int().min(0),
  currentVersion: z.string(),
  anonymisedAt: z.string().nullable(),
  members: z.array(noticeSchema),
});

export const privacySetNoticeInput = z
  .object({
    memberId: idSchema,
    givenOn: dateSchema('Informativa consegnata il').nullable(),
    signedOn: dateSchema('Informativa firmata il').nullable(),
    version: line('Versione dell’informativa', 40),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.signedOn !== null && value.givenOn === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['givenOn'],
        message: 'Indicare anche la data di consegna dell’informativa.',
      });
    }
    if (value.signedOn !== null && value.givenOn !== null && value.signedOn < value.givenOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['signedOn'],
        message: 'La firma non può precedere la consegna dell’informativa.',
      });
    }
    if ((value.givenOn !== null || value.signedOn !== null) && value.version === '') {
      ctx.addIssue({ code: 'custom', path: ['version'], message: 'Indicare la versione dell’informativa.' });
    }
  });

export const privacyExportInput = z
  .object({
    memberId: idSchema,
    /** The coordinator's choice: include confidential notes of interventions and meetings. */
    includeConfidential: z.boolean({ message: 'Scegliere se includere le note riservate.' }),
  })
  .strict();

export const privacyExportOutput = z.object({
  pdf: outboxFileSchema,
  json: outboxFileSchema,
  pages: z.number().int().min(1),
});

export const retentionRowSchema = z.object({
  householdId: idSchema,
  code: z.string(),
  status: z.string(),
  closedOn: z.string(),
  members: z.number().int().min(0),
});

export const privacyRetentionOutput = z.object({
  years: z.number().int(),
  /** Closed on or before this date. */
  cutoff: z.string(),
  rows: z.array(retentionRowSchema),
});

export const privacyAnonymiseInput = z
  .object({
    householdIds: z
      .array(idSchema, { message: 'Nuclei: valore non valido.' })
      .min(1, 'Scegliere almeno un nucleo.')
      .max(500, 'Al massimo 500 nuclei alla volta.'),
  })
  .strict();

export const privacyRegisterOutput = z.object({
  settings: privacySettingsSchema,
  cooperative: z.object({ name: z.string(), address: z.string(), phone: z.string(), email: z.string() }),
  generatedAt: z.string(),
  counts: z.object({ households: z.number().int(), members: z.number().int(), operators: z.number().int() }),
});

const empty = z.object({}).strict();

export const privacyCalls = {
  'audit.list': call({
    input: auditListInput,
    output: pagedOutput(auditRowSchema),
    access: 'coordinatore',
    writes: false,
    description: 'Registro accessi, dal più recente, filtrato per operatore, nucleo, periodo e azione.',
  }),
  'audit.actions': call({
    input: empty,
    output: z.object({ actions: z.array(z.string()) }),
    access: 'coordinatore',
    writes: false,
    description: 'Le azioni presenti nel registro accessi (per il filtro).',
  }),
  'audit.export': call({
    input: auditExportInput,
    output: z.object({ file: outboxFileSchema, rows: z.number().int().min(0) }),
    access: 'coordinatore',
    writes: true,
    description: 'Esporta in CSV le voci del registro accessi che rispondono ai filtri.',
  }),
  'audit.verify': call({
    input: empty,
    output: auditVerifyOutput,
    access: 'coordinatore',
    writes: true,
    description: 'Verifica l’integrità della catena del registro accessi.',
  }),
  'privacy.settings': call({
    input: empty,
    output: privacySettingsOutput,
    access: 'coordinatore',
    writes: false,
    description: 'Impostazioni privacy: conservazione e registro dei trattamenti.',
  }),
  'privacy.updateSettings': call({
    input: z.object({ settings: privacySettingsSchema, expectedUpdatedAt: z.string().nullable() }).strict(),
    output: privacySettingsOutput,
    access: 'amministratore',
    writes: true,
    description: 'Modifica le impostazioni privacy.',
  }),
  'privacy.household': call({
    input: z.object({ householdId: idSchema }).strict(),
    output: privacyHouseholdOutput,
    access: 'operatore',
    writes: false,
    description: 'Stato dell’informativa privacy dei componenti di un nucleo.',
  }),
  'privacy.setNotice': call({
    input: privacySetNoticeInput,
    output: privacyHouseholdOutput,
    access: 'operatore',
    writes: true,
    description: 'Registra consegna, firma e versione dell’informativa privacy di un componente.',
  }),
  'privacy.exportPerson': call({
    input: privacyExportInput,
    output: privacyExportOutput,
    access: 'coordinatore',
    writes: true,
    description:
      'Accesso dell’interessato (art. 15): un PDF e un JSON con tutti i dati conservati sulla persona.',
  }),
  'privacy.retention': call({
    input: empty,
    output: privacyRetentionOutput,
    access: 'amministratore',
    writes: false,
    description: 'Nuclei chiusi da più del periodo di conservazione, da anonimizzare.',
  }),
  'privacy.anonymise': call({
    input: privacyAnonymiseInput,
    output: z.object({ anonymised: z.number().int().min(0) }),
    access: 'amministratore',
    writes: true,
    description:
      'Anonimizza nuclei chiusi oltre il periodo di conservazione: toglie nomi, codici fiscali, recapiti e note.',
  }),
  'privacy.register': call({
    input: empty,
    output: privacyRegisterOutput,
    access: 'coordinatore',
    writes: false,
    description: 'Registro dei trattamenti (parte di Cortile), da stampare per il DPO.',
  }),
} as const;
