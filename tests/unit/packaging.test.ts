// The Windows installer's configuration, checked without building it (the
// Electron binary and NSIS cannot be downloaded here): electron-builder's own
// schema validation, the fuses and NSIS values the issue asks for, the CLI,
// and the list of files the `files` patterns would put into the package,
// computed with electron-builder's own file matchers over the real tree.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');

type Config = Record<string, unknown> & {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  win: { target: { target: string; arch: string[] }[]; icon: string };
  directories: { output: string; buildResources: string };
};

interface FileStat {
  isDirectory(): boolean;
  moduleFullFilePath?: string;
}
type Filter = (file: string, stat: FileStat) => boolean;
interface Matcher {
  from: string;
  patterns: string[];
  createFilter(): Filter;
}

const configModule = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const fileMatcher = require('app-builder-lib/out/fileMatcher.js') as {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (s: string) => string,
    platformOptions: Record<string, unknown>,
    platformPackager: { info: unknown },
    outDir: string,
    isElectronCompile: boolean,
  ): Matcher[];
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (s: string) => string,
    platformOptions: Record<string, unknown>,
    packager: unknown,
  ): Matcher;
};

const noDebug = { isEnabled: false, add: () => undefined };

function loadConfig(): Config {
  return yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;
}

function validate(config: unknown): Promise<void> {
  return configModule.validateConfiguration(config, noDebug);
}

describe('electron-builder.yml', () => {
  const config = loadConfig();

  it("passes electron-builder's own schema validation", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('is really validated: a misspelt NSIS option and a wrong fuse type are refused', async () => {
    await expect(validate({ ...config, nsis: { ...config.nsis, oneclick: false } })).rejects.toThrow(
      /configuration\.nsis/,
    );
    await expect(
      validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } }),
    ).rejects.toThrow(/electronFuses/);
    await expect(validate({ ...config, fuses: {} })).rejects.toThrow(/fuses/);
  });

  it('sets every fuse the issue asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an Italian, per-machine, assisted NSIS installer for x64 that keeps the data', () => {
    expect(config.appId).toBe('it.cortile.app');
    expect(config.productName).toBe('Cortile');
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: true,
      language: '1040',
      installerLanguages: ['it_IT'],
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
      shortcutName: 'Cortile',
    });
    expect(config.nsis.createDesktopShortcut).toBeTruthy();
    // The artifact name has no spaces once the version is filled in.
    const artifact = String(config.nsis.artifactName).replace('${version}', pkg.version);
    expect(artifact).toBe(`Cortile-Setup-${pkg.version}-x64.exe`);
    expect(artifact).not.toMatch(/\s/);
  });

  it('points at icons that exist: a multi-size .ico with a 256 px image', () => {
    for (const icon of [config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon]) {
      expect(icon).toBe('build/icon.ico');
    }
    const ico = fs.readFileSync(path.join(root, 'build/icon.ico'));
    // ICONDIR: reserved 0, type 1 (icon), then the number of images.
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + i * 16) || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const png = fs.readFileSync(path.join(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('packs into asar and unpacks the native driver, rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**');
    expect(config.npmRebuild).toBe(true);
    expect(pkg.dependencies).toEqual({ 'better-sqlite3-multiple-ciphers': expect.any(String) });
  });

  it('the electron-builder CLI runs', () => {
    const cli = path.join(root, 'node_modules/electron-builder/cli.js');
    const result = spawnSync(process.execPath, [cli, '--help'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--win/);
    expect(result.stdout).toMatch(/--publish/);
  });
});

// ---------- the file list ----------

const identity = (s: string) => s;

/** Walks `dir` as electron-builder's copier does: a directory the filter refuses is not entered. */
function walk(dir: string, filter: Filter, out: string[], statFor: (file: string) => FileStat): void {
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const stat = statFor(file);
    if (!filter(file, stat)) continue;
    if (stat.isDirectory()) walk(file, filter, out, statFor);
    else out.push(file);
  }
}

/** The app's own files the `files` patterns select, relative to the project. */
function appFiles(config: Config): string[] {
  const packagerInfo = {
    projectDir: root,
    buildResourcesDir: config.directories.buildResources,
    config,
    isPrepackedAppAsar: false,
    debugLogger: noDebug,
  };
  const matchers = fileMatcher.getMainFileMatchers(
    root,
    '/resources/app',
    identity,
    config.win,
    { info: packagerInfo },
    path.join(root, config.directories.output),
    false,
  );
  const [matcher, ...others] = matchers;
  if (!matcher || others.length > 0) throw new Error('expected one file matcher');
  const filter = matcher.createFilter();
  const out: string[] = [];
  walk(root, filter, out, (file) => fs.lstatSync(file));
  return out.map((f) => path.relative(root, f).split(path.sep).join('/'));
}

/** Production dependencies as npm resolves them (what electron-builder copies), relative paths. */
function productionModules(): string[] {
  const result = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: root,
    encoding: 'utf8',
  });
  return result.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== root)
    .map((l) => path.relative(root, l).split(path.sep).join('/'));
}

/** The files of the production dependencies the node-module matcher keeps. */
function moduleFiles(config: Config, modules: string[]): string[] {
  const matcher = fileMatcher.getNodeModuleFileMatcher(root, '/resources/app', identity, config.win, {
    config,
    debugLogger: noDebug,
  });
  const filter = matcher.createFilter();
  const out: string[] = [];
  for (const mod of modules) {
    const statFor = (file: string): FileStat => {
      const stat = fs.lstatSync(file) as FileStat;
      stat.moduleFullFilePath = path.relative(root, file).split(path.sep).join('/');
      return stat;
    };
    const files: string[] = [];
    // Nested node_modules are walked as modules of their own.
    walk(
      path.join(root, mod),
      (file, stat) => path.basename(file) !== 'node_modules' && filter(file, stat),
      files,
      statFor,
    );
    out.push(...files.map((f) => path.relative(root, f).split(path.sep).join('/')));
  }
  return out;
}

describe('what goes into the package', () => {
  const config = loadConfig();
  let files: string[] = [];
  let modules: string[] = [];

  beforeAll(() => {
    // The Electron bundle is quick to make; the renderer is checked when a build left it in dist/.
    if (!fs.existsSync(path.join(root, 'dist/electron/main.cjs'))) {
      const build = spawnSync(process.execPath, ['build/bundle-electron.mjs'], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(build.status).toBe(0);
    }
    files = appFiles(config);
    modules = productionModules();
  });

  it('holds the bundled app and package.json', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('dist/electron/main.cjs');
    expect(files).toContain('dist/electron/preload.cjs');
    if (fs.existsSync(path.join(root, 'dist/renderer/index.html'))) {
      expect(files).toContain('dist/renderer/index.html');
    }
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('holds nothing else: no sources, tests, maps, build scripts or configuration', () => {
    const outside = files.filter((f) => f !== 'package.json' && !f.startsWith('dist/'));
    expect(outside).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|map)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(tests?|__tests__)\//.test(f))).toEqual([]);
  });

  it('would refuse sources, tests and maps if they were in dist/ (the patterns are not vacuous)', () => {
    const [matcher] = fileMatcher.getMainFileMatchers(
      root,
      '/resources/app',
      identity,
      config.win,
      {
        info: {
          projectDir: root,
          buildResourcesDir: 'build',
          config,
          isPrepackedAppAsar: false,
          debugLogger: noDebug,
        },
      },
      path.join(root, 'release'),
      false,
    );
    if (!matcher) throw new Error('no file matcher');
    const filter = matcher.createFilter();
    const fileStat: FileStat = { isDirectory: () => false };
    const keeps = (rel: string) => filter(path.join(root, rel), fileStat);
    expect(keeps('dist/renderer/assets/index-abc.js')).toBe(true);
    expect(keeps('dist/renderer/assets/index-abc.js.map')).toBe(false);
    expect(keeps('electron/main/main.ts')).toBe(false);
    expect(keeps('tests/unit/packaging.test.ts')).toBe(false);
    expect(keeps('electron-builder.yml')).toBe(false);
    expect(keeps('build/icon.svg')).toBe(false);
  });

  it('brings only the database driver and its own dependencies, never a dev dependency', () => {
    const dev = new Set(Object.keys(pkg.devDependencies));
    const names = modules.map((m) => m.replace(/^.*node_modules\//, ''));
    expect(names).toContain('better-sqlite3-multiple-ciphers');
    expect(names.filter((n) => dev.has(n))).toEqual([]);
    for (const heavy of ['electron', 'react', 'vite', 'typescript', 'kysely', 'zod', 'vitest']) {
      expect(names).not.toContain(heavy);
    }
  });

  it("keeps the driver's JavaScript and binary but not its C sources or build leftovers", () => {
    const driver = moduleFiles(config, ['node_modules/better-sqlite3-multiple-ciphers']);
    const prefix = 'node_modules/better-sqlite3-multiple-ciphers/';
    expect(driver).toContain(`${prefix}lib/index.js`);
    expect(driver).toContain(`${prefix}package.json`);
    expect(driver).toContain(`${prefix}build/Release/better_sqlite3.node`);
    expect(driver.filter((f) => f.startsWith(`${prefix}deps/`) || f.startsWith(`${prefix}src/`))).toEqual([]);
    expect(driver.filter((f) => f.includes('/obj.target/') || f.includes('/obj/'))).toEqual([]);
    expect(driver.filter((f) => f.endsWith('.a') || f.endsWith('test_extension.node'))).toEqual([]);
  });
});
