import type { CallName } from '../../../../shared/contract';

/** The reads that show meetings and their actions: refetched after any change to them. */
export const MEETING_READS: readonly CallName[] = [
  'meetings.get',
  'meetings.list',
  'meetings.proposal',
  'agenda.get',
  'households.get',
  'households.list',
];
