import type { ApiError, ApiResult } from '../../../shared/contract';
import { TRANSPORT_ERRORS } from './messages';
import { getToken } from './token';

interface CortileBridge {
  invoke(name: string, input: unknown): Promise<ApiResult<unknown>>;
}

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the web shell. */
    cortile?: CortileBridge;
  }
}

const fail = (error: ApiError): ApiResult<unknown> => ({ ok: false, error: { ...error } });

function isApiResult(body: unknown): body is ApiResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const { error } = body;
  return (
    typeof error === 'object' &&
    error !== null &&
    'kind' in error &&
    typeof error.kind === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

async function overHttp(name: string, input: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cortile-token': getToken() ?? '' },
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    return fail(TRANSPORT_ERRORS.unreachable);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok) return isApiResult(body) ? body : fail(TRANSPORT_ERRORS.badAnswer);
  if (response.status === 401 || response.status === 403) return fail(TRANSPORT_ERRORS.forbidden);
  if (response.status === 400) return fail(TRANSPORT_ERRORS.badRequest);
  return isApiResult(body) ? body : fail(TRANSPORT_ERRORS.badAnswer);
}

async function overIpc(bridge: CortileBridge, name: string, input: unknown): Promise<ApiResult<unknown>> {
  try {
    const result = await bridge.invoke(name, input ?? {});
    return isApiResult(result) ? result : fail(TRANSPORT_ERRORS.badAnswer);
  } catch {
    return fail(TRANSPORT_ERRORS.unreachable);
  }
}

/** Sends one call over whichever transport hosts the page. Never throws. */
export function send(name: string, input: unknown): Promise<ApiResult<unknown>> {
  const bridge = window.cortile;
  return typeof bridge?.invoke === 'function' ? overIpc(bridge, name, input) : overHttp(name, input);
}
