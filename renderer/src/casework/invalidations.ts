import type { CallName } from '../../../shared/contract';

/** The reads that show casework: refetched after any intervention, referral or follow-up change. */
export const CASEWORK_READS: readonly CallName[] = [
  'households.get',
  'agenda.get',
  'interventions.list',
  'buildings.get',
  // A contact changes the arrears score ("nessun contatto recente").
  'arrears.household',
  'risk.worklist',
];
