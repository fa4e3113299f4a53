import type { CallName } from '../../../../../shared/contract';

/** Reads that show arrears: refetched after any change on the household's arrears panel. */
export const ARREARS_READS: readonly CallName[] = ['arrears.household', 'risk.worklist'];
