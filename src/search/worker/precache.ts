import type { WorkboxPlugin } from 'workbox-core/types.js';
import { PrecacheController } from 'workbox-precaching';
import type { WorkerState } from './scope.ts';

/** Revalidates every precached file with the server, as a new build's shell may sit in the HTTP cache under old bytes. */
const revalidate: WorkboxPlugin = {
  requestWillFetch: async ({ request }) => new Request(request, { cache: 'no-cache' }),
};

/**
 * Workbox's precaching of the build's shell, Pagefind's runtime and manifest into the build's cache, each checked
 * against its integrity when the build gives one. Only its install is used: its clean-up on activate would drop the
 * pages a reader kept in the same cache, and a new build's cache starts empty anyway.
 */
export function shellPrecache(state: WorkerState): PrecacheController {
  const controller = new PrecacheController({ cacheName: state.cache, plugins: [revalidate] });
  controller.addToCacheList(state.settings.precache);
  return controller;
}
