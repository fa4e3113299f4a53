import type { ApiResult } from '../../shared/contract';
import { handlers } from '../handlers';
import { Dispatcher } from './dispatcher';
import type { Logger } from './logger';
import type { Outbox } from './outbox';
import { noShell, type ShellServices } from './shell';
import { Vault } from './vault';

export type { Logger } from './logger';

/** The app without a shell: both Electron and the loopback web shell host one of these. */
export interface AppCore {
  dispatch(name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  /** Closes the database cleanly (on quit, on a fatal error). */
  close(): void;
  /** Files prepared for the user, waiting to be saved. */
  readonly outbox: Outbox;
}

export interface AppCoreOptions {
  dataDir: string;
  log: Logger;
  clock?: () => number;
  /** Printing and file saving; without it those calls answer that they are not available here. */
  shell?: ShellServices;
}

export function createAppCore(options: AppCoreOptions): AppCore {
  const vault = new Vault(options.dataDir, options.log, options.clock);
  const shell = options.shell ?? noShell;
  const dispatcher = new Dispatcher(handlers, vault, options.log, shell);
  return {
    dispatch: (name, input) => dispatcher.dispatch(name, input),
    outbox: vault.outbox,
    close: () => {
      vault.close('session.end');
      void shell.close();
    },
  };
}
