import { z } from 'zod';
import { LEGAL_STAGES, type LegalStage } from '../arrears/values';
import { formatMoney } from '../format';

/**
 * The arrears risk score: a sum of points, one term per signal the tutor can check on the
 * household's page, each kept beside the score with an Italian sentence that shows the value.
 * No hidden model: the weights are settings a coordinator can read and change, and
 * docs/risk-score.md explains each one.
 */

// The one list of legal stages, in order, lives with the statement values.
export { LEGAL_STAGES, type LegalStage };

/** Lower case: the stage is read inside a sentence ("Fase legale: decreto ingiuntivo"). */
const LEGAL_STAGE_TEXT: Record<LegalStage, string> = {
  nessuna: 'nessuna',
  sollecito: 'sollecito',
  diffida: 'diffida',
  decreto_ingiuntivo: 'decreto ingiuntivo',
  sfratto_convalidato: 'sfratto convalidato',
  esecuzione: 'esecuzione',
};

/** The signals in their fixed order (ties in points are listed in this order). */
export const RISK_SIGNALS = [
  'balanceMonths',
  'monthsUnpaid',
  'balanceGrowth',
  'daysSincePayment',
  'missedInstallments',
  'legalStage',
  'lifeEvent',
  'fragility',
  'noContact',
] as const;
export type RiskSignal = (typeof RISK_SIGNALS)[number];

/** Names of the signals for the settings screen. */
export const RISK_SIGNAL_LABELS: Record<RiskSignal, string> = {
  balanceMonths: 'Saldo in mensilità di canone',
  monthsUnpaid: 'Mensilità consecutive non pagate',
  balanceGrowth: 'Crescita del debito negli ultimi 3 mesi',
  daysSincePayment: "Giorni dall'ultimo pagamento",
  missedInstallments: 'Rate non pagate del piano di rientro',
  legalStage: 'Fase legale',
  lifeEvent: 'Evento di vita negli ultimi 12 mesi',
  fragility: 'Fragilità segnalate',
  noContact: 'Nessun contatto recente con il tutor',
};

export const RISK_BANDS = ['basso', 'medio', 'alto', 'critico'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export const RISK_BAND_LABELS: Record<RiskBand, string> = {
  basso: 'Basso',
  medio: 'Medio',
  alto: 'Alto',
  critico: 'Critico',
};

export interface RiskInput {
  /** What the household owes today; ≤ 0 means nothing (or credit). */
  balanceCents: number;
  /** Usual monthly due; null when not known. */
  monthlyRentCents: number | null;
  consecutiveMonthsUnpaid: number;
  balanceThreeMonthsAgoCents: number | null;
  /** null = no payment known. */
  daysSinceLastPayment: number | null;
  /** Installments missed in an active repayment plan. */
  missedInstallments: number;
  legalStage: LegalStage | null;
  lifeEventInLast12Months: boolean;
  fragilityCount: number;
  /** null = never contacted. */
  daysSinceLastContact: number | null;
}

export interface RiskWeights {
  /** Months of rent owed, counted in whole months beyond the first `graceMonths`. */
  balanceMonths: { pointsPerMonth: number; graceMonths: number; max: number };
  /** Consecutive unpaid months beyond the first `graceMonths`. */
  monthsUnpaid: { pointsPerMonth: number; graceMonths: number; max: number };
  /** Flat points when the balance grew by at least `minPercentOfRent` % of a month's rent in 3 months. */
  balanceGrowth: { points: number; minPercentOfRent: number };
  /** `pointsPerStep` for every full `stepDays` without a payment beyond `graceDays`. */
  daysSincePayment: { graceDays: number; stepDays: number; pointsPerStep: number; max: number };
  missedInstallments: { pointsPerInstallment: number; max: number };
  /** Points for each legal stage; later stages never weigh less than earlier ones. */
  legalStage: Record<LegalStage, number>;
  lifeEvent: { points: number };
  fragility: { pointsPerMarker: number; max: number };
  /** Flat points when the tutor has had no contact for more than `RiskSettings.noContactDays`. */
  noContact: { points: number };
}

export interface RiskSettings {
  weights: RiskWeights;
  /** Lowest score of each band; `basso` is everything below `medio`. */
  bands: { medio: number; alto: number; critico: number };
  noContactDays: number;
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  weights: {
    balanceMonths: { pointsPerMonth: 5, graceMonths: 1, max: 40 },
    monthsUnpaid: { pointsPerMonth: 10, graceMonths: 1, max: 60 },
    balanceGrowth: { points: 10, minPercentOfRent: 100 },
    daysSincePayment: { graceDays: 30, stepDays: 30, pointsPerStep: 5, max: 20 },
    missedInstallments: { pointsPerInstallment: 10, max: 30 },
    legalStage: {
      nessuna: 0,
      sollecito: 5,
      diffida: 15,
      decreto_ingiuntivo: 25,
      sfratto_convalidato: 40,
      esecuzione: 50,
    },
    lifeEvent: { points: 10 },
    fragility: { pointsPerMarker: 3, max: 9 },
    noContact: { points: 5 },
  },
  bands: { medio: 20, alto: 40, critico: 80 },
  noContactDays: 60,
};

// ── Settings schema ──────────────────────────────────────────────────

/** A whole number in [min, max], with Italian messages naming the field. */
function whole(label: string, min: number, max: number) {
  return z
    .number({ message: `${label}: inserire un numero.` })
    .int(`${label}: inserire un numero intero.`)
    .min(min, min === 0 ? `${label}: non può essere negativo.` : `${label}: almeno ${min}.`)
    .max(max, `${label}: al massimo ${max}.`);
}

const POINTS_MAX = 100;
const CAP_MAX = 200;
const points = (label: string) => whole(`${label}, punti`, 0, POINTS_MAX);
const cap = (label: string) => whole(`${label}, punteggio massimo`, 0, CAP_MAX);

const L = RISK_SIGNAL_LABELS;

/** A group of settings: no unknown fields, an Italian message when it is missing or not an object. */
function group<Shape extends z.ZodRawShape>(label: string, shape: Shape) {
  return z.strictObject(shape, { message: `${label}: valori non validi.` });
}

/** A later legal stage (diffida after sollecito…) never weighs less than an earlier one. */
function legalStagesNonDecreasing(stages: Record<LegalStage, number>): boolean {
  for (let i = 1; i < LEGAL_STAGES.length; i += 1) {
    const [before, after] = [LEGAL_STAGES[i - 1], LEGAL_STAGES[i]];
    if (before !== undefined && after !== undefined && stages[after] < stages[before]) return false;
  }
  return true;
}

/** Settings as edited by a coordinator: whole non-negative numbers, bands strictly increasing. */
export const riskSettingsSchema = z.strictObject(
  {
    weights: group('Pesi dei segnali', {
      balanceMonths: group(L.balanceMonths, {
        pointsPerMonth: points(L.balanceMonths),
        graceMonths: whole(`${L.balanceMonths}, mesi di tolleranza`, 0, 24),
        max: cap(L.balanceMonths),
      }),
      monthsUnpaid: group(L.monthsUnpaid, {
        pointsPerMonth: points(L.monthsUnpaid),
        graceMonths: whole(`${L.monthsUnpaid}, mesi di tolleranza`, 0, 24),
        max: cap(L.monthsUnpaid),
      }),
      balanceGrowth: group(L.balanceGrowth, {
        points: points(L.balanceGrowth),
        minPercentOfRent: whole(`${L.balanceGrowth}, crescita minima in % del canone`, 0, 1200),
      }),
      daysSincePayment: group(L.daysSincePayment, {
        graceDays: whole(`${L.daysSincePayment}, giorni di tolleranza`, 0, 365),
        stepDays: whole(`${L.daysSincePayment}, giorni per scaglione`, 1, 365),
        pointsPerStep: points(L.daysSincePayment),
        max: cap(L.daysSincePayment),
      }),
      missedInstallments: group(L.missedInstallments, {
        pointsPerInstallment: points(L.missedInstallments),
        max: cap(L.missedInstallments),
      }),
      legalStage: group(L.legalStage, {
        nessuna: points(`${L.legalStage} "nessuna"`),
        sollecito: points(`${L.legalStage} "sollecito"`),
        diffida: points(`${L.legalStage} "diffida"`),
        decreto_ingiuntivo: points(`${L.legalStage} "decreto ingiuntivo"`),
        sfratto_convalidato: points(`${L.legalStage} "sfratto convalidato"`),
        esecuzione: points(`${L.legalStage} "esecuzione"`),
      }).refine(legalStagesNonDecreasing, {
        message: 'Fase legale: ogni fase deve valere almeno quanto la precedente.',
      }),
      lifeEvent: group(L.lifeEvent, { points: points(L.lifeEvent) }),
      fragility: group(L.fragility, {
        pointsPerMarker: points(L.fragility),
        max: cap(L.fragility),
      }),
      noContact: group(L.noContact, { points: points(L.noContact) }),
    }),
    bands: group('Soglie delle fasce', {
      medio: whole('Soglia della fascia Medio', 1, 1000),
      alto: whole('Soglia della fascia Alto', 1, 1000),
      critico: whole('Soglia della fascia Critico', 1, 1000),
    }).refine((b) => b.medio < b.alto && b.alto < b.critico, {
      message: 'Le soglie devono crescere: Medio < Alto < Critico.',
    }),
    noContactDays: whole('Giorni senza contatto con il tutor', 1, 365),
  },
  { message: 'Impostazioni del punteggio di rischio non valide.' },
) satisfies z.ZodType<RiskSettings>;

// ── Computation ──────────────────────────────────────────────────────

export interface RiskContribution {
  signal: RiskSignal;
  points: number;
  label: string;
}

export interface RiskResult {
  score: number;
  band: RiskBand;
  contributions: RiskContribution[];
}

/** The rent when it can be used as a unit (known and positive), else null. */
function usableRent(input: RiskInput): number | null {
  return input.monthlyRentCents !== null && input.monthlyRentCents > 0 ? input.monthlyRentCents : null;
}

const wholeNonNegative = (n: number) => Math.max(0, Math.floor(n));

/** Units beyond the grace, times the weight, capped. */
function stepped(units: number, grace: number, perUnit: number, max: number): number {
  return Math.min(max, Math.max(0, units - grace) * perUnit);
}

/**
 * Points of each signal, in the order of RISK_SIGNALS, or null for a household with nothing
 * owed. One place for the rules, shared by computeRisk and riskScore.
 */
function signalPoints(input: RiskInput, settings: RiskSettings): number[] | null {
  if (input.balanceCents <= 0 && input.missedInstallments <= 0) return null;
  const w = settings.weights;
  const rent = usableRent(input);

  let balanceMonths = 0;
  if (rent !== null && input.balanceCents > 0) {
    const months = Math.floor(input.balanceCents / rent);
    const b = w.balanceMonths;
    balanceMonths = stepped(months, b.graceMonths, b.pointsPerMonth, b.max);
  }

  const u = w.monthsUnpaid;
  const monthsUnpaid = stepped(
    wholeNonNegative(input.consecutiveMonthsUnpaid),
    u.graceMonths,
    u.pointsPerMonth,
    u.max,
  );

  let balanceGrowth = 0;
  if (rent !== null && input.balanceThreeMonthsAgoCents !== null) {
    const growth = input.balanceCents - input.balanceThreeMonthsAgoCents;
    // growth ≥ rent × pct / 100, in integers.
    if (growth > 0 && growth * 100 >= rent * w.balanceGrowth.minPercentOfRent)
      balanceGrowth = w.balanceGrowth.points;
  }

  let daysSincePayment = 0;
  if (input.daysSinceLastPayment !== null) {
    const p = w.daysSincePayment;
    const steps = Math.floor(
      Math.max(0, wholeNonNegative(input.daysSinceLastPayment) - p.graceDays) / p.stepDays,
    );
    daysSincePayment = Math.min(p.max, steps * p.pointsPerStep);
  }

  const m = w.missedInstallments;
  const missedInstallments = Math.min(
    m.max,
    wholeNonNegative(input.missedInstallments) * m.pointsPerInstallment,
  );

  const legalStage = input.legalStage === null ? 0 : w.legalStage[input.legalStage];
  const lifeEvent = input.lifeEventInLast12Months ? w.lifeEvent.points : 0;
  const fragility = Math.min(
    w.fragility.max,
    wholeNonNegative(input.fragilityCount) * w.fragility.pointsPerMarker,
  );
  const contact = input.daysSinceLastContact;
  const noContact = contact === null || contact > settings.noContactDays ? w.noContact.points : 0;

  // Same order as RISK_SIGNALS.
  return [
    balanceMonths,
    monthsUnpaid,
    balanceGrowth,
    daysSincePayment,
    missedInstallments,
    legalStage,
    lifeEvent,
    fragility,
    noContact,
  ];
}

/** Months owed with one decimal, rounded down so it never shows more than was counted: `3,5`, `2`. */
function monthsText(balanceCents: number, rentCents: number): string {
  const tenths = Math.floor((balanceCents * 10) / rentCents);
  const decimal = tenths % 10;
  return decimal === 0 ? String(tenths / 10) : `${(tenths - decimal) / 10},${decimal}`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The sentence for a signal that scored, without its points. */
function signalText(signal: RiskSignal, input: RiskInput): string {
  switch (signal) {
    case 'balanceMonths': {
      const rent = usableRent(input) ?? 1;
      return `Saldo pari a ${monthsText(input.balanceCents, rent)} mensilità di canone (${formatMoney(input.balanceCents)})`;
    }
    case 'monthsUnpaid': {
      const n = wholeNonNegative(input.consecutiveMonthsUnpaid);
      return `${n} mensilità non ${plural(n, 'pagata', 'pagate')}`;
    }
    case 'balanceGrowth': {
      const growth = input.balanceCents - (input.balanceThreeMonthsAgoCents ?? 0);
      return `Debito cresciuto di ${formatMoney(growth)} negli ultimi 3 mesi`;
    }
    case 'daysSincePayment': {
      const n = wholeNonNegative(input.daysSinceLastPayment ?? 0);
      return `Nessun pagamento da ${n} ${plural(n, 'giorno', 'giorni')}`;
    }
    case 'missedInstallments': {
      const n = wholeNonNegative(input.missedInstallments);
      return `${n} ${plural(n, 'rata del piano non pagata', 'rate del piano non pagate')}`;
    }
    case 'legalStage':
      return `Fase legale: ${LEGAL_STAGE_TEXT[input.legalStage ?? 'nessuna']}`;
    case 'lifeEvent':
      return 'Evento di vita recente (perdita del lavoro, malattia, separazione…)';
    case 'fragility': {
      const n = wholeNonNegative(input.fragilityCount);
      return `${n} ${plural(n, 'fragilità segnalata', 'fragilità segnalate')}`;
    }
    case 'noContact':
      return input.daysSinceLastContact === null
        ? 'Mai contattato dal tutor'
        : `Nessun contatto con il tutor da ${wholeNonNegative(input.daysSinceLastContact)} giorni`;
  }
}

/** The band a score falls in: a score equal to a threshold belongs to the higher band. */
export function riskBand(score: number, bands: RiskSettings['bands']): RiskBand {
  if (score >= bands.critico) return 'critico';
  if (score >= bands.alto) return 'alto';
  if (score >= bands.medio) return 'medio';
  return 'basso';
}

/**
 * Scores one household and explains the score, largest contribution first.
 * A household with nothing owed (balance ≤ 0) and no missed plan installment scores 0 on every
 * signal, fragility and contact included: the score ranks arrears risk, and fragility without
 * debt is ordinary casework, not a reason to appear in the arrears list.
 * Signals measured in months of rent (saldo, crescita del debito) score 0 when the rent is unknown.
 */
export function computeRisk(input: RiskInput, settings: RiskSettings = DEFAULT_RISK_SETTINGS): RiskResult {
  const points = signalPoints(input, settings);
  if (points === null) return { score: 0, band: 'basso', contributions: [] };
  const contributions: RiskContribution[] = [];
  let score = 0;
  for (let i = 0; i < RISK_SIGNALS.length; i += 1) {
    const signal = RISK_SIGNALS[i];
    const pts = points[i] ?? 0;
    if (signal === undefined || pts <= 0) continue;
    score += pts;
    contributions.push({ signal, points: pts, label: `${signalText(signal, input)}: +${pts}` });
  }
  // The sort is stable and the list was built in signal order, so ties keep that order.
  contributions.sort((a, b) => b.points - a.points);
  return { score, band: riskBand(score, settings.bands), contributions };
}

/**
 * Score and band only, without the sentences (formatting amounts is most of computeRisk's cost):
 * for the full recompute of every household, which stores these two and shows the sentences
 * only when one household is opened. Always equal to computeRisk's score and band.
 */
export function riskScore(
  input: RiskInput,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
): { score: number; band: RiskBand } {
  const points = signalPoints(input, settings);
  if (points === null) return { score: 0, band: 'basso' };
  let score = 0;
  for (const pts of points) if (pts > 0) score += pts;
  return { score, band: riskBand(score, settings.bands) };
}
