export const CONFIRM_MISMATCH = 'Le due password non coincidono.';

/** Refinement options that put the mismatch message on the confirmation field. */
export const mismatchAt = (...path: string[]) => ({ message: CONFIRM_MISMATCH, path });
