// Where the data folder lives. By default `%APPDATA%\Cortile`; an
// administrator can move it (see electron/handlers/data-folder.ts), and the
// new place is then written in a small pointer file in the default folder,
// which the Electron main process reads at start (`resolveDataDir`).
// No Electron import here: the main process, the handlers and the unit tests
// all use this module.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../db/atomic-file';

/** The pointer file's name, inside the default data folder. */
export const LOCATION_FILE = 'cortile-location.json';

const pointerSchema = z.object({
  dataDir: z.string().min(1),
  movedAt: z.string(),
});
export type DataLocationPointer = z.infer<typeof pointerSchema>;

/** What the hosting shell tells the core about data-folder moves. */
export interface DataLocationConfig {
  /** The default data folder (Windows: %APPDATA%\Cortile). */
  defaultDir: string;
  /** Where the pointer file goes: `<defaultDir>/cortile-location.json`. */
  pointerFile: string;
}

let configured: DataLocationConfig | null = null;

/**
 * Set by the Electron main process at start. The browser shell (tests,
 * demos) leaves it unset, and there the data folder cannot be moved.
 */
export function configureDataLocation(config: DataLocationConfig | null): void {
  configured = config;
}

export function dataLocationConfig(): DataLocationConfig | null {
  return configured;
}

export function locationConfigFor(defaultDir: string): DataLocationConfig {
  return { defaultDir, pointerFile: path.join(defaultDir, LOCATION_FILE) };
}

/** Writes the pointer atomically (a crash leaves the old pointer or the new one, never half a file). */
export function writeDataLocation(pointerFile: string, dataDir: string, at: Date): void {
  fs.mkdirSync(path.dirname(pointerFile), { recursive: true });
  const pointer: DataLocationPointer = { dataDir, movedAt: at.toISOString() };
  writeFileAtomic(pointerFile, `${JSON.stringify(pointer, null, 2)}\n`);
}

export type ResolvedDataDir =
  | { kind: 'ok'; dataDir: string; moved: boolean }
  /** The pointer names a folder that is not there (a disconnected drive, a share offline). */
  | { kind: 'unreachable'; dataDir: string }
  /** The pointer file exists but cannot be read. */
  | { kind: 'invalid' };

/**
 * The data folder to use at start: `CORTILE_DATA_DIR` when set (tests,
 * portable use), else the folder the pointer names, else the default.
 * A pointer to a missing folder is reported, never silently replaced by the
 * default: that would show an empty Cortile and invite a second database.
 */
export function resolveDataDir(defaultDir: string, env: NodeJS.ProcessEnv = process.env): ResolvedDataDir {
  const override = env.CORTILE_DATA_DIR;
  if (override !== undefined && override.trim() !== '') {
    return { kind: 'ok', dataDir: path.resolve(override), moved: false };
  }
  const pointerFile = path.join(defaultDir, LOCATION_FILE);
  let text: string;
  try {
    text = fs.readFileSync(pointerFile, 'utf8');
  } catch {
    return { kind: 'ok', dataDir: defaultDir, moved: false };
  }
  let pointer: DataLocationPointer;
  try {
    pointer = pointerSchema.parse(JSON.parse(text));
  } catch {
    return { kind: 'invalid' };
  }
  const dataDir = path.resolve(pointer.dataDir);
  if (!fs.existsSync(path.join(dataDir, 'cortile.keyring.json'))) return { kind: 'unreachable', dataDir };
  return { kind: 'ok', dataDir, moved: true };
}

// ---------- network shares ----------

/** `\\server\share\...` or `//server/share/...` (a UNC path), also `\\?\UNC\...`. */
export function isUncPath(p: string): boolean {
  if (/^\\\\\?\\UNC\\/i.test(p)) return true;
  // `\\?\C:\...` and `\\.\C:\...` are local paths in long or device form.
  return /^(\\\\|\/\/)(?![?.][\\/])[^\\/]+[\\/][^\\/]+/.test(p);
}

/** The drive letter of a Windows path (`D:\...` → `D`), or null. */
export function driveLetter(p: string): string | null {
  const match = /^([A-Za-z]):[\\/]/.exec(p);
  return match?.[1] ? match[1].toUpperCase() : null;
}

/**
 * Asks Windows whether a drive letter is a network drive (a mapped share):
 * `System.IO.DriveInfo.DriveType` through PowerShell. False elsewhere and
 * whenever Windows does not answer.
 */
export function isNetworkDrive(letter: string, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'win32' || !/^[A-Z]$/.test(letter)) return false;
  try {
    const out = execFileSync(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-Command', `[System.IO.DriveInfo]::new('${letter}').DriveType`],
      { encoding: 'utf8', timeout: 5000, windowsHide: true },
    );
    return out.trim() === 'Network';
  } catch {
    return false;
  }
}

/** True when the folder is on a network share: a UNC path, or a drive Windows reports as remote. */
export function isNetworkPath(
  p: string,
  probeDrive: (letter: string) => boolean = (letter) => isNetworkDrive(letter),
): boolean {
  if (isUncPath(p)) return true;
  const letter = driveLetter(p);
  return letter !== null && probeDrive(letter);
}
