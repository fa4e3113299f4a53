import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  computeRisk,
  DEFAULT_RISK_SETTINGS,
  LEGAL_STAGES,
  RISK_BAND_LABELS,
  RISK_SIGNAL_LABELS,
  RISK_SIGNALS,
  riskBand,
  riskScore,
  riskSettingsSchema,
} from '../../shared/risk/score';
import type { RiskInput, RiskSettings, RiskSignal } from '../../shared/risk/score';

/** Intl puts a no-break space before the euro sign; the expectations are written with plain spaces. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const RENT = 30_000; // 300,00 € a month

/** In arrears by one cent and nothing else: every signal at zero. */
const QUIET: RiskInput = {
  balanceCents: 1,
  monthlyRentCents: RENT,
  consecutiveMonthsUnpaid: 0,
  balanceThreeMonthsAgoCents: null,
  daysSinceLastPayment: null,
  missedInstallments: 0,
  legalStage: null,
  lifeEventInLast12Months: false,
  fragilityCount: 0,
  daysSinceLastContact: 10,
};

/** A deep copy of the defaults with some fields changed. */
function settingsWith(change: (s: RiskSettings) => void): RiskSettings {
  const copy = structuredClone(DEFAULT_RISK_SETTINGS);
  change(copy);
  return copy;
}

interface Row {
  name: string;
  input: Partial<RiskInput>;
  settings?: RiskSettings;
  signal: RiskSignal;
  /** The contribution's label, or null when the signal must not score. */
  label: string | null;
  points: number;
}

const ROWS: Row[] = [
  // Balance in months of rent: whole months beyond the first, 5 points each, at most 40.
  {
    name: 'balance under 2 months',
    input: { balanceCents: 59_999 },
    signal: 'balanceMonths',
    label: null,
    points: 0,
  },
  {
    name: 'balance of exactly 2 months',
    input: { balanceCents: 60_000 },
    signal: 'balanceMonths',
    label: 'Saldo pari a 2 mensilità di canone (600,00 €): +5',
    points: 5,
  },
  {
    name: 'balance shown with one decimal rounded down',
    input: { balanceCents: 104_999 },
    signal: 'balanceMonths',
    label: 'Saldo pari a 3,4 mensilità di canone (1.049,99 €): +10',
    points: 10,
  },
  {
    name: 'balance of 3,5 months',
    input: { balanceCents: 105_000 },
    signal: 'balanceMonths',
    label: 'Saldo pari a 3,5 mensilità di canone (1.050,00 €): +10',
    points: 10,
  },
  {
    name: 'balance at the cap (9 months)',
    input: { balanceCents: 270_000 },
    signal: 'balanceMonths',
    label: 'Saldo pari a 9 mensilità di canone (2.700,00 €): +40',
    points: 40,
  },
  {
    name: 'balance beyond the cap',
    input: { balanceCents: 3_712_345 },
    signal: 'balanceMonths',
    label: 'Saldo pari a 123,7 mensilità di canone (37.123,45 €): +40',
    points: 40,
  },
  {
    name: 'balance with the rent unknown',
    input: { balanceCents: 300_000, monthlyRentCents: null },
    signal: 'balanceMonths',
    label: null,
    points: 0,
  },
  {
    name: 'balance with a rent of zero',
    input: { balanceCents: 300_000, monthlyRentCents: 0 },
    signal: 'balanceMonths',
    label: null,
    points: 0,
  },

  // Consecutive months unpaid: beyond the first, 10 points each, at most 60.
  {
    name: '1 month unpaid',
    input: { consecutiveMonthsUnpaid: 1 },
    signal: 'monthsUnpaid',
    label: null,
    points: 0,
  },
  {
    name: '2 months unpaid',
    input: { consecutiveMonthsUnpaid: 2 },
    signal: 'monthsUnpaid',
    label: '2 mensilità non pagate: +10',
    points: 10,
  },
  {
    name: '4 months unpaid',
    input: { consecutiveMonthsUnpaid: 4 },
    signal: 'monthsUnpaid',
    label: '4 mensilità non pagate: +30',
    points: 30,
  },
  {
    name: '7 months unpaid (the cap)',
    input: { consecutiveMonthsUnpaid: 7 },
    signal: 'monthsUnpaid',
    label: '7 mensilità non pagate: +60',
    points: 60,
  },
  {
    name: '15 months unpaid',
    input: { consecutiveMonthsUnpaid: 15 },
    signal: 'monthsUnpaid',
    label: '15 mensilità non pagate: +60',
    points: 60,
  },
  {
    name: '1 month unpaid without grace: singular',
    input: { consecutiveMonthsUnpaid: 1 },
    settings: settingsWith((s) => (s.weights.monthsUnpaid.graceMonths = 0)),
    signal: 'monthsUnpaid',
    label: '1 mensilità non pagata: +10',
    points: 10,
  },

  // Growth over three months: 10 points when it reaches one month of rent.
  {
    name: 'growth just under one month of rent',
    input: { balanceCents: 50_000, balanceThreeMonthsAgoCents: 20_001 },
    signal: 'balanceGrowth',
    label: null,
    points: 0,
  },
  {
    name: 'growth of exactly one month of rent',
    input: { balanceCents: 50_000, balanceThreeMonthsAgoCents: 20_000 },
    signal: 'balanceGrowth',
    label: 'Debito cresciuto di 300,00 € negli ultimi 3 mesi: +10',
    points: 10,
  },
  {
    name: 'large growth is still 10',
    input: { balanceCents: 1_200_000, balanceThreeMonthsAgoCents: 0 },
    signal: 'balanceGrowth',
    label: 'Debito cresciuto di 12.000,00 € negli ultimi 3 mesi: +10',
    points: 10,
  },
  {
    name: 'debt going down',
    input: { balanceCents: 50_000, balanceThreeMonthsAgoCents: 90_000 },
    signal: 'balanceGrowth',
    label: null,
    points: 0,
  },
  {
    name: 'no balance three months ago',
    input: { balanceCents: 90_000, balanceThreeMonthsAgoCents: null },
    signal: 'balanceGrowth',
    label: null,
    points: 0,
  },
  {
    name: 'growth with the rent unknown',
    input: { balanceCents: 90_000, balanceThreeMonthsAgoCents: 0, monthlyRentCents: null },
    signal: 'balanceGrowth',
    label: null,
    points: 0,
  },
  {
    name: 'growth threshold at half a month of rent',
    input: { balanceCents: 35_000, balanceThreeMonthsAgoCents: 20_000 },
    settings: settingsWith((s) => (s.weights.balanceGrowth.minPercentOfRent = 50)),
    signal: 'balanceGrowth',
    label: 'Debito cresciuto di 150,00 € negli ultimi 3 mesi: +10',
    points: 10,
  },

  // Days since the last payment: 5 points per full 30 days beyond 30, at most 20.
  {
    name: 'no payment known',
    input: { daysSinceLastPayment: null },
    signal: 'daysSincePayment',
    label: null,
    points: 0,
  },
  {
    name: '59 days',
    input: { daysSinceLastPayment: 59 },
    signal: 'daysSincePayment',
    label: null,
    points: 0,
  },
  {
    name: '60 days',
    input: { daysSinceLastPayment: 60 },
    signal: 'daysSincePayment',
    label: 'Nessun pagamento da 60 giorni: +5',
    points: 5,
  },
  {
    name: '89 days',
    input: { daysSinceLastPayment: 89 },
    signal: 'daysSincePayment',
    label: 'Nessun pagamento da 89 giorni: +5',
    points: 5,
  },
  {
    name: '95 days',
    input: { daysSinceLastPayment: 95 },
    signal: 'daysSincePayment',
    label: 'Nessun pagamento da 95 giorni: +10',
    points: 10,
  },
  {
    name: '150 days (the cap)',
    input: { daysSinceLastPayment: 150 },
    signal: 'daysSincePayment',
    label: 'Nessun pagamento da 150 giorni: +20',
    points: 20,
  },
  {
    name: '400 days',
    input: { daysSinceLastPayment: 400 },
    signal: 'daysSincePayment',
    label: 'Nessun pagamento da 400 giorni: +20',
    points: 20,
  },
  {
    name: '1 day with daily steps: singular',
    input: { daysSinceLastPayment: 1 },
    settings: settingsWith((s) => {
      s.weights.daysSincePayment.graceDays = 0;
      s.weights.daysSincePayment.stepDays = 1;
    }),
    signal: 'daysSincePayment',
    label: 'Nessun pagamento da 1 giorno: +5',
    points: 5,
  },

  // Missed installments: 10 each, at most 30.
  {
    name: 'no missed installment',
    input: { missedInstallments: 0 },
    signal: 'missedInstallments',
    label: null,
    points: 0,
  },
  {
    name: '1 missed installment: singular',
    input: { missedInstallments: 1 },
    signal: 'missedInstallments',
    label: '1 rata del piano non pagata: +10',
    points: 10,
  },
  {
    name: '2 missed installments',
    input: { missedInstallments: 2 },
    signal: 'missedInstallments',
    label: '2 rate del piano non pagate: +20',
    points: 20,
  },
  {
    name: '5 missed installments (capped)',
    input: { missedInstallments: 5 },
    signal: 'missedInstallments',
    label: '5 rate del piano non pagate: +30',
    points: 30,
  },

  // Legal stage: fixed points per stage.
  { name: 'no legal stage known', input: { legalStage: null }, signal: 'legalStage', label: null, points: 0 },
  {
    name: 'legal stage nessuna',
    input: { legalStage: 'nessuna' },
    signal: 'legalStage',
    label: null,
    points: 0,
  },
  {
    name: 'sollecito',
    input: { legalStage: 'sollecito' },
    signal: 'legalStage',
    label: 'Fase legale: sollecito: +5',
    points: 5,
  },
  {
    name: 'diffida',
    input: { legalStage: 'diffida' },
    signal: 'legalStage',
    label: 'Fase legale: diffida: +15',
    points: 15,
  },
  {
    name: 'decreto ingiuntivo',
    input: { legalStage: 'decreto_ingiuntivo' },
    signal: 'legalStage',
    label: 'Fase legale: decreto ingiuntivo: +25',
    points: 25,
  },
  {
    name: 'sfratto convalidato',
    input: { legalStage: 'sfratto_convalidato' },
    signal: 'legalStage',
    label: 'Fase legale: sfratto convalidato: +40',
    points: 40,
  },
  {
    name: 'esecuzione',
    input: { legalStage: 'esecuzione' },
    signal: 'legalStage',
    label: 'Fase legale: esecuzione: +50',
    points: 50,
  },

  // Life event in the last 12 months.
  {
    name: 'no life event',
    input: { lifeEventInLast12Months: false },
    signal: 'lifeEvent',
    label: null,
    points: 0,
  },
  {
    name: 'a life event',
    input: { lifeEventInLast12Months: true },
    signal: 'lifeEvent',
    label: 'Evento di vita recente (perdita del lavoro, malattia, separazione…): +10',
    points: 10,
  },

  // Fragility markers: 3 each, at most 9.
  { name: 'no fragility', input: { fragilityCount: 0 }, signal: 'fragility', label: null, points: 0 },
  {
    name: '1 fragility: singular',
    input: { fragilityCount: 1 },
    signal: 'fragility',
    label: '1 fragilità segnalata: +3',
    points: 3,
  },
  {
    name: '2 fragilities',
    input: { fragilityCount: 2 },
    signal: 'fragility',
    label: '2 fragilità segnalate: +6',
    points: 6,
  },
  {
    name: '3 fragilities (the cap)',
    input: { fragilityCount: 3 },
    signal: 'fragility',
    label: '3 fragilità segnalate: +9',
    points: 9,
  },
  {
    name: '5 fragilities',
    input: { fragilityCount: 5 },
    signal: 'fragility',
    label: '5 fragilità segnalate: +9',
    points: 9,
  },

  // No contact with the tutor for more than 60 days, or never.
  {
    name: 'contact 60 days ago',
    input: { daysSinceLastContact: 60 },
    signal: 'noContact',
    label: null,
    points: 0,
  },
  {
    name: 'contact 61 days ago',
    input: { daysSinceLastContact: 61 },
    signal: 'noContact',
    label: 'Nessun contatto con il tutor da 61 giorni: +5',
    points: 5,
  },
  {
    name: 'contact 75 days ago',
    input: { daysSinceLastContact: 75 },
    signal: 'noContact',
    label: 'Nessun contatto con il tutor da 75 giorni: +5',
    points: 5,
  },
  {
    name: 'never contacted',
    input: { daysSinceLastContact: null },
    signal: 'noContact',
    label: 'Mai contattato dal tutor: +5',
    points: 5,
  },
  {
    name: 'contact 31 days ago with a 30-day setting',
    input: { daysSinceLastContact: 31 },
    settings: settingsWith((s) => (s.noContactDays = 30)),
    signal: 'noContact',
    label: 'Nessun contatto con il tutor da 31 giorni: +5',
    points: 5,
  },
];

describe('risk score: one signal at a time', () => {
  it('scores 0 with every signal at zero', () => {
    expect(computeRisk(QUIET)).toEqual({ score: 0, band: 'basso', contributions: [] });
  });

  it.each(ROWS)('$name', ({ input, settings, signal, label, points }) => {
    const result = computeRisk({ ...QUIET, ...input }, settings);
    const mine = result.contributions.filter((c) => c.signal === signal);
    if (label === null) {
      expect(mine).toEqual([]);
    } else {
      expect(mine.map((c) => ({ ...c, label: plainSpaces(c.label) }))).toEqual([{ signal, points, label }]);
    }
    // Only the signal under test scores, so the score is its points.
    const others = result.contributions.filter((c) => c.signal !== signal);
    expect(result.score).toBe(points + others.reduce((sum, c) => sum + c.points, 0));
    expect(riskScore({ ...QUIET, ...input }, settings)).toEqual({ score: result.score, band: result.band });
  });
});

describe('risk score: households without arrears', () => {
  const troubled: Partial<RiskInput> = {
    consecutiveMonthsUnpaid: 5,
    daysSinceLastPayment: 200,
    legalStage: 'esecuzione',
    lifeEventInLast12Months: true,
    fragilityCount: 3,
    daysSinceLastContact: null,
  };

  it('score 0 on every signal when nothing is owed and no installment is missed', () => {
    for (const balanceCents of [0, -1, -50_000]) {
      expect(computeRisk({ ...QUIET, ...troubled, balanceCents })).toEqual({
        score: 0,
        band: 'basso',
        contributions: [],
      });
      expect(riskScore({ ...QUIET, ...troubled, balanceCents })).toEqual({ score: 0, band: 'basso' });
    }
  });

  it('still score when a plan installment is missed, even with the balance at zero', () => {
    const result = computeRisk({ ...QUIET, balanceCents: 0, missedInstallments: 2, fragilityCount: 1 });
    expect(result.contributions.map((c) => [c.signal, c.points])).toEqual([
      ['missedInstallments', 20],
      ['fragility', 3],
    ]);
    expect(result.score).toBe(23);
    expect(result.band).toBe('medio');
  });
});

describe('risk score: order, sum and bands', () => {
  it('lists contributions by points, ties in the fixed signal order', () => {
    const result = computeRisk({
      ...QUIET,
      balanceCents: 90_000, // 3 months → 10
      consecutiveMonthsUnpaid: 2, // 10
      balanceThreeMonthsAgoCents: 0, // growth 900 → 10
      daysSinceLastPayment: 61, // 5
      missedInstallments: 1, // 10
      legalStage: 'decreto_ingiuntivo', // 25
      lifeEventInLast12Months: true, // 10
      fragilityCount: 2, // 6
      daysSinceLastContact: null, // 5
    });
    expect(result.contributions.map((c) => `${c.signal} ${c.points}`)).toEqual([
      'legalStage 25',
      'balanceMonths 10',
      'monthsUnpaid 10',
      'balanceGrowth 10',
      'missedInstallments 10',
      'lifeEvent 10',
      'fragility 6',
      'daysSincePayment 5',
      'noContact 5',
    ]);
    expect(result.score).toBe(91);
    expect(result.band).toBe('critico');
  });

  it.each([
    [0, 'basso'],
    [19, 'basso'],
    [20, 'medio'],
    [39, 'medio'],
    [40, 'alto'],
    [79, 'alto'],
    [80, 'critico'],
    [500, 'critico'],
  ] as const)('score %i is in band %s', (score, band) => {
    expect(riskBand(score, DEFAULT_RISK_SETTINGS.bands)).toBe(band);
  });

  it('puts a household exactly on a threshold in the higher band', () => {
    // 2 months unpaid (10) + 2 months of balance (5) + 61 days without payment (5) = 20.
    const atMedio: RiskInput = {
      ...QUIET,
      balanceCents: 60_000,
      consecutiveMonthsUnpaid: 2,
      daysSinceLastPayment: 61,
    };
    expect(computeRisk(atMedio)).toMatchObject({ score: 20, band: 'medio' });
    expect(computeRisk({ ...atMedio, daysSinceLastPayment: 59 })).toMatchObject({ score: 15, band: 'basso' });
    const custom = settingsWith((s) => (s.bands = { medio: 10, alto: 15, critico: 20 }));
    expect(computeRisk(atMedio, custom)).toMatchObject({ score: 20, band: 'critico' });
    expect(computeRisk({ ...atMedio, daysSinceLastPayment: 59 }, custom)).toMatchObject({
      score: 15,
      band: 'alto',
    });
  });

  it('riskScore always agrees with computeRisk', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor((seed / 2_147_483_648) * n);
    };
    for (let i = 0; i < 2000; i += 1) {
      const input: RiskInput = {
        balanceCents: random(400_000) - 50_000,
        monthlyRentCents: random(10) === 0 ? null : 4_000 + random(50_000),
        consecutiveMonthsUnpaid: random(12),
        balanceThreeMonthsAgoCents: random(5) === 0 ? null : random(300_000),
        daysSinceLastPayment: random(8) === 0 ? null : random(400),
        missedInstallments: random(4),
        legalStage: random(3) === 0 ? null : (LEGAL_STAGES[random(LEGAL_STAGES.length)] ?? null),
        lifeEventInLast12Months: random(4) === 0,
        fragilityCount: random(5),
        daysSinceLastContact: random(10) === 0 ? null : random(150),
      };
      const full = computeRisk(input);
      expect(riskScore(input)).toEqual({ score: full.score, band: full.band });
      expect(full.score).toBe(full.contributions.reduce((sum, c) => sum + c.points, 0));
      expect(Number.isInteger(full.score)).toBe(true);
    }
  });
});

describe('risk score: realistic households land in sensible bands', () => {
  it('one month late, paid 20 days ago → basso', () => {
    const result = computeRisk({
      ...QUIET,
      balanceCents: RENT,
      consecutiveMonthsUnpaid: 1,
      balanceThreeMonthsAgoCents: 0,
      daysSinceLastPayment: 20,
      daysSinceLastContact: 40,
    });
    expect(result.contributions.map((c) => plainSpaces(c.label))).toEqual([
      'Debito cresciuto di 300,00 € negli ultimi 3 mesi: +10',
    ]);
    expect(result).toMatchObject({ score: 10, band: 'basso' });
  });

  it('three months unpaid and growing → alto', () => {
    const result = computeRisk({
      ...QUIET,
      balanceCents: 3 * RENT,
      consecutiveMonthsUnpaid: 3,
      balanceThreeMonthsAgoCents: 0,
      daysSinceLastPayment: 92,
      daysSinceLastContact: 30,
    });
    expect(result.contributions.map((c) => plainSpaces(c.label))).toEqual([
      '3 mensilità non pagate: +20',
      'Saldo pari a 3 mensilità di canone (900,00 €): +10',
      'Debito cresciuto di 900,00 € negli ultimi 3 mesi: +10',
      'Nessun pagamento da 92 giorni: +10',
    ]);
    expect(result).toMatchObject({ score: 50, band: 'alto' });
  });

  it('six months unpaid with a decreto ingiuntivo → critico', () => {
    const result = computeRisk({
      ...QUIET,
      balanceCents: 6 * RENT,
      consecutiveMonthsUnpaid: 6,
      balanceThreeMonthsAgoCents: 3 * RENT,
      daysSinceLastPayment: 185,
      legalStage: 'decreto_ingiuntivo',
    });
    expect(result).toMatchObject({ score: 50 + 25 + 25 + 10 + 20, band: 'critico' });
  });
});

describe('risk score: the settings schema', () => {
  it('accepts the defaults unchanged', () => {
    const parsed: RiskSettings = riskSettingsSchema.parse(DEFAULT_RISK_SETTINGS);
    expect(parsed).toEqual(DEFAULT_RISK_SETTINGS);
  });

  it('names every signal and band in Italian', () => {
    expect(RISK_SIGNALS).toHaveLength(9);
    expect(Object.keys(RISK_SIGNAL_LABELS)).toEqual([...RISK_SIGNALS]);
    expect(Object.values(RISK_BAND_LABELS)).toEqual(['Basso', 'Medio', 'Alto', 'Critico']);
  });

  /** Settings as a form could send them: any field may hold anything. */
  interface Editable {
    weights: Record<string, Record<string, unknown>>;
    bands: Record<string, unknown>;
    noContactDays: unknown;
  }

  /** The first issue's message and path for settings changed by `change`. */
  function refusal(change: (s: Editable) => void): { message: string; path: string } {
    const copy = structuredClone(DEFAULT_RISK_SETTINGS) as unknown as Editable;
    change(copy);
    const result = riskSettingsSchema.safeParse(copy);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    return { message: issue.message, path: issue.path.join('.') };
  }

  it.each([
    [
      'a negative weight',
      (s: Editable) => (s.weights.balanceMonths!.pointsPerMonth = -1),
      'weights.balanceMonths.pointsPerMonth',
      'Saldo in mensilità di canone, punti: non può essere negativo.',
    ],
    [
      'a fractional weight',
      (s: Editable) => (s.weights.fragility!.pointsPerMarker = 2.5),
      'weights.fragility.pointsPerMarker',
      'Fragilità segnalate, punti: inserire un numero intero.',
    ],
    [
      'a weight above 100',
      (s: Editable) => (s.weights.lifeEvent!.points = 101),
      'weights.lifeEvent.points',
      'Evento di vita negli ultimi 12 mesi, punti: al massimo 100.',
    ],
    [
      'a cap above 200',
      (s: Editable) => (s.weights.monthsUnpaid!.max = 201),
      'weights.monthsUnpaid.max',
      'Mensilità consecutive non pagate, punteggio massimo: al massimo 200.',
    ],
    [
      'a step of 0 days',
      (s: Editable) => (s.weights.daysSincePayment!.stepDays = 0),
      'weights.daysSincePayment.stepDays',
      "Giorni dall'ultimo pagamento, giorni per scaglione: almeno 1.",
    ],
    [
      'text instead of a number',
      (s: Editable) => (s.weights.noContact!.points = '5'),
      'weights.noContact.points',
      'Nessun contatto recente con il tutor, punti: inserire un numero.',
    ],
    [
      'a missing weight',
      (s: Editable) => delete s.weights.balanceGrowth!.points,
      'weights.balanceGrowth.points',
      'Crescita del debito negli ultimi 3 mesi, punti: inserire un numero.',
    ],
    [
      'a later legal stage weighing less',
      (s: Editable) => (s.weights.legalStage!.decreto_ingiuntivo = 10),
      'weights.legalStage',
      'Fase legale: ogni fase deve valere almeno quanto la precedente.',
    ],
    [
      'equal band thresholds',
      (s: Editable) => (s.bands.alto = s.bands.medio),
      'bands',
      'Le soglie devono crescere: Medio < Alto < Critico.',
    ],
    [
      'thresholds out of order',
      (s: Editable) => (s.bands = { medio: 50, alto: 40, critico: 80 }),
      'bands',
      'Le soglie devono crescere: Medio < Alto < Critico.',
    ],
    [
      'a zero threshold',
      (s: Editable) => (s.bands.medio = 0),
      'bands.medio',
      'Soglia della fascia Medio: almeno 1.',
    ],
    [
      'a no-contact period of 0 days',
      (s: Editable) => (s.noContactDays = 0),
      'noContactDays',
      'Giorni senza contatto con il tutor: almeno 1.',
    ],
    [
      'a no-contact period over a year',
      (s: Editable) => (s.noContactDays = 366),
      'noContactDays',
      'Giorni senza contatto con il tutor: al massimo 365.',
    ],
  ])('refuses %s', (_name, change, expectedPath, message) => {
    expect(refusal(change)).toEqual({ message, path: expectedPath });
  });

  it('refuses unknown fields and a missing object', () => {
    expect(riskSettingsSchema.safeParse({ ...DEFAULT_RISK_SETTINGS, extra: 1 }).success).toBe(false);
    expect(
      riskSettingsSchema.safeParse({
        ...DEFAULT_RISK_SETTINGS,
        weights: {
          ...DEFAULT_RISK_SETTINGS.weights,
          legalStage: { ...DEFAULT_RISK_SETTINGS.weights.legalStage, udienza: 5 },
        },
      }).success,
    ).toBe(false);
    expect(riskSettingsSchema.safeParse(null).error?.issues[0]?.message).toBe(
      'Impostazioni del punteggio di rischio non valide.',
    );
    const noBands = { ...DEFAULT_RISK_SETTINGS, bands: undefined };
    expect(riskSettingsSchema.safeParse(noBands).error?.issues[0]?.message).toBe(
      'Soglie delle fasce: valori non validi.',
    );
    const noLegal = {
      ...DEFAULT_RISK_SETTINGS,
      weights: { ...DEFAULT_RISK_SETTINGS.weights, legalStage: 5 },
    };
    expect(riskSettingsSchema.safeParse(noLegal).error?.issues[0]?.message).toBe(
      'Fase legale: valori non validi.',
    );
  });

  it('accepts equal weights for consecutive legal stages and zero weights', () => {
    const settings = settingsWith((s) => {
      s.weights.legalStage.sollecito = 0;
      s.weights.legalStage.diffida = 0;
      s.weights.lifeEvent.points = 0;
    });
    expect(riskSettingsSchema.parse(settings)).toEqual(settings);
  });
});

describe('docs/risk-score.md', () => {
  const doc = fs.readFileSync(path.join(import.meta.dirname, '../../docs/risk-score.md'), 'utf8');
  const blocks = (tag: string) =>
    [...doc.matchAll(new RegExp('```(?:json|text) ' + tag + '\\n([\\s\\S]*?)```', 'g'))].map(
      (m) => m[1] ?? '',
    );

  it('shows the default settings as they are in the code', () => {
    const [defaults] = blocks('risk-defaults');
    expect(JSON.parse(defaults ?? 'null')).toEqual(DEFAULT_RISK_SETTINGS);
  });

  it('computes every example as written', () => {
    const inputs = blocks('risk-input');
    const outputs = blocks('risk-output');
    expect(inputs.length).toBeGreaterThanOrEqual(5);
    expect(outputs).toHaveLength(inputs.length);
    inputs.forEach((json, i) => {
      const input = JSON.parse(json) as RiskInput;
      const result = computeRisk(input);
      const written = [
        ...result.contributions.map((c) => plainSpaces(c.label)),
        `Punteggio: ${result.score} (${RISK_BAND_LABELS[result.band]})`,
      ].join('\n');
      expect(written, `example ${i + 1}`).toBe(outputs[i]?.trimEnd());
    });
  });
});
