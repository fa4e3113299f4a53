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
