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

/** Offline, a page this device does not keep is answered with a page saying so, not the browser's error. */
function offlinePage(html: string): WorkboxPlugin {
  return {
    handlerDidError: async ({ request }) =>
      request.mode === 'navigate' ? new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } }) : undefined,
  };
}

/**
 * The strategies of the build's cache: pages and Pagefind's runtime network first, so a reader online always gets the
 * current build and offline what was kept; hashed assets and the manifest cache first.
 */
export function buildCacheStrategies(state: WorkerState): { pages: NetworkFirst; assets: CacheFirst } {
  const current = currentBuildOnly(state.cache);
  return {
    pages: new NetworkFirst({ cacheName: state.cache, plugins: [byPath, current, offlinePage(state.settings.offlinePage)] }),
    assets: new CacheFirst({ cacheName: state.cache, plugins: [byPath, current] }),
  };
}
