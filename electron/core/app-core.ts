import type { ApiResult } from '../../shared/contract';
import { handlers } from '../handlers';
import { Dispatcher } from './dispatcher';
import type { Logger } from './logger';
import { Vault } from './vault';

export type { Logger } from './logger';

/** The app without a shell: both Electron and the loopback web shell host one of these. */
export interface AppCore {
  dispatch(name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  /** Closes the database cleanly (on quit, on a fatal error). */
  close(): void;
}

export function createAppCore(options: { dataDir: string; log: Logger; clock?: () => number }): AppCore {
  const vault = new Vault(options.dataDir, options.log, options.clock);
  const dispatcher = new Dispatcher(handlers, vault, options.log);
  return {
    dispatch: (name, input) => dispatcher.dispatch(name, input),
    close: () => vault.close('session.end'),
  };
}
