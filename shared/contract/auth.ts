import { z } from 'zod';
import {
  fullNameSchema,
  idSchema,
  newPasswordSchema,
  passwordSchema,
  roleSchema,
  timestampSchema,
  usernameSchema,
} from './common';

const text = (label: string, max: number) =>
  z
    .string({ message: `${label}: valore non valido.` })
    .trim()
    .max(max, `${label}: al massimo ${max} caratteri.`)
    .regex(/^[^\p{Cc}]*$/u, `${label}: contiene caratteri non ammessi.`);

export const operatorSchema = z.object({
  id: idSchema,
  fullName: z.string(),
  username: z.string(),
  role: roleSchema,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Operator = z.infer<typeof operatorSchema>;

export const sessionOperatorSchema = z.object({
  id: idSchema,
  fullName: z.string(),
  username: z.string(),
  role: roleSchema,
  mustChangePassword: z.boolean(),
});
export type SessionOperator = z.infer<typeof sessionOperatorSchema>;

export const cooperativeSchema = z.object({
  name: text('Nome della cooperativa', 160).min(2, 'Inserire il nome della cooperativa.'),
  address: text('Indirizzo', 200).min(5, "Inserire l'indirizzo della cooperativa."),
  phone: text('Telefono', 40).regex(
    /^\+?[0-9 ./()-]{6,}$/,
    'Inserire un numero di telefono valido (solo cifre, spazi, +, -, /).',
  ),
  email: z
    .string({ message: "Inserire l'indirizzo e-mail." })
    .trim()
    .max(160, "L'indirizzo e-mail può avere al massimo 160 caratteri.")
    .pipe(z.email({ message: 'Inserire un indirizzo e-mail valido, ad esempio info@cooperativa.it.' })),
});
export type Cooperative = z.infer<typeof cooperativeSchema>;

export const appStatusOutput = z.object({
  state: z.enum(['needs_setup', 'locked', 'unlocked']),
  operator: sessionOperatorSchema.nullable(),
  cooperativeName: z.string().nullable(),
  /** Minutes without input before the app locks itself. */
  autoLockMinutes: z.number().int(),
  /** Milliseconds before the next sign-in attempt is accepted (0 = now). */
  loginRetryAfterMs: z.number().int().nonnegative(),
  /**
   * True for an administrator while the current recovery key has not been
   * confirmed as kept (e.g. the page was closed on the key step): the app
   * must issue a new key and get it confirmed before going on.
   */
  recoveryKeyPending: z.boolean(),
});
export type AppStatus = z.infer<typeof appStatusOutput>;

export const setupCreateInput = z.object({
  cooperative: cooperativeSchema,
  admin: z.object({
    fullName: fullNameSchema,
    username: usernameSchema,
    password: newPasswordSchema,
  }),
});
export const setupCreateOutput = z.object({
  recoveryKey: z.string(),
  operator: sessionOperatorSchema,
});

export const loginInput = z.object({
  username: z
    .string({ message: 'Inserire il nome utente.' })
    .trim()
    .toLowerCase()
    .min(1, 'Inserire il nome utente.')
    .max(40, 'Nome utente troppo lungo.'),
  password: passwordSchema,
});
export const loginOutput = z.object({ operator: sessionOperatorSchema });

export const changePasswordInput = z.object({
  currentPassword: passwordSchema,
  newPassword: newPasswordSchema,
});

export const recoverInput = z.object({
  username: loginInput.shape.username,
  recoveryKey: z
    .string({ message: 'Inserire la chiave di recupero.' })
    .min(1, 'Inserire la chiave di recupero.')
    .max(200, 'La chiave di recupero è troppo lunga.'),
  newPassword: newPasswordSchema,
});

export const operatorsCreateInput = z.object({
  fullName: fullNameSchema,
  username: usernameSchema,
  role: roleSchema,
  temporaryPassword: newPasswordSchema,
});

export const operatorsUpdateInput = z
  .object({
    id: idSchema,
    /** The `updatedAt` the client last saw: a stale value is a conflict. */
    expectedUpdatedAt: timestampSchema,
    fullName: fullNameSchema.optional(),
    role: roleSchema.optional(),
    active: z.boolean({ message: 'Valore non valido per "attivo".' }).optional(),
  })
  .refine((v) => v.fullName !== undefined || v.role !== undefined || v.active !== undefined, {
    message: 'Nessuna modifica da salvare.',
  });

export const operatorsResetPasswordInput = z.object({
  id: idSchema,
  temporaryPassword: newPasswordSchema,
});

export const settingsSchema = z.object({
  autoLockMinutes: z
    .number({ message: 'Inserire un numero di minuti.' })
    .int('Inserire un numero intero di minuti.')
    .min(1, 'Il blocco automatico deve essere di almeno 1 minuto.')
    .max(240, 'Il blocco automatico può essere al massimo di 240 minuti.'),
});
