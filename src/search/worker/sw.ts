import { Route, Router } from 'workbox-routing';
import { buildCacheName, CACHE_PREFIX, INDEX_CACHE, type WorkerSettings } from '../protocol.ts';
import { indexFileKind } from '../../lib/shared/search-shards.ts';
import { isCopyFile } from '../paper-copy.ts';
import { serveEntry } from './entries.ts';
import { IndexFiles } from './index-files.ts';
import { withCacheLock } from './locks.ts';
import { offlinePage } from './offline-pages.ts';
import { buildCacheStrategies } from './pages.ts';
import { shellPrecache } from './precache.ts';
import { scope, type WorkerState } from './scope.ts';

/** Handed in by the build (src/search/offline/bundle.ts): this build's settings. */
declare const PAPERSHELF_WORKER: WorkerSettings;

/**
 * The service worker of one build: offline reading and search.
 *
 * Install: precaches the shell, Pagefind's runtime, this build's `pagefind-entry.json` files and manifest (checked
 * against their integrity, so they are this build's), then the index files every search starts with.
 * Requests: index files and the papers' offline copies under the hashes this build lists (index-files.ts), entry files
 * (entries.ts), pages network first and hashed assets cache first (pages.ts); offline, a page not kept is drawn from a
 * paper's copy, or says it needs the network (offline-pages.ts). Activate: deletes the caches of other builds and the
 * index files this build does not list, takes over open pages and keeps them.
 */
const settings = PAPERSHELF_WORKER;
const state: WorkerState = { settings, cache: buildCacheName(settings.build), superseded: false };
const precache = shellPrecache(state);
const index = new IndexFiles(state);
const { pages, assets } = buildCacheStrategies(state, (url) => offlinePage(state, index, url));

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await precache.install(event);
      await Promise.all(settings.precacheIndex.map((path) => index.keepRequired(path)));
      await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Kept here rather than borrowed: Workbox's cleanupOutdatedCaches deletes only its own precaches' older versions.
      await withCacheLock('exclusive', async () => {
        const others = (await caches.keys()).filter((key) => key.startsWith(CACHE_PREFIX) && key !== state.cache && key !== INDEX_CACHE);
        await Promise.all(others.map((key) => caches.delete(key)));
        await index.dropOthers();
      });
      await scope.clients.claim();
      // The page that installed the worker was fetched before the worker ran: keep the open pages of the site too.
      const windows = await scope.clients.matchAll({ type: 'window' });
      await Promise.all(windows.map((client) => pages.handle({ request: new Request(client.url), event }).catch(() => undefined)));
    })(),
  );
});

const router = new Router();
const ours = (url: URL) => url.origin === scope.location.origin && url.pathname.startsWith(settings.base);
const listed = (path: string) => indexFileKind(path) !== undefined || isCopyFile(path);
router.registerRoute(new Route(({ url }) => ours(url) && listed(url.pathname), ({ url }) => index.serve(url.pathname)));
router.registerRoute(new Route(({ url }) => ours(url) && settings.entries.includes(url.pathname), ({ url, request }) => serveEntry(state, url.pathname, request)));
const cachedFirst = (path: string) => path === settings.manifest || path.startsWith(`${settings.base}_astro/`);
router.registerRoute(new Route(({ url }) => ours(url) && cachedFirst(url.pathname), assets));
router.registerRoute(new Route(({ url }) => ours(url), pages));
router.addFetchListener();

scope.addEventListener('message', (event) => {
  const port = event.ports[0];
  if (!port || (event.data as { type?: string } | null)?.type !== 'offline-status') return;
  event.waitUntil(index.status().then((answer) => port.postMessage(answer)));
});
