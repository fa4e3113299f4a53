// The Electron main process: a thin, hardened shell around the app core.
// Everything the app does goes through `core.dispatch`; this file only owns
// windows, the `app://` protocol, IPC and the process lifecycle.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { WebContents } from 'electron';
import type { ApiResult, AppAbout } from '../../shared/contract';
import { isCallName } from '../../shared/contract';
import type { AppCore } from '../core/app-core';
import { createAppCore } from '../core/app-core';
import { configureDataLocation, locationConfigFor, resolveDataDir } from '../core/data-location';
import type { Logger } from '../core/logger';
import { ElectronShell } from './electron-shell';
import { createMainLogger } from './log';
import {
  aboutDialog,
  buildMenuTemplate,
  CRASH_MESSAGE,
  CRASH_TITLE,
  INVALID_POINTER_MESSAGE,
  movedDataDirMessage,
  RENDERER_GONE_MESSAGE,
  unreachableDataDirMessage,
} from './menu-template';
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_SCHEME,
  contentTypeFor,
  describeError,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAppUrl,
  isTrustedSenderUrl,
  resolveAppFile,
  responseHeaders,
} from './security';

const IPC_CHANNEL = 'cortile:invoke';

/** Bundled layout: dist/electron/{main,preload}.cjs beside dist/renderer/. */
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');

/** %APPDATA%\Cortile: the data folder unless an administrator moved it (then it holds the pointer). */
const DEFAULT_DATA_DIR = path.join(app.getPath('appData'), 'Cortile');

/** The data folder for this run; quits with a plain message when a moved folder cannot be reached. */
function dataDirOrQuit(): string {
  const resolved = resolveDataDir(DEFAULT_DATA_DIR);
  if (resolved.kind === 'ok') return resolved.dataDir;
  // Never fall back to the default folder: Cortile would look empty and invite a second database.
  dialog.showErrorBox(
    'Cortile: cartella dei dati non raggiungibile',
    resolved.kind === 'unreachable' ? unreachableDataDirMessage(resolved.dataDir) : INVALID_POINTER_MESSAGE,
  );
  app.exit(1);
  process.exit(1);
}

function forbidden(): ApiResult<never> {
  return { ok: false, error: { kind: 'forbidden', message: 'Richiesta non ammessa.' } };
}

function unknownCall(): ApiResult<never> {
  return { ok: false, error: { kind: 'not_found', message: 'Operazione sconosciuta.' } };
}

function internalError(): ApiResult<never> {
  return {
    ok: false,
    error: {
      kind: 'internal',
      message: 'Si è verificato un errore interno. Riprovare; se succede ancora, riavviare Cortile.',
    },
  };
}

// Must run before `ready`: `app://` behaves like https (standard, secure
// origin, fetch allowed) so the CSP's 'self' and relative URLs work.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

// The data folder, and userData with it, is fixed before anything else:
// the single-instance lock lives in userData, so separate test folders
// get separate locks.
const dataDir = dataDirOrQuit();
fs.mkdirSync(dataDir, { recursive: true });
// The core may move the data folder; the pointer goes in the default folder (unless tests chose the folder).
configureDataLocation(process.env.CORTILE_DATA_DIR ? null : locationConfigFor(DEFAULT_DATA_DIR));
app.setPath('userData', dataDir);
// Chromium's own files (caches, local storage) go in a subfolder, away from ours.
app.setPath('sessionData', path.join(dataDir, 'chromium'));
if (process.platform === 'win32') app.setAppUserModelId('it.cortile.app');

const log: Logger = createMainLogger(dataDir, app.isPackaged);

if (!app.requestSingleInstanceLock()) {
  // Another Cortile is running on this data folder: it gets focused (below) and we leave.
  app.quit();
} else {
  startPrimaryInstance();
}

function startPrimaryInstance(): void {
  let core: AppCore | null = null;
  let coreClosed = false;
  let mainWindow: BrowserWindow | null = null;

  /** Closes the database once, whatever path leads to quitting. */
  function closeCore(): void {
    if (core === null || coreClosed) return;
    coreClosed = true;
    try {
      core.close();
      log.info('core closed');
    } catch (error) {
      log.error('core close failed', describeError(error));
    }
  }

  process.on('uncaughtException', (error) => {
    log.error('uncaught exception', describeError(error));
    try {
      dialog.showErrorBox(CRASH_TITLE, CRASH_MESSAGE);
    } finally {
      closeCore();
      app.exit(1);
    }
  });
  process.on('unhandledRejection', (reason) => {
    log.error('unhandled rejection', describeError(reason));
  });

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });

  app.on('before-quit', () => {
    closeCore();
  });

  app.on('window-all-closed', () => {
    closeCore();
    app.quit();
  });

  app
    .whenReady()
    .then(() => {
      log.info('app starting', { version: app.getVersion(), packaged: app.isPackaged });
      denyAllPermissions();
      registerAppProtocol();
      const appCore = createAppCore({ dataDir, log, shell: new ElectronShell(() => mainWindow) });
      core = appCore;
      registerIpc(appCore, () => mainWindow);
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate(
            {
              showAbout: () => void showAbout(appCore, mainWindow),
              openLogFolder: () => void openLogFolder(),
            },
            { isPackaged: app.isPackaged },
          ),
        ),
      );
      mainWindow = createMainWindow();
      watchRenderer(mainWindow);
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    })
    .catch((error: unknown) => {
      log.error('startup failed', describeError(error));
      dialog.showErrorBox(CRASH_TITLE, 'Cortile non è riuscito ad avviarsi. Rivolgersi all’assistenza.');
      closeCore();
      app.exit(1);
    });
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    title: 'Cortile',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Navigation, new windows and webviews: nothing leaves app://cortile. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      log.warn('navigation blocked');
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      log.warn('redirect blocked');
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => {
        log.warn('open external failed', describeError(error));
      });
    } else {
      log.warn('window open blocked');
    }
    return { action: 'deny' };
  });
}

function denyAllPermissions(): void {
  const ses = session.defaultSession;
  // Only writing to the clipboard (the "Copia" of the recovery key) is allowed, and only to our own pages.
  const allowed = (permission: string, url: string) =>
    permission === 'clipboard-sanitized-write' && isAppUrl(url);
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    callback(allowed(permission, contents.getURL()));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowed(permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
}

/** Serves dist/renderer on app://cortile/, with the CSP on every response. */
function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const textResponse = (status: number, body: string): Response =>
      new Response(body, { status, headers: responseHeaders('text/plain; charset=utf-8') });

    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Metodo non ammesso');
    const file = resolveAppFile(request.url, RENDERER_ROOT);
    if (file === null) {
      log.warn('protocol request refused', { appHost: hostOf(request.url) === APP_HOST });
      return textResponse(404, 'Non trovato');
    }
    try {
      const body = await fs.promises.readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: responseHeaders(contentTypeFor(file)),
      });
    } catch {
      return textResponse(404, 'Non trovato');
    }
  });
}

function hostOf(raw: string): string {
  try {
    return new URL(raw).hostname;
  } catch {
    return '';
  }
}

/** "Informazioni su Cortile": version, data folder, database schema, licence. */
async function showAbout(core: AppCore, parent: BrowserWindow | null): Promise<void> {
  const result = await core.dispatch('app.about', {});
  if (!result.ok) return;
  const text = aboutDialog(result.value as AppAbout, {
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
  });
  const options = { type: 'info' as const, buttons: ['Chiudi'], noLink: true, ...text };
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

async function openLogFolder(): Promise<void> {
  const folder = path.join(dataDir, 'logs');
  fs.mkdirSync(folder, { recursive: true });
  const problem = await shell.openPath(folder);
  if (problem !== '') log.warn('open log folder failed');
}

/**
 * A renderer that crashes or is killed: the technical reason goes to the log,
 * the user reads what happened, and the window is loaded again. The database
 * lives in this process and is untouched; calls are transactions, so a
 * half-done operation was written entirely or not at all.
 */
function watchRenderer(window: BrowserWindow): void {
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error('renderer gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    void dialog
      .showMessageBox(window, {
        type: 'error',
        title: CRASH_TITLE,
        message: RENDERER_GONE_MESSAGE,
        buttons: ['OK'],
      })
      .then(() => {
        if (!window.isDestroyed()) void window.loadURL(APP_ENTRY_URL);
      });
  });
  window.webContents.on('unresponsive', () => {
    log.warn('renderer unresponsive');
  });
}

/** After the data folder was moved: say so, then start again on the new folder. */
async function restartOnNewDataDir(parent: BrowserWindow | null, newDir: string): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'Cartella dei dati spostata',
    message: movedDataDirMessage(newDir),
    buttons: ['Riavvia Cortile'],
    noLink: true,
  };
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  app.relaunch();
  app.quit();
}

function registerIpc(core: AppCore, window: () => BrowserWindow | null): void {
  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (event.senderFrame === null || !isTrustedSenderUrl(event.senderFrame.url)) {
      log.warn('ipc refused', { reason: 'sender' });
      return forbidden();
    }
    if (!isCallName(name)) {
      log.warn('ipc refused', { reason: 'unknown call' });
      return unknownCall();
    }
    try {
      const result = await core.dispatch(name, input);
      if (name === 'dataFolder.move' && result.ok) {
        const { dataDir: newDir } = result.value as { dataDir: string };
        log.info('data folder moved: restarting');
        void restartOnNewDataDir(window(), newDir);
      }
      // Internal failures are logged by the dispatcher, with more detail.
      if (!result.ok && result.error.kind !== 'internal') {
        log.info('call not completed', { call: name, kind: result.error.kind });
      }
      return result;
    } catch (error) {
      log.error('call threw', { call: name, ...describeError(error) });
      return internalError();
    }
  });
}
