import { z } from 'zod';

/** Roles in increasing order of power. */
export const ROLES = ['operatore', 'coordinatore', 'amministratore'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES, { message: 'Ruolo non valido.' });

/** True when `role` is at least `minimum` in the role ladder. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

export const ERROR_KINDS = [
  'validation',
  'not_found',
  'forbidden',
  'conflict',
  'locked',
  'throttled',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ApiError {
  kind: ErrorKind;
  message: string;
  /** Field-level messages, keyed by dotted path, for forms. */
  fields?: Record<string, string>;
  /** For `throttled`: milliseconds to wait before retrying. */
  retryAfterMs?: number;
  /** On sign-in: the database failed its start-up check (see `backup.damaged`). */
  damaged?: boolean;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * Who may make a call:
 * - `public`: anyone holding the transport (needed to set up or sign in);
 * - `session`: any signed-in operator, even one who must still change a temporary password;
 * - a role: a signed-in operator with at least that role and no pending password change.
 */
export type Access = 'public' | 'session' | Role;

export const usernameSchema = z
  .string({ message: 'Inserire il nome utente.' })
  .trim()
  .toLowerCase()
  .min(3, 'Il nome utente deve avere almeno 3 caratteri.')
  .max(40, 'Il nome utente può avere al massimo 40 caratteri.')
  .regex(
    /^[a-z0-9._-]+$/,
    'Il nome utente può contenere solo lettere senza accenti, cifre, punto, trattino e trattino basso.',
  );

export const PASSWORD_MIN_LENGTH = 12;

export const newPasswordSchema = z
  .string({ message: 'Inserire la password.' })
  .min(PASSWORD_MIN_LENGTH, `La password deve avere almeno ${PASSWORD_MIN_LENGTH} caratteri.`)
  .max(256, 'La password può avere al massimo 256 caratteri.');

/** A password typed to sign in: never trimmed, never checked for strength. */
export const passwordSchema = z
  .string({ message: 'Inserire la password.' })
  .min(1, 'Inserire la password.')
  .max(256, 'La password può avere al massimo 256 caratteri.');

export const fullNameSchema = z
  .string({ message: 'Inserire nome e cognome.' })
  .trim()
  .min(2, 'Inserire nome e cognome.')
  .max(120, 'Il nome può avere al massimo 120 caratteri.')
  .regex(/^[^\p{Cc}]*$/u, 'Il nome contiene caratteri non ammessi.');

export const idSchema = z
  .number({ message: 'Identificativo non valido.' })
  .int('Identificativo non valido.')
  .positive('Identificativo non valido.');

/** ISO timestamp as stored in the database (UTC). */
export const timestampSchema = z.string();

/** One call of the contract: its schemas, who may make it, whether it writes. */
export interface CallDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Does the call change data (then it runs in a write transaction)? */
  writes: boolean;
  description: string;
}

/** Declares a call, keeping its schemas' types. */
export function call<I extends z.ZodType, O extends z.ZodType>(def: CallDef<I, O>): CallDef<I, O> {
  return def;
}
