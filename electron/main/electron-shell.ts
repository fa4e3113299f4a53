import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { AppError } from '../../db/errors';
import {
  countPdfPages,
  type Delivery,
  type OutboxFile,
  type PrintOutcome,
  type ShellServices,
} from '../core/shell';

/** A separate session for printing: no cache shared with the app, every request but local files refused. */
const PRINT_PARTITION = 'cortile-print';

/**
 * The desktop shell's services. Documents are printed by a hidden window
 * that has no preload, runs no script and may load nothing from outside
 * (images travel inside the HTML as data: URLs); files are saved through
 * the system "Salva con nome" dialog.
 */
export class ElectronShell implements ShellServices {
  private guarded = false;

  constructor(private readonly parentWindow: () => BrowserWindow | null) {}

  async htmlToPdf(html: string, outFile: string): Promise<{ pages: number }> {
    // A file beside the output rather than a data: URL, which Chromium caps at 2 MB.
    const source = `${outFile}.html`;
    return this.withPrintWindow(html, source, false, async (window) => {
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
      });
      await fs.promises.writeFile(outFile, pdf, { mode: 0o600 });
      return { pages: countPdfPages(pdf) };
    });
  }

  /**
   * The system print dialog over the app's window, for the same hidden window that makes
   * PDFs. Margins 'default' keep the document's own @page margins (the window envelope's
   * address block depends on them).
   */
  readonly printDialog = (html: string, workFile: string): Promise<PrintOutcome> =>
    this.withPrintWindow(html, workFile, true, async (window) => {
      const { success, failureReason } = await new Promise<{ success: boolean; failureReason: string }>(
        (resolve) => {
          window.webContents.print(
            {
              silent: false,
              printBackground: true,
              pageSize: 'A4',
              margins: { marginType: 'default' },
            },
            (ok, reason) => resolve({ success: ok, failureReason: reason }),
          );
        },
      );
      if (success) return 'printed';
      // Chromium answers "Print job canceled" when the dialog is closed.
      if (/cancel/i.test(failureReason)) return 'cancelled';
      throw new AppError(
        'internal',
        'La stampa non è riuscita: controllare la stampante, oppure salvare il PDF e stamparlo da lì.',
      );
    });

  /** Loads `html` from `source` into a hidden, script-less window in the print session. */
  private async withPrintWindow<T>(
    html: string,
    source: string,
    ownedByApp: boolean,
    use: (window: BrowserWindow) => Promise<T>,
  ): Promise<T> {
    this.guardPrintSession();
    await fs.promises.writeFile(source, html, { mode: 0o600 });
    const parent = ownedByApp ? this.parentWindow() : null;
    const window = new BrowserWindow({
      show: false,
      // The print dialog belongs to the app's window, so it opens in front of it.
      ...(parent ? { parent } : {}),
      webPreferences: {
        partition: PRINT_PARTITION,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    try {
      await window.loadFile(source);
      return await use(window);
    } finally {
      window.destroy();
      await fs.promises.rm(source, { force: true });
    }
  }

  async deliver(file: OutboxFile, from: string): Promise<Delivery> {
    const parent = this.parentWindow();
    const options = {
      title: 'Salva con nome',
      defaultPath: path.join(app.getPath('documents'), file.fileName),
      buttonLabel: 'Salva',
      filters: filtersFor(file.fileName),
    };
    const choice = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { result: 'cancelled' };
    await fs.promises.copyFile(from, choice.filePath);
    return { result: 'saved', path: choice.filePath };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private guardPrintSession(): void {
    if (this.guarded) return;
    this.guarded = true;
    session.fromPartition(PRINT_PARTITION).webRequest.onBeforeRequest((details, callback) => {
      const allowed = details.url.startsWith('file:') || details.url.startsWith('data:');
      callback({ cancel: !allowed });
    });
  }
}

function filtersFor(fileName: string): Electron.FileFilter[] {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const names: Record<string, string> = { csv: 'File CSV', pdf: 'Documento PDF', json: 'File JSON' };
  return ext ? [{ name: names[ext] ?? ext.toUpperCase(), extensions: [ext] }] : [];
}
