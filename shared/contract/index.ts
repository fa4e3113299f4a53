import { z } from 'zod';
import { pagedOutput } from './fields';
import {
  appStatusOutput,
  changePasswordInput,
  cooperativeSchema,
  loginInput,
  loginOutput,
  operatorSchema,
  operatorsCreateInput,
  operatorsResetPasswordInput,
  operatorsUpdateInput,
  recoverInput,
  settingsSchema,
  setupCreateInput,
  setupCreateOutput,
} from './auth';
import * as ar from './arrears';
import * as ah from './arrears-household';
import * as pl from './plans';
import * as rk from './risk';
import { communityCalls } from './community';
import { backupCalls } from './backup';
import { exportCalls } from './exports';
import { dashboardCalls } from './dashboard';
import { privacyCalls } from './privacy';
import { filesCalls } from './files';
import { lettersCalls } from './letters';
import { dataFolderCalls } from './data-folder';
import * as cw from './casework';
import { call, idSchema } from './common';
import * as rg from './registry';
import * as mt from './meetings';

export * from './common';
export * from './auth';
export * from './fields';
export * from './registry';
export * from './casework';
export * from './arrears';
export * from './arrears-household';
export * from './plans';
export * from './risk';
export * from './community';
export * from './backup';
export * from './dashboard';
export * from './meetings';
export * from './exports';
export * from './privacy';
export * from './letters';
export * from './data-folder';

const empty = z.object({}).strict();
const done = z.object({ done: z.literal(true) });

/** Every call the renderer can make, by `feature.verb`. */
export const contract = {
  ...communityCalls,
  ...backupCalls,
  ...exportCalls,
  ...dashboardCalls,
  ...privacyCalls,
  ...filesCalls,
  ...lettersCalls,
  ...dataFolderCalls,
  'app.status': call({
    input: empty,
    output: appStatusOutput,
    access: 'public',
    writes: false,
    description: 'Stato dell’app: da configurare, bloccata o sbloccata.',
  }),
  'setup.create': call({
    input: setupCreateInput,
    output: setupCreateOutput,
    access: 'public',
    writes: true,
    description: 'Prima configurazione: crea il database cifrato e il primo amministratore.',
  }),
  'recoveryKey.renew': call({
    input: empty,
    output: z.object({ recoveryKey: z.string() }),
    access: 'amministratore',
    writes: true,
    description:
      'Crea una nuova chiave di recupero (la precedente smette di funzionare); va confermata con recoveryKey.confirm.',
  }),
  'recoveryKey.confirm': call({
    input: empty,
    output: done,
    access: 'amministratore',
    writes: true,
    description: 'Conferma che la chiave di recupero è stata conservata.',
  }),
  'session.login': call({
    input: loginInput,
    output: loginOutput,
    access: 'public',
    writes: true,
    description: 'Accesso con nome utente e password.',
  }),
  'session.logout': call({
    input: empty,
    output: done,
    access: 'session',
    writes: true,
    description: 'Esce e chiude il database.',
  }),
  'session.lock': call({
    input: empty,
    output: done,
    access: 'session',
    writes: true,
    description: 'Blocca subito: chiude il database e dimentica la chiave.',
  }),
  'session.activity': call({
    input: empty,
    output: z.object({ autoLockAt: z.string() }),
    access: 'session',
    writes: false,
    description: 'Segnala attività dell’utente (rinvia il blocco automatico).',
  }),
  'session.changePassword': call({
    input: changePasswordInput,
    output: loginOutput,
    access: 'session',
    writes: true,
    description: 'Cambia la propria password.',
  }),
  'session.recover': call({
    input: recoverInput,
    output: loginOutput,
    access: 'public',
    writes: true,
    description: 'Un amministratore imposta una nuova password con la chiave di recupero.',
  }),
  'operators.list': call({
    input: empty,
    output: z.object({ operators: z.array(operatorSchema) }),
    access: 'amministratore',
    writes: false,
    description: 'Elenco degli operatori.',
  }),
  'operators.create': call({
    input: operatorsCreateInput,
    output: z.object({ operator: operatorSchema }),
    access: 'amministratore',
    writes: true,
    description: 'Aggiunge un operatore con una password temporanea.',
  }),
  'operators.update': call({
    input: operatorsUpdateInput,
    output: z.object({ operator: operatorSchema }),
    access: 'amministratore',
    writes: true,
    description: 'Modifica nome, ruolo o stato di un operatore.',
  }),
  'operators.resetPassword': call({
    input: operatorsResetPasswordInput,
    output: z.object({ operator: operatorSchema }),
    access: 'amministratore',
    writes: true,
    description: 'Imposta una password temporanea per un operatore.',
  }),
  'settings.get': call({
    input: empty,
    output: z.object({ cooperative: cooperativeSchema, settings: settingsSchema }),
    access: 'session',
    writes: false,
    description: 'Dati della cooperativa e impostazioni.',
  }),
  'settings.update': call({
    input: z.object({ cooperative: cooperativeSchema, settings: settingsSchema }),
    output: z.object({ cooperative: cooperativeSchema, settings: settingsSchema }),
    access: 'amministratore',
    writes: true,
    description: 'Modifica i dati della cooperativa e le impostazioni.',
  }),
  'operators.directory': call({
    input: empty,
    output: z.object({ operators: z.array(rg.directoryEntrySchema) }),
    access: 'operatore',
    writes: false,
    description: 'Nomi e ruoli degli operatori, per assegnare caseggiati e promemoria.',
  }),
  'areas.list': call({
    input: empty,
    output: z.object({ areas: z.array(rg.areaSchema) }),
    access: 'operatore',
    writes: false,
    description: 'Aree (quartieri), attive e non.',
  }),
  'areas.create': call({
    input: rg.areasCreateInput,
    output: z.object({ area: rg.areaSchema }),
    access: 'coordinatore',
    writes: true,
    description: 'Aggiunge un’area.',
  }),
  'areas.update': call({
    input: rg.areasUpdateInput,
    output: z.object({ area: rg.areaSchema }),
    access: 'coordinatore',
    writes: true,
    description: 'Rinomina, disattiva o riattiva un’area.',
  }),
  'buildings.list': call({
    input: rg.buildingsListInput,
    output: pagedOutput(rg.buildingRowSchema),
    access: 'operatore',
    writes: false,
    description: 'Caseggiati visibili all’operatore, a pagine, ordinati e filtrati nel database.',
  }),
  'buildings.options': call({
    input: empty,
    output: z.object({ buildings: z.array(rg.buildingOptionSchema) }),
    access: 'operatore',
    writes: false,
    description: 'Caseggiati attivi visibili all’operatore, per le scelte nei moduli.',
  }),
  'buildings.get': call({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({
      building: rg.buildingSchema,
      units: z.array(rg.unitSchema),
      households: z.array(rg.householdRowSchema),
      interventions: z.array(cw.interventionSchema),
    }),
    access: 'operatore',
    writes: false,
    description: 'Scheda del caseggiato: alloggi con chi ci abita, nuclei, ultimi interventi.',
  }),
  'buildings.create': call({
    input: rg.buildingsCreateInput,
    output: z.object({ building: rg.buildingSchema }),
    access: 'coordinatore',
    writes: true,
    description: 'Aggiunge un caseggiato e gli assegna i tutor.',
  }),
  'buildings.update': call({
    input: rg.buildingsUpdateInput,
    output: z.object({ building: rg.buildingSchema }),
    access: 'operatore',
    writes: true,
    description: 'Modifica un caseggiato; cambiare area, tutor o stato richiede un coordinatore.',
  }),
  'units.list': call({
    input: z.object({ buildingId: idSchema }).strict(),
    output: z.object({ units: z.array(rg.unitSchema) }),
    access: 'operatore',
    writes: false,
    description: 'Alloggi di un caseggiato con il nucleo che ci abita ora.',
  }),
  'units.get': call({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({
      unit: rg.unitSchema,
      buildingAddress: z.string(),
      history: z.array(rg.unitHistoryEntrySchema),
    }),
    access: 'operatore',
    writes: false,
    description: 'Un alloggio e chi ci ha abitato, quando.',
  }),
  'units.create': call({
    input: rg.unitsCreateInput,
    output: z.object({ unit: rg.unitSchema }),
    access: 'operatore',
    writes: true,
    description: 'Aggiunge un alloggio a un caseggiato.',
  }),
  'units.createMany': call({
    input: rg.unitsCreateManyInput,
    output: z.object({ units: z.array(rg.unitSchema) }),
    access: 'operatore',
    writes: true,
    description: 'Aggiunge più alloggi in una volta (scala, piani, interni per piano).',
  }),
  'units.update': call({
    input: rg.unitsUpdateInput,
    output: z.object({ unit: rg.unitSchema }),
    access: 'operatore',
    writes: true,
    description: 'Modifica un alloggio.',
  }),
  'households.list': call({
    input: rg.householdsListInput,
    output: pagedOutput(rg.householdRowSchema),
    access: 'operatore',
    writes: false,
    description: 'Nuclei visibili all’operatore, a pagine, ordinati e filtrati nel database.',
  }),
  'households.get': call({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({
      household: rg.householdSchema,
      members: z.array(rg.memberSchema),
      moves: z.array(rg.moveSchema),
      /** The newest interventions (at most 100); older ones through interventions.list. */
      interventions: z.array(cw.interventionSchema),
      interventionTotal: z.number().int().min(0),
      referrals: z.array(cw.referralSchema),
      followups: z.array(cw.followupSchema),
    }),
    access: 'operatore',
    writes: true,
    description:
      'Scheda del nucleo con componenti, trasferimenti e storia; l’apertura va nel registro accessi.',
  }),
  'households.create': call({
    input: rg.householdsCreateInput,
    output: z.object({ household: rg.householdSchema }),
    access: 'operatore',
    writes: true,
    description: 'Aggiunge un nucleo con i suoi componenti in un alloggio.',
  }),
  'households.update': call({
    input: rg.householdsUpdateInput,
    output: z.object({ household: rg.householdSchema }),
    access: 'operatore',
    writes: true,
    description: 'Modifica i dati di un nucleo.',
  }),
  'households.move': call({
    input: rg.householdsMoveInput,
    output: z.object({ household: rg.householdSchema }),
    access: 'operatore',
    writes: true,
    description: 'Trasferisce un nucleo in un altro alloggio, conservando la storia.',
  }),
  'members.create': call({
    input: rg.membersCreateInput,
    output: z.object({ member: rg.memberSchema }),
    access: 'operatore',
    writes: true,
    description: 'Aggiunge un componente a un nucleo.',
  }),
  'members.update': call({
    input: rg.membersUpdateInput,
    output: z.object({ member: rg.memberSchema }),
    access: 'operatore',
    writes: true,
    description: 'Modifica un componente.',
  }),
  'members.findDuplicates': call({
    input: rg.membersFindDuplicatesInput,
    output: z.object({ duplicates: z.array(rg.duplicateSchema) }),
    access: 'operatore',
    writes: false,
    description: 'Persone già registrate con lo stesso codice fiscale, o stesso cognome e data di nascita.',
  }),
  'search.households': call({
    input: rg.searchInput,
    output: z.object({ results: z.array(rg.searchResultSchema) }),
    access: 'operatore',
    writes: false,
    description:
      'Cerca nuclei per nome o cognome di un componente, codice fiscale, telefono, codice, indirizzo o codice alloggio.',
  }),
  'vocabulary.list': call({
    input: empty,
    output: z.object({ items: z.array(rg.vocabularyItemSchema) }),
    access: 'operatore',
    writes: false,
    description: 'Voci degli elenchi modificabili (tipi, canali, temi, fragilità, servizi…).',
  }),
  'vocabulary.create': call({
    input: rg.vocabularyCreateInput,
    output: z.object({ item: rg.vocabularyItemSchema }),
    access: 'coordinatore',
    writes: true,
    description: 'Aggiunge una voce a un elenco.',
  }),
  'vocabulary.update': call({
    input: rg.vocabularyUpdateInput,
    output: z.object({ item: rg.vocabularyItemSchema }),
    access: 'coordinatore',
    writes: true,
    description: 'Rinomina, ordina, disattiva o riattiva una voce (le voci non si cancellano).',
  }),
  'interventions.list': call({
    input: cw.interventionsListInput,
    output: pagedOutput(cw.interventionSchema),
    access: 'operatore',
    writes: false,
    description: 'Interventi visibili all’operatore, a pagine.',
  }),
  'interventions.get': call({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ intervention: cw.interventionSchema }),
    access: 'operatore',
    writes: false,
    description: 'Un intervento.',
  }),
  'interventions.create': call({
    input: cw.interventionsCreateInput,
    output: z.object({
      interventions: z.array(cw.interventionSchema),
      followups: z.array(cw.followupSchema),
    }),
    access: 'operatore',
    writes: true,
    description:
      'Registra un intervento (su un nucleo, su più nuclei o sul caseggiato), con un promemoria facoltativo.',
  }),
  'interventions.update': call({
    input: cw.interventionsUpdateInput,
    output: z.object({ intervention: cw.interventionSchema }),
    access: 'operatore',
    writes: true,
    description: 'Modifica un intervento (chi l’ha scritto o un coordinatore).',
  }),
  'referrals.create': call({
    input: cw.referralsCreateInput,
    output: cw.referralOutput,
    access: 'operatore',
    writes: true,
    description: 'Registra un invio ai servizi; con «verificare entro» crea il promemoria.',
  }),
  'referrals.update': call({
    input: cw.referralsUpdateInput,
    output: cw.referralOutput,
    access: 'operatore',
    writes: true,
    description: 'Aggiorna un invio ai servizi (stato, data di verifica…).',
  }),
  'followups.create': call({
    input: cw.followupsCreateInput,
    output: cw.followupOutput,
    access: 'operatore',
    writes: true,
    description: 'Aggiunge un promemoria su un nucleo o un caseggiato.',
  }),
  'followups.update': call({
    input: cw.followupsUpdateInput,
    output: cw.followupOutput,
    access: 'operatore',
    writes: true,
    description: 'Modifica un promemoria.',
  }),
  'followups.setDone': call({
    input: cw.followupsSetDoneInput,
    output: cw.followupOutput,
    access: 'operatore',
    writes: true,
    description: 'Segna un promemoria come fatto, o di nuovo da fare.',
  }),
  'agenda.get': call({
    input: cw.agendaInput,
    output: cw.agendaSchema,
    access: 'operatore',
    writes: false,
    description: 'Promemoria scaduti, di oggi e dei prossimi 7 giorni di un operatore.',
  }),
  'arrears.previewImport': call({
    input: ar.previewImportInput,
    output: ar.previewImportOutput,
    access: 'coordinatore',
    writes: false,
    description:
      'Legge un estratto della morosità (CSV o Excel) e mostra cosa verrebbe importato: colonne abbinate, righe abbinate ad alloggi e nuclei, righe da collegare, errori. Non scrive nulla.',
  }),
  'arrears.commitImport': call({
    input: ar.commitImportInput,
    output: ar.commitImportOutput,
    access: 'coordinatore',
    writes: true,
    description:
      'Importa l’estratto visto in anteprima, tutto in una volta: un mese per alloggio, i valori già presenti per quei mesi vengono sostituiti.',
  }),
  'arrears.undoImport': call({
    input: z.object({ importId: idSchema }).strict(),
    output: ar.undoImportOutput,
    access: 'coordinatore',
    writes: true,
    description:
      'Annulla un’importazione per intero, se nessuna importazione successiva ha modificato gli stessi mesi degli stessi alloggi.',
  }),
  'arrears.imports': call({
    input: ar.importsListInput,
    output: pagedOutput(ar.importRowSchema),
    access: 'coordinatore',
    writes: false,
    description: 'Elenco delle importazioni della morosità, dalla più recente, a pagine.',
  }),
  'arrears.profiles': call({
    input: empty,
    output: z.object({ profiles: z.array(ar.profileSchema) }),
    access: 'coordinatore',
    writes: false,
    description: 'Profili di abbinamento delle colonne, uno per mittente (es. «ALER Cremona»).',
  }),
  'arrears.saveProfile': call({
    input: ar.saveProfileInput,
    output: z.object({ profile: ar.profileSchema }),
    access: 'coordinatore',
    writes: true,
    description: 'Aggiunge o modifica un profilo di abbinamento delle colonne.',
  }),
  'arrears.deleteProfile': call({
    input: z.object({ id: idSchema }).strict(),
    output: done,
    access: 'coordinatore',
    writes: true,
    description: 'Elimina un profilo di abbinamento delle colonne (le importazioni fatte restano).',
  }),
  'arrears.household': call({
    input: z.object({ householdId: idSchema }).strict(),
    output: ah.arrearsHouseholdOutput,
    access: 'operatore',
    writes: true,
    description:
      'Morosità del nucleo: estratti mese per mese, saldo, fase legale, piani di rientro, morosità incolpevole, punteggio di rischio con il perché e andamento.',
  }),
  'arrears.setLegalStage': call({
    input: ah.setLegalStageInput,
    output: z.object({ legalStage: ah.legalStageViewSchema }),
    access: 'operatore',
    writes: true,
    description: 'Imposta a mano la fase legale del nucleo (sollecito, diffida, decreto ingiuntivo…).',
  }),
  'arrears.addCause': call({
    input: ah.addCauseInput,
    output: z.object({ cause: ah.causeSchema }),
    access: 'operatore',
    writes: true,
    description: 'Registra una causa di morosità incolpevole con la data dell’evento.',
  }),
  'arrears.removeCause': call({
    input: ah.removeCauseInput,
    output: done,
    access: 'operatore',
    writes: true,
    description: 'Toglie una causa di morosità incolpevole registrata per errore.',
  }),
  'arrears.setIsee': call({
    input: ah.setIseeInput,
    output: z.object({ isee: ah.iseeSchema.nullable() }),
    access: 'operatore',
    writes: true,
    description: 'Registra (o toglie) il valore e la data dell’ISEE del nucleo.',
  }),
  'plans.create': call({
    input: pl.plansCreateInput,
    output: pl.plansCreateOutput,
    access: 'operatore',
    writes: true,
    description:
      'Apre un piano di rientro con rate uguali; un nucleo ha un solo piano aperto alla volta (quello vecchio va sostituito).',
  }),
  'plans.recordPayment': call({
    input: pl.plansRecordPaymentInput,
    output: pl.planOutput,
    access: 'operatore',
    writes: true,
    description: 'Registra a mano un pagamento del piano di rientro.',
  }),
  'plans.removePayment': call({
    input: pl.plansRemovePaymentInput,
    output: pl.planOutput,
    access: 'operatore',
    writes: true,
    description: 'Toglie un pagamento registrato a mano per errore.',
  }),
  'plans.close': call({
    input: pl.plansCloseInput,
    output: pl.planOutput,
    access: 'operatore',
    writes: true,
    description: 'Chiude il piano di rientro: concluso, annullato o decaduto.',
  }),
  'risk.worklist': call({
    input: rk.worklistInput,
    output: rk.worklistOutput,
    access: 'operatore',
    writes: false,
    description:
      'Da contattare: nuclei in morosità per fascia e punteggio, esclusi quelli con un piano in regola o contattati di recente.',
  }),
  'risk.recompute': call({
    input: empty,
    output: rk.riskRecomputeOutput,
    access: 'coordinatore',
    writes: true,
    description: 'Ricalcola il punteggio di rischio di tutti i nuclei per il mese in corso.',
  }),
  'risk.settings': call({
    input: empty,
    output: rk.riskSettingsOutput,
    access: 'coordinatore',
    writes: false,
    description:
      'Pesi dei segnali e soglie delle fasce del punteggio di rischio, tolleranze dei piani, soglia ISEE, con le ultime modifiche.',
  }),
  'risk.updateSettings': call({
    input: rk.riskUpdateSettingsInput,
    output: rk.riskSettingsOutput,
    access: 'coordinatore',
    writes: true,
    description:
      'Modifica pesi, soglie e tolleranze della morosità; poi ricalcola il punteggio di tutti i nuclei.',
  }),
  'meetings.list': call({
    input: mt.meetingsListInput,
    output: pagedOutput(mt.meetingRowSchema),
    access: 'operatore',
    writes: false,
    description:
      'Riunioni d’équipe, dalla più recente, a pagine (un operatore vede quelle a cui ha partecipato).',
  }),
  'meetings.get': call({
    input: z.object({ id: idSchema }).strict(),
    output: mt.meetingOutput,
    access: 'operatore',
    writes: true,
    description:
      'Una riunione d’équipe con partecipanti, casi discussi, decisioni, azioni e azioni ancora aperte delle riunioni precedenti; l’apertura va nel registro accessi.',
  }),
  'meetings.create': call({
    input: mt.meetingsCreateInput,
    output: mt.meetingOutput,
    access: 'coordinatore',
    writes: true,
    description: 'Crea una riunione d’équipe (data, partecipanti, ordine del giorno).',
  }),
  'meetings.update': call({
    input: mt.meetingsUpdateInput,
    output: mt.meetingOutput,
    access: 'coordinatore',
    writes: true,
    description: 'Modifica data, partecipanti, ordine del giorno e verbale di una riunione d’équipe.',
  }),
  'meetings.proposal': call({
    input: mt.meetingsProposalInput,
    output: mt.meetingsProposalOutput,
    access: 'coordinatore',
    writes: false,
    description:
      'Casi proposti dal territorio: nuclei segnalati «porta in équipe» con gli ultimi interventi e la fascia di rischio.',
  }),
  'meetings.setCases': call({
    input: mt.meetingsSetCasesInput,
    output: mt.meetingOutput,
    access: 'coordinatore',
    writes: true,
    description: 'Sceglie e ordina i casi da discutere nella riunione.',
  }),
  'meetings.saveCase': call({
    input: mt.meetingsSaveCaseInput,
    output: mt.meetingOutput,
    access: 'coordinatore',
    writes: true,
    description:
      'Registra note (riservate salvo scelta diversa) e decisioni di un caso; un caso discusso toglie la segnalazione «porta in équipe», salvo che vada mantenuta.',
  }),
  'meetings.addAction': call({
    input: mt.meetingsAddActionInput,
    output: mt.meetingOutput,
    access: 'coordinatore',
    writes: true,
    description: 'Aggiunge un’azione a un caso: diventa un promemoria nell’agenda di chi la deve fare.',
  }),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
