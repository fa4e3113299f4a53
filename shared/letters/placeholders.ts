/**
 * Placeholders of letter templates: `{{destinatario.nome}}` in the template text is replaced,
 * when a letter is issued, by the value for that household, always as plain text.
 */

export type PlaceholderGroup = 'destinatario' | 'alloggio' | 'ufficio' | 'morosita' | 'incontro' | 'lettera';

export interface PlaceholderDef {
  key: string;
  label: string;
  group: PlaceholderGroup;
  /** Given once for the whole batch when issuing (meeting date, place…), not read from the registry. */
  batch?: true;
}

export const PLACEHOLDER_GROUP_LABELS: Record<PlaceholderGroup, string> = {
  destinatario: 'Destinatario',
  alloggio: 'Alloggio e caseggiato',
  ufficio: 'Cooperativa e sportello',
  morosita: 'Morosità e piano di rientro',
  incontro: 'Incontro',
  lettera: 'Lettera',
};

export const PLACEHOLDERS: readonly PlaceholderDef[] = [
  { key: 'destinatario.nome', label: 'Nome e cognome del destinatario', group: 'destinatario' },
  { key: 'destinatario.saluto', label: 'Saluto (Gentile Sig./Gentile Sig.ra)', group: 'destinatario' },
  { key: 'intestatario.nome', label: 'Intestatario del nucleo', group: 'destinatario' },
  { key: 'nucleo.codice', label: 'Codice del nucleo', group: 'destinatario' },
  { key: 'indirizzo', label: 'Indirizzo completo', group: 'alloggio' },
  { key: 'alloggio.scala', label: 'Scala', group: 'alloggio' },
  { key: 'alloggio.piano', label: 'Piano', group: 'alloggio' },
  { key: 'alloggio.interno', label: 'Interno', group: 'alloggio' },
  { key: 'caseggiato.indirizzo', label: 'Caseggiato', group: 'alloggio' },
  { key: 'data.oggi', label: 'Data di oggi', group: 'lettera' },
  { key: 'lettera.protocollo', label: 'Numero di protocollo', group: 'lettera' },
  { key: 'operatore.nome', label: 'Nome dell’operatore', group: 'ufficio' },
  { key: 'cooperativa.nome', label: 'Nome della cooperativa', group: 'ufficio' },
  { key: 'cooperativa.indirizzo', label: 'Indirizzo della cooperativa', group: 'ufficio' },
  { key: 'cooperativa.telefono', label: 'Telefono della cooperativa', group: 'ufficio' },
  { key: 'cooperativa.email', label: 'E-mail della cooperativa', group: 'ufficio' },
  { key: 'sportello.orari', label: 'Orari dello sportello', group: 'ufficio' },
  { key: 'morosita.saldo', label: 'Saldo della morosità', group: 'morosita' },
  { key: 'morosita.mesi', label: 'Mesi di morosità', group: 'morosita' },
  { key: 'piano.prossima_rata_data', label: 'Data della prossima rata', group: 'morosita' },
  { key: 'piano.prossima_rata_importo', label: 'Importo della prossima rata', group: 'morosita' },
  { key: 'incontro.data', label: 'Data dell’incontro', group: 'incontro', batch: true },
  { key: 'incontro.ora', label: 'Ora dell’incontro', group: 'incontro', batch: true },
  { key: 'incontro.luogo', label: 'Luogo dell’incontro', group: 'incontro', batch: true },
  { key: 'incontro.ordine_del_giorno', label: 'Ordine del giorno', group: 'incontro', batch: true },
];

const BY_KEY = new Map(PLACEHOLDERS.map((p) => [p.key, p]));

export function placeholderDef(key: string): PlaceholderDef | undefined {
  return BY_KEY.get(key);
}

/** The keys given once per batch (the meeting's date, time, place and agenda). */
export const BATCH_KEYS = PLACEHOLDERS.filter((p) => p.batch).map((p) => p.key);

/** `{{ key }}`: letters, digits, dot and underscore, spaces allowed inside the braces. */
const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** A piece of template text: literal text, or a placeholder by key. */
export type Segment = { text: string } | { key: string };

/** Splits template text into literal text and placeholders (known or not). */
export function splitPlaceholders(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index;
    if (at > last) segments.push({ text: text.slice(last, at) });
    segments.push({ key: match[1] ?? '' });
    last = at + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** Every placeholder key in the text, in order of appearance, without repeats. */
export function placeholderKeys(text: string): string[] {
  const keys = splitPlaceholders(text).flatMap((s) => ('key' in s ? [s.key] : []));
  return [...new Set(keys)];
}

/**
 * Checks the placeholders of a template's texts. Returns an Italian message naming the
 * unknown ones (or saying one is not closed), or null when every placeholder is known.
 */
export function placeholdersProblem(texts: readonly string[]): string | null {
  const unclosed = texts.some((text) => /\{\{|\}\}/.test(text.replace(TOKEN, '')));
  if (unclosed) return 'Un segnaposto non è chiuso: scrivere {{ e }} intorno al nome, o sceglierlo dal menu.';
  const unknown = [...new Set(texts.flatMap(placeholderKeys))].filter((key) => !BY_KEY.has(key));
  if (unknown.length === 0) return null;
  const names = unknown.map((key) => `{{${key}}}`).join(', ');
  return unknown.length === 1
    ? `Segnaposto sconosciuto: ${names}. Sceglierlo dal menu «Inserisci segnaposto».`
    : `Segnaposto sconosciuti: ${names}. Sceglierli dal menu «Inserisci segnaposto».`;
}
