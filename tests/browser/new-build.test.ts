import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indexKey } from '../../src/lib/shared/search-shards.ts';
import { buildCacheName, INDEX_CACHE, type OfflineManifest } from '../../src/search/protocol.ts';
import { buildSite, createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';
import { cacheContents, launchChromium, openPage, resultTitles, serveSite, untilControlled, untilControlledBy } from './browser.ts';
import { BASE } from './global-setup.ts';

// This file rebuilds its site, so it builds and serves its own: the other files' site stays as it is.
let site: FixtureSite;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;
// A safety net, not a wait: a build on a busy machine may take minutes.
const BUILD_TIMEOUT = 600_000;

beforeAll(async () => {
  site = await createFixtureSite();
  const build = await buildSite(site, join(site.dir, 'dist'), { PAPERSHELF_BASE: BASE });
  if (build.code !== 0) throw new Error(`the fixture build failed:\n${build.output}`);
  server = await serveSite(join(site.dir, 'dist'), BASE);
  browser = await launchChromium();
}, BUILD_TIMEOUT);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function manifest(): OfflineManifest {
  return JSON.parse(readFileSync(join(site.dir, 'dist/offline-manifest.json'), 'utf8')) as OfflineManifest;
}

/** The index cache's keys for every file a manifest lists. */
function keysOf(listed: OfflineManifest): string[] {
  return listed.files.map(([path, , hash]) => new URL(indexKey(path, hash), server.url).href).sort();
}

describe('a new build', () => {
  test('replaces the offline cache: the kept catalog follows the new index, which search answers from offline', async () => {
    const { context, page, problems } = await openPage(browser);
    const keptStatus = page.locator('#offline-keep-status').filter({ hasText: 'This device keeps the whole catalog for offline use' });
    const old = manifest();
    await page.goto(`${server.url}search/?q=zebra`);
    await untilControlled(page);
    expect(await resultTitles(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keep the whole catalog for offline use' }).click();
    await keptStatus.waitFor();
    expect(Object.keys(await cacheContents(page)).sort()).toEqual([buildCacheName(old.build), INDEX_CACHE]);

    await writeFile(join(site.seedsDir, '009_new.txt'), 'Daily Papers\n\nMay 1, 2026\n\nZebra Stripes for Faster Attention\n\nA new paper about zebra stripes.\n\n  • 2 authors\n·\nApr 30, 2026\n');
    const build = await buildSite(site, join(site.dir, 'dist'), { PAPERSHELF_BASE: BASE });
    expect(build.code, build.output).toBe(0);
    const next = manifest();
    expect(next.build).not.toBe(old.build);

    // Online, the old build's worker passes the new index through: search answers from it at once.
    await page.goto(`${server.url}search/?q=zebra`);
    expect(await resultTitles(page)).toEqual(['Zebra Stripes for Faster Attention']);
    // The new build's worker takes over, deletes the old build's cache and every index file the new index does not
    // list; the page then keeps what the new index adds, as the reader asked.
    await untilControlledBy(page, next.build);
    await page.locator(`#offline-keep[data-build="${next.build}"]`).waitFor({ state: 'attached' });
    await keptStatus.waitFor();
    const caches = await cacheContents(page);
    expect(Object.keys(caches).sort()).toEqual([buildCacheName(next.build), INDEX_CACHE]);
    expect(caches[INDEX_CACHE]!.sort()).toEqual(keysOf(next));
    // The two indexes share files, so what one build kept carried over to the next.
    expect(keysOf(next).filter((key) => keysOf(old).includes(key)).length).toBeGreaterThan(0);

    await context.setOffline(true);
    await page.goto(`${server.url}search/?q=zebra`);
    expect(await resultTitles(page)).toEqual(['Zebra Stripes for Faster Attention']);
    await page.goto(`${server.url}search/?q=cachequant`);
    expect(await resultTitles(page)).toEqual(['CacheQuant: Comprehensively Accelerated Diffusion Models']);
    expect(await page.locator('.search-hit-offline').count()).toBe(0);
    await context.setOffline(false);
    expect(problems).toEqual([]);
  }, BUILD_TIMEOUT);
});
