// Pure security rules for the main process. No `electron` import here, so
// that Vitest can check every rule without an Electron binary.
import nodePath from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { LogMeta } from '../core/logger';

/** The custom scheme that serves the renderer, and its only host. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cortile';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True when `raw` is a URL of the app's own origin (`app://cortile`).
 * Compares scheme and host rather than `URL.origin`: Node reports `null` as
 * the origin of custom schemes, Chromium does not.
 */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** The sender-frame check for IPC: only a frame showing the app's own pages may call. */
export function isTrustedSenderUrl(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** In-window navigation is allowed only inside the app itself. */
export function isAllowedNavigation(raw: string): boolean {
  return isAppUrl(raw);
}

/** Links that may be handed to the operating system: https pages and e-mail addresses only. */
export function isAllowedExternalUrl(raw: string): boolean {
  const url = parseUrl(raw);
  if (url === null) return false;
  if (url.protocol === 'https:') return url.hostname !== '' && url.username === '' && url.password === '';
  return url.protocol === 'mailto:';
}

/**
 * Maps a request URL of the app scheme to a file inside `root`, or `null`
 * when the URL is for another scheme or host, or would leave `root`
 * (`..`, encoded `%2e%2e` or `%2f`, backslashes, NUL bytes, absolute paths).
 * `pathModule` lets tests check the Windows rules on any platform.
 */
export function resolveAppFile(
  requestUrl: string,
  root: string,
  pathModule: nodePath.PlatformPath = nodePath,
): string | null {
  const url = parseUrl(requestUrl);
  if (url === null || !isAppUrl(requestUrl)) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // A backslash or a colon has no business in our asset names; on Windows
  // either could change what the path means.
  if (decoded.includes('\\') || decoded.includes(':')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;

  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootResolved = pathModule.resolve(root);
  const resolved = pathModule.resolve(rootResolved, relative);
  const fromRoot = pathModule.relative(rootResolved, resolved);
  if (fromRoot === '' || fromRoot.startsWith('..') || pathModule.isAbsolute(fromRoot)) return null;
  return resolved;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Content type for a served file, by extension; unknown files are opaque bytes. */
export function contentTypeFor(filePath: string): string {
  const ext = nodePath.extname(filePath).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** Headers sent with every response of the app scheme, errors included. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/** One log line: the message, then `key=value` pairs with JSON-quoted values. */
export function formatLogLine(message: string, meta?: LogMeta): string {
  if (meta === undefined) return message;
  const pairs = Object.entries(meta).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  return pairs.length === 0 ? message : `${message} ${pairs.join(' ')}`;
}

// Folders in a stack trace can hold the Windows user name: keep file names only.
const DIRECTORY_PREFIX = /(?:file:\/\/\/?)?(?:[A-Za-z]:)?(?:[\\/][^\\/\s()]*)*[\\/]/g;

function stripDirectories(frame: string): string {
  return frame.replace(DIRECTORY_PREFIX, '');
}

/**
 * What may be logged of an unexpected error: its class, its code and its
 * stack frames, but not its message, which can quote personal data.
 */
export function describeError(error: unknown): LogMeta {
  if (!(error instanceof Error)) return { type: typeof error };
  const meta: LogMeta = { name: error.name };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') meta.code = code;
  const frames = (error.stack ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('at '))
    .slice(0, 12)
    .map(stripDirectories);
  if (frames.length > 0) meta.stack = frames.join(' | ');
  return meta;
}
