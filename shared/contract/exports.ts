import { z } from 'zod';
import { idSchema, timestampSchema, call } from './common';
import { dateSchema, idListSchema, pageFields, pagedOutput } from './fields';
import { EXPORT_PRESETS } from '../exports/columns';
import { EXPORT_FORMATS } from '../exports/format';

// ---------- reports to the Comune (exports.*) ----------

export const exportPresetSchema = z.enum(EXPORT_PRESETS, { message: 'Scegliere il tipo di esportazione.' });
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { message: 'Scegliere il formato del file.' });

const yearSchema = z
  .number({ message: 'Anno: inserire un anno.' })
  .int('Anno: inserire un anno.')
  .min(2000, 'Anno: inserire un anno dal 2000 in poi.')
  .max(2100, 'Anno: inserire un anno fino al 2100.');

/** At most ten years in one file: more is a mistake (and a very large file). */
const MAX_CUSTOM_DAYS = 3660;

export const exportPeriodSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('mese'),
        month: z
          .string({ message: 'Mese: scegliere un mese.' })
          .regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, 'Mese: scegliere un mese valido.'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('trimestre'),
        year: yearSchema,
        quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
          message: 'Trimestre: scegliere da 1 a 4.',
        }),
      })
      .strict(),
    z.object({ kind: z.literal('anno'), year: yearSchema }).strict(),
    z
      .object({
        kind: z.literal('personalizzato'),
        from: dateSchema('Dal giorno'),
        to: dateSchema('Al giorno'),
      })
      .strict()
      .refine((p) => p.from <= p.to, {
        message: 'Il periodo finisce prima di cominciare: correggere le date.',
        path: ['to'],
      })
      .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 <= MAX_CUSTOM_DAYS, {
        message: 'Il periodo può durare al massimo dieci anni.',
        path: ['to'],
      }),
  ],
  { message: 'Scegliere il periodo.' },
);

export const exportRequestSchema = z
  .object({
    preset: exportPresetSchema,
    period: exportPeriodSchema,
    /** Empty areas and buildings: every building. Otherwise the buildings chosen plus those of the areas chosen. */
    areaIds: idListSchema('Zone', 100).default([]),
    buildingIds: idListSchema('Caseggiati', 500).default([]),
    format: exportFormatSchema.default('excel'),
  })
  .strict();
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportPreviewOutput = z.object({
  preset: exportPresetSchema,
  format: exportFormatSchema,
  period: z.object({ from: z.string(), to: z.string(), label: z.string(), token: z.string() }),
  fileName: z.string(),
  /** Rows of the preset chosen. */
  rows: z.number().int().min(0),
  /** Rows each preset would have with the same period and filters. */
  counts: z.array(z.object({ preset: exportPresetSchema, rows: z.number().int().min(0) })),
  columns: z.array(z.string()),
  /** Which buildings are in, in words. */
  scope: z.string(),
  /** What is left out and why, in Italian. */
  excluded: z.array(z.string()),
});
export type ExportPreview = z.infer<typeof exportPreviewOutput>;

export const outboxFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  bytes: z.number().int().min(0),
  sha256: z.string(),
});

export const exportCreateOutput = z.object({
  file: outboxFileSchema,
  rows: z.number().int().min(0),
  registerId: idSchema,
});

export const exportRegisterInput = z
  .object({ page: pageFields.page, pageSize: pageFields.pageSize })
  .strict();

export const exportRegisterRowSchema = z.object({
  id: idSchema,
  createdAt: timestampSchema,
  operatorName: z.string(),
  preset: exportPresetSchema,
  format: exportFormatSchema,
  periodFrom: z.string(),
  periodTo: z.string(),
  periodLabel: z.string(),
  /** Areas and buildings chosen, in words. */
  scope: z.string(),
  rows: z.number().int().min(0),
  bytes: z.number().int().min(0),
  fileName: z.string(),
  sha256: z.string(),
});
export type ExportRegisterRow = z.infer<typeof exportRegisterRowSchema>;

export const exportRegisterOutput = pagedOutput(exportRegisterRowSchema);

// ---------- the calls ----------

/** The exports.* calls, spread into the contract in index.ts. Coordinators and administrators only. */
export const exportCalls = {
  'exports.preview': call({
    input: exportRequestSchema,
    output: exportPreviewOutput,
    access: 'coordinatore',
    writes: false,
    description:
      'Riepilogo di un’esportazione per il Comune prima di salvarla: righe per tipo, periodo, cosa resta fuori e perché, nome del file.',
  }),
  'exports.create': call({
    input: exportRequestSchema,
    output: exportCreateOutput,
    access: 'coordinatore',
    writes: true,
    description:
      'Scrive il file CSV per il Comune (codici pseudonimi, nessun nome né nota) e lo registra nel registro delle esportazioni.',
  }),
  'exports.register': call({
    input: exportRegisterInput,
    output: exportRegisterOutput,
    access: 'coordinatore',
    writes: false,
    description:
      'Registro delle esportazioni: chi, quando, che cosa, quante righe, impronta SHA-256 del file.',
  }),
};
