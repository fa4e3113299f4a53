import { z } from 'zod';
import { setupCreateInput } from '../../../shared/contract';
import { mismatchAt } from '../forms/passwordRules';

/** setup.create's input plus the password confirmation. */
export const setupFormSchema = setupCreateInput
  .extend({ admin: setupCreateInput.shape.admin.extend({ passwordConfirm: z.string() }) })
  .refine((v) => v.admin.password === v.admin.passwordConfirm, mismatchAt('admin', 'passwordConfirm'));

export type SetupFormInput = z.input<typeof setupFormSchema>;

export const SETUP_DEFAULTS: SetupFormInput = {
  cooperative: { name: '', address: '', phone: '', email: '' },
  admin: { fullName: '', username: '', password: '', passwordConfirm: '' },
};

export const STEPS = ['Cooperativa', 'Amministratore', 'Chiave di recupero'] as const;

/** The fields each form step holds, to check them before moving on. */
export const STEP_FIELDS = [
  ['cooperative.name', 'cooperative.address', 'cooperative.phone', 'cooperative.email'],
  ['admin.fullName', 'admin.username', 'admin.password', 'admin.passwordConfirm'],
] as const;

/** The step that shows a field, from the field's dotted path (the server's error keys). */
export function stepOfField(path: string): number {
  return path.startsWith('admin.') ? 1 : 0;
}
