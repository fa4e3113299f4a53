// electron-log behind the core's Logger interface. Callers pass call names,
// error kinds and counts, never what a person typed.
//
// The `node` entry, not `main`: electron-log/main registers its own
// `__ELECTRON_LOG__` IPC channels on import, which would let any renderer
// write into our log. We only log from the main process.
import path from 'node:path';
import electronLog from 'electron-log/node';
import type { Logger } from '../core/logger';
import { formatLogLine as line } from './security';

/** Sends log lines to `<dataDir>/logs/main.log` (rotated at 5 MB) and, in development, to the console. */
export function createMainLogger(dataDir: string, isPackaged: boolean): Logger {
  const file = path.join(dataDir, 'logs', 'main.log');
  electronLog.transports.file.resolvePathFn = () => file;
  electronLog.transports.file.maxSize = 5 * 1024 * 1024;
  electronLog.transports.file.level = 'info';
  electronLog.transports.console.level = isPackaged ? false : 'info';
  return {
    info: (message, meta) => {
      electronLog.info(line(message, meta));
    },
    warn: (message, meta) => {
      electronLog.warn(line(message, meta));
    },
    error: (message, meta) => {
      electronLog.error(line(message, meta));
    },
  };
}
