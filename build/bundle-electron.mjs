// Bundles the Electron main process and the preload into dist/electron/.
// The preload runs sandboxed, where only require('electron') works, so
// everything else it uses must be inside the one file.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'info',
  absWorkingDir: root,
};

try {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/main.ts'],
      outfile: 'dist/electron/main.cjs',
    }),
    build({
      ...common,
      entryPoints: ['electron/main/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
    }),
  ]);
} catch {
  // esbuild has already printed the errors.
  process.exitCode = 1;
}
