import { z } from 'zod';
import { call } from './common';

// ---------- backups and restore ----------

/** A backup's name: `cortile-backup-20261202T043512345Z.db` (UTC time it was made). No paths. */
export const BACKUP_ID_PATTERN = /^cortile-backup-\d{8}T\d{9}Z\.db$/;

export const backupIdSchema = z
  .string({ message: 'Scegliere un backup.' })
  .regex(BACKUP_ID_PATTERN, 'Backup non valido: sceglierlo dall’elenco.');

export const BACKUP_KINDS = ['manuale', 'giornaliero', 'chiusura', 'prima-del-ripristino'] as const;
export const backupKindSchema = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof backupKindSchema>;

/** What a restore needs to show, read from the backup's sealed catalogue entry. */
export const backupCountsSchema = z.object({
  operators: z.number().int(),
  buildings: z.number().int(),
  households: z.number().int(),
  members: z.number().int(),
  interventions: z.number().int(),
  arrearsStatements: z.number().int(),
  activities: z.number().int(),
  meetings: z.number().int(),
  /** Null when the backup's schema has no letters yet. */
  letters: z.number().int().nullable(),
});
export type BackupCounts = z.infer<typeof backupCountsSchema>;

export const backupItemSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  kind: backupKindSchema.nullable(),
  /** The folder holding it. */
  folder: z.string(),
  bytes: z.number().int(),
  /** False when its catalogue entry is missing or does not open with this installation's key. */
  readable: z.boolean(),
  appVersion: z.string().nullable(),
  schemaVersion: z.number().int().nullable(),
  counts: backupCountsSchema.nullable(),
});
export type BackupItem = z.infer<typeof backupItemSchema>;

const keep = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label}: inserire un numero.` })
    .int(`${label}: inserire un numero intero.`)
    .min(min, `${label}: almeno ${min}.`)
    .max(max, `${label}: al massimo ${max}.`);

export const backupSettingsInput = z
  .object({
    /** An absolute folder path; null (or empty) for the data folder's `backups`. */
    folder: z
      .string({ message: 'Cartella non valida.' })
      .trim()
      .max(1000, 'Il percorso della cartella è troppo lungo (al massimo 1000 caratteri).')
      .nullable()
      .transform((v) => (v ? v : null)),
    keepDaily: keep('Backup giornalieri da tenere', 1, 60),
    keepWeekly: keep('Backup settimanali da tenere', 0, 104),
    keepMonthly: keep('Backup mensili da tenere', 0, 240),
  })
  .strict();

export const backupSettingsSchema = z.object({
  folder: z.string().nullable(),
  defaultFolder: z.string(),
  keepDaily: z.number().int(),
  keepWeekly: z.number().int(),
  keepMonthly: z.number().int(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupListOutput = z.object({
  items: z.array(backupItemSchema),
  /** Folders that could not be read (a disconnected USB disk, an unreachable share). */
  unreachable: z.array(z.string()),
});

export const backupDamagedOutput = z.object({
  /** True when the last sign-in found the database damaged; the rest is empty otherwise. */
  damaged: z.boolean(),
  /** Backups that open with the key, newest first. */
  items: z.array(backupItemSchema),
  unreachable: z.array(z.string()),
});

const empty = z.object({}).strict();
const byId = z.object({ id: backupIdSchema }).strict();

/** The backup.* calls, spread into the contract in index.ts. */
export const backupCalls = {
  'backup.list': call({
    input: empty,
    output: backupListOutput,
    access: 'amministratore',
    writes: false,
    description: 'Elenco dei backup con data e conteggi, dal più recente.',
  }),
  'backup.create': call({
    input: empty,
    output: backupItemSchema,
    access: 'amministratore',
    writes: true,
    description: 'Esegue subito un backup cifrato del database.',
  }),
  'backup.restore': call({
    input: byId,
    output: z.object({ done: z.literal(true) }),
    access: 'amministratore',
    writes: true,
    description:
      'Ripristina un backup: salva da parte il database attuale, verifica il backup e lo sostituisce; poi occorre accedere di nuovo.',
  }),
  'backup.settings': call({
    input: empty,
    output: backupSettingsSchema,
    access: 'amministratore',
    writes: false,
    description: 'Cartella dei backup e quanti tenerne.',
  }),
  'backup.updateSettings': call({
    input: backupSettingsInput,
    output: backupSettingsSchema,
    access: 'amministratore',
    writes: true,
    description: 'Cambia la cartella dei backup e quanti tenerne.',
  }),
  'backup.damaged': call({
    input: empty,
    output: backupDamagedOutput,
    access: 'public',
    writes: false,
    description:
      'Dopo un accesso che ha trovato il database danneggiato: i backup che si possono ripristinare.',
  }),
  'backup.restoreDamaged': call({
    input: byId,
    output: z.object({ done: z.literal(true) }),
    access: 'public',
    writes: true,
    description:
      'Con il database danneggiato: un amministratore appena identificato ripristina un backup (il file danneggiato è conservato).',
  }),
  'backup.leaveDamaged': call({
    input: empty,
    output: z.object({ done: z.literal(true) }),
    access: 'public',
    writes: false,
    description: 'Esce dalla schermata del database danneggiato e dimentica la chiave.',
  }),
};
