import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers';

/**
 * The desktop shell's glue over Electron, run against a stand-in for the `electron` module
 * (no Electron binary on this machine; the real one is exercised by the packaged app). It
 * checks what Cortile asks of Electron and how it reads the answers: the print window's
 * isolation, the print options, the outcome of the system dialog, and the cleaning up.
 */

interface FakeWindow {
  options: Record<string, unknown>;
  loaded: { file: string; html: string } | null;
  printOptions: Record<string, unknown> | null;
  destroyed: boolean;
}

const fake = vi.hoisted(() => ({
  windows: [] as FakeWindow[],
  printAnswer: { success: true, failureReason: '' },
  requestFilter: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  partitions: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly state: FakeWindow;
    readonly webContents: {
      print: (options: Record<string, unknown>, cb: (success: boolean, reason: string) => void) => void;
      printToPDF: () => Promise<Buffer>;
    };
    constructor(options: Record<string, unknown>) {
      this.state = { options, loaded: null, printOptions: null, destroyed: false };
      fake.windows.push(this.state);
      this.webContents = {
        print: (printOptions, cb) => {
          this.state.printOptions = printOptions;
          setTimeout(() => cb(fake.printAnswer.success, fake.printAnswer.failureReason), 1);
        },
        printToPDF: () =>
          Promise.resolve(
            Buffer.from('%PDF-1.4 1 0 obj << /Type /Page >> 2 0 obj << /Type /Page >> /Type /Pages'),
          ),
      };
    }
    loadFile(file: string): Promise<void> {
      this.state.loaded = { file, html: fs.readFileSync(file, 'utf8') };
      return Promise.resolve();
    }
    destroy(): void {
      this.state.destroyed = true;
    }
  }
  return {
    BrowserWindow,
    app: { getPath: () => '/tmp' },
    dialog: { showSaveDialog: () => Promise.resolve({ canceled: true }) },
    session: {
      fromPartition: (name: string) => {
        fake.partitions.push(name);
        return {
          webRequest: {
            onBeforeRequest: (filter: typeof fake.requestFilter) => {
              fake.requestFilter = filter;
            },
          },
        };
      },
    },
  };
});

const { ElectronShell } = await import('../../electron/main/electron-shell');

const HTML = '<!doctype html><title>Lettere</title><p>Gentile Maria Rossi</p>';
const mainWindow = { id: 'main' };

beforeEach(() => {
  fake.windows.length = 0;
  fake.printAnswer = { success: true, failureReason: '' };
});

function shell() {
  return new ElectronShell(() => mainWindow as never);
}

describe('ElectronShell.printDialog', () => {
  it('opens the system dialog for an isolated hidden window in front of the app, then cleans up', async () => {
    const dir = tempDir();
    const work = path.join(dir, 'lettere.html');
    expect(await shell().printDialog(HTML, work)).toBe('printed');
    expect(fake.windows).toHaveLength(1);
    const [win] = fake.windows;
    expect(win!.options).toMatchObject({
      show: false,
      parent: mainWindow,
      webPreferences: {
        partition: 'cortile-print',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
      },
    });
    expect((win!.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(win!.loaded).toEqual({ file: work, html: HTML });
    expect(win!.printOptions).toEqual({
      silent: false,
      printBackground: true,
      pageSize: 'A4',
      margins: { marginType: 'default' },
    });
    expect(win!.destroyed).toBe(true);
    expect(fs.existsSync(work)).toBe(false);
  });

  it('reads a closed dialog as cancelled and a failed print as an Italian error, cleaning up either way', async () => {
    const dir = tempDir();
    fake.printAnswer = { success: false, failureReason: 'Print job canceled' };
    expect(await shell().printDialog(HTML, path.join(dir, 'a.html'))).toBe('cancelled');
    fake.printAnswer = { success: false, failureReason: 'Print job failed' };
    await expect(shell().printDialog(HTML, path.join(dir, 'b.html'))).rejects.toMatchObject({
      kind: 'internal',
      message: expect.stringContaining('La stampa non è riuscita') as unknown,
    });
    expect(fake.windows.every((w) => w.destroyed)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('lets the print session load only local files and data: URLs', async () => {
    await shell().printDialog(HTML, path.join(tempDir(), 'c.html'));
    expect(fake.partitions).toContain('cortile-print');
    const answer = (url: string) => {
      let cancel: boolean | null = null;
      fake.requestFilter?.({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(answer('file:///C:/Users/x/outbox/lettere.html')).toBe(false);
    expect(answer('data:image/png;base64,AAAA')).toBe(false);
    expect(answer('https://example.com/pixel.png')).toBe(true);
    expect(answer('http://127.0.0.1:9/x')).toBe(true);
  });
});

describe('ElectronShell.htmlToPdf', () => {
  it('prints A4 with the document’s own page size, counts the pages, and removes the HTML beside the PDF', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'lettere.pdf');
    expect(await shell().htmlToPdf(HTML, out)).toEqual({ pages: 2 });
    const [win] = fake.windows;
    // Not attached to the app's window: nothing is shown.
    expect(win!.options.parent).toBeUndefined();
    expect(win!.destroyed).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['lettere.pdf']);
  });
});
