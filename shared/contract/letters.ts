import { z } from 'zod';
import { letterBodySchema } from '../letters/body';
import { idSchema, call } from './common';
import { dateSchema, idListSchema, line, notes, pagedOutput, pageFields, requiredLine } from './fields';

// ---------- letters to residents ----------

export const letterTemplateRowSchema = z.object({
  id: idSchema,
  name: z.string(),
  builtin: z.boolean(),
  active: z.boolean(),
  currentVersion: z.number().int(),
  subject: z.string(),
  updatedAt: z.string(),
});
export type LetterTemplateRow = z.infer<typeof letterTemplateRowSchema>;

export const letterTemplateOutput = z.object({
  template: letterTemplateRowSchema,
  body: letterBodySchema,
  versions: z.array(
    z.object({ version: z.number().int(), createdAt: z.string(), createdByName: z.string().nullable() }),
  ),
});

export const lettersSaveTemplateInput = z
  .object({
    /** null creates a new template. */
    id: idSchema.nullable(),
    /** The version the editor started from (a newer one means someone else saved). */
    expectedVersion: z.number().int().min(1).nullable(),
    name: requiredLine('Nome del modello', 120, 'Scrivere il nome del modello.'),
    subject: requiredLine('Oggetto', 200, 'Scrivere l’oggetto della lettera.'),
    body: letterBodySchema,
    active: z.boolean().default(true),
  })
  .strict();

const LOGO_MAX_BYTES = 512 * 1024;
export const LETTERHEAD_LOGO_MAX_BYTES = LOGO_MAX_BYTES;

export const letterheadSchema = z.object({
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  footer: z.string(),
  sportelloHours: z.string(),
  logo: z
    .object({
      mime: z.enum(['image/png', 'image/jpeg']),
      base64: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      bytes: z.number().int(),
    })
    .nullable(),
  /** null until a coordinator saves it (then the cooperative's data is shown). */
  updatedAt: z.string().nullable(),
});
export type LetterheadView = z.infer<typeof letterheadSchema>;

export const lettersUpdateLetterheadInput = z
  .object({
    name: requiredLine('Nome della cooperativa', 160, 'Scrivere il nome della cooperativa.'),
    address: line('Indirizzo', 200),
    phone: line('Telefono', 60),
    email: line('E-mail', 160),
    footer: line('Piè di pagina', 400),
    sportelloHours: line('Orari dello sportello', 200),
    /** Omitted: keep the logo; null: remove it; a string: the new PNG or JPEG as base64. */
    logo: z
      .string()
      .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 8, 'Logo: l’immagine supera 512 KB.')
      .nullable()
      .optional(),
  })
  .strict();

export const letterTargetSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('households'),
        householdIds: idListSchema('Nuclei', 1000).min(1, 'Scegliere almeno un nucleo.'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('building'),
        buildingId: idSchema,
        /** Empty: every staircase. */
        staircases: z.array(line('Scala', 10)).max(50).default([]),
      })
      .strict(),
  ],
  { message: 'Scegliere a chi scrivere: un nucleo, una selezione o un caseggiato.' },
);
export type LetterTarget = z.infer<typeof letterTargetSchema>;

/** Values given once for the whole batch (the placeholders incontro.*). */
export const meetingValuesSchema = z
  .object({
    date: dateSchema('Data dell’incontro').nullable().default(null),
    time: z
      .string()
      .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, 'Ora dell’incontro: scrivere l’ora come 18:30.')
      .default(''),
    place: line('Luogo dell’incontro', 200).default(''),
    agenda: notes('Ordine del giorno', 2000).default(''),
  })
  .strict();

const issueFields = {
  templateId: idSchema,
  target: letterTargetSchema,
  meeting: meetingValuesSchema.default({ date: null, time: '', place: '', agenda: '' }),
};

export const lettersPreviewInput = z.object(issueFields).strict();

export const lettersIssueInput = z
  .object({
    ...issueFields,
    /** The template version previewed: a newer one is refused, so what was checked is what prints. */
    expectedVersion: z.number().int().min(1),
    /** Keep the households with missing data (the letter says «dato non disponibile»). */
    includeIncomplete: z.boolean().default(false),
    /**
     * 'pdf': one PDF to save. 'stampa': the system print dialog (the desktop app only); the
     * batch is recorded once the printer took it, and nothing is when the dialog is closed.
     */
    output: z.enum(['pdf', 'stampa']).default('pdf'),
  })
  .strict();

export const letterWarningSchema = z.object({
  householdId: idSchema,
  code: z.string(),
  name: z.string().nullable(),
  /** Labels of the data missing for this household. */
  missing: z.array(z.string()),
});

export const lettersPreviewOutput = z.object({
  templateName: z.string(),
  version: z.number().int(),
  /** Every household the target names (active ones of a building). */
  households: z.number().int(),
  /** Households with every value present. */
  complete: z.number().int(),
  warnings: z.array(letterWarningSchema),
  /** Values missing for the whole batch (letterhead, meeting): issuing is refused until given. */
  batchProblems: z.array(z.string()),
  /** A printable document with the first letters (protocol numbers shown as a sample). */
  html: z.string(),
  shown: z.number().int(),
  /** The app can open the system print dialog (the desktop app; the web shell saves a PDF). */
  canPrint: z.boolean(),
});
export type LettersPreview = z.infer<typeof lettersPreviewOutput>;

const issuedFields = {
  batchId: idSchema,
  count: z.number().int(),
  skipped: z.number().int(),
  firstProtocol: z.string(),
  lastProtocol: z.string(),
};

export const lettersIssueOutput = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('pdf'),
    ...issuedFields,
    fileId: z.string(),
    fileName: z.string(),
    bytes: z.number().int(),
    pages: z.number().int(),
  }),
  z.object({ outcome: z.literal('printed'), ...issuedFields }),
  /** The print dialog was closed: no letter issued, no number taken. */
  z.object({ outcome: z.literal('cancelled') }),
]);

export const letterRowSchema = z.object({
  id: idSchema,
  protocol: z.string(),
  issuedAt: z.string(),
  householdId: idSchema,
  householdCode: z.string(),
  templateId: idSchema,
  templateName: z.string(),
  templateVersion: z.number().int(),
  operatorName: z.string(),
  sha256: z.string(),
  batchId: idSchema,
  /** How the batch left the office: one PDF saved, or printed through the system dialog. */
  output: z.enum(['pdf', 'stampa']),
});
export type LetterRow = z.infer<typeof letterRowSchema>;

export const lettersRegisterInput = z
  .object({
    householdId: idSchema.nullable().default(null),
    page: pageFields.page,
    pageSize: pageFields.pageSize,
  })
  .strict();

/** The letters.* calls, spread into the contract in index.ts. */
export const lettersCalls = {
  'letters.templates': call({
    input: z.object({}).strict(),
    output: z.object({ templates: z.array(letterTemplateRowSchema) }),
    access: 'operatore',
    writes: false,
    description: 'Modelli di lettera, con l’ultima versione di ciascuno.',
  }),
  'letters.template': call({
    input: z.object({ id: idSchema }).strict(),
    output: letterTemplateOutput,
    access: 'operatore',
    writes: false,
    description: 'Un modello di lettera con il testo dell’ultima versione e l’elenco delle versioni.',
  }),
  'letters.saveTemplate': call({
    input: lettersSaveTemplateInput,
    output: letterTemplateOutput,
    access: 'coordinatore',
    writes: true,
    description:
      'Crea un modello o ne salva una nuova versione (le lettere già emesse restano legate alla loro versione).',
  }),
  'letters.letterhead': call({
    input: z.object({}).strict(),
    output: letterheadSchema,
    access: 'operatore',
    writes: false,
    description:
      'Carta intestata delle lettere: cooperativa, logo, contatti, orari dello sportello, piè di pagina.',
  }),
  'letters.updateLetterhead': call({
    input: lettersUpdateLetterheadInput,
    output: letterheadSchema,
    access: 'coordinatore',
    writes: true,
    description: 'Modifica la carta intestata delle lettere (logo PNG o JPEG fino a 512 KB).',
  }),
  'letters.preview': call({
    input: lettersPreviewInput,
    output: lettersPreviewOutput,
    access: 'operatore',
    writes: false,
    description: 'Anteprima delle prime lettere, con gli avvisi sui dati mancanti per nucleo.',
  }),
  'letters.issue': call({
    input: lettersIssueInput,
    output: lettersIssueOutput,
    access: 'operatore',
    writes: true,
    description:
      'Emette le lettere: numero di protocollo, registro e storia del nucleo; un unico PDF da salvare, oppure la stampa con la finestra di stampa del sistema.',
  }),
  'letters.register': call({
    input: lettersRegisterInput,
    output: pagedOutput(letterRowSchema),
    access: 'operatore',
    writes: false,
    description: 'Registro delle lettere emesse (di un nucleo, o tutte), dalla più recente.',
  }),
} as const;
