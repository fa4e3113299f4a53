#!/usr/bin/env node
// `npm test`: static checks, unit tests (Vitest) and browser end-to-end tests
// (Playwright), then one closing line "N passed, N failed" over every suite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });

let passed = 0;
let failed = 0;
const summary = [];

function run(label, command, args) {
  console.log(`\n=== ${label}: ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return result.status ?? 1;
}

/** A static check counts as one test. */
function check(label, command, args) {
  const ok = run(label, command, args) === 0;
  if (ok) passed += 1;
  else failed += 1;
  summary.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}

/** Reads a JSON report; a missing or unreadable report is a failure, never zero tests. */
function report(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  } catch {
    return null;
  }
}

check('typecheck (node)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json']);
check('typecheck (renderer)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.web.json']);
check('typecheck (e2e tests)', bin('tsc'), ['--noEmit', '-p', 'tests/e2e/tsconfig.json']);
check('eslint', bin('eslint'), ['--max-warnings=0', '.']);
check('prettier', bin('prettier'), ['--check', '.']);

fs.rmSync(path.join(root, 'test-results/unit-report.json'), { force: true });
const unitStatus = run('unit tests', bin('vitest'), ['run']);
const unit = report('test-results/unit-report.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  summary.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
}
if (!unit || (unitStatus !== 0 && unit.numFailedTests === 0)) {
  failed += 1;
  summary.push(`unit: the runner failed (exit ${unitStatus})`);
}

fs.rmSync(path.join(root, 'test-results/e2e-report.json'), { force: true });
const e2eStatus = run('end-to-end tests', bin('playwright'), ['test']);
const e2e = report('test-results/e2e-report.json');
if (e2e) {
  const s = e2e.stats;
  const bad = s.unexpected + s.flaky;
  passed += s.expected;
  failed += bad;
  summary.push(`e2e: ${s.expected} passed, ${bad} failed, ${s.skipped} skipped`);
}
if (!e2e || (e2eStatus !== 0 && e2e.stats.unexpected === 0)) {
  failed += 1;
  summary.push(`e2e: the runner failed (exit ${e2eStatus})`);
}

console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
