import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { ShellServices } from '../core/shell';

/**
 * Prints letters to one PDF at `outFile`. Up to `chunk` letters go to Chromium as one
 * document; a bigger batch is printed in chunks (so the HTML and the browser's page stay
 * bounded) and the chunks are merged with pdf-lib. Returns the number of pages.
 */
export async function printLetters<T>(
  shell: ShellServices,
  outFile: string,
  letters: readonly T[],
  toDocument: (chunk: readonly T[]) => string,
  chunk: number,
): Promise<number> {
  if (letters.length <= chunk) return (await shell.htmlToPdf(toDocument(letters), outFile)).pages;
  const parts: string[] = [];
  try {
    for (let at = 0; at < letters.length; at += chunk) {
      const part = `${outFile}.${parts.length}.part`;
      parts.push(part);
      await shell.htmlToPdf(toDocument(letters.slice(at, at + chunk)), part);
    }
    const merged = await PDFDocument.create();
    for (const part of parts) {
      const source = await PDFDocument.load(await fs.promises.readFile(part));
      const pages = await merged.copyPages(source, source.getPageIndices());
      for (const page of pages) merged.addPage(page);
    }
    merged.setProducer('Cortile');
    merged.setCreator('Cortile');
    await fs.promises.writeFile(outFile, await merged.save(), { mode: 0o600 });
    return merged.getPageCount();
  } finally {
    for (const part of parts) await fs.promises.rm(part, { force: true });
  }
}
