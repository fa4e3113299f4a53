import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { contract, CALL_NAMES } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { AppCore } from '../core/app-core';
import type { Logger } from '../core/logger';
import type { Download } from './chromium-shell';

/**
 * The largest request body accepted, in bytes: a 10 MB arrears statement
 * travels as base64 (about 13.3 MiB) inside the JSON of arrears.previewImport.
 */
export const MAX_BODY_BYTES = 15 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const ALLOWED_HOSTS = new Set(['127.0.0.1', 'localhost']);

export interface WebServerOptions {
  core: AppCore;
  rendererDir: string;
  token: string;
  log: Logger;
  /** One-time download links handed out by `files.deliver` (the Chromium shell). */
  downloads?: { takeDownload(token: string): Download | null };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(status === 413 ? { connection: 'close' } : {}),
  });
  res.end(text);
}

function hostAllowed(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return ALLOWED_HOSTS.has(name);
}

function tokenMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && crypto.timingSafeEqual(candidate, expected);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      resolve('too_large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Answer now and discard the rest, so the client reads a 413 instead of a dropped connection.
        req.off('data', collect);
        chunks.length = 0;
        req.resume();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', collect);
    req.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** The contract as JSON Schema, for `GET /api`. */
export function describeApi() {
  return {
    calls: CALL_NAMES.map((name) => {
      const def = contract[name];
      return {
        name,
        access: def.access,
        description: def.description,
        input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
      };
    }),
  };
}

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 name (RFC 6266). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Streams a file offered by `files.deliver` once; the link itself is the credential (random, single use, 2 minutes). */
function serveDownload(options: WebServerOptions, token: string, res: http.ServerResponse): void {
  const offer = /^[\w-]{32}$/.test(token) ? options.downloads?.takeDownload(token) : null;
  if (!offer) {
    send(res, 404, { error: 'Il file non è più disponibile: generarlo di nuovo.' });
    return;
  }
  const stream = fs.createReadStream(offer.path);
  stream.on('error', () => {
    if (!res.headersSent) send(res, 404, { error: 'Il file non è più disponibile: generarlo di nuovo.' });
    else res.destroy();
  });
  stream.once('open', () => {
    res.writeHead(200, {
      'content-type': offer.file.mime,
      'content-length': String(offer.file.bytes),
      'content-disposition': contentDisposition(offer.file.fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    stream.pipe(res);
  });
}

function serveStatic(rendererDir: string, urlPath: string, res: http.ServerResponse): void {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    send(res, 400, { error: 'Percorso non valido.' });
    return;
  }
  if (relative.includes('\0')) {
    send(res, 404, { error: 'Non trovato.' });
    return;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(root + path.sep)) {
    send(res, 404, { error: 'Non trovato.' });
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      send(res, 404, { error: 'Non trovato.' });
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(data);
  });
}

/**
 * The loopback shell: the renderer and the API on 127.0.0.1 only, every API
 * request carrying the per-run token, foreign Host headers refused (DNS
 * rebinding).
 */
export function createWebServer(options: WebServerOptions): http.Server {
  const expected = Buffer.from(options.token);

  async function apiResponse(req: http.IncomingMessage, url: URL): Promise<[number, unknown]> {
    if (!tokenMatches(expected, req.headers['x-cortile-token'])) {
      return [401, { error: 'Token mancante o non valido.' }];
    }
    if (url.pathname === '/api') {
      return req.method === 'GET' ? [200, describeApi()] : [405, { error: 'Metodo non ammesso.' }];
    }
    if (req.method !== 'POST') return [405, { error: 'Metodo non ammesso.' }];
    const body = await readBody(req);
    if (body === 'too_large') {
      return [413, { error: `Richiesta troppo grande (massimo ${String(MAX_BODY_BYTES)} byte).` }];
    }
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        return [400, { error: 'Il corpo della richiesta non è JSON valido.' }];
      }
    }
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      return [400, { error: 'Nome della chiamata non valido.' }];
    }
    return [200, await options.core.dispatch(name, input)];
  }

  return http.createServer((req, res) => {
    void (async () => {
      if (!hostAllowed(req.headers.host)) {
        send(res, 403, { error: 'Host non ammesso.' });
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        const [status, body] = await apiResponse(req, url);
        send(res, status, body);
      } else if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, { error: 'Metodo non ammesso.' });
      } else if (url.pathname.startsWith('/files/')) {
        serveDownload(options, url.pathname.slice('/files/'.length), res);
      } else {
        serveStatic(options.rendererDir, url.pathname, res);
      }
    })().catch((err: unknown) => {
      options.log.error('web request failed', { error: err instanceof Error ? err.name : 'unknown' });
      if (!res.headersSent) send(res, 500, { error: 'Errore interno.' });
      else res.destroy();
    });
  });
}
