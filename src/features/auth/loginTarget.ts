/**
 * Where to go after the login: the page the admin asked for, if it is a path of this console. A path
 * that a URL parser reads as another host ("//evil.example/x", "/\evil.example": browsers take a
 * backslash for a slash) or anything but an absolute path falls back to the console's start page, as
 * does the login page itself.
 */
export function loginTarget(from: unknown, origin = window.location.origin): string {
  if (typeof from !== 'string' || !from.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(from, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || from.startsWith('//') || from.startsWith('/\\')) return '/';
  if (url.pathname === '/login' || url.pathname.startsWith('/login/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
