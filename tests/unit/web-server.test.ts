import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/logger';
import { createWebServer, MAX_BODY_BYTES } from '../../electron/web/server';
import { CALL_NAMES } from '../../shared/contract';
import { startApp, tempDir } from './helpers';

const TOKEN = 'token-di-prova-abcdefghijklmnop';
const INDEX = '<!doctype html><title>Cortile</title><p>indice di prova</p>';
const SECRET = 'CONTENUTO-SEGRETO-FUORI-DALLA-CARTELLA';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let port = 0;

beforeEach(async () => {
  // A fixture renderer folder, with a secret file beside it that must never be served.
  const base = tempDir('cortile-web-');
  const rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
  fs.mkdirSync(path.join(base, 'renderer-other'));
  fs.writeFileSync(path.join(base, 'renderer-other', 'x.txt'), SECRET);
  const app = startApp(path.join(base, 'data'));
  server = createWebServer({ core: app.core, rendererDir, token: TOKEN, log: silentLogger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** One request with exactly the given method, raw path and headers (fetch cannot set Host). */
function request(
  method: string,
  rawPath: string,
  options: { headers?: Record<string, string | number>; body?: string | Buffer; setHost?: boolean } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: rawPath,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
        ...(options.setHost === false ? { setHost: false, headers: { ...options.headers } } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function api(name: string, body: unknown, headers: Record<string, string> = { 'x-cortile-token': TOKEN }) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return request('POST', `/api/${name}`, {
    headers: { 'content-type': 'application/json', ...headers },
    body: text,
  });
}

describe('the API', () => {
  it('answers 401 without the token or with a wrong one, and runs the call with it', async () => {
    const none = await api('app.status', {}, {});
    expect(none.status).toBe(401);
    const wrong = await api('app.status', {}, { 'x-cortile-token': `${TOKEN.slice(0, -1)}X` });
    expect(wrong.status).toBe(401);
    const longer = await api('app.status', {}, { 'x-cortile-token': `${TOKEN}X` });
    expect(longer.status).toBe(401);
    for (const refused of [none, wrong, longer]) expect(refused.body).not.toContain('needs_setup');

    const ok = await api('app.status', {});
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^application\/json/);
    const parsed = JSON.parse(ok.body) as { ok: boolean; value?: { state: string } };
    expect(parsed.ok).toBe(true);
    expect(parsed.value?.state).toBe('needs_setup');
  });

  it('carries call errors as a 200 with ok:false, as the dispatcher gives them', async () => {
    const reply = await api('operators.list', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'locked' } });
    const unknown = await api('nope', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('refuses a foreign Host header with 403, even with the token', async () => {
    for (const host of [
      'evil.example:1234',
      'evil.example',
      '127.0.0.1.evil.example',
      'localhost.evil.example:80',
    ]) {
      const reply = await request('POST', '/api/app.status', {
        headers: { host, 'x-cortile-token': TOKEN, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(reply.status, host).toBe(403);
      expect(reply.body).not.toContain('needs_setup');
      expect((await request('GET', '/', { headers: { host } })).status, host).toBe(403);
    }
    // No Host at all: Node itself answers 400 to HTTP/1.1 without Host; either way nothing is served.
    const missing = await request('GET', '/', { setHost: false });
    expect([400, 403]).toContain(missing.status);
    expect(missing.body).not.toContain(INDEX);
    // Control: the loopback names are accepted.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST']) {
      expect((await request('GET', '/', { headers: { host } })).status, host).toBe(200);
    }
  });

  it('answers 400 to a body that is not JSON', async () => {
    for (const body of ['{"ok": tru', 'nonsense', '{']) {
      const reply = await api('app.status', body);
      expect(reply.status, body).toBe(400);
      expect(reply.body).toMatch(/JSON/);
    }
  });

  it('answers 413 to a body over the limit with a declared length', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const reply = await request('POST', '/api/app.status', {
      headers: { 'x-cortile-token': TOKEN, 'content-length': big.length },
      body: big,
    });
    expect(reply.status).toBe(413);
  });

  it('answers 413, not a dropped connection, to a streamed (chunked) body over the limit', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const reply = await request('POST', '/api/app.status', {
      headers: { 'x-cortile-token': TOKEN, 'transfer-encoding': 'chunked' },
      body: big,
    });
    expect(reply.status).toBe(413);
  });

  it('answers a client error, not a server error, to a call name with broken percent-encoding', async () => {
    const reply = await request('POST', '/api/app.%E0%A4%A', {
      headers: { 'x-cortile-token': TOKEN, 'content-type': 'application/json' },
      body: '{}',
    });
    expect([400, 404]).toContain(reply.status);
  });

  it('accepts a body right at the limit', async () => {
    const body = `{}${' '.repeat(MAX_BODY_BYTES - 2)}`;
    const reply = await api('app.status', body);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  });

  it('lists every call with its input schema at GET /api', async () => {
    expect((await request('GET', '/api')).status).toBe(401);
    const reply = await request('GET', '/api', { headers: { 'x-cortile-token': TOKEN } });
    expect(reply.status).toBe(200);
    const { calls } = JSON.parse(reply.body) as {
      calls: { name: string; access: string; input: { type?: string } }[];
    };
    expect(calls.map((c) => c.name).sort()).toEqual([...CALL_NAMES].sort());
    for (const call of calls) {
      expect(call.input, call.name).toBeTypeOf('object');
      expect(call.input.type, call.name).toBe('object');
    }
    const setup = calls.find((c) => c.name === 'setup.create') as unknown as {
      input: { properties: { admin: { properties: { password: { minLength: number } } } } };
    };
    expect(setup.input.properties.admin.properties.password.minLength).toBe(12);
  });

  it('answers 405 to other methods on the API', async () => {
    const get = await request('GET', '/api/app.status', { headers: { 'x-cortile-token': TOKEN } });
    expect(get.status).toBe(405);
    const post = await request('POST', '/api', { headers: { 'x-cortile-token': TOKEN }, body: '{}' });
    expect(post.status).toBe(405);
    const put = await request('PUT', '/', {});
    expect(put.status).toBe(405);
  });
});

describe('the renderer files', () => {
  it('serves index.html with the security headers', async () => {
    const reply = await request('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    const csp = reply.headers['content-security-policy'];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect((await request('GET', '/index.html')).body).toBe(INDEX);
  });

  it.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/..%5csecret.txt',
    '/..%2frenderer-other%2fx.txt',
    '/missing.js',
  ])('answers 404 to %s and never serves a file outside the folder', async (rawPath) => {
    const reply = await request('GET', rawPath);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(SECRET);
    expect(reply.body).not.toContain('root:');
  });

  it.each(['/%00index.html', '/index.html%00.js', '/%E0%A4%A'])(
    'answers a client error, not a server error, to the malformed path %s',
    async (rawPath) => {
      const reply = await request('GET', rawPath);
      expect([400, 404]).toContain(reply.status);
      expect(reply.body).not.toContain(INDEX);
    },
  );
});
