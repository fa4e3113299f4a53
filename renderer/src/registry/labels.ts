import type { VocabularyKind } from '../../../shared/contract';

/** Italian labels for the fixed values of the contract (the editable lists carry their own). */

export const OWNER_LABELS = {
  ALER: 'ALER',
  Comune: 'Comune',
  altro: 'Altro',
} as const;

export const HOUSEHOLD_STATUS_LABELS = {
  attivo: 'Attivo',
  trasferito: 'Trasferito',
  chiuso: 'Chiuso',
} as const;

export const REFERRAL_STATUS_LABELS = {
  inviato: 'Inviato',
  preso_in_carico: 'Preso in carico',
  concluso: 'Concluso',
  non_accolto: 'Non accolto',
} as const;

export const RELATIONSHIP_LABELS = {
  intestatario: 'Intestatario',
  'coniuge o convivente': 'Coniuge o convivente',
  'figlio/a': 'Figlio/a',
  genitore: 'Genitore',
  'fratello/sorella': 'Fratello/sorella',
  nipote: 'Nipote',
  'altro parente': 'Altro parente',
  altro: 'Altro',
} as const;

export const SEX_LABELS = { F: 'Femmina', M: 'Maschio' } as const;

/** The editable lists, in the order the "Elenchi e aree" page shows them. */
export const VOCABULARY_KIND_LABELS: Record<VocabularyKind, string> = {
  intervention_type: 'Tipi di intervento',
  channel: 'Canali',
  origin: 'Provenienze',
  topic: 'Temi',
  fragility: 'Fragilità',
  referral_service: 'Servizi di invio',
};

/** "piano terra", "piano 3", "piano -1". */
export function floorLabel(floor: number): string {
  return floor === 0 ? 'piano terra' : `piano ${floor}`;
}

/** How a unit reads to a person: "Scala A, piano 2, int. 7" (as the server writes `label`). */
export function unitLabel(unit: { staircase: string; floor: number; number: string }): string {
  const floorText = floorLabel(unit.floor);
  if (unit.staircase === '')
    return `${floorText.charAt(0).toUpperCase()}${floorText.slice(1)}, int. ${unit.number}`;
  return `Scala ${unit.staircase}, ${floorText}, int. ${unit.number}`;
}
