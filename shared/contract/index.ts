import { z } from 'zod';
import type { Access } from './common';
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

export * from './common';
export * from './auth';

const empty = z.object({}).strict();
const done = z.object({ done: z.literal(true) });

interface CallDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Does the call change data (then it runs in a write transaction)? */
  writes: boolean;
  description: string;
}

function call<I extends z.ZodType, O extends z.ZodType>(def: CallDef<I, O>): CallDef<I, O> {
  return def;
}

/** Every call the renderer can make, by `feature.verb`. */
export const contract = {
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
