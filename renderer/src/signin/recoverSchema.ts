import { z } from 'zod';
import { recoverInput } from '../../../shared/contract';
import { normaliseRecoveryKey } from '../../../shared/recovery-key';
import { mismatchAt } from '../forms/passwordRules';

const INVALID_KEY =
  'La chiave di recupero è di 32 caratteri in otto gruppi di quattro (ad esempio 7K3M-…): controllare di averla copiata tutta.';

/** The recovery form: the contract's input, the key normalised, plus the confirmation. */
export const recoverFormSchema = recoverInput
  .extend({
    recoveryKey: z
      .string()
      .min(1, 'Inserire la chiave di recupero.')
      .transform((typed, ctx) => {
        const key = normaliseRecoveryKey(typed);
        if (key === null) {
          ctx.addIssue({ code: 'custom', message: INVALID_KEY });
          return z.NEVER;
        }
        return key;
      }),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, mismatchAt('confirmPassword'));
