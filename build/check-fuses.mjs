// Reads the fuses of a packaged Cortile.exe and compares them with
// electron-builder.yml's `electronFuses`; exits 1 on any difference.
// Run by .github/workflows/release.yml after packaging:
//   node build/check-fuses.mjs release/win-unpacked/Cortile.exe
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import yaml from 'js-yaml';

const ENABLE = 49; // '1' in the fuse wire
const DISABLE = 48; // '0'

/** `runAsNode` → `RunAsNode`, as @electron/fuses names them. */
export function fuseOptionName(configKey) {
  return configKey.charAt(0).toUpperCase() + configKey.slice(1);
}

/** The differences between the configured fuses and a read fuse wire, as lines; empty when they agree. */
export function compareFuses(configured, wire) {
  const problems = [];
  for (const [key, wanted] of Object.entries(configured)) {
    const option = FuseV1Options[fuseOptionName(key)];
    if (option === undefined) {
      problems.push(`${key}: unknown fuse`);
      continue;
    }
    const state = wire[option];
    const expected = wanted ? ENABLE : DISABLE;
    if (state !== expected) {
      problems.push(`${key}: expected ${wanted ? 'enabled' : 'disabled'}, found ${String(state)}`);
    }
  }
  return problems;
}

export function configuredFuses(root) {
  const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  return config.electronFuses;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const app = process.argv[2];
  if (!app) {
    console.error('usage: node build/check-fuses.mjs <path to Cortile.exe>');
    process.exit(2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const wire = await getCurrentFuseWire(app);
  const problems = compareFuses(configuredFuses(root), wire);
  if (problems.length > 0) {
    console.error(`Fuses of ${app} differ from electron-builder.yml:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log(`Fuses of ${app} match electron-builder.yml.`);
}
