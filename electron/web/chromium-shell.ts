import crypto from 'node:crypto';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { countPdfPages, type Delivery, type OutboxFile, type ShellServices } from '../core/shell';

/** How long a download link stays valid once offered. */
const LINK_TTL_MS = 2 * 60_000;

interface Offer {
  file: OutboxFile;
  path: string;
  expires: number;
}

/** A file offered as a one-time download; the server streams it and forgets the link. */
export interface Download {
  file: OutboxFile;
  path: string;
}

function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return fs.existsSync(candidate) ? candidate : undefined;
}

/**
 * The shell services of the loopback web shell and of the tests: PDFs are
 * printed by headless Chromium (Debian's, or Playwright's own), with
 * JavaScript off and every network request refused, so a printed document
 * can only show what its HTML carries (images as data: URLs); files are
 * handed over through a one-time link that the web server serves once.
 */
export class ChromiumShell implements ShellServices {
  private browser: Promise<Browser> | null = null;
  private readonly offers = new Map<string, Offer>();
  /** A headless browser has no print dialog to show: letters are saved as a PDF here. */
  readonly printDialog: ShellServices['printDialog'] = null;

  async htmlToPdf(html: string, outFile: string): Promise<{ pages: number }> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) =>
        route.request().url().startsWith('data:') ? route.continue() : route.abort(),
      );
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      await fs.promises.writeFile(outFile, pdf, { mode: 0o600 });
      return { pages: countPdfPages(pdf) };
    } finally {
      await context.close();
    }
  }

  deliver(file: OutboxFile, path: string): Promise<Delivery> {
    this.dropExpired();
    const token = crypto.randomBytes(24).toString('base64url');
    this.offers.set(token, { file, path, expires: Date.now() + LINK_TTL_MS });
    return Promise.resolve({ result: 'download', url: `/files/${token}` });
  }

  /** The file behind a link, once; null when unknown, used or expired. */
  takeDownload(token: string): Download | null {
    this.dropExpired();
    const offer = this.offers.get(token);
    this.offers.delete(token);
    return offer ? { file: offer.file, path: offer.path } : null;
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.offers.clear();
    if (browser) await (await browser).close();
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium
      .launch({
        executablePath: chromiumPath(),
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
      })
      .catch((err: unknown) => {
        this.browser = null; // the next print tries again
        throw err;
      });
    return this.browser;
  }

  private dropExpired(): void {
    const now = Date.now();
    for (const [token, offer] of this.offers) if (offer.expires < now) this.offers.delete(token);
  }
}
