import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface RunningServer {
  url: string;
  token: string;
  baseURL: string;
  dataDir: string;
  /** Stops the shell; the data folder is removed unless `keepData` (to start again on it). */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
}

const READY = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+)/;

/** Waits for the first stdout line, which carries the address and the token. */
function firstLine(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`web shell not ready in 30 s\n${stderr()}`)), 30_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(buffer.slice(0, end));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web shell exited (code ${String(code)}) before it was ready\n${stderr()}`));
    });
  });
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts the loopback web shell (`electron/web/cli.ts`) on a free port with a
 * fresh data folder. One node process (tsx as a loader), so stopping it is
 * one signal to one pid.
 */
export async function startServer(options: { dataDir?: string } = {}): Promise<RunningServer> {
  // A folder given (e.g. a seeded data set) is removed on stop like a fresh one.
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/cli.ts', '--data', dataDir, '--port', '0', '--no-build'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });

  const stop = async (options: { keepData?: boolean } = {}) => {
    if (!(await exited(child, 0))) {
      child.kill('SIGTERM');
      if (!(await exited(child, 5_000))) child.kill('SIGKILL');
      await exited(child, 5_000);
    }
    if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const line = await firstLine(child, () => stderr);
    const match = READY.exec(line);
    if (!match?.[1] || !match[2]) throw new Error(`unexpected first line: ${line}`);
    const baseURL = `http://127.0.0.1:${match[1]}/`;
    return { url: `${baseURL}?token=${match[2]}`, token: match[2], baseURL, dataDir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
