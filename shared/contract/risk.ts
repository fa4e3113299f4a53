import { z } from 'zod';
import { DEFAULT_BREACH_AFTER_MISSED, PLAN_STATUSES } from '../arrears/plan';
import { DEFAULT_ISEE_THRESHOLD_CENTS } from '../arrears/incolpevole';
import { formatMoney } from '../format';
import {
  DEFAULT_RISK_SETTINGS,
  RISK_BANDS,
  RISK_SIGNALS,
  riskSettingsSchema,
  type RiskSettings,
} from '../risk/score';
import { idSchema, timestampSchema } from './common';
import { pageFields } from './fields';

// ---------- arrears settings (risk weights, plan tolerance, worklist, ISEE) ----------

/** A whole number in [min, max], with Italian messages naming the field. */
function whole(label: string, min: number, max: number) {
  return z
    .number({ message: `${label}: inserire un numero.` })
    .int(`${label}: inserire un numero intero.`)
    .min(min, min === 0 ? `${label}: non può essere negativo.` : `${label}: almeno ${min}.`)
    .max(max, `${label}: al massimo ${max}.`);
}

/** An amount in integer cents in [0, max], the messages in euro. */
function cents(label: string, max: number) {
  return z
    .number({ message: `${label}: inserire un importo.` })
    .int(`${label}: inserire un importo in centesimi interi.`)
    .min(0, `${label}: non può essere negativo.`)
    .max(max, `${label}: al massimo ${formatMoney(max)}.`);
}

export interface ArrearsSettings {
  risk: RiskSettings;
  /** A repayment plan is late only beyond these days and this amount. */
  planTolerance: { days: number; amountCents: number };
  /** Missed installments after which a plan is "non rispettato". */
  breachAfterMissed: number;
  /** The worklist hides households contacted within these days. */
  worklistContactDays: number;
  /** ISEE ceiling for morosità incolpevole. */
  iseeThresholdCents: number;
}

export const DEFAULT_ARREARS_SETTINGS: ArrearsSettings = {
  risk: DEFAULT_RISK_SETTINGS,
  planTolerance: { days: 10, amountCents: 500 },
  breachAfterMissed: DEFAULT_BREACH_AFTER_MISSED,
  worklistContactDays: 30,
  iseeThresholdCents: DEFAULT_ISEE_THRESHOLD_CENTS,
};

/** Arrears settings as edited by a coordinator; every message in Italian names the field. */
export const arrearsSettingsSchema = z.strictObject(
  {
    risk: riskSettingsSchema,
    planTolerance: z.strictObject(
      {
        days: whole('Tolleranza dei piani di rientro, giorni di ritardo', 0, 90),
        amountCents: cents('Tolleranza dei piani di rientro, importo', 100_000),
      },
      { message: 'Tolleranza dei piani di rientro: valori non validi.' },
    ),
    breachAfterMissed: whole('Rate non pagate perché il piano sia «non rispettato»', 1, 24),
    worklistContactDays: whole(
      'Da contattare: nascondere chi è stato contattato negli ultimi giorni',
      0,
      365,
    ),
    iseeThresholdCents: cents('Soglia ISEE per la morosità incolpevole', 10_000_000),
  },
  { message: 'Impostazioni della morosità non valide.' },
) satisfies z.ZodType<ArrearsSettings>;

/** One leaf value changed, by its dotted path (`risk.weights.monthsUnpaid.pointsPerMonth`). */
export const settingsChangeSchema = z.object({
  path: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
});

export const settingsHistoryEntrySchema = z.object({
  id: idSchema,
  changedAt: timestampSchema,
  operatorName: z.string().nullable(),
  changes: z.array(settingsChangeSchema),
});

export const riskSettingsOutput = z.object({
  settings: arrearsSettingsSchema,
  defaults: arrearsSettingsSchema,
  /** Null while the defaults are in force (never saved). */
  updatedAt: timestampSchema.nullable(),
  updatedBy: z.string().nullable(),
  /** The latest changes, newest first (at most 20). */
  history: z.array(settingsHistoryEntrySchema),
});

export const riskUpdateSettingsInput = z
  .object({
    settings: arrearsSettingsSchema,
    /** The updatedAt the form started from; null when it started from the defaults. */
    expectedUpdatedAt: timestampSchema.nullable(),
  })
  .strict();

// ---------- scores ----------

export const riskBandSchema = z.enum(RISK_BANDS, { message: 'Scegliere una fascia.' });
export const riskSignalSchema = z.enum(RISK_SIGNALS);

export const riskContributionSchema = z.object({
  signal: riskSignalSchema,
  points: z.number().int(),
  label: z.string(),
});

export const riskScoreSchema = z.object({
  month: z.string(),
  score: z.number().int().min(0),
  band: riskBandSchema,
  /** Each signal that scored, largest first: the "Perché" of the household page. */
  contributions: z.array(riskContributionSchema),
  computedAt: timestampSchema,
});
export type RiskScoreView = z.infer<typeof riskScoreSchema>;

export const riskTrendPointSchema = z.object({
  month: z.string(),
  score: z.number().int().min(0),
  band: riskBandSchema,
});

export const riskRecomputeOutput = z.object({ month: z.string(), households: z.number().int().min(0) });

// ---------- worklist "Da contattare" ----------

export const planStatusSchema = z.enum(PLAN_STATUSES);

export const worklistInput = z
  .object({
    page: pageFields.page,
    pageSize: pageFields.pageSize,
    /**
     * Whose list: null is one's own for an operatore, everyone's for a coordinator; a
     * coordinator may also ask for an operatore's list (the households of their buildings).
     */
    operatorId: idSchema.nullable().default(null),
    band: riskBandSchema.nullable().default(null),
  })
  .strict();

export const worklistRowSchema = z.object({
  householdId: idSchema,
  code: z.string(),
  referenceName: z.string().nullable(),
  buildingId: idSchema,
  buildingAddress: z.string(),
  unitLabel: z.string(),
  band: riskBandSchema,
  score: z.number().int(),
  /** The three largest contributions' sentences. */
  topReasons: z.array(z.string()),
  /** The latest statement's balance; null without statements. */
  balanceCents: z.number().int().nullable(),
  /** The latest intervention's date and time; null when never contacted. */
  lastContactAt: z.string().nullable(),
  /** The open repayment plan's status; null without one. */
  planStatus: planStatusSchema.nullable(),
});
export type WorklistRow = z.infer<typeof worklistRowSchema>;

export const worklistOutput = z.object({
  rows: z.array(worklistRowSchema),
  total: z.number().int().min(0),
  /** The month whose scores are listed (`YYYY-MM`). */
  month: z.string(),
  /** Households contacted within these days are not listed. */
  contactDays: z.number().int(),
});
