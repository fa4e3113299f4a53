import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppCore } from '../core/app-core';
import { ChromiumShell } from './chromium-shell';
import { stderrLogger } from '../core/logger';
import { createWebServer } from './server';

/**
 * `npm run web -- --data <folder> --port <n>`: the development and test
 * shell. Builds the renderer when its sources are newer than the build.
 */
const root = path.resolve(import.meta.dirname, '../..');
const rendererDir = path.join(root, 'dist/renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function ensureRendererBuilt(): void {
  const index = path.join(rendererDir, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'shared')));
  if (built >= sources) return;
  process.stderr.write('Compilazione dell’interfaccia in corso…\n');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write('La compilazione dell’interfaccia non è riuscita.\n');
    process.exit(1);
  }
}

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(root, '.data') },
    port: { type: 'string', default: '4810' },
    'no-build': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('Porta non valida: usare un numero da 0 a 65535 (0 = una porta libera qualsiasi).\n');
  process.exit(2);
}
if (!values['no-build']) ensureRendererBuilt();

const dataDir = path.resolve(values.data);
const shell = new ChromiumShell();
const core = createAppCore({ dataDir, log: stderrLogger, shell });
const token = crypto.randomBytes(24).toString('base64url');
const server = createWebServer({ core, rendererDir, token, log: stderrLogger, downloads: shell });

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`Cortile (web) è pronto: http://127.0.0.1:${actual}/?token=${token}\n`);
  process.stdout.write(`Cartella dei dati: ${dataDir}\n`);
});

function shutdown(): void {
  core.close();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
