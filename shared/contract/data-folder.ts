import { z } from 'zod';
import { call } from './common';

// ---------- about, renderer errors, moving the data folder ----------

export const appAboutOutput = z.object({
  /** Cortile's version (package.json). */
  version: z.string(),
  /** The data folder in use. */
  dataDir: z.string(),
  /** The newest database schema this version knows (its last migration). */
  schemaVersion: z.string(),
  /** The open database's schema (its last applied migration); null while locked. */
  databaseSchemaVersion: z.string().nullable(),
  licence: z.string(),
});
export type AppAbout = z.infer<typeof appAboutOutput>;

/** Where an uncaught renderer error came from. */
export const RENDERER_ERROR_SOURCES = ['render', 'error', 'rejection'] as const;

/**
 * Technical detail of an uncaught renderer error, for the log. Only the
 * error's class name and stack frames travel: never its message, which can
 * quote what a person typed.
 */
export const appReportErrorInput = z
  .object({
    source: z.enum(RENDERER_ERROR_SOURCES),
    name: z
      .string()
      .max(80)
      .regex(/^[A-Za-z_$][\w$.]*$/, 'Nome dell’errore non valido.'),
    frames: z.array(z.string().max(300)).max(12),
  })
  .strict();
export type RendererErrorReport = z.infer<typeof appReportErrorInput>;

/** Shown wherever a network share is proposed for the live database. */
export const NETWORK_WARNING =
  'La cartella è su una condivisione di rete. Il database in uso non deve stare in rete: una rete lenta o ' +
  'interrotta può danneggiarlo, e due PC potrebbero aprirlo insieme. Usare la rete solo per i backup.';

export const dataFolderInfoOutput = z.object({
  /** The data folder in use. */
  current: z.string(),
  /** Windows' default place (%APPDATA%\Cortile); null when this shell has no such notion. */
  defaultDir: z.string().nullable(),
  /** False in shells that cannot move it (the browser shell used for tests and demos). */
  movable: z.boolean(),
  /** True when the folder in use is on a network share. */
  network: z.boolean(),
});
export type DataFolderInfo = z.infer<typeof dataFolderInfoOutput>;

const folderPath = z
  .string({ message: 'Indicare la nuova cartella.' })
  .trim()
  .min(1, 'Indicare la nuova cartella.')
  .max(400, 'Il percorso è troppo lungo.');

export const dataFolderCheckInput = z.object({ path: folderPath }).strict();

export const dataFolderCheckOutput = z.object({
  /** The folder as it will be used (absolute). */
  path: z.string(),
  /** Why the folder cannot be used; null when it can. */
  problem: z.string().nullable(),
  /** True when the folder is on a network share: usable only after an explicit confirmation. */
  network: z.boolean(),
});
export type DataFolderCheck = z.infer<typeof dataFolderCheckOutput>;

export const dataFolderMoveInput = z
  .object({
    path: folderPath,
    /** The administrator read the warning about network shares and goes ahead anyway. */
    acceptNetworkRisk: z.boolean().default(false),
  })
  .strict();

export const dataFolderMoveOutput = z.object({
  dataDir: z.string(),
  /** Always true: the app must restart to use the new folder. */
  restartRequired: z.literal(true),
});

/** The app.about, app.reportError and dataFolder.* calls, spread into the contract in index.ts. */
export const dataFolderCalls = {
  'app.about': call({
    input: z.object({}).strict(),
    output: appAboutOutput,
    access: 'public',
    writes: false,
    description: 'Informazioni su Cortile: versione, cartella dei dati, versione del database, licenza.',
  }),
  'app.reportError': call({
    input: appReportErrorInput,
    output: z.object({ done: z.literal(true) }),
    access: 'public',
    writes: false,
    description:
      'Annota nel registro tecnico un errore imprevisto dell’interfaccia (solo il tipo, mai il testo).',
  }),
  'dataFolder.info': call({
    input: z.object({}).strict(),
    output: dataFolderInfoOutput,
    access: 'amministratore',
    writes: false,
    description: 'La cartella dei dati in uso e se può essere spostata.',
  }),
  'dataFolder.check': call({
    input: dataFolderCheckInput,
    output: dataFolderCheckOutput,
    access: 'amministratore',
    writes: false,
    description: 'Controlla se una cartella può accogliere i dati (vuota, scrivibile, non di rete).',
  }),
  // `writes: false`: VACUUM INTO cannot run inside the dispatcher's transaction; the handler audits itself.
  'dataFolder.move': call({
    input: dataFolderMoveInput,
    output: dataFolderMoveOutput,
    access: 'amministratore',
    writes: false,
    description:
      'Copia il database e il portachiavi in una nuova cartella, verifica la copia e la usa dal prossimo avvio.',
  }),
};
