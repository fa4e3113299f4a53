import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import type { Db } from '../../db/connection';
import { silentLogger } from '../../electron/core/logger';
import { createWebServer, describeApi, MAX_BODY_BYTES } from '../../electron/web/server';
import { CALL_NAMES, contract, type ApiResult, type CallName } from '../../shared/contract';
import { setUpApp, tempDir, type TestApp } from './helpers';
import { createBuilding, createHousehold, createUnit } from './registry-fixtures';
import { openWithKey, unwrapKey } from './support';

/**
 * The bad-input campaign: every call of the contract (read from the contract
 * itself, so calls added later are included) receives generated malformed
 * input through the web shell's HTTP API. Every answer must be a validation,
 * forbidden or not_found error with an Italian message; the server must stay
 * up; and failed calls must change no table's row count and not the audit
 * chain.
 */

const TOKEN = 'token-della-campagna-di-input-errati';
const RUNS_PER_CALL = 12;
const ALLOWED_KINDS = new Set(['validation', 'forbidden', 'not_found']);

let app: TestApp;
let server: http.Server;
let port = 0;
let db: Db;

// The helpers remove the app's folder after each test, so each test starts its own.
beforeEach(async () => {
  app = await setUpApp();
  // A little data, so that ids 1, 2, 3 exist for many record types.
  const building = await createBuilding(app);
  const unit = await createUnit(app, building.id);
  await createHousehold(app, unit.id);
  const rendererDir = path.join(tempDir('cortile-fuzz-web-'), 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Cortile</title>');
  server = createWebServer({ core: app.core, rendererDir, token: TOKEN, log: silentLogger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  db = openWithKey(app.dir, await unwrapKey(app.dir));
}, 60_000);

afterEach(async () => {
  db.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function post(name: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${encodeURIComponent(name)}`,
        headers: { 'content-type': 'application/json', 'x-cortile-token': TOKEN },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Every table's row count and the head of the audit chain. */
function snapshot(): string {
  const tables = db.raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const counts = tables.map(
    ({ name }) =>
      `${name}=${(db.raw.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n}`,
  );
  const head = db.raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
    id: number;
    hash: string;
  };
  return `${counts.join(',')}|${head.id}:${head.hash}`;
}

// English words zod or a library would use; none may reach the user.
const ENGLISH = /\b(invalid|expected|received|required|unrecognized|must|should|too (big|small)|error)\b/i;
/** The message without quoted values (enum literals like "error" are not prose). */
const prose = (message: string) => message.replace(/"[^"]*"/g, '');
const ITALIAN =
  /[àèéìòù’]|\b(non|inserire|valore|valid[oa]|atteso|scegliere|massimo|almeno|deve|identificativo|data|manca|tropp[oaie]|lung[oa]|contiene|usare|indicare|chiave|campo|numero|intero|ammess[oi]|caratteri|[a-z]+(?:zione|zioni|mente|ato|ata|ati|ate|uto|uta|ito|ita|ire|are|ere|oso|osa|ente|enti))\b/i;

const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    "'; DROP TABLE households; --",
    "1' OR '1'='1",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '\u0000',
    'a\u0007b\u001b[31m',
    '\u202eabc',
    '2026-02-30',
    '2026-13-01',
    '2025-02-29',
    '31/12/2026',
    '0000-00-00',
    '2026-12-01T25:61',
    'NaN',
    '-1',
    '1e309',
    '../../etc/passwd',
    '\ud800',
    'null',
    '{"a":1}',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('x'.repeat(100_000), 'à'.repeat(5_000), 'N-'.repeat(20_000)),
);

const nastyNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0.5, 1.5, 2 ** 53, -(2 ** 53), 1e308, -1e308, 2 ** 31, 999_999_999, 1e-9),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(nastyNumber, nastyString), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(nastyNumber, nastyString), { maxKeys: 3 }),
);

interface Shape {
  keys: string[];
}

const shapes = new Map<string, Shape>(
  describeApi().calls.map((c) => {
    const props = (c.input as { properties?: Record<string, unknown> }).properties ?? {};
    return [c.name, { keys: Object.keys(props) }];
  }),
);

/** Malformed inputs for one call: wrong top-level types, nasty values for its fields, missing and unknown fields. */
function inputsFor(name: CallName): fc.Arbitrary<unknown> {
  const keys = shapes.get(name)?.keys ?? [];
  const withFields =
    keys.length === 0 ? fc.constant({}) : fc.record(Object.fromEntries(keys.map((k) => [k, nastyValue])));
  return fc.oneof(
    {
      weight: 1,
      arbitrary: fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.array(nastyValue, { maxLength: 3 })),
    },
    { weight: 4, arbitrary: withFields },
    {
      weight: 2,
      arbitrary: fc.tuple(withFields, fc.nat()).map(([value, i]) => {
        const dropped = keys[i % keys.length];
        return Object.fromEntries(Object.entries(value).filter(([key]) => key !== dropped));
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(withFields, fc.constantFrom('campoSconosciuto', '__proto__', 'constructor'), nastyValue)
        // A computed key defines an own property, even for __proto__.
        .map(([value, key, extra]) => ({ ...value, [key]: extra })),
    },
  );
}

describe('bad-input campaign', () => {
  it('answers every call of the contract with an Italian validation, forbidden or not_found error, changing nothing', async () => {
    let tried = 0;
    let skippedValid = 0;
    let state = snapshot();
    for (const name of CALL_NAMES) {
      const def = contract[name];
      await fc.assert(
        fc.asyncProperty(inputsFor(name), async (input) => {
          const body = JSON.stringify(input);
          // What the server will see, after JSON (undefined and -0 do not survive it).
          const seen = JSON.parse(body) as unknown;
          const valid = def.input.safeParse(seen ?? {}).success;
          // A well-formed input may legitimately succeed: only reads are sent then (a write would change data).
          if (valid && def.writes) {
            skippedValid += 1;
            return;
          }
          tried += 1;
          const reply = await post(name, body);
          expect(reply.status, `${name} ${body.slice(0, 200)}`).toBe(200);
          const result = JSON.parse(reply.text) as ApiResult<unknown>;
          if (result.ok) {
            expect(valid, `${name} accepted malformed input ${body.slice(0, 200)}`).toBe(true);
            state = snapshot();
            return;
          }
          const { kind, message } = result.error;
          expect(ALLOWED_KINDS.has(kind), `${name} answered ${kind}: ${message}`).toBe(true);
          expect(prose(message), `${name}: ${message}`).not.toMatch(ENGLISH);
          expect(message, `${name}: ${message}`).toMatch(ITALIAN);
          expect(snapshot(), `${name} changed data on a failed call`).toBe(state);
        }),
        { numRuns: RUNS_PER_CALL, seed: 20261202 },
      );
    }
    // The server is still up and still the same session.
    const status = JSON.parse((await post('app.status', '{}')).text) as ApiResult<{ state: string }>;
    expect(status.ok && status.value.state).toBe('unlocked');
    expect(verifyAuditChain(db.raw).intact).toBe(true);
    console.log(
      `bad-input campaign: ${tried} calls tried over ${CALL_NAMES.length} API calls (${skippedValid} well-formed inputs to writing calls not sent)`,
    );
    expect(tried).toBeGreaterThan(CALL_NAMES.length * (RUNS_PER_CALL / 2));
  }, 240_000);

  it('refuses malformed JSON with 400 and bodies over the limit with 413, and stays up', async () => {
    const before = snapshot();
    for (const body of ['{', '{"id": 1,}', 'undefined', "{'id': 1}", '\u0000', '[1, 2']) {
      const reply = await post('households.get', body);
      expect(reply.status, body).toBe(400);
      expect(reply.text).toContain('JSON');
    }
    const huge = JSON.stringify({ q: 'x'.repeat(MAX_BODY_BYTES) });
    const tooLarge = await post('households.list', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text).toContain('troppo grande');
    const unknown = JSON.parse((await post('nessuna.chiamata', '{}')).text) as ApiResult<unknown>;
    expect(unknown.ok ? '' : unknown.error.kind).toBe('not_found');
    expect(snapshot()).toBe(before);
    const status = JSON.parse((await post('app.status', '{}')).text) as ApiResult<{ state: string }>;
    expect(status.ok && status.value.state).toBe('unlocked');
  });
});
