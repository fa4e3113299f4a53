import { z } from 'zod';
import { changePasswordInput } from '../../../shared/contract';
import { mismatchAt } from '../forms/passwordRules';

export const changePasswordFormSchema = changePasswordInput
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, mismatchAt('confirmPassword'))
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: 'La nuova password deve essere diversa da quella attuale.',
    path: ['newPassword'],
  });
