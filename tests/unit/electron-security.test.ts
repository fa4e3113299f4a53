import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentTypeFor,
  describeError,
  formatLogLine,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAppUrl,
  isTrustedSenderUrl,
  resolveAppFile,
  responseHeaders,
} from '../../electron/main/security';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../shared/csp';

const posixRoot = '/opt/cortile/resources/app.asar/dist/renderer';
const winRoot = 'C:\\Program Files\\Cortile\\resources\\app.asar\\dist\\renderer';

function resolvePosix(url: string): string | null {
  return resolveAppFile(url, posixRoot, path.posix);
}

function resolveWin(url: string): string | null {
  return resolveAppFile(url, winRoot, path.win32);
}

/** A resolved path is acceptable only when it is null or strictly inside the root. */
function insidePosixRoot(resolved: string | null): boolean {
  return resolved === null || resolved.startsWith(`${posixRoot}/`);
}

describe('content security policy', () => {
  const directives = (policy: string) => new Set(policy.split(';').map((d) => d.trim()));

  it('is strict: self only, no objects, no framing, no forms', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(
      new Set([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'none'",
      ]),
    );
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('declares the same policy in the page, less frame-ancestors (ignored inside <meta>)', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete("frame-ancestors 'none'");
    expect(directives(CONTENT_SECURITY_POLICY_META)).toEqual(header);
  });

  it('is sent with every response, with nosniff', () => {
    const headers = responseHeaders('text/plain; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/plain; charset=utf-8');
  });
});

describe('app origin and IPC sender check', () => {
  it('accepts the app’s own pages', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSenderUrl('app://cortile/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://cortile/')).toBe(true);
    expect(isTrustedSenderUrl('app://cortile/index.html#/famiglie?x=1')).toBe(true);
    // Chromium hands over canonical URLs; the scheme is case-insensitive anyway.
    expect(isTrustedSenderUrl('APP://cortile/index.html')).toBe(true);
  });

  it('refuses other hosts, schemes and look-alikes', () => {
    expect(isTrustedSenderUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedSenderUrl('app://cortile.evil.com/index.html')).toBe(false);
    expect(isTrustedSenderUrl('app://cortile:8080/index.html')).toBe(false);
    expect(isTrustedSenderUrl('app://evil@cortile/index.html')).toBe(false);
    expect(isTrustedSenderUrl('https://cortile/index.html')).toBe(false);
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(isTrustedSenderUrl('devtools://devtools/bundled/inspector.html')).toBe(false);
  });

  it('refuses file:// pages, about:blank and empty or missing URLs', () => {
    expect(isTrustedSenderUrl('file:///C:/Users/mario/Desktop/index.html')).toBe(false);
    expect(isTrustedSenderUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedSenderUrl('about:blank')).toBe(false);
    expect(isTrustedSenderUrl('')).toBe(false);
    expect(isTrustedSenderUrl('not a url')).toBe(false);
    expect(isTrustedSenderUrl(null)).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
  });
});

describe('navigation rule', () => {
  it('allows moving inside the app only', () => {
    expect(isAllowedNavigation('app://cortile/index.html')).toBe(true);
    expect(isAllowedNavigation('app://cortile/index.html#/impostazioni')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///C:/Windows/System32/')).toBe(false);
    expect(isAllowedNavigation('app://other/index.html')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
    expect(isAllowedNavigation('data:text/html,<script>alert(1)</script>')).toBe(false);
  });
});

describe('external URL rule', () => {
  it('opens https pages and e-mail addresses', () => {
    expect(isAllowedExternalUrl('https://www.agenziaentrate.gov.it/')).toBe(true);
    expect(isAllowedExternalUrl('mailto:assistenza@example.it')).toBe(true);
  });

  it('refuses everything else', () => {
    expect(isAllowedExternalUrl('http://example.com/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('JavaScript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isAllowedExternalUrl('smb://server/share')).toBe(false);
    expect(isAllowedExternalUrl('ms-msdt:/id PCWDiagnostic')).toBe(false);
    expect(isAllowedExternalUrl('data:text/html,hi')).toBe(false);
    expect(isAllowedExternalUrl('app://cortile/index.html')).toBe(false);
    expect(isAllowedExternalUrl('https://user:secret@example.com/')).toBe(false);
    expect(isAllowedExternalUrl('')).toBe(false);
    expect(isAllowedExternalUrl('www.example.com')).toBe(false);
  });
});

describe('app:// file resolver', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolvePosix('app://cortile/index.html')).toBe(`${posixRoot}/index.html`);
    expect(resolvePosix('app://cortile/')).toBe(`${posixRoot}/index.html`);
    expect(resolvePosix('app://cortile/assets/index-3f2a.js')).toBe(`${posixRoot}/assets/index-3f2a.js`);
    expect(resolvePosix('app://cortile/assets/index.js?v=2#x')).toBe(`${posixRoot}/assets/index.js`);
    expect(resolvePosix('app://cortile/assets/nome%20con%20spazi.woff2')).toBe(
      `${posixRoot}/assets/nome con spazi.woff2`,
    );
    expect(resolveWin('app://cortile/assets/index.js')).toBe(`${winRoot}\\assets\\index.js`);
  });

  it('never leaves the renderer folder with ..', () => {
    // The URL parser folds the dots away; what is left must still be inside the root.
    for (const url of [
      'app://cortile/../../etc/passwd',
      'app://cortile/assets/../../../etc/passwd',
      'app://cortile/%2e%2e/%2e%2e/etc/passwd',
      'app://cortile/%2E%2E/%2E%2E/etc/passwd',
      'app://cortile/.%2e/.%2e/etc/passwd',
    ]) {
      const resolved = resolvePosix(url);
      expect(insidePosixRoot(resolved), url).toBe(true);
      expect(resolved).not.toBe('/etc/passwd');
    }
  });

  it('refuses encoded slashes, backslashes, NUL bytes and drive letters', () => {
    expect(resolvePosix('app://cortile/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolvePosix('app://cortile/assets%2f..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolvePosix('app://cortile/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toBeNull();
    expect(resolvePosix('app://cortile/index.html%00.png')).toBeNull();
    expect(resolveWin('app://cortile/..%5c..%5c..%5cWindows%5cwin.ini')).toBeNull();
    expect(resolveWin('app://cortile/assets%5c..%5c..%5c..%5csecret.txt')).toBeNull();
    expect(resolveWin('app://cortile/C:%5cWindows%5cwin.ini')).toBeNull();
    expect(resolveWin('app://cortile/C:/Windows/win.ini')).toBeNull();
    expect(resolveWin('app://cortile/%5c%5cserver%5cshare%5cfile')).toBeNull();
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolvePosix('app://cortile/%E0%A4%A')).toBeNull();
  });

  it('refuses other hosts and other schemes', () => {
    expect(resolvePosix('app://evil/index.html')).toBeNull();
    expect(resolvePosix('app://cortile.evil/index.html')).toBeNull();
    expect(resolvePosix('app://cortile:1234/index.html')).toBeNull();
    expect(resolvePosix('file:///etc/passwd')).toBeNull();
    expect(resolvePosix('https://cortile/index.html')).toBeNull();
    expect(resolvePosix('not a url')).toBeNull();
  });
});

describe('content types', () => {
  it('follows the extension, case-insensitively', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/assets/app.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/assets/app.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/noextension')).toBe('application/octet-stream');
  });
});

describe('log lines', () => {
  it('append key=value pairs with quoted values', () => {
    expect(formatLogLine('call not completed', { call: 'session.login', kind: 'validation' })).toBe(
      'call not completed call="session.login" kind="validation"',
    );
    expect(formatLogLine('started')).toBe('started');
    expect(formatLogLine('started', { packaged: true, n: 3 })).toBe('started packaged=true n=3');
  });

  it('describe an error without its message or the user’s folders', () => {
    const error = new Error('codice fiscale RSSMRA80A01H501U non valido');
    error.stack = [
      'Error: codice fiscale RSSMRA80A01H501U non valido',
      '    at parse (C:\\Users\\mario.rossi\\AppData\\Local\\Programs\\Cortile\\resources\\app.asar\\dist\\electron\\main.cjs:10:5)',
      '    at file:///home/mario/cortile/dist/electron/main.cjs:20:7',
      '    at /home/mario/cortile/dist/electron/main.cjs:30:9',
    ].join('\n');
    Object.assign(error, { code: 'SQLITE_CONSTRAINT' });
    const meta = describeError(error);
    const text = JSON.stringify(meta);
    expect(meta.name).toBe('Error');
    expect(meta.code).toBe('SQLITE_CONSTRAINT');
    expect(text).not.toContain('RSSMRA80A01H501U');
    expect(text).not.toContain('mario');
    expect(meta.stack).toBe('at parse (main.cjs:10:5) | at main.cjs:20:7 | at main.cjs:30:9');
  });

  it('describe a thrown non-error by its type only', () => {
    expect(describeError('Mario Rossi')).toEqual({ type: 'string' });
    expect(describeError(undefined)).toEqual({ type: 'undefined' });
  });
});
