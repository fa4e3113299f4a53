import { z } from 'zod';
import { MAX_STATEMENT_BYTES, STATEMENT_FIELD_KEYS } from '../arrears/statement';
import { LEGAL_STAGES } from '../arrears/values';
import { idSchema, timestampSchema } from './common';
import { line, pageFields, requiredLine, updatedAtSchema } from './fields';

// ---------- the rent-arrears import ----------

export const legalStageSchema = z.enum(LEGAL_STAGES, { message: 'Scegliere lo stato legale.' });
export const statementFieldSchema = z.enum(STATEMENT_FIELD_KEYS, { message: 'Campo sconosciuto.' });

/** Characters of the base64 text of the largest accepted file. */
export const MAX_STATEMENT_BASE64_CHARS = Math.ceil(MAX_STATEMENT_BYTES / 3) * 4;
/** Unmatched rows and errors listed by a preview, at most (the counts say how many there are). */
export const PREVIEW_LIST_LIMIT = 2000;
/** Matched rows shown as a sample. */
export const PREVIEW_SAMPLE_SIZE = 50;

const headerName = requiredLine('Nome della colonna', 200, 'Indicare il nome della colonna.');

/**
 * Which column holds each field, by the column's header NAME, so a mapping
 * (and a sender's profile) survives columns added or reordered.
 */
export const headerMappingSchema = z.partialRecord(statementFieldSchema, headerName, {
  message: 'Abbinamento delle colonne non valido.',
});
export type HeaderMapping = Partial<Record<z.infer<typeof statementFieldSchema>, string>>;
const headerMappingOutput = z.partialRecord(statementFieldSchema, z.string());

const profileName = requiredLine('Nome del profilo', 80, 'Indicare il nome del profilo (il mittente).');

export const previewImportInput = z
  .object({
    fileName: requiredLine('Nome del file', 255, 'Manca il nome del file.'),
    contentBase64: z
      .string({ message: 'Manca il contenuto del file.' })
      .min(1, 'Il file è vuoto.')
      .max(MAX_STATEMENT_BASE64_CHARS, 'Il file supera il limite di 10 MB.')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Il contenuto del file non è leggibile: caricarlo di nuovo.'),
    /** The sheet of an Excel file; null for the first one. */
    sheet: line('Foglio', 100).nullable().default(null),
    /** The mapping confirmed or corrected by the user; null to use the profile's or the guessed one. */
    mapping: headerMappingSchema.nullable().default(null),
    profileId: idSchema.nullable().default(null),
  })
  .strict();

const matchedBySchema = z.enum(['unitCode', 'alias', 'taxCode']);

export const previewMatchedRowSchema = z.object({
  line: z.number().int(),
  unitCode: z.string().nullable(),
  unitId: idSchema,
  unitLabel: z.string(),
  buildingAddress: z.string(),
  householdId: idSchema.nullable(),
  householdCode: z.string().nullable(),
  matchedBy: matchedBySchema,
  period: z.string(),
  dueCents: z.number().int(),
  paidCents: z.number().int(),
  balanceCents: z.number().int(),
  /** Identical to the statement already stored for that unit and month. */
  unchanged: z.boolean(),
});

export const previewUnmatchedRowSchema = z.object({
  line: z.number().int(),
  unitCode: z.string().nullable(),
  taxCode: z.string().nullable(),
  tenantName: z.string().nullable(),
  period: z.string(),
  balanceCents: z.number().int(),
});
export type PreviewUnmatchedRow = z.infer<typeof previewUnmatchedRowSchema>;

export const rowErrorSchema = z.object({
  line: z.number().int(),
  column: z.string(),
  message: z.string(),
});

export const previewImportOutput = z.object({
  /** Null when the mapping has problems: fix it and preview again. */
  previewId: z.string().nullable(),
  expiresAt: timestampSchema.nullable(),
  fileName: z.string(),
  sha256: z.string(),
  sheetNames: z.array(z.string()),
  sheet: z.string().nullable(),
  /** Column names, unique: a blank header reads «Colonna N», a repeated one gets « (2)». */
  headers: z.array(z.string()),
  mapping: headerMappingOutput,
  mappingSource: z.enum(['input', 'profile', 'guess']),
  profileId: idSchema.nullable(),
  mappingProblems: z.array(z.string()),
  /** The same file (same SHA-256) already imported and not undone. */
  alreadyImported: z.object({ importId: idSchema, importedAt: timestampSchema, by: z.string() }).nullable(),
  counts: z.object({
    /** Data rows: matched + unmatched + errors. */
    read: z.number().int(),
    matched: z.number().int(),
    unmatched: z.number().int(),
    /** Rows with at least one error. */
    errors: z.number().int(),
    /** Blank, totals and repeated header lines, left out. */
    skippedLines: z.number().int(),
    /** Matched rows identical to what is stored. */
    unchanged: z.number().int(),
  }),
  /** The first matched rows. */
  matched: z.array(previewMatchedRowSchema),
  unmatched: z.array(previewUnmatchedRowSchema),
  /** One entry per wrong cell. */
  errors: z.array(rowErrorSchema),
  periods: z.object({ min: z.string(), max: z.string() }).nullable(),
});
export type ImportPreview = z.infer<typeof previewImportOutput>;

const lineNumber = z
  .number({ message: 'Numero di riga non valido.' })
  .int('Numero di riga non valido.')
  .positive('Numero di riga non valido.');

export const commitImportInput = z
  .object({
    previewId: z.string({ message: 'Manca l’anteprima.' }).min(1).max(100),
    /** Unmatched rows linked by hand to a unit; the row's unit code becomes an alias of that unit. */
    links: z
      .array(z.object({ line: lineNumber, unitId: idSchema }).strict())
      .max(200_000, 'Troppi collegamenti.')
      .default([]),
    /** Unmatched rows left out on purpose. */
    skip: z.array(lineNumber).max(200_000, 'Troppe righe scartate.').default([]),
    /** Leave out every unmatched row not linked (the preview lists at most PREVIEW_LIST_LIMIT of them). */
    skipUnlinked: z.boolean().default(false),
    /** Save the mapping used as the profile of this sender (a profile with that name is updated). */
    saveProfile: z.object({ name: profileName }).strict().nullable().default(null),
  })
  .strict();

export const commitImportOutput = z.object({
  importId: idSchema,
  written: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
});

export const undoImportOutput = z.object({
  /** Statements put back as they were before the import. */
  restored: z.number().int(),
  /** Statements the import had added, now removed. */
  removed: z.number().int(),
});

export const importsListInput = z
  .object({ ...pageFields, sortDir: z.enum(['asc', 'desc']).default('desc') })
  .strict();

export const importRowSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  sha256: z.string(),
  profileId: idSchema.nullable(),
  profileName: z.string().nullable(),
  importedAt: timestampSchema,
  importedBy: z.string(),
  rowsRead: z.number().int(),
  rowsWritten: z.number().int(),
  rowsUnchanged: z.number().int(),
  rowsSkipped: z.number().int(),
  rowsError: z.number().int(),
  periodMin: z.string().nullable(),
  periodMax: z.string().nullable(),
  undoneAt: timestampSchema.nullable(),
  undoneBy: z.string().nullable(),
  /** Not undone, and no later import changed the same unit and month. */
  undoable: z.boolean(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

// ---------- mapping profiles ----------

export const profileSchema = z.object({
  id: idSchema,
  name: z.string(),
  mapping: headerMappingOutput,
  updatedAt: updatedAtSchema,
});
export type ArrearsProfile = z.infer<typeof profileSchema>;

export const saveProfileInput = z
  .object({
    /** Null to add a profile. */
    id: idSchema.nullable().default(null),
    /** Required when changing a profile. */
    expectedUpdatedAt: z.string().nullable().default(null),
    name: profileName,
    mapping: headerMappingSchema,
  })
  .strict();
