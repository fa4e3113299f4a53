import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { ApiResult, CallInput, CallName, CallOutput } from '../../shared/contract';
import { ROOT, startServer, type RunningServer } from './support/server';

export type ApiCall = <N extends CallName>(name: N, input: CallInput<N>) => Promise<ApiResult<CallOutput<N>>>;

interface Fixtures {
  server: RunningServer;
  /** The first address, with the token: open this one. */
  url: string;
  token: string;
  /** `POST /api/<name>` with the token, as the renderer does. */
  apiCall: ApiCall;
  /** Console errors and uncaught page errors seen so far. */
  consoleErrors: string[];
}

/** `POST /api/<name>` to one running web shell with its token, as the renderer does. */
export function apiFor(server: Pick<RunningServer, 'baseURL' | 'token'>): ApiCall {
  return async function apiCall<N extends CallName>(
    name: N,
    input: CallInput<N>,
  ): Promise<ApiResult<CallOutput<N>>> {
    const response = await fetch(`${server.baseURL}api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cortile-token': server.token },
      body: JSON.stringify(input),
    });
    return (await response.json()) as ApiResult<CallOutput<N>>;
  };
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring pattern.
  server: async ({}, use) => {
    const server = await startServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  url: async ({ server }, use) => {
    await use(server.url);
  },
  token: async ({ server }, use) => {
    await use(server.token);
  },
  baseURL: async ({ server }, use) => {
    await use(server.baseURL);
  },
  apiCall: async ({ server }, use) => {
    await use(apiFor(server));
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

export { expect } from '@playwright/test';

/** Keeps a screenshot of a key step under test-results/screens/. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(ROOT, 'test-results/screens', `${name}.png`),
    animations: 'disabled',
  });
}
