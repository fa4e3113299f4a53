/**
 * The Content-Security-Policy of every page of the app, in one place: the
 * Electron `app://` protocol and the web shell send it as a header, and the
 * built page declares it in a <meta> as well.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // Emotion (MUI) injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The header form. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** The <meta> form: frame-ancestors is ignored there (with a console error), so it only travels as a header. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ');
