// Sandboxed preload: exposes one function, `cortile.invoke(name, input)`,
// and nothing else. A sandboxed preload may only require('electron'), so
// esbuild bundles this file (and the contract it checks names against)
// into one CommonJS file.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../../shared/contract';
import { isCallName } from '../../shared/contract';

const IPC_CHANNEL = 'cortile:invoke';

const api = {
  /** Calls the main process; names outside the contract never reach it. */
  invoke(name: string, input: unknown): Promise<ApiResult<unknown>> {
    if (!isCallName(name)) {
      return Promise.resolve({ ok: false, error: { kind: 'not_found', message: 'Operazione sconosciuta.' } });
    }
    return ipcRenderer.invoke(IPC_CHANNEL, name, input) as Promise<ApiResult<unknown>>;
  },
};

contextBridge.exposeInMainWorld('cortile', api);
