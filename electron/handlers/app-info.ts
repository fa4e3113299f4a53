import { APP_VERSION } from '../../db/backup';
import { migrations } from '../../db/migrations';
import type { AppAbout } from '../../shared/contract';
import type { Handler } from '../core/context';

export const LICENCE =
  'Software proprietario: tutti i diritti riservati. Uso concesso alla cooperativa licenziataria.';

/** The newest migration this version of Cortile knows. */
export function appSchemaVersion(): string {
  return Object.keys(migrations).sort().at(-1) ?? '';
}

export const about: Handler<'app.about'> = (_input, ctx): AppAbout => {
  const session = ctx.vault.unlocked;
  let databaseSchemaVersion: string | null = null;
  if (session) {
    const row = session.db.raw.prepare('SELECT max(name) AS name FROM kysely_migration').get() as
      { name: string | null } | undefined;
    databaseSchemaVersion = row?.name ?? null;
  }
  return {
    version: APP_VERSION,
    dataDir: ctx.vault.paths.dir,
    schemaVersion: appSchemaVersion(),
    databaseSchemaVersion,
    licence: LICENCE,
  };
};

/** A stack frame as Chromium writes it for our bundle: `at fn (app://cortile/assets/x.js:1:2)`. */
const FRAME = /^at [\w$.<>[\] ]{0,160}\(?[a-z]+:\/\/[\w.:-]+\/[\w./-]*:\d+:\d+\)?$/;

/** At most this many renderer errors are logged per run, so a loop cannot fill the disk. */
export const MAX_REPORTS_PER_RUN = 50;
let reports = 0;

/** Tests only. */
export function resetReportCount(): void {
  reports = 0;
}

/**
 * Logs an uncaught renderer error: where it happened, its class and those
 * stack frames that are plainly code locations (never the message).
 */
export const reportError: Handler<'app.reportError'> = (input, ctx) => {
  reports += 1;
  if (reports <= MAX_REPORTS_PER_RUN) {
    const frames = input.frames.map((f) => f.trim()).filter((f) => FRAME.test(f));
    ctx.log.error('renderer error', {
      source: input.source,
      name: input.name,
      ...(frames.length > 0 ? { stack: frames.join(' | ') } : {}),
    });
  } else if (reports === MAX_REPORTS_PER_RUN + 1) {
    ctx.log.warn('renderer errors: further reports not logged in this run');
  }
  return { done: true };
};
