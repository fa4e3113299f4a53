/**
 * The layouts of the files sent to the Comune (docs/export-formats.md is generated from
 * these definitions and a test checks that it lists exactly these columns). Changing a
 * column means raising EXPORT_LAYOUT_VERSION, which every file carries in its first column.
 */

export const EXPORT_LAYOUT_VERSION = 1;

export const EXPORT_PRESETS = ['interventi', 'riepilogo_mensile', 'morosita', 'attivita'] as const;
export type ExportPreset = (typeof EXPORT_PRESETS)[number];

export const EXPORT_PRESET_LABELS: Record<ExportPreset, string> = {
  interventi: 'Interventi',
  riepilogo_mensile: 'Riepilogo mensile per caseggiato',
  morosita: 'Morosità',
  attivita: 'Attività comunitarie',
};

/**
 * How a cell is written. Text and lists are the only kinds that can start with a formula
 * character and are neutralised in the Excel format; numbers never are.
 */
export type ColumnKind =
  'testo' | 'codice' | 'elenco' | 'data' | 'intero' | 'importo' | 'percentuale' | 'si_no';

export const COLUMN_KIND_LABELS: Record<ColumnKind, string> = {
  testo: 'testo',
  codice: 'codice',
  elenco: 'elenco (valori separati da |)',
  data: 'data',
  intero: 'numero intero',
  importo: 'importo in euro (2 decimali)',
  percentuale: 'percentuale (1 decimale)',
  si_no: 'sì/no',
};

export interface ExportColumn {
  /** Header of the "tecnico" format. */
  key: string;
  /** Header of the "Excel (Italia)" format. */
  header: string;
  kind: ColumnKind;
  meaning: string;
  /** As written in the Excel format. */
  example: string;
}

const col = (
  key: string,
  header: string,
  kind: ColumnKind,
  meaning: string,
  example: string,
): ExportColumn => ({
  key,
  header,
  kind,
  meaning,
  example,
});

const VERSION_COLUMN = col(
  'versione_tracciato',
  'Versione tracciato',
  'intero',
  'Versione del tracciato del file: cambia quando cambiano le colonne.',
  String(EXPORT_LAYOUT_VERSION),
);
const BUILDING = col(
  'codice_caseggiato',
  'Codice caseggiato',
  'codice',
  'Codice del caseggiato dell’ente gestore; se manca, il codice interno C-0000 (numero progressivo).',
  'CR-0042',
);
const AREA = col('zona', 'Zona', 'testo', 'Zona (quartiere) del caseggiato.', 'Cambonino');
const HOUSEHOLD = col(
  'codice_nucleo',
  'Codice nucleo',
  'codice',
  'Codice pseudonimo del nucleo familiare (mai nomi): resta lo stesso in tutti i file.',
  'N-000123',
);
const YEAR = col('anno', 'Anno', 'intero', 'Anno del mese di riferimento.', '2026');
const MONTH = col('mese', 'Mese', 'intero', 'Mese di riferimento (1–12).', '3');

export const INTERVENTION_COLUMNS: readonly ExportColumn[] = [
  VERSION_COLUMN,
  col(
    'codice_intervento',
    'Codice intervento',
    'codice',
    'Codice dell’intervento (I- e numero progressivo).',
    'I-0012345',
  ),
  { ...HOUSEHOLD, meaning: `${HOUSEHOLD.meaning} Vuoto per un intervento sul caseggiato.` },
  BUILDING,
  AREA,
  col('data', 'Data', 'data', 'Giorno dell’intervento.', '14/03/2026'),
  col('tipo', 'Tipo', 'testo', 'Tipo di intervento (elenco modificabile dai coordinatori).', 'ascolto'),
  col('canale', 'Canale', 'testo', 'Canale del contatto.', 'sportello'),
  col('origine', 'Origine', 'testo', 'Chi ha avviato il contatto.', 'proattivo'),
  col('temi', 'Temi', 'elenco', 'Temi trattati, separati da |.', 'morosità|salute'),
  col(
    'servizio_invio',
    'Servizio di invio',
    'elenco',
    'Servizi a cui il nucleo è stato inviato con questo intervento, separati da |; vuoto se nessuno.',
    'servizi sociali',
  ),
  col(
    'stato_invio',
    'Stato invio',
    'elenco',
    'Stato di ciascun invio, nello stesso ordine: inviato, preso_in_carico, concluso, non_accolto.',
    'preso_in_carico',
  ),
  col('durata_minuti', 'Durata (minuti)', 'intero', 'Durata dell’intervento in minuti.', '30'),
  col(
    'codice_operatore',
    'Codice operatore',
    'codice',
    'Codice dell’operatore (OP- e numero progressivo), mai il nome.',
    'OP-007',
  ),
];

/** The monthly summary's fixed columns; one column per intervention type follows `interventi_totali`. */
export const SUMMARY_COLUMNS_BEFORE_TYPES: readonly ExportColumn[] = [
  VERSION_COLUMN,
  BUILDING,
  AREA,
  YEAR,
  MONTH,
  col(
    'nuclei_attivi',
    'Nuclei attivi',
    'intero',
    'Nuclei che abitavano nel caseggiato nel mese (un nucleo che ha traslocato conta dove abitava alla fine del mese, o l’ultimo giorno in cui vi abitava).',
    '48',
  ),
  col(
    'nuclei_raggiunti',
    'Nuclei raggiunti',
    'intero',
    'Nuclei diversi con almeno un intervento nel caseggiato nel mese.',
    '17',
  ),
  col(
    'interventi_totali',
    'Interventi totali',
    'intero',
    'Interventi registrati nel caseggiato nel mese.',
    '35',
  ),
];

/** Template of the per-type columns (`{tipo}` is the type's name, `{slug}` the same in snake_case). */
export const SUMMARY_TYPE_COLUMN: ExportColumn = col(
  'interventi_{slug}',
  'Interventi: {tipo}',
  'intero',
  'Una colonna per ogni tipo di intervento dell’elenco, nell’ordine dell’elenco: interventi di quel tipo nel mese.',
  '12',
);

export const SUMMARY_COLUMNS_AFTER_TYPES: readonly ExportColumn[] = [
  col(
    'invii',
    'Invii ai servizi',
    'intero',
    'Invii ai servizi fatti nel mese per i nuclei del caseggiato.',
    '3',
  ),
  col(
    'attivita',
    'Attività comunitarie',
    'intero',
    'Attività comunitarie svolte nel mese nel caseggiato (o nella sua zona).',
    '2',
  ),
  col(
    'presenze_nuclei',
    'Presenze dei nuclei',
    'intero',
    'Presenze dei nuclei del caseggiato alle attività del mese (un nucleo presente a due attività conta due volte).',
    '14',
  ),
  col(
    'nuclei_rischio_basso',
    'Nuclei rischio basso',
    'intero',
    'Nuclei del caseggiato con fascia di rischio morosità «basso» nel mese.',
    '5',
  ),
  col('nuclei_rischio_medio', 'Nuclei rischio medio', 'intero', 'Come sopra, fascia «medio».', '3'),
  col('nuclei_rischio_alto', 'Nuclei rischio alto', 'intero', 'Come sopra, fascia «alto».', '2'),
  col('nuclei_rischio_critico', 'Nuclei rischio critico', 'intero', 'Come sopra, fascia «critico».', '1'),
  col(
    'morosita_totale',
    'Morosità totale',
    'importo',
    'Somma dei saldi a debito degli alloggi del caseggiato nell’estratto del mese (i saldi a credito non la riducono).',
    '12345,67',
  ),
];

export const ARREARS_COLUMNS: readonly ExportColumn[] = [
  VERSION_COLUMN,
  HOUSEHOLD,
  BUILDING,
  AREA,
  YEAR,
  MONTH,
  col(
    'saldo',
    'Saldo',
    'importo',
    'Saldo dell’estratto del mese: positivo a debito, negativo a credito.',
    '1234,56',
  ),
  col(
    'mensilita_insolute',
    'Mensilità insolute',
    'intero',
    'Mensilità non pagate secondo l’estratto; vuoto se non indicato.',
    '4',
  ),
  col(
    'fascia_rischio',
    'Fascia di rischio',
    'testo',
    'Fascia del punteggio di rischio calcolata per il mese: basso, medio, alto, critico; vuoto se non calcolata.',
    'alto',
  ),
  col(
    'stato_piano',
    'Stato piano di rientro',
    'testo',
    'Piano di rientro in corso nel mese: in_regola, in_ritardo, non_rispettato, concluso; nel mese in cui è stato chiuso, il motivo (concluso, annullato, sostituito, decaduto); nessuno se non c’era un piano. Lo stato è quello al giorno dell’esportazione (lo storico degli stati non è conservato).',
    'in_regola',
  ),
  col(
    'fase_legale',
    'Fase legale',
    'testo',
    'Fase dell’azione legale nota per il mese (l’ultima dell’estratto fino a quel mese, o registrata a mano per quel mese o prima): nessuna, sollecito, diffida, decreto_ingiuntivo, sfratto_convalidato, esecuzione.',
    'diffida',
  ),
  col(
    'potenzialmente_eleggibile',
    'Potenzialmente eleggibile',
    'si_no',
    'Prima verifica della morosità incolpevole alla fine del mese (causa riconosciuta non successiva all’inizio della morosità e ISEE entro la soglia); la decisione spetta al Comune.',
    'sì',
  ),
];

export const ACTIVITY_COLUMNS: readonly ExportColumn[] = [
  VERSION_COLUMN,
  col(
    'codice_attivita',
    'Codice attività',
    'codice',
    'Codice dell’attività (A- e numero progressivo).',
    'A-000321',
  ),
  col(
    'codici_caseggiati',
    'Codici caseggiati',
    'elenco',
    'Caseggiati dell’attività, separati da |; per un’attività di zona, tutti i caseggiati della zona.',
    'CR-0042|CR-0043',
  ),
  col(
    'zona',
    'Zona',
    'testo',
    'Zona dell’attività (se i caseggiati sono in più zone, separate da |).',
    'Cambonino',
  ),
  col('data', 'Data', 'data', 'Giorno dell’attività.', '21/03/2026'),
  col('tipo', 'Tipo', 'testo', 'Tipo di attività.', 'laboratorio'),
  col(
    'promotore',
    'Promotore',
    'testo',
    'Chi ha promosso l’attività: tutor, gruppo (di residenti), servizi, ente_gestore, associazione.',
    'gruppo',
  ),
  col(
    'nuclei_presenti',
    'Nuclei presenti',
    'intero',
    'Nuclei residenti quel giorno nei caseggiati dell’attività e presenti.',
    '9',
  ),
  col(
    'nuclei_residenti',
    'Nuclei residenti',
    'intero',
    'Nuclei che abitavano quel giorno nei caseggiati dell’attività.',
    '60',
  ),
  col(
    'altri_partecipanti',
    'Altri partecipanti',
    'intero',
    'Ospiti e persone esterne, contati senza nome.',
    '4',
  ),
  col(
    'tasso_partecipazione',
    'Tasso di partecipazione',
    'percentuale',
    'Nuclei presenti su nuclei residenti, in percentuale; vuoto se nessun residente.',
    '15,0',
  ),
];

/** The column definitions of a preset (for the monthly summary, with the types in between). */
export function presetColumns(
  preset: ExportPreset,
  interventionTypes: readonly string[] = [],
): ExportColumn[] {
  switch (preset) {
    case 'interventi':
      return [...INTERVENTION_COLUMNS];
    case 'riepilogo_mensile':
      return [
        ...SUMMARY_COLUMNS_BEFORE_TYPES,
        ...uniqueKeys(interventionTypes.map((label) => typeColumn(label))),
        ...SUMMARY_COLUMNS_AFTER_TYPES,
      ];
    case 'morosita':
      return [...ARREARS_COLUMNS];
    case 'attivita':
      return [...ACTIVITY_COLUMNS];
  }
}

/** `Mediazione dei conflitti` → `mediazione_dei_conflitti`. */
export function snakeCase(label: string): string {
  return (
    label
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'senza_nome'
  );
}

/** Two types that fold to the same name get `_2`, `_3`… so every header stays distinct. */
function uniqueKeys(columns: ExportColumn[]): ExportColumn[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = (seen.get(c.key) ?? 0) + 1;
    seen.set(c.key, n);
    return n === 1 ? c : { ...c, key: `${c.key}_${n}`, header: `${c.header} (${n})` };
  });
}

export function typeColumn(label: string): ExportColumn {
  return {
    ...SUMMARY_TYPE_COLUMN,
    key: SUMMARY_TYPE_COLUMN.key.replace('{slug}', snakeCase(label)),
    header: SUMMARY_TYPE_COLUMN.header.replace('{tipo}', label),
  };
}
