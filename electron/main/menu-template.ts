// The Italian application menu and the texts of the desktop shell's own
// dialogs, as pure functions: main.ts hands them plain callbacks and Electron
// builds the menu; the unit tests import this file without Electron (the
// Electron import below is for types only and vanishes at compile time).
import type { MenuItemConstructorOptions } from 'electron';
import type { AppAbout } from '../../shared/contract';

export interface MenuActions {
  showAbout(): void;
  openLogFolder(): void;
}

export interface MenuOptions {
  /** Developer tools only when not packaged. */
  isPackaged: boolean;
}

/**
 * File, Modifica, Visualizza, Aiuto. The edit items use Electron's roles, so
 * copy and paste work in every field with the usual Windows shortcuts; the
 * labels are set here because role labels follow the system's language.
 */
export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Ricarica', role: 'reload', accelerator: 'CmdOrCtrl+R' },
    { type: 'separator' },
    { label: 'Dimensioni reali', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
    { label: 'Ingrandisci', role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
    { label: 'Riduci', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
    { type: 'separator' },
    { label: 'Schermo intero', role: 'togglefullscreen', accelerator: 'F11' },
  ];
  if (!options.isPackaged) {
    view.push(
      { type: 'separator' },
      { label: 'Strumenti per sviluppatori', role: 'toggleDevTools', accelerator: 'CmdOrCtrl+Shift+I' },
    );
  }
  return [
    {
      label: '&File',
      submenu: [{ label: 'Esci', role: 'quit', accelerator: 'Alt+F4' }],
    },
    {
      label: '&Modifica',
      submenu: [
        { label: 'Annulla', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: 'Ripeti', role: 'redo', accelerator: 'CmdOrCtrl+Y' },
        { type: 'separator' },
        { label: 'Taglia', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: 'Copia', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: 'Incolla', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { type: 'separator' },
        { label: 'Seleziona tutto', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    { label: '&Visualizza', submenu: view },
    {
      label: '&Aiuto',
      submenu: [
        { label: 'Apri cartella dei log', click: () => actions.openLogFolder() },
        { type: 'separator' },
        { label: 'Informazioni su Cortile', click: () => actions.showAbout() },
      ],
    },
  ];
}

/** The "Informazioni su Cortile" box. */
export function aboutDialog(
  about: AppAbout,
  runtime: { electron: string; chrome: string; node: string },
): {
  title: string;
  message: string;
  detail: string;
} {
  const schema =
    about.databaseSchemaVersion === null
      ? `${about.schemaVersion} (il database in uso si legge dopo l’accesso)`
      : about.databaseSchemaVersion === about.schemaVersion
        ? about.databaseSchemaVersion
        : `${about.databaseSchemaVersion} (questa versione arriva a ${about.schemaVersion})`;
  return {
    title: 'Informazioni su Cortile',
    message: `Cortile ${about.version}`,
    detail: [
      'Gestionale per il tutor di condominio e il portierato sociale.',
      '',
      `Versione: ${about.version}`,
      `Cartella dei dati: ${about.dataDir}`,
      `Versione del database: ${schema}`,
      `Licenza: ${about.licence}`,
      '',
      `Electron ${runtime.electron}, Chromium ${runtime.chrome}, Node.js ${runtime.node}`,
    ].join('\n'),
  };
}

export const CRASH_TITLE = 'Cortile: errore imprevisto';
export const CRASH_MESSAGE =
  'Cortile ha incontrato un errore imprevisto e verrà chiuso. I dati salvati non vanno persi: ' +
  'riaprire il programma. Se l’errore si ripete, rivolgersi all’assistenza indicando la data e l’ora: ' +
  'i dettagli tecnici sono nella cartella dei log (menu Aiuto → Apri cartella dei log).';

export const RENDERER_GONE_MESSAGE =
  'La finestra di Cortile si è chiusa per un errore imprevisto. I dati già salvati sono al sicuro; ' +
  'un’operazione non ancora confermata potrebbe non essere stata salvata: controllarla dopo la riapertura. ' +
  'La finestra ora viene riaperta.';

/** Start-up texts when the pointer to a moved data folder leads nowhere. */
export function unreachableDataDirMessage(dataDir: string): string {
  return (
    `La cartella dei dati di Cortile (${dataDir}) non è raggiungibile. Se si trova su un disco esterno o ` +
    'in rete, collegarlo e riaprire Cortile. Se la cartella è stata spostata o eliminata, rivolgersi ' +
    'all’amministratore: le istruzioni sono nella guida di installazione.'
  );
}

export const INVALID_POINTER_MESSAGE =
  'Il file che indica dove si trovano i dati di Cortile (cortile-location.json, nella cartella ' +
  '%APPDATA%\\Cortile) è danneggiato. Rivolgersi all’amministratore: le istruzioni sono nella guida di installazione.';

export function movedDataDirMessage(dataDir: string): string {
  return `I dati sono stati copiati e verificati nella nuova cartella:\n${dataDir}\n\nCortile ora si riavvia e userà la nuova cartella.`;
}
