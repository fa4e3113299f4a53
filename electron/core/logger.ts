/**
 * Technical log. Callers pass call names, error kinds and counts only: never
 * input values, names or other personal data.
 */
export type LogMeta = Record<string, string | number | boolean>;

export interface Logger {
  info(message: string, meta?: LogMeta): void;
  warn(message: string, meta?: LogMeta): void;
  error(message: string, meta?: LogMeta): void;
}

export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
};

/** Writes one JSON line per event to stderr (the web shell's log). */
export const stderrLogger: Logger = {
  info: (message, meta) => write('info', message, meta),
  warn: (message, meta) => write('warn', message, meta),
  error: (message, meta) => write('error', message, meta),
};

function write(level: string, message: string, meta?: LogMeta): void {
  process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level, message, ...meta })}\n`);
}
