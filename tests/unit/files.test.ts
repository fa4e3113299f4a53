import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWebServer } from '../../electron/web/server';
import { silentLogger } from '../../electron/core/logger';
import { setUpApp, tempDir } from './helpers';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function get(
  port: number,
  urlPath: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

describe('outbox and delivery', () => {
  it('hands a finished file to its operator once, through a one-time link', async () => {
    const app = await setUpApp();
    const outbox = app.core.outbox;
    const { id, path: file } = outbox.create(1, 'cortile_prova_2026.csv', 'text/csv; charset=utf-8');
    fs.writeFileSync(file, 'a;b\r\n1;2\r\n');
    const finished = await outbox.finish(id);
    expect(finished.bytes).toBe(10);
    expect(fs.statSync(file).mode & 0o077).toBe(0);

    // Another operator cannot take it; a made-up id is not found.
    expect(() => outbox.get(id, 2)).toThrow(/non è più disponibile/);
    const missing = await app.call('files.deliver', { id: 'f'.repeat(32) });
    expect(missing.ok ? null : missing.error.kind).toBe('not_found');
    const invalid = await app.call('files.deliver', { id: '../../cortile.db' });
    expect(invalid.ok ? null : invalid.error.kind).toBe('validation');

    const delivered = await app.ok('files.deliver', { id });
    expect(delivered.result).toBe('download');
    const url = delivered.result === 'download' ? delivered.url : '';

    const server = createWebServer({
      core: app.core,
      rendererDir: tempDir(),
      token: 'x'.repeat(32),
      log: silentLogger,
      downloads: app.shell,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const first = await get(port, url);
      expect(first.status).toBe(200);
      expect(first.body.toString()).toBe('a;b\r\n1;2\r\n');
      expect(first.headers['content-disposition']).toContain('cortile_prova_2026.csv');
      const again = await get(port, url);
      expect(again.status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('empties the outbox when the session is locked', async () => {
    const app = await setUpApp();
    const { id, path: file } = app.core.outbox.create(1, 'x.csv', 'text/csv');
    await app.core.outbox.finish(id);
    await app.ok('session.lock', {});
    expect(fs.existsSync(file)).toBe(false);
  });

  it.runIf(hasPdftotext)('prints HTML to an A4 PDF with Chromium, scripts and network off', async () => {
    const app = await setUpApp();
    const dir = tempDir();
    const out = path.join(dir, 'prova.pdf');
    const html = `<!doctype html><html><head><style>@page { size: A4; margin: 20mm }
      .page { break-after: page }</style></head><body>
      <div class="page">Prima pagina per Ioana Văduva</div><div>Seconda pagina</div>
      <img src="http://127.0.0.1:9/spia.png"><script>document.body.append('SCRIPT ESEGUITO')</script>
      </body></html>`;
    const { pages } = await app.shell.htmlToPdf(html, out);
    expect(pages).toBe(2);
    const info = execFileSync('pdfinfo', [out]).toString();
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const text = execFileSync('pdftotext', [out, '-']).toString();
    expect(text).toContain('Ioana Văduva');
    expect(text).not.toContain('SCRIPT ESEGUITO');
  });
});
