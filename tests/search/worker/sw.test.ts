import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { bundleWorker } from '../../../src/search/offline/bundle.ts';
import { urlOf, type BuiltFile } from '../../../src/search/offline/plan.ts';
import { offlineFiles } from '../../../src/search/offline/worker-settings.ts';
import { copyFileBytes } from '../../../src/search/offline/paper-copies.ts';
import { pageFrame } from '../../../src/search/offline-html.ts';
import type { PaperCopy } from '../../../src/search/paper-copy.ts';
import { buildCacheName, INDEX_CACHE, type OfflineStatus, type WorkerSettings } from '../../../src/search/protocol.ts';
import { FakeNetwork, runWorker } from './harness.ts';

const BASE = '/shelf/';
/** The frame of the pages the worker draws, as the build cuts it from the 404 page. */
const FRAME = pageFrame('<!doctype html><title>Page not found</title><header class="site-header">Papershelf</header><main id="main"><h1>Not found</h1></main>');

/** A built site's files, by path below `dist/`: the shell, Pagefind's runtime and a small index. */
function siteFiles(overrides: Record<string, string | Uint8Array<ArrayBuffer>> = {}): Record<string, string | Uint8Array<ArrayBuffer>> {
  return {
    'index.html': '<h1>Home</h1>',
    'search/index.html': '<h1>Search</h1>',
    '404.html': '<h1>Not found</h1>',
    'favicon.svg': '<svg/>',
    '_astro/Base.abc.css': 'body{}',
    'pagefind/pagefind.js': 'js',
    'pagefind/pagefind-worker.js': 'worker',
    'pagefind/pagefind-component-ui.js': 'ui',
    'pagefind/pagefind-component-ui.css': 'ui css',
    'pagefind/pagefind-entry.json': '{"languages":{"en":{"hash":"en_1"}}}',
    'pagefind/wasm.en.pagefind': 'wasm',
    'pagefind/pagefind.en_1.pf_meta': 'meta',
    'pagefind/filter/en_f.pf_filter': 'filter',
    'pagefind/index/en_a.pf_index': 'words a-m',
    'pagefind/index/en_n.pf_index': 'words n-z',
    'pagefind/fragment/en_p.pf_fragment': 'paper p',
    'papers/p/index.html': '<h1>P</h1>',
    ...overrides,
  };
}

/** The bundled worker for some settings; bundled once for equal settings. */
const bundles = new Map<string, Promise<string>>();
function bundled(settings: WorkerSettings): Promise<string> {
  const key = JSON.stringify(settings);
  if (!bundles.has(key)) bundles.set(key, bundleWorker(settings));
  return bundles.get(key)!;
}

/** Builds a site's offline files and a network serving them, as the build and a server would. */
async function build(files: Record<string, string | Uint8Array<ArrayBuffer>>, network = new FakeNetwork()) {
  const built: BuiltFile[] = Object.entries(files)
    .filter(([path]) => !path.startsWith('papers/'))
    .map(([path, body]) => ({ path, bytes: body.length, sha256: createHash('sha256').update(body).digest('base64') }));
  const offline = offlineFiles(built, BASE, FRAME);
  const worker = await bundled(offline.settings);
  network.files = new Map([...Object.entries(files).map(([path, body]) => [urlOf(BASE, path), body] as const), [`${BASE}offline-manifest.json`, offline.manifest], [`${BASE}sw.js`, worker]]);
  return { ...offline, worker, network };
}

async function installed(files = siteFiles()) {
  const site = await build(files);
  const worker = runWorker(site.worker, site.network);
  await worker.install();
  await worker.activate();
  return { site, worker };
}

async function text(response: Response | undefined): Promise<string> {
  if (!response) throw new Error('the worker left the request to the browser');
  return response.text();
}

describe('bundleWorker', () => {
  const settings: WorkerSettings = {
    build: 'abc123',
    base: '/shelf/',
    precache: [{ url: '/shelf/', revision: null }],
    precacheIndex: [],
    entries: [],
    manifest: '/shelf/offline-manifest.json',
    frame: ['<p>', '</p><main>', '</main>'],
    copyFiles: 0,
  };

  test('bundles the typed worker with Workbox into one script that reads no module at run time', async () => {
    const source = await bundleWorker(settings);
    expect(source).not.toMatch(/\bimport\b|\brequire\(/);
    expect(source).not.toContain('process.env');
    expect(await bundleWorker(settings)).toBe(source);
  });

  test('hands the worker its build\'s settings: it precaches into a cache named after the build', async () => {
    const network = new FakeNetwork();
    network.files.set('/shelf/', '<h1>Home</h1>');
    const worker = runWorker(await bundleWorker(settings), network);
    await worker.install();
    expect(worker.caches.paths(buildCacheName('abc123'))).toEqual(['/shelf/']);
    expect(network.requests).toEqual(['/shelf/']);
  });

  test('embeds the settings as data, so a path cannot break out of its string', async () => {
    const hostile = { ...settings, precache: [{ url: '/a"];alert(1);//', revision: null }], frame: ['</script>"\'`${x}`', '', ''] as [string, string, string] };
    const network = new FakeNetwork();
    network.files.set('/a%22];alert(1);//', 'odd but served');
    const worker = runWorker(await bundleWorker(hostile), network);
    await worker.install();
    expect(worker.caches.paths(buildCacheName('abc123'))).toEqual(['/a%22];alert(1);//']);
  });
});

describe('the worker on install', () => {
  test('keeps the shell, Pagefind\'s runtime and the index files every search starts with, and no word or result file', async () => {
    const { site, worker } = await installed();
    expect(worker.caches.paths(buildCacheName(site.build))).toEqual(
      [
        '/shelf/',
        '/shelf/404.html',
        '/shelf/_astro/Base.abc.css',
        '/shelf/favicon.svg',
        '/shelf/offline-manifest.json',
        '/shelf/pagefind/pagefind-component-ui.css',
        '/shelf/pagefind/pagefind-component-ui.js',
        '/shelf/pagefind/pagefind-entry.json',
        '/shelf/pagefind/pagefind-worker.js',
        '/shelf/pagefind/pagefind.js',
        '/shelf/pagefind/wasm.en.pagefind',
        '/shelf/search/',
      ].sort(),
    );
    expect(worker.caches.paths(INDEX_CACHE).map((path) => path.split('?')[0])).toEqual(['/shelf/pagefind/filter/en_f.pf_filter', '/shelf/pagefind/pagefind.en_1.pf_meta']);
  });

  test('fails when the server already holds another build\'s entry file, so an entry never meets another build\'s index', async () => {
    const site = await build(siteFiles());
    site.network.files.set('/shelf/pagefind/pagefind-entry.json', '{"languages":{"en":{"hash":"en_2"}}}');
    await expect(runWorker(site.worker, site.network).install()).rejects.toThrow();
  });

  test('fails when a start file does not have the bytes its build lists', async () => {
    const site = await build(siteFiles());
    site.network.files.set('/shelf/pagefind/filter/en_f.pf_filter', 'another build\'s filter');
    await expect(runWorker(site.worker, site.network).install()).rejects.toThrow(/does not have this build's content/);
  });
});

describe('the worker on requests', () => {
  test('keeps an index file a search fetched, under its content hash, and serves it from the cache after', async () => {
    const { worker } = await installed();
    expect(await text(await worker.fetch('/shelf/pagefind/index/en_a.pf_index'))).toBe('words a-m');
    worker.network.online = false;
    expect(await text(await worker.fetch('/shelf/pagefind/index/en_a.pf_index'))).toBe('words a-m');
    expect(worker.broadcasts).toEqual([]);
  });

  test('does not keep an index file whose bytes are not the ones its build lists', async () => {
    const { worker } = await installed();
    worker.network.files.set('/shelf/pagefind/index/en_a.pf_index', 'a newer build\'s words under the same name');
    expect(await text(await worker.fetch('/shelf/pagefind/index/en_a.pf_index'))).toBe('a newer build\'s words under the same name');
    expect(worker.caches.paths(INDEX_CACHE).filter((path) => path.includes('/index/'))).toEqual([]);
  });

  test('offline, answers an index file it does not keep with a network error and says which kind needed the network', async () => {
    const { worker } = await installed();
    worker.network.online = false;
    const chunk = await worker.fetch('/shelf/pagefind/index/en_n.pf_index');
    expect(chunk?.type).toBe('error');
    await worker.fetch('/shelf/pagefind/fragment/en_p.pf_fragment');
    expect(worker.broadcasts).toEqual([
      { type: 'needs-network', kind: 'index', path: '/shelf/pagefind/index/en_n.pf_index' },
      { type: 'needs-network', kind: 'fragment', path: '/shelf/pagefind/fragment/en_p.pf_fragment' },
    ]);
  });

  test('serves the entry file from the network, and offline its own build\'s', async () => {
    const { worker } = await installed();
    expect(await text(await worker.fetch('/shelf/pagefind/pagefind-entry.json?ts=offline'))).toContain('en_1');
    worker.network.online = false;
    expect(await text(await worker.fetch('/shelf/pagefind/pagefind-entry.json?ts=offline'))).toContain('en_1');
  });

  test('once the network\'s entry file is a newer build\'s, passes index files through instead of serving its own', async () => {
    const { worker } = await installed();
    await worker.fetch('/shelf/pagefind/index/en_a.pf_index');
    worker.network.files.set('/shelf/pagefind/pagefind-entry.json', '{"languages":{"en":{"hash":"en_9"}}}');
    worker.network.files.set('/shelf/pagefind/index/en_a.pf_index', 'the newer build\'s words');
    await worker.fetch('/shelf/pagefind/pagefind-entry.json?ts=offline');
    expect(await text(await worker.fetch('/shelf/pagefind/index/en_a.pf_index'))).toBe('the newer build\'s words');
  });

  test('keeps the pages a reader opens by URL, and offline shows them or says the page needs the network', async () => {
    const { worker } = await installed();
    expect(await text(await worker.fetch('/shelf/papers/p/?from=search', 'navigate'))).toBe('<h1>P</h1>');
    worker.network.online = false;
    expect(await text(await worker.fetch('/shelf/papers/p/', 'navigate'))).toBe('<h1>P</h1>');
    const elsewhere = await worker.fetch('/shelf/papers/q/', 'navigate');
    expect(elsewhere?.status).toBe(503);
    const page = await text(elsewhere);
    expect(page).toContain('<title>This page needs the network · Papershelf</title><header class="site-header">Papershelf</header><main id="main"><h1>This page needs the network</h1>');
    expect(page).not.toContain('Not found');
  });

  test('offline, draws a paper never opened from its kept copy in the site\'s frame; without the copy, says the page needs the network', async () => {
    const copy: PaperCopy = { slug: 'q', title: 'Q <b>', date: '2024-01-09', dateLabel: '9 January 2024', byline: { label: 'Authors', value: '2 authors' }, abstract: ['<script>x</script>'], topics: [], links: [] };
    const { worker } = await installed(siteFiles({ 'offline/papers-0.json.gzip': new Uint8Array(copyFileBytes([copy])) }));
    worker.network.online = false;
    expect((await worker.fetch('/shelf/papers/q/', 'navigate'))?.status).toBe(503);
    worker.network.online = true;
    // As "keep the whole catalog" does: the file passes through the worker, which checks and keeps it.
    expect((await worker.fetch('/shelf/offline/papers-0.json.gzip'))?.status).toBe(200);
    worker.network.online = false;
    const page = await worker.fetch('/shelf/papers/q/?from=search', 'navigate');
    expect(page?.status).toBe(200);
    const html = await text(page);
    expect(html).toContain('<title>Q &lt;b&gt; · Papershelf</title><header class="site-header">Papershelf</header><main id="main"><article class="paper offline-copy">');
    expect(html).toContain('<h1>Q &lt;b&gt;</h1>');
    expect(html).toContain('<div class="abstract"><p>&lt;script&gt;x&lt;/script&gt;</p></div>');
    const other = await worker.fetch('/shelf/papers/r/', 'navigate');
    expect(other?.status).toBe(503);
    expect(await text(other)).toContain('<h1>This page needs the network</h1>');
    expect(worker.broadcasts).toEqual([]);
  });

  test('treats each shard\'s entry file as this build\'s, and keeps a shard\'s index but not its copy of Pagefind\'s code', async () => {
    const { site, worker } = await installed(
      siteFiles({
        'pagefind-shard-1/pagefind-entry.json': '{"languages":{"en":{"hash":"en_2"}}}',
        'pagefind-shard-1/pagefind.js': 'js',
        'pagefind-shard-1/pagefind.en_2.pf_meta': 'meta 2',
        'pagefind-shard-1/index/en_s.pf_index': 'shard words',
      }),
    );
    const kept = worker.caches.paths(buildCacheName(site.build));
    expect(kept).toContain('/shelf/pagefind-shard-1/pagefind-entry.json');
    expect(kept).not.toContain('/shelf/pagefind-shard-1/pagefind.js');
    expect(worker.caches.paths(INDEX_CACHE).map((path) => path.split('?')[0])).toContain('/shelf/pagefind-shard-1/pagefind.en_2.pf_meta');
    expect(site.plan.manifest.files.map(([path]) => path)).toContain('/shelf/pagefind-shard-1/index/en_s.pf_index');
    worker.network.files.set('/shelf/pagefind-shard-1/pagefind-entry.json', '{"languages":{"en":{"hash":"en_9"}}}');
    worker.network.online = false;
    expect(await text(await worker.fetch('/shelf/pagefind-shard-1/pagefind-entry.json?ts=1'))).toContain('en_2');
  });

  test('leaves requests outside the site to the browser', async () => {
    const { worker } = await installed();
    expect(await worker.fetch('/elsewhere/')).toBeUndefined();
  });
});

describe('the worker of a new build', () => {
  test('deletes the old build\'s cache and the index files the new build does not list, and keeps the ones it shares', async () => {
    const first = await installed();
    await first.worker.fetch('/shelf/pagefind/index/en_a.pf_index');
    await first.worker.fetch('/shelf/pagefind/index/en_n.pf_index');
    const next = await build(siteFiles({ 'pagefind/index/en_n.pf_index': 'words n-z and zebra' }), first.worker.network);
    const worker = runWorker(next.worker, next.network, first.worker.caches);
    await worker.install();
    await worker.activate();
    expect([...worker.caches.caches.keys()].sort()).toEqual([buildCacheName(next.build), INDEX_CACHE].sort());
    const kept = worker.caches.paths(INDEX_CACHE).map((path) => path.split('?')[0]);
    expect(kept).toContain('/shelf/pagefind/index/en_a.pf_index');
    expect(kept).not.toContain('/shelf/pagefind/index/en_n.pf_index');
    worker.network.online = false;
    expect(await text(await worker.fetch('/shelf/pagefind/index/en_a.pf_index'))).toBe('words a-m');
    expect((await worker.fetch('/shelf/pagefind/index/en_n.pf_index'))?.type).toBe('error');
  });

  test('keeps the old build\'s cache deleted when the old worker answers a request after the new one took over', async () => {
    const first = await installed();
    const next = await build(siteFiles({ 'pagefind/index/en_n.pf_index': 'words n-z and zebra' }), first.worker.network);
    const worker = runWorker(next.worker, next.network, first.worker.caches);
    await worker.install();
    await worker.activate();
    expect(await text(await first.worker.fetch('/shelf/papers/p/', 'navigate'))).toBe('<h1>P</h1>');
    expect(await text(await first.worker.fetch('/shelf/_astro/Base.abc.css'))).toBe('body{}');
    expect(await text(await first.worker.fetch('/shelf/pagefind/index/en_a.pf_index'))).toBe('words a-m');
    expect([...worker.caches.caches.keys()].sort()).toEqual([buildCacheName(next.build), INDEX_CACHE].sort());
    expect(worker.caches.paths(INDEX_CACHE).filter((path) => path.includes('/index/'))).toEqual([]);
  });

  test('gets the same worker from an unchanged build, so readers keep their caches', async () => {
    const settings = (await build(siteFiles())).settings;
    expect(await bundleWorker(settings)).toBe(await bundleWorker((await build(siteFiles())).settings));
    expect((await build(siteFiles({ 'pagefind/index/en_a.pf_index': 'changed' }))).build).not.toBe((await build(siteFiles())).build);
  });
});

describe('the worker\'s status', () => {
  test('counts the index files this device keeps and lists the ones it does not', async () => {
    const { site, worker } = await installed();
    await worker.fetch('/shelf/pagefind/index/en_a.pf_index');
    const status = (await worker.message({ type: 'offline-status' })) as OfflineStatus;
    expect(status).toEqual({
      type: 'offline-status',
      build: site.build,
      files: 5,
      bytes: site.plan.manifest.bytes,
      kept: 3,
      keptBytes: 'meta'.length + 'filter'.length + 'words a-m'.length,
      missing: ['/shelf/pagefind/fragment/en_p.pf_fragment', '/shelf/pagefind/index/en_n.pf_index'],
    });
  });
});
