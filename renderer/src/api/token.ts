/**
 * The web shell hands the page a token in `?token=…` on first load. It is kept
 * in memory and in sessionStorage (so a reload keeps working) and removed from
 * the visible address.
 */
const STORAGE_KEY = 'cortile.token';

let token: string | null = null;

/** Moves a token from the address bar into memory; call once, before routing starts. */
export function adoptTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    token = fromUrl;
    try {
      window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be unavailable (privacy settings): the in-memory copy still works.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
}

export function getToken(): string | null {
  if (token === null) {
    try {
      token = window.sessionStorage.getItem(STORAGE_KEY);
    } catch {
      token = null;
    }
  }
  return token;
}
