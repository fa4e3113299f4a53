import { z } from 'zod';
import { INCOLPEVOLE_CAUSES } from '../arrears/incolpevole';
import { LEGAL_STAGES } from '../risk/score';
import { idSchema, timestampSchema } from './common';
import { dateSchema, notes } from './fields';
import { planSchema } from './plans';
import { riskScoreSchema, riskTrendPointSchema } from './risk';

// ---------- the arrears panel of a household ----------

/** Months of statements the panel shows. */
export const ARREARS_SERIES_MONTHS = 60;
/** Months of risk scores the trend shows. */
export const RISK_TREND_MONTHS = 24;

export const householdLegalStageSchema = z.enum(LEGAL_STAGES, { message: 'Scegliere la fase legale.' });

const causeCodes = INCOLPEVOLE_CAUSES.map((c) => c.code) as [
  (typeof INCOLPEVOLE_CAUSES)[number]['code'],
  ...(typeof INCOLPEVOLE_CAUSES)[number]['code'][],
];
export const incolpevoleCauseSchema = z.enum(causeCodes, { message: 'Scegliere una causa dell’elenco.' });

export const statementPointSchema = z.object({
  period: z.string(),
  dueCents: z.number().int(),
  paidCents: z.number().int(),
  balanceCents: z.number().int(),
});

export const legalStageViewSchema = z.object({
  stage: householdLegalStageSchema,
  setAt: timestampSchema,
  /** Who set it by hand; null when an import set it. */
  setBy: z.string().nullable(),
  source: z.enum(['manuale', 'importazione']),
  updatedAt: timestampSchema,
});

export const causeSchema = z.object({
  id: idSchema,
  cause: incolpevoleCauseSchema,
  label: z.string(),
  eventDate: z.string().nullable(),
  notes: z.string(),
  createdAt: timestampSchema,
  createdBy: z.string().nullable(),
});

export const iseeSchema = z.object({
  valueCents: z.number().int(),
  iseeDate: z.string(),
  updatedAt: timestampSchema,
  updatedBy: z.string().nullable(),
});

export const arrearsHouseholdOutput = z.object({
  householdId: idSchema,
  /** The latest statements, oldest first (at most ARREARS_SERIES_MONTHS). */
  series: z.array(statementPointSchema),
  latestPeriod: z.string().nullable(),
  /** What the household owes by the latest statement; 0 without statements. */
  balanceCents: z.number().int(),
  monthsUnpaid: z.number().int(),
  /** The usual monthly due (median of the last three); null when not known. */
  monthlyDueCents: z.number().int().nullable(),
  /** Balance in months of the usual due, one decimal rounded down; null when the due is not known. */
  balanceInMonths: z.number().nullable(),
  lastPaymentDate: z.string().nullable(),
  /**
   * Where the date comes from: the statement's column, the 15th of the latest month with a
   * payment (`stimata`), or a repayment-plan payment recorded later (`piano`).
   */
  lastPaymentSource: z.enum(['estratto', 'stimata', 'piano']).nullable(),
  /** First month of the current run of months with something owed (its first day). */
  arrearsStartDate: z.string().nullable(),
  legalStage: legalStageViewSchema.nullable(),
  /** The open plan first, then closed ones, newest first. */
  plans: z.array(planSchema),
  incolpevole: z.object({
    causes: z.array(causeSchema),
    isee: iseeSchema.nullable(),
    thresholdCents: z.number().int(),
    /** "Potenzialmente eleggibile" when eligible, with the reasons. */
    assessment: z.object({
      eligible: z.boolean(),
      reasons: z.array(z.string()),
      missing: z.array(z.string()),
      obstacles: z.array(z.string()),
    }),
  }),
  /** This month's score; null when the household has no statement and no plan. */
  risk: riskScoreSchema.nullable(),
  /** Score per month, oldest first (at most RISK_TREND_MONTHS). */
  trend: z.array(riskTrendPointSchema),
});
export type ArrearsHousehold = z.infer<typeof arrearsHouseholdOutput>;

export const setLegalStageInput = z
  .object({
    householdId: idSchema,
    stage: householdLegalStageSchema,
    /** The legal stage's updatedAt the form started from; null when none was set. */
    expectedUpdatedAt: timestampSchema.nullable(),
  })
  .strict();

export const addCauseInput = z
  .object({
    householdId: idSchema,
    cause: incolpevoleCauseSchema,
    /** Date of the event (dismissal, illness…); null while not known. */
    eventDate: dateSchema('Data dell’evento').nullable(),
    notes: notes('Note', 1000).default(''),
  })
  .strict();

export const removeCauseInput = z.object({ id: idSchema }).strict();

export const setIseeInput = z
  .object({
    householdId: idSchema,
    /** Null removes the ISEE. */
    isee: z
      .object({
        valueCents: z
          .number({ message: 'Valore ISEE: inserire un importo.' })
          .int('Valore ISEE: inserire un importo in centesimi interi.')
          .min(0, 'Valore ISEE: non può essere negativo.')
          .max(100_000_000, 'Valore ISEE: importo troppo alto.'),
        iseeDate: dateSchema('Data dell’ISEE'),
      })
      .strict()
      .nullable(),
    /** The ISEE's updatedAt the form started from; null when none was recorded. */
    expectedUpdatedAt: timestampSchema.nullable(),
  })
  .strict();
