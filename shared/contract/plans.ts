import { z } from 'zod';
import { PLAN_STATUSES } from '../arrears/plan';
import { idSchema, timestampSchema } from './common';
import { dateSchema, expectedUpdatedAtSchema, notes } from './fields';

// ---------- repayment plans (piani di rientro) ----------

/** Why a plan was closed. `sostituito` is set only when a new plan replaces it. */
export const PLAN_CLOSE_REASONS = ['concluso', 'annullato', 'sostituito', 'decaduto'] as const;
export type PlanCloseReason = (typeof PLAN_CLOSE_REASONS)[number];

export const PLAN_CLOSE_REASON_LABELS: Record<PlanCloseReason, string> = {
  concluso: 'Concluso: debito saldato',
  annullato: 'Annullato',
  sostituito: 'Sostituito da un nuovo piano',
  decaduto: 'Decaduto: revocato dall’ente gestore',
};

/** Most installments a plan may have (ten years of monthly installments). */
export const MAX_PLAN_INSTALLMENTS = 120;
/** Largest plan total: 1.000.000,00 €. */
export const MAX_PLAN_TOTAL_CENTS = 100_000_000;

const amount = (label: string, max: number) =>
  z
    .number({ message: `${label}: inserire un importo.` })
    .int(`${label}: inserire un importo in centesimi interi.`)
    .positive(`${label}: deve essere maggiore di zero.`)
    .max(max, `${label}: importo troppo alto.`);

export const plansCreateInput = z
  .object({
    householdId: idSchema,
    totalCents: amount('Importo concordato', MAX_PLAN_TOTAL_CENTS),
    installmentCount: z
      .number({ message: 'Numero di rate: inserire un numero.' })
      .int('Numero di rate: inserire un numero intero.')
      .min(1, 'Numero di rate: almeno 1.')
      .max(MAX_PLAN_INSTALLMENTS, `Numero di rate: al massimo ${MAX_PLAN_INSTALLMENTS}.`),
    firstDueOn: dateSchema('Scadenza della prima rata'),
    everyMonths: z
      .number({ message: 'Cadenza: inserire il numero di mesi.' })
      .int('Cadenza: inserire un numero intero di mesi.')
      .min(1, 'Cadenza: almeno un mese.')
      .max(12, 'Cadenza: al massimo 12 mesi.')
      .default(1),
    notes: notes('Note', 2000).default(''),
    /** The household has an open plan: close it as "sostituito" and open this one. */
    replaceActive: z.boolean().default(false),
  })
  .strict();

export const plansRecordPaymentInput = z
  .object({
    planId: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    paidOn: dateSchema('Data del pagamento'),
    amountCents: amount('Importo pagato', MAX_PLAN_TOTAL_CENTS),
    notes: notes('Note', 500).default(''),
  })
  .strict();

export const plansRemovePaymentInput = z
  .object({ paymentId: idSchema, expectedUpdatedAt: expectedUpdatedAtSchema })
  .strict();

export const plansCloseInput = z
  .object({
    planId: idSchema,
    expectedUpdatedAt: expectedUpdatedAtSchema,
    closedOn: dateSchema('Data di chiusura'),
    reason: z.enum(['concluso', 'annullato', 'decaduto'], { message: 'Scegliere il motivo della chiusura.' }),
  })
  .strict();

export const planInstallmentSchema = z.object({
  seq: z.number().int(),
  dueOn: z.string(),
  amountCents: z.number().int(),
  /** How much of this installment the payments cover, taken in due-date order. */
  coveredCents: z.number().int(),
});

export const planPaymentSchema = z.object({
  id: idSchema,
  paidOn: z.string(),
  amountCents: z.number().int(),
  /** `manuale`: recorded by hand; `estratto`: the part paid beyond the month's due in a statement. */
  source: z.enum(['manuale', 'estratto']),
  statementPeriod: z.string().nullable(),
  notes: z.string(),
  createdAt: timestampSchema,
  createdBy: z.string().nullable(),
});

export const planSchema = z.object({
  id: idSchema,
  householdId: idSchema,
  totalCents: z.number().int(),
  installmentCount: z.number().int(),
  firstDueOn: z.string(),
  everyMonths: z.number().int(),
  notes: z.string(),
  /** Open plans: as of today; closed plans: as of the closing day. */
  status: z.enum(PLAN_STATUSES),
  expectedCents: z.number().int(),
  paidCents: z.number().int(),
  shortfallCents: z.number().int(),
  missedInstallments: z.number().int(),
  nextDue: z.object({ dueDate: z.string(), amountCents: z.number().int() }).nullable(),
  closedOn: z.string().nullable(),
  closeReason: z.enum(PLAN_CLOSE_REASONS).nullable(),
  installments: z.array(planInstallmentSchema),
  payments: z.array(planPaymentSchema),
  createdAt: timestampSchema,
  createdBy: z.string().nullable(),
  updatedAt: timestampSchema,
});
export type Plan = z.infer<typeof planSchema>;

export const planOutput = z.object({ plan: planSchema });
export const plansCreateOutput = z.object({
  plan: planSchema,
  /** The plan closed as "sostituito" (or "concluso" when it was already paid), if any. */
  closedPlanId: idSchema.nullable(),
});
