/**
 * Server data cached for the logged-in identity (React Query's cache) lives in the app shell's chunk,
 * which the login page does not load. The login page only needs to drop that data, so it goes through
 * here: with no shell loaded yet there is nothing cached and nothing to clear.
 */
const clearers = new Set<() => void>();

export function onClearCachedData(clear: () => void): () => void {
  clearers.add(clear);
  return () => clearers.delete(clear);
}

export function clearCachedData(): void {
  for (const clear of clearers) clear();
}
