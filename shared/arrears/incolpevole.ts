import { formatDate, formatMoney } from '../format';
import { addMonths } from './plan';

/**
 * Morosità incolpevole: arrears caused by a loss or a large drop of the household's income that
 * the household did not choose (D.L. 102/2013, art. 6 c. 5; D.M. 14 maggio 2014 and
 * D.M. 30 marzo 2016). The check here is a first screening for the tutor, who then helps the
 * household apply to the Comune's call: the call's own rules (lease registered, residence,
 * rent-to-income ratio, eviction stage) are checked by the office, not here.
 */

/**
 * The causes. The first six are the decrees' list; the break-up of the household is not in
 * the decrees but many regional and municipal calls accept it, and the program asked for it.
 */
export const INCOLPEVOLE_CAUSES = [
  { code: 'licenziamento', label: 'Perdita del lavoro per licenziamento' },
  {
    code: 'riduzione_orario',
    label: "Riduzione consistente dell'orario di lavoro (accordi aziendali o sindacali)",
  },
  { code: 'cassa_integrazione', label: 'Cassa integrazione ordinaria o straordinaria' },
  { code: 'mancato_rinnovo', label: 'Mancato rinnovo di contratto a termine o di lavoro atipico' },
  { code: 'cessazione_attivita', label: "Cessazione di attività libero-professionale o d'impresa" },
  {
    code: 'malattia_infortunio_decesso',
    label:
      'Malattia grave, infortunio o decesso di un componente del nucleo (con calo del reddito o rilevanti spese mediche)',
  },
  { code: 'rottura_nucleo', label: 'Separazione, divorzio o fine della convivenza' },
] as const;

export type IncolpevoleCause = (typeof INCOLPEVOLE_CAUSES)[number]['code'];

export const INCOLPEVOLE_CAUSE_LABELS = Object.fromEntries(
  INCOLPEVOLE_CAUSES.map((c) => [c.code, c.label]),
) as Record<IncolpevoleCause, string>;

/** ISEE ceiling of the decrees: "non superiore a 26.000 euro". */
export const DEFAULT_ISEE_THRESHOLD_CENTS = 2_600_000;

/** An ISEE older than this is not accepted as current. */
export const ISEE_VALID_MONTHS = 12;

export interface IncolpevoleInput {
  causes: readonly { cause: IncolpevoleCause; eventDate: string | null }[];
  /** First month left unpaid (its due date); null when not known. */
  arrearsStartDate: string | null;
  isee: { valueCents: number; date: string } | null;
  thresholdCents?: number;
  asOf: string;
}

export interface IncolpevoleAssessment {
  eligible: boolean;
  /** Requirements met, in Italian. */
  reasons: string[];
  /** What is missing to decide, in Italian. */
  missing: string[];
  /** Requirements known not to be met, in Italian. */
  obstacles: string[];
}

/**
 * First screening for morosità incolpevole: eligible when a recognised cause happened on or
 * before the day the arrears began (and not after `asOf`), and the household has an ISEE not
 * older than 12 months and not above the threshold (≤, as the decrees say "non superiore").
 *
 * The cause must precede or coincide with the arrears because it must be what made the rent
 * unpayable: the decree speaks of a "sopravvenuta impossibilità" due to the loss of income, and
 * the municipal calls read it as "the cause came before the first unpaid rent" (a dismissal
 * letter in May, the first unpaid rent in June). A cause *recorded* by the tutor after the
 * arrears began is the normal case and is fine: what counts is the date of the event.
 * Events long before the arrears are accepted; the office checks them against the lease date.
 *
 * `missing` lists only what would change the answer: when one cause already qualifies, other
 * causes without a date are not reported.
 */
export function assessIncolpevole({
  causes,
  arrearsStartDate,
  isee,
  thresholdCents = DEFAULT_ISEE_THRESHOLD_CENTS,
  asOf,
}: IncolpevoleInput): IncolpevoleAssessment {
  const reasons: string[] = [];
  const missing: string[] = [];
  const obstacles: string[] = [];

  // The cause.
  let causeMet = false;
  if (causes.length === 0) {
    missing.push('Nessuna causa di morosità incolpevole registrata.');
  } else if (arrearsStartDate === null) {
    missing.push('Manca la data di inizio della morosità.');
  } else {
    const start = arrearsStartDate;
    const qualifying = causes.find(
      (c) => c.eventDate !== null && c.eventDate <= start && c.eventDate <= asOf,
    );
    if (qualifying?.eventDate) {
      causeMet = true;
      reasons.push(
        `${INCOLPEVOLE_CAUSE_LABELS[qualifying.cause]}: evento del ${formatDate(qualifying.eventDate)}, ` +
          `non successivo all'inizio della morosità (${formatDate(start)}).`,
      );
    } else {
      for (const c of causes) {
        const label = INCOLPEVOLE_CAUSE_LABELS[c.cause];
        if (c.eventDate === null) missing.push(`Manca la data dell'evento: ${label}.`);
        else if (c.eventDate > asOf)
          missing.push(`Data dell'evento nel futuro (${formatDate(c.eventDate)}): ${label}.`);
        else {
          obstacles.push(
            `${label}: evento del ${formatDate(c.eventDate)}, successivo all'inizio della morosità (${formatDate(start)}).`,
          );
        }
      }
    }
  }

  // The ISEE.
  let iseeMet = false;
  const threshold = formatMoney(thresholdCents);
  if (isee === null) {
    missing.push("Manca l'ISEE.");
  } else if (isee.date > asOf) {
    missing.push(`Data dell'ISEE nel futuro (${formatDate(isee.date)}): correggerla.`);
  } else if (isee.date < addMonths(asOf, -ISEE_VALID_MONTHS)) {
    missing.push(`ISEE più vecchio di 12 mesi (del ${formatDate(isee.date)}): serve un ISEE aggiornato.`);
  } else if (isee.valueCents > thresholdCents) {
    obstacles.push(`ISEE di ${formatMoney(isee.valueCents)} superiore alla soglia di ${threshold}.`);
  } else {
    iseeMet = true;
    reasons.push(
      `ISEE di ${formatMoney(isee.valueCents)} (del ${formatDate(isee.date)}) entro la soglia di ${threshold}.`,
    );
  }

  return { eligible: causeMet && iseeMet, reasons, missing, obstacles };
}
