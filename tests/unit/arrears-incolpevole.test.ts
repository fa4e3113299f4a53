import { describe, expect, it } from 'vitest';
import {
  assessIncolpevole,
  DEFAULT_ISEE_THRESHOLD_CENTS,
  INCOLPEVOLE_CAUSE_LABELS,
  INCOLPEVOLE_CAUSES,
} from '../../shared/arrears/incolpevole';
import type { IncolpevoleAssessment, IncolpevoleInput } from '../../shared/arrears/incolpevole';

/** Intl puts a no-break space before the euro sign; the expectations are written with plain spaces. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function assess(input: IncolpevoleInput): IncolpevoleAssessment {
  const result = assessIncolpevole(input);
  return {
    eligible: result.eligible,
    reasons: result.reasons.map(plainSpaces),
    missing: result.missing.map(plainSpaces),
    obstacles: result.obstacles.map(plainSpaces),
  };
}

/** Dismissed in February, first rent unpaid in March, a current ISEE of 12.000 €. */
const ELIGIBLE: IncolpevoleInput = {
  causes: [{ cause: 'licenziamento', eventDate: '2025-02-15' }],
  arrearsStartDate: '2025-03-01',
  isee: { valueCents: 1_200_000, date: '2025-01-20' },
  asOf: '2025-06-01',
};

const CAUSE_OK =
  "Perdita del lavoro per licenziamento: evento del 15/02/2025, non successivo all'inizio della morosità (01/03/2025).";
const ISEE_OK = 'ISEE di 12.000,00 € (del 20/01/2025) entro la soglia di 26.000,00 €.';

describe('the causes', () => {
  it('are the seven causes with Italian labels and distinct codes', () => {
    expect(INCOLPEVOLE_CAUSES.map((c) => c.code)).toEqual([
      'licenziamento',
      'riduzione_orario',
      'cassa_integrazione',
      'mancato_rinnovo',
      'cessazione_attivita',
      'malattia_infortunio_decesso',
      'rottura_nucleo',
    ]);
    expect(INCOLPEVOLE_CAUSE_LABELS.cassa_integrazione).toBe('Cassa integrazione ordinaria o straordinaria');
    expect(INCOLPEVOLE_CAUSE_LABELS.rottura_nucleo).toBe('Separazione, divorzio o fine della convivenza');
    expect(DEFAULT_ISEE_THRESHOLD_CENTS).toBe(2_600_000);
  });
});

describe('assessIncolpevole', () => {
  interface Row {
    name: string;
    input: Partial<IncolpevoleInput>;
    expected: IncolpevoleAssessment;
  }

  const ROWS: Row[] = [
    {
      name: 'a cause before the arrears and a current ISEE under the threshold',
      input: {},
      expected: { eligible: true, reasons: [CAUSE_OK, ISEE_OK], missing: [], obstacles: [] },
    },
    {
      name: 'the event on the very day the arrears began',
      input: { causes: [{ cause: 'cassa_integrazione', eventDate: '2025-03-01' }] },
      expected: {
        eligible: true,
        reasons: [
          "Cassa integrazione ordinaria o straordinaria: evento del 01/03/2025, non successivo all'inizio della morosità (01/03/2025).",
          ISEE_OK,
        ],
        missing: [],
        obstacles: [],
      },
    },
    {
      name: 'the event one day after the arrears began',
      input: { causes: [{ cause: 'licenziamento', eventDate: '2025-03-02' }] },
      expected: {
        eligible: false,
        reasons: [ISEE_OK],
        missing: [],
        obstacles: [
          "Perdita del lavoro per licenziamento: evento del 02/03/2025, successivo all'inizio della morosità (01/03/2025).",
        ],
      },
    },
    {
      name: 'one cause qualifies, another has no date: the missing date is not asked for',
      input: {
        causes: [
          { cause: 'rottura_nucleo', eventDate: null },
          { cause: 'licenziamento', eventDate: '2025-02-15' },
        ],
      },
      expected: { eligible: true, reasons: [CAUSE_OK, ISEE_OK], missing: [], obstacles: [] },
    },
    {
      name: 'no cause recorded',
      input: { causes: [] },
      expected: {
        eligible: false,
        reasons: [ISEE_OK],
        missing: ['Nessuna causa di morosità incolpevole registrata.'],
        obstacles: [],
      },
    },
    {
      name: 'the start of the arrears unknown',
      input: { arrearsStartDate: null },
      expected: {
        eligible: false,
        reasons: [ISEE_OK],
        missing: ['Manca la data di inizio della morosità.'],
        obstacles: [],
      },
    },
    {
      name: 'a cause without a date, another after the arrears',
      input: {
        causes: [
          { cause: 'mancato_rinnovo', eventDate: null },
          { cause: 'riduzione_orario', eventDate: '2025-04-01' },
        ],
      },
      expected: {
        eligible: false,
        reasons: [ISEE_OK],
        missing: ["Manca la data dell'evento: Mancato rinnovo di contratto a termine o di lavoro atipico."],
        obstacles: [
          "Riduzione consistente dell'orario di lavoro (accordi aziendali o sindacali): evento del 01/04/2025, successivo all'inizio della morosità (01/03/2025).",
        ],
      },
    },
    {
      name: 'an event dated in the future',
      input: {
        causes: [{ cause: 'cessazione_attivita', eventDate: '2025-07-01' }],
        arrearsStartDate: '2025-08-01',
      },
      expected: {
        eligible: false,
        reasons: [ISEE_OK],
        missing: [
          "Data dell'evento nel futuro (01/07/2025): Cessazione di attività libero-professionale o d'impresa.",
        ],
        obstacles: [],
      },
    },
    {
      name: 'no ISEE',
      input: { isee: null },
      expected: { eligible: false, reasons: [CAUSE_OK], missing: ["Manca l'ISEE."], obstacles: [] },
    },
    {
      name: 'an ISEE exactly at the threshold ("non superiore")',
      input: { isee: { valueCents: 2_600_000, date: '2025-01-20' } },
      expected: {
        eligible: true,
        reasons: [CAUSE_OK, 'ISEE di 26.000,00 € (del 20/01/2025) entro la soglia di 26.000,00 €.'],
        missing: [],
        obstacles: [],
      },
    },
    {
      name: 'an ISEE one cent above the threshold',
      input: { isee: { valueCents: 2_600_001, date: '2025-01-20' } },
      expected: {
        eligible: false,
        reasons: [CAUSE_OK],
        missing: [],
        obstacles: ['ISEE di 26.000,01 € superiore alla soglia di 26.000,00 €.'],
      },
    },
    {
      name: 'a higher threshold set by the Comune',
      input: { isee: { valueCents: 2_900_000, date: '2025-01-20' }, thresholdCents: 3_000_000 },
      expected: {
        eligible: true,
        reasons: [CAUSE_OK, 'ISEE di 29.000,00 € (del 20/01/2025) entro la soglia di 30.000,00 €.'],
        missing: [],
        obstacles: [],
      },
    },
    {
      name: 'an ISEE of exactly 12 months ago',
      input: { isee: { valueCents: 1_200_000, date: '2024-06-01' } },
      expected: {
        eligible: true,
        reasons: [CAUSE_OK, 'ISEE di 12.000,00 € (del 01/06/2024) entro la soglia di 26.000,00 €.'],
        missing: [],
        obstacles: [],
      },
    },
    {
      name: 'an ISEE one day older than 12 months',
      input: { isee: { valueCents: 1_200_000, date: '2024-05-31' } },
      expected: {
        eligible: false,
        reasons: [CAUSE_OK],
        missing: ['ISEE più vecchio di 12 mesi (del 31/05/2024): serve un ISEE aggiornato.'],
        obstacles: [],
      },
    },
    {
      name: 'an ISEE dated in the future',
      input: { isee: { valueCents: 1_200_000, date: '2025-06-02' } },
      expected: {
        eligible: false,
        reasons: [CAUSE_OK],
        missing: ["Data dell'ISEE nel futuro (02/06/2025): correggerla."],
        obstacles: [],
      },
    },
    {
      name: 'nothing recorded at all',
      input: { causes: [], arrearsStartDate: null, isee: null },
      expected: {
        eligible: false,
        reasons: [],
        missing: ['Nessuna causa di morosità incolpevole registrata.', "Manca l'ISEE."],
        obstacles: [],
      },
    },
  ];

  it.each(ROWS)('$name', ({ input, expected }) => {
    expect(assess({ ...ELIGIBLE, ...input })).toEqual(expected);
  });

  it('counts 12 months back to the end of February in leap years', () => {
    const isee = (date: string, asOf: string) =>
      assessIncolpevole({
        ...ELIGIBLE,
        arrearsStartDate: '2023-01-01',
        causes: [{ cause: 'licenziamento', eventDate: '2022-12-01' }],
        isee: { valueCents: 1_000_000, date },
        asOf,
      }).eligible;
    // 29/02/2024 − 12 months = 28/02/2023.
    expect(isee('2023-02-28', '2024-02-29')).toBe(true);
    expect(isee('2023-02-27', '2024-02-29')).toBe(false);
    // 28/02/2025 − 12 months = 28/02/2024: the 29th of 2024 is newer, the 27th older.
    expect(isee('2024-02-28', '2025-02-28')).toBe(true);
    expect(isee('2024-02-27', '2025-02-28')).toBe(false);
  });

  it('accepts an event long before the arrears (the office checks it against the lease)', () => {
    const result = assessIncolpevole({
      ...ELIGIBLE,
      causes: [{ cause: 'malattia_infortunio_decesso', eventDate: '2019-05-10' }],
    });
    expect(result.eligible).toBe(true);
  });
});
