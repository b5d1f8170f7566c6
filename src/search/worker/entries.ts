import { scope, type WorkerState } from './scope.ts';

// Kept here rather than borrowed: Workbox's network-first would serve the entry, but not compare it with this build's
// to learn that a newer build is live.

/**
 * Answers a request for a bundle's `pagefind-entry.json`: from the network without the HTTP cache, and offline this
 * build's. When the network's entry differs from this build's, a newer build is live: the worker asks for its update
 * and, until it is replaced, passes index files through without its cache.
 */
export async function serveEntry(state: WorkerState, path: string, request: Request): Promise<Response> {
  const own = await caches.match(path, { cacheName: state.cache });
  let response: Response;
  try {
    response = await fetch(request, { cache: 'no-cache' });
  } catch (error) {
    if (own) return own;
    throw error;
  }
  if (!response.ok && own) return own;
  if (own && response.ok && (await response.clone().text()) !== (await own.text())) {
    state.superseded = true;
    scope.registration.update().catch(() => undefined);
  }
  return response;
}
