import type { WorkboxPlugin } from 'workbox-core/types.js';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { currentBuildOnly } from './locks.ts';
import type { WorkerState } from './scope.ts';

/** Pages are kept by their path: a page opened from a search (`?from=…`) is the page opened offline. */
const byPath: WorkboxPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => {
    const url = new URL(request.url);
    return `${url.origin}${url.pathname}`;
  },
};

/**
 * Offline, a page this device does not keep is answered with a page the worker draws (a paper's offline copy, or a page
 * saying it needs the network), not the browser's error.
 */
function offlineFallback(answer: (url: URL) => Promise<Response>): WorkboxPlugin {
  return {
    handlerDidError: async ({ request }) => (request.mode === 'navigate' ? answer(new URL(request.url)) : undefined),
  };
}

/**
 * The strategies of the build's cache: pages and Pagefind's runtime network first, so a reader online always gets the
 * current build and offline what was kept (else `offline`'s answer); hashed assets and the manifest cache first.
 */
export function buildCacheStrategies(state: WorkerState, offline: (url: URL) => Promise<Response>): { pages: NetworkFirst; assets: CacheFirst } {
  const current = currentBuildOnly(state.cache);
  return {
    pages: new NetworkFirst({ cacheName: state.cache, plugins: [byPath, current, offlineFallback(offline)] }),
    assets: new CacheFirst({ cacheName: state.cache, plugins: [byPath, current] }),
  };
}
