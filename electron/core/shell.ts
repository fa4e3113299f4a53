import { AppError } from '../../db/errors';

/** A file a handler wrote for the user (see Outbox). */
export interface OutboxFile {
  id: string;
  fileName: string;
  mime: string;
  bytes: number;
  sha256: string;
}

/** How a file reached the user. */
export type Delivery =
  { result: 'saved'; path: string } | { result: 'download'; url: string } | { result: 'cancelled' };

/** What the system print dialog ended with. */
export type PrintOutcome = 'printed' | 'cancelled';

/**
 * What only the hosting shell can do. Electron prints with a hidden sandboxed
 * window and saves through the system dialog; the loopback web shell (and the
 * tests) print with Chromium and hand files over as a one-time download.
 */
export interface ShellServices {
  /** Prints one complete HTML document (A4, print CSS and backgrounds honoured) to a PDF file. */
  htmlToPdf(html: string, outFile: string): Promise<{ pages: number }>;
  /**
   * Shows the system print dialog for one complete HTML document (A4, print CSS honoured)
   * and prints it; `workFile` is where the shell may keep the document meanwhile (it
   * removes it). 'cancelled' when the user closed the dialog; a failed print throws.
   * Null where there is no system dialog to show: the web shell offers the PDF instead.
   */
  readonly printDialog: ((html: string, workFile: string) => Promise<PrintOutcome>) | null;
  /** Hands a finished outbox file to the user. `path` is where the outbox holds it. */
  deliver(file: OutboxFile, path: string): Promise<Delivery>;
  /** Releases what the shell holds (a browser, windows). */
  close(): Promise<void>;
}

const unavailable = (): never => {
  throw new AppError('internal', 'Stampa e salvataggio dei file non sono disponibili in questa modalità.');
};

/** For hosts that never print or save files (the seed, the benchmark of calls that need neither). */
export const noShell: ShellServices = {
  htmlToPdf: () => Promise.resolve(unavailable()),
  printDialog: null,
  deliver: () => Promise.resolve(unavailable()),
  close: () => Promise.resolve(),
};

/** Counts the page objects of a PDF written by Chromium (Skia writes no object streams). */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
