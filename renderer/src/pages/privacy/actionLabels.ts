/** Italian names of the actions in the access log; unknown actions show their code. */
const LABELS: Record<string, string> = {
  'households.open': 'Apertura scheda nucleo',
  'households.create': 'Nuovo nucleo',
  'households.update': 'Modifica nucleo',
  'households.move': 'Trasferimento nucleo',
  'members.create': 'Nuovo componente',
  'members.update': 'Modifica componente',
  'intervention.open': 'Apertura intervento',
  'interventions.create': 'Nuovo intervento',
  'interventions.update': 'Modifica intervento',
  'arrearsPanel.open': 'Consultazione morosità',
  'meetings.open': 'Apertura riunione d’équipe',
  'session.login': 'Accesso',
  'session.logout': 'Uscita',
  'session.lock': 'Blocco',
  'session.autolock': 'Blocco automatico',
  'session.end': 'Chiusura dell’app',
  'session.switch': 'Cambio operatore',
  'session.login_failed': 'Accesso non riuscito',
  'session.recover_failed': 'Recupero non riuscito',
  'session.recover': 'Recupero con la chiave',
  'audit.export': 'Esportazione registro accessi',
  'audit.verify': 'Verifica integrità registro',
  'privacy.exportPerson': 'Esportazione dati della persona (art. 15)',
  'privacy.setNotice': 'Informativa privacy',
  'privacy.anonymise': 'Anonimizzazione nucleo',
  'privacy.updateSettings': 'Impostazioni privacy',
};

export function actionLabel(action: string): string {
  return LABELS[action] ?? action;
}

const RECORD_LABELS: Record<string, string> = {
  activity: 'Attività',
  activity_type: 'Tipo di attività',
  area: 'Area',
  arrears_import: 'Importazione estratto',
  arrears_profile: 'Profilo di importazione',
  backup: 'Backup',
  building: 'Caseggiato',
  data_folder: 'Cartella dei dati',
  export_register: 'Esportazione',
  followup: 'Promemoria',
  household: 'Nucleo',
  incolpevole_cause: 'Morosità incolpevole',
  intervention: 'Intervento',
  keyring: 'Chiavi di accesso',
  letter: 'Lettera',
  letter_batch: 'Invio di lettere',
  letter_letterhead: 'Carta intestata',
  letter_template: 'Modello di lettera',
  meeting: 'Riunione d’équipe',
  member: 'Componente',
  operator: 'Operatore',
  plan_payment: 'Pagamento del piano',
  referral: 'Invio ai servizi',
  repayment_plan: 'Piano di rientro',
  resident_group: 'Gruppo di residenti',
  settings: 'Impostazioni',
  settings_history: 'Impostazioni',
  unit: 'Alloggio',
  vocabulary: 'Elenchi',
};

/** The record an entry is about, in Italian: «Nucleo 12». */
export function recordLabel(recordType: string | null, recordId: string | null): string {
  if (!recordType) return '';
  return `${RECORD_LABELS[recordType] ?? recordType} ${recordId ?? ''}`.trim();
}
