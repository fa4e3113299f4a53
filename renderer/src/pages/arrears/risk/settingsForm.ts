import type { FieldPath } from 'react-hook-form';
import { z } from 'zod';
import { LEGAL_STAGE_LABELS } from '../../../../../shared/arrears/values';
import { arrearsSettingsSchema, type ArrearsSettings } from '../../../../../shared/contract';
import { LEGAL_STAGES, RISK_SIGNAL_LABELS, riskSettingsSchema } from '../../../../../shared/risk/score';
import { moneyInputText } from '../../households/arrears/format';
import { moneyText } from '../../households/arrears/money';

const shape = arrearsSettingsSchema.shape;

/**
 * The settings as the form holds them: the contract's shape, with the two amounts as typed
 * text (`1.234,56`). The contract's schema checks every value; the refinement below puts the
 * two cross-field rules (growing thresholds, growing legal stages) on the field to change.
 */
export const settingsFormSchema = z
  .object({
    risk: riskSettingsSchema,
    planTolerance: z.object({
      days: shape.planTolerance.shape.days,
      amountCents: moneyText(
        'Tolleranza dei piani di rientro, importo',
        shape.planTolerance.shape.amountCents,
      ),
    }),
    breachAfterMissed: shape.breachAfterMissed,
    worklistContactDays: shape.worklistContactDays,
    iseeThresholdCents: moneyText('Soglia ISEE per la morosità incolpevole', shape.iseeThresholdCents),
  })
  .superRefine((value, ctx) => {
    const { medio, alto, critico } = value.risk.bands;
    if (alto <= medio) {
      ctx.addIssue({
        code: 'custom',
        path: ['risk', 'bands', 'alto'],
        message: `Soglia Alto: deve essere maggiore della soglia Medio (${medio}).`,
      });
    }
    if (critico <= alto) {
      ctx.addIssue({
        code: 'custom',
        path: ['risk', 'bands', 'critico'],
        message: `Soglia Critico: deve essere maggiore della soglia Alto (${alto}).`,
      });
    }
    const stages = value.risk.weights.legalStage;
    for (let i = 1; i < LEGAL_STAGES.length; i += 1) {
      const [before, after] = [LEGAL_STAGES[i - 1], LEGAL_STAGES[i]];
      if (before === undefined || after === undefined || stages[after] >= stages[before]) continue;
      ctx.addIssue({
        code: 'custom',
        path: ['risk', 'weights', 'legalStage', after],
        message: `${LEGAL_STAGE_LABELS[after]}: deve valere almeno quanto «${LEGAL_STAGE_LABELS[before]}» (${stages[before]}).`,
      });
    }
  });
export type SettingsFormInput = z.input<typeof settingsFormSchema>;
export type SettingsFormOutput = z.output<typeof settingsFormSchema>;

export function toFormValues(settings: ArrearsSettings): SettingsFormInput {
  return {
    ...settings,
    planTolerance: {
      days: settings.planTolerance.days,
      amountCents: moneyInputText(settings.planTolerance.amountCents),
    },
    iseeThresholdCents: moneyInputText(settings.iseeThresholdCents),
  };
}

export type SettingsPath = FieldPath<SettingsFormInput>;

export interface SettingField {
  path: SettingsPath;
  label: string;
  /** An amount in euro, typed as `1.234,56`. */
  money?: boolean;
  /** A longer label: a wider field. */
  wide?: boolean;
}

export interface SettingGroup {
  key: string;
  title: string;
  explanation: string;
  fields: SettingField[];
}

const L = RISK_SIGNAL_LABELS;
const max = (path: SettingsPath): SettingField => ({ path, label: 'Punteggio massimo' });

/** The signals' weights, in the order of the score's documentation. */
export const SIGNAL_GROUPS: readonly SettingGroup[] = [
  {
    key: 'balanceMonths',
    title: L.balanceMonths,
    explanation:
      'Quanto deve il nucleo, in mensilità intere del suo canone abituale, oltre le prime di tolleranza.',
    fields: [
      { path: 'risk.weights.balanceMonths.pointsPerMonth', label: 'Punti per mensilità' },
      { path: 'risk.weights.balanceMonths.graceMonths', label: 'Mensilità di tolleranza' },
      max('risk.weights.balanceMonths.max'),
    ],
  },
  {
    key: 'monthsUnpaid',
    title: L.monthsUnpaid,
    explanation: 'Mesi consecutivi senza alcun pagamento, oltre quelli di tolleranza: il segnale più forte.',
    fields: [
      { path: 'risk.weights.monthsUnpaid.pointsPerMonth', label: 'Punti per mese' },
      { path: 'risk.weights.monthsUnpaid.graceMonths', label: 'Mesi di tolleranza' },
      max('risk.weights.monthsUnpaid.max'),
    ],
  },
  {
    key: 'balanceGrowth',
    title: L.balanceGrowth,
    explanation: 'Punti fissi se in 3 mesi il debito è cresciuto almeno di questa quota del canone.',
    fields: [
      { path: 'risk.weights.balanceGrowth.points', label: 'Punti' },
      {
        path: 'risk.weights.balanceGrowth.minPercentOfRent',
        label: 'Crescita minima (% canone)',
        wide: true,
      },
    ],
  },
  {
    key: 'daysSincePayment',
    title: L.daysSincePayment,
    explanation: 'Punti per ogni scaglione di giorni senza alcun pagamento, oltre i giorni di tolleranza.',
    fields: [
      { path: 'risk.weights.daysSincePayment.graceDays', label: 'Giorni di tolleranza' },
      { path: 'risk.weights.daysSincePayment.stepDays', label: 'Giorni per scaglione' },
      { path: 'risk.weights.daysSincePayment.pointsPerStep', label: 'Punti per scaglione' },
      max('risk.weights.daysSincePayment.max'),
    ],
  },
  {
    key: 'missedInstallments',
    title: L.missedInstallments,
    explanation: 'Rate scadute e non coperte dai pagamenti nel piano di rientro aperto.',
    fields: [
      { path: 'risk.weights.missedInstallments.pointsPerInstallment', label: 'Punti per rata' },
      max('risk.weights.missedInstallments.max'),
    ],
  },
  {
    key: 'legalStage',
    title: L.legalStage,
    explanation:
      'Punti per l’ultima fase legale dell’ente gestore; una fase vale almeno quanto la precedente.',
    fields: LEGAL_STAGES.map((stage) => ({
      path: `risk.weights.legalStage.${stage}` as const,
      label: LEGAL_STAGE_LABELS[stage],
    })),
  },
  {
    key: 'lifeEvent',
    title: L.lifeEvent,
    explanation:
      'Una causa di morosità incolpevole (licenziamento, malattia, separazione…) con data negli ultimi 12 mesi.',
    fields: [{ path: 'risk.weights.lifeEvent.points', label: 'Punti' }],
  },
  {
    key: 'fragility',
    title: L.fragility,
    explanation:
      'Fragilità segnalate tra i componenti; tenute basse di proposito, per non pesare più del debito.',
    fields: [
      { path: 'risk.weights.fragility.pointsPerMarker', label: 'Punti per fragilità' },
      max('risk.weights.fragility.max'),
    ],
  },
  {
    key: 'noContact',
    title: L.noContact,
    explanation:
      'Punti fissi se il tutor non ha registrato interventi con il nucleo da più di questi giorni, o mai.',
    fields: [
      { path: 'risk.weights.noContact.points', label: 'Punti' },
      { path: 'risk.noContactDays', label: 'Dopo giorni senza contatto', wide: true },
    ],
  },
];

export const BAND_GROUP: SettingGroup = {
  key: 'bands',
  title: 'Soglie delle fasce',
  explanation:
    'Il punteggio da cui inizia ogni fascia (un punteggio pari alla soglia è nella fascia più alta); sotto la soglia Medio la fascia è Basso.',
  fields: [
    { path: 'risk.bands.medio', label: 'Medio da punti' },
    { path: 'risk.bands.alto', label: 'Alto da punti' },
    { path: 'risk.bands.critico', label: 'Critico da punti' },
  ],
};

export const OTHER_GROUPS: readonly SettingGroup[] = [
  {
    key: 'plans',
    title: 'Piani di rientro',
    explanation:
      'Una rata conta come non pagata solo dopo questi giorni dalla scadenza e se manca più di questo importo; dopo questo numero di rate non pagate il piano è «non rispettato».',
    fields: [
      { path: 'planTolerance.days', label: 'Giorni di tolleranza' },
      { path: 'planTolerance.amountCents', label: 'Importo di tolleranza (€)', money: true },
      { path: 'breachAfterMissed', label: 'Rate per «non rispettato»', wide: true },
    ],
  },
  {
    key: 'worklist',
    title: 'Da contattare',
    explanation:
      'Nella lista non compaiono i nuclei contattati (un intervento registrato) negli ultimi giorni indicati; 0 li mostra tutti.',
    fields: [{ path: 'worklistContactDays', label: 'Nascondere per giorni' }],
  },
  {
    key: 'isee',
    title: 'Morosità incolpevole',
    explanation:
      'L’ISEE massimo per segnalare un nucleo come potenzialmente eleggibile (i decreti: 26.000 €).',
    fields: [{ path: 'iseeThresholdCents', label: 'Soglia ISEE (€)', money: true }],
  },
];

/** Every field by its dotted path, to name the changes in the history. */
export const FIELD_BY_PATH: ReadonlyMap<string, { group: string; field: SettingField }> = new Map(
  [...SIGNAL_GROUPS, BAND_GROUP, ...OTHER_GROUPS].flatMap((group) =>
    group.fields.map((field) => [field.path, { group: group.title, field }] as const),
  ),
);
