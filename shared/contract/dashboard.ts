import { z } from 'zod';
import { idSchema, call } from './common';
import { expectedUpdatedAtSchema } from './fields';
import { riskBandSchema } from './risk';

// ---------- dashboard (cruscotto): aggregates per period, area, building, operator ----------

/** A calendar month, `YYYY-MM`. */
export const monthSchema = (label: string) =>
  z
    .string({ message: `${label}: indicare un mese.` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}: indicare un mese valido (aaaa-mm).`);

/** At most five years in one view: the data set keeps five years of statements. */
export const DASHBOARD_MAX_MONTHS = 60;

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

const filterFields = {
  areaId: idSchema.nullable().default(null),
  buildingId: idSchema.nullable().default(null),
  /** The buildings assigned to this operator (tutor). */
  operatorId: idSchema.nullable().default(null),
  /** First and last month of the period, inclusive; null = this month. */
  from: monthSchema('Inizio del periodo').nullable().default(null),
  to: monthSchema('Fine del periodo').nullable().default(null),
};

const periodCheck = (value: { from: string | null; to: string | null }, ctx: z.RefinementCtx) => {
  if (value.from === null || value.to === null) return;
  if (value.from > value.to) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'Periodo: la fine non può precedere l’inizio.',
    });
  } else if (monthsBetween(value.from, value.to) > DASHBOARD_MAX_MONTHS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `Periodo: al massimo ${DASHBOARD_MAX_MONTHS} mesi.`,
    });
  }
};

export const dashboardFiltersInput = z.object(filterFields).strict().superRefine(periodCheck);
export type DashboardFilters = z.input<typeof dashboardFiltersInput>;

export const dashboardBuildingInput = z
  .object({
    buildingId: idSchema,
    /** Last month shown; null = this month. */
    to: monthSchema('Ultimo mese').nullable().default(null),
    /** How many months back, 12 to 24. */
    months: z
      .number({ message: 'Mesi: inserire un numero.' })
      .int('Mesi: inserire un numero intero.')
      .min(12, 'Mesi: almeno 12.')
      .max(24, 'Mesi: al massimo 24.')
      .default(24),
  })
  .strict();

const count = z.number().int().min(0);
const bandCounts = z.object({ basso: count, medio: count, alto: count, critico: count });
export type BandCounts = z.infer<typeof bandCounts>;

const periodSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The period of the same length just before. */
  previousFrom: z.string(),
  previousTo: z.string(),
  /** Today on the app's calendar, `YYYY-MM-DD`. */
  today: z.string(),
});

/** Total arrears of one month; null when no statement of that month exists in scope (a gap, not zero). */
export const arrearsPointSchema = z.object({
  month: z.string(),
  totalCents: z.number().int().nullable(),
  /** Units with a statement that month. */
  units: count,
});
export type ArrearsPoint = z.infer<typeof arrearsPointSchema>;

export const dashboardOverviewOutput = z.object({
  period: periodSchema,
  buildings: count,
  /** Active households living now in the buildings in scope. */
  householdsFollowed: count,
  interventions: z.object({ current: count, previous: count }),
  arrears: z.object({
    /** The latest month with statements up to the period's end (looking back 12 months at least); null when none. */
    month: z.string().nullable(),
    totalCents: z.number().int().nullable(),
    /** Twelve months ending with the period's last month. */
    trend: z.array(arrearsPointSchema),
  }),
  bands: z.object({
    /** The period's last month, and the one before it. */
    month: z.string(),
    previousMonth: z.string(),
    counts: bandCounts,
    /** Households in a worse band than in the month before. */
    movedUp: count,
  }),
  activities: z.object({
    count,
    /** Ticks: households present, one per activity. */
    attendances: count,
    /** Different households present at least once. */
    households: count,
    guests: count,
  }),
  followups: z.object({ open: count, overdue: count }),
});
export type DashboardOverview = z.infer<typeof dashboardOverviewOutput>;

export const ATTENTION_REASONS = ['rischio_in_crescita', 'nessuna_assemblea', 'nessuna_visita'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

export const dashboardBuildingRowSchema = z.object({
  buildingId: idSchema,
  address: z.string(),
  city: z.string(),
  areaName: z.string(),
  households: count,
  units: count,
  /** Arrears of the latest month with statements up to the period's end (as the overview). */
  arrearsCents: z.number().int().nullable(),
  arrearsPerUnitCents: z.number().int().nullable(),
  /** Households alto + critico in the period's last month, and in the month before. */
  highRisk: count,
  highRiskPrevious: count,
  interventions: count,
  activities: count,
  /** Different households present at an activity of the period / households followed; null without either. */
  participationRate: z.number().nullable(),
  lastMeetingOn: z.string().nullable(),
  lastVisitOn: z.string().nullable(),
  daysSinceVisit: z.number().int().nullable(),
  attention: z.array(z.enum(ATTENTION_REASONS)),
});
export type DashboardBuildingRow = z.infer<typeof dashboardBuildingRowSchema>;

export const dashboardSettingsSchema = z.strictObject(
  {
    /** "No visit" when the building's latest intervention is older than these days. */
    visitDays: z
      .number({ message: 'Giorni senza visita: inserire un numero.' })
      .int('Giorni senza visita: inserire un numero intero.')
      .min(1, 'Giorni senza visita: almeno 1.')
      .max(365, 'Giorni senza visita: al massimo 365.'),
    /** "No meeting" when the latest building meeting is older than these days. */
    meetingDays: z
      .number({ message: 'Giorni senza assemblea: inserire un numero.' })
      .int('Giorni senza assemblea: inserire un numero intero.')
      .min(1, 'Giorni senza assemblea: almeno 1.')
      .max(730, 'Giorni senza assemblea: al massimo 730.'),
    /** "Risk growing" when alto + critico grew by at least this many households since the month before. */
    riskGrowth: z
      .number({ message: 'Crescita del rischio: inserire un numero.' })
      .int('Crescita del rischio: inserire un numero intero.')
      .min(1, 'Crescita del rischio: almeno 1.')
      .max(100, 'Crescita del rischio: al massimo 100.'),
  },
  { message: 'Impostazioni del cruscotto non valide.' },
);
export type DashboardSettings = z.infer<typeof dashboardSettingsSchema>;
export const DEFAULT_DASHBOARD_SETTINGS: DashboardSettings = {
  visitDays: 30,
  meetingDays: 90,
  riskGrowth: 1,
};

export const dashboardSettingsOutput = z.object({
  settings: dashboardSettingsSchema,
  defaults: dashboardSettingsSchema,
  updatedAt: z.string().nullable(),
});

export const dashboardBuildingsOutput = z.object({
  period: periodSchema,
  month: z.string(),
  settings: dashboardSettingsSchema,
  rows: z.array(dashboardBuildingRowSchema),
});

export const dashboardBuildingOutput = z.object({
  building: z.object({ id: idSchema, address: z.string(), city: z.string(), areaName: z.string() }),
  months: z.array(z.string()),
  bands: z.array(z.object({ month: z.string() }).extend(bandCounts.shape)),
  arrears: z.array(arrearsPointSchema),
  interventionsByType: z.array(z.object({ id: idSchema, label: z.string(), count })),
  interventionsByTopic: z.array(z.object({ id: idSchema, label: z.string(), count })),
  activities: z.array(z.object({ month: z.string(), activities: count, attendances: count, guests: count })),
  highRisk: z.array(
    z.object({
      householdId: idSchema,
      code: z.string(),
      referenceName: z.string().nullable(),
      band: riskBandSchema,
      score: z.number(),
      reasons: z.array(z.string()),
    }),
  ),
  groups: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      status: z.enum(['attivo', 'sospeso', 'concluso']),
      startedOn: z.string(),
      referents: count,
      activities: count,
    }),
  ),
});
export type DashboardBuilding = z.infer<typeof dashboardBuildingOutput>;

export const dashboardCalls = {
  'dashboard.overview': call({
    input: dashboardFiltersInput,
    output: dashboardOverviewOutput,
    access: 'operatore',
    writes: false,
    description:
      'Cruscotto: nuclei seguiti, interventi, morosità e andamento, fasce di rischio, attività e promemoria, per periodo, area, caseggiato e operatore (un operatore vede solo i propri caseggiati).',
  }),
  'dashboard.buildings': call({
    input: dashboardFiltersInput,
    output: dashboardBuildingsOutput,
    access: 'operatore',
    writes: false,
    description:
      'Cruscotto: per caseggiato nuclei, morosità per alloggio, nuclei alto+critico, interventi, attività e partecipazione, ultima assemblea, ultima visita, segnali di attenzione.',
  }),
  'dashboard.building': call({
    input: dashboardBuildingInput,
    output: dashboardBuildingOutput,
    access: 'operatore',
    writes: false,
    description:
      'Cruscotto di un caseggiato su 12–24 mesi: fasce di rischio, morosità, interventi per tipo e tema, attività, nuclei a rischio alto e critico, gruppi.',
  }),
  'dashboard.settings': call({
    input: z.object({}).strict(),
    output: dashboardSettingsOutput,
    access: 'operatore',
    writes: false,
    description:
      'Soglie dei «caseggiati da seguire»: giorni senza visita, senza assemblea, crescita del rischio.',
  }),
  'dashboard.updateSettings': call({
    input: z
      .object({ expectedUpdatedAt: expectedUpdatedAtSchema.nullable(), settings: dashboardSettingsSchema })
      .strict(),
    output: dashboardSettingsOutput,
    access: 'coordinatore',
    writes: true,
    description: 'Cambia le soglie dei «caseggiati da seguire».',
  }),
};
