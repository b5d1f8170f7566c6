import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { readOfflineFiles } from '../../src/search/offline/write-worker.ts';
import type { OfflineManifest } from '../../src/search/protocol.ts';
import { cacheContents, resultTitles, untilControlled, useChromium } from './browser.ts';
import { BASE } from './global-setup.ts';

const siteUrl = inject('siteUrl');
const dist = join(inject('siteRoot'), 'dist');
const { watched, opened } = useChromium();

/** The files a URL of the site is served from. */
function fileOf(url: string): string {
  const path = new URL(url, siteUrl).pathname.slice(BASE.length);
  return join(dist, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}


function manifest(): OfflineManifest {
  return JSON.parse(readFileSync(join(dist, 'offline-manifest.json'), 'utf8')) as OfflineManifest;
}

/** Types a search into the page's search box and waits until its words are in the URL. */
async function search(page: Page, words: string): Promise<void> {
  await page.locator('pagefind-input input').fill(words);
  await page.waitForURL(new RegExp(`q=${words}`));
}

/** Scrolls each result Pagefind has not drawn yet into view, and waits until it is drawn. */
async function drawEveryResult(page: Page): Promise<void> {
  await resultTitles(page);
  const scrollToPlaceholder = () => page.evaluate(() => {
    const placeholder = document.querySelector('pagefind-results .pf-skeleton');
    placeholder?.scrollIntoView();
    return placeholder !== null;
  });
  while (await scrollToPlaceholder()) await resultTitles(page);
}

const INDEX_FILES = /\/pagefind\/(index|fragment)\//;

describe('a first visit', () => {
  test('keeps the shell and Pagefind\'s runtime, not the word index or the results\' text, in under 1 MB', async () => {
    // What the build handed the worker, read as the build read it.
    const { plan } = await readOfflineFiles(dist, BASE);
    const precache = [...plan.precache, ...plan.precacheIndex];
    expect(precache).toEqual(expect.arrayContaining([BASE, `${BASE}search/`, `${BASE}404.html`, `${BASE}pagefind/pagefind.js`, `${BASE}pagefind/pagefind-entry.json`]));
    expect(precache.filter((url) => INDEX_FILES.test(url))).toEqual([]);
    const bytes = precache.reduce((sum, url) => sum + statSync(fileOf(url)).size, 0);
    expect(bytes).toBeLessThan(1_000_000);

    const { page, problems } = await watched();
    await page.goto(`${siteUrl}papers/spiking-diffusion-models/`);
    await untilControlled(page);
    const kept = Object.values(await cacheContents(page)).flat();
    expect(kept.filter((url) => INDEX_FILES.test(url))).toEqual([]);
    expect(kept).toContain(new URL('papers/spiking-diffusion-models/', siteUrl).href);
    expect(problems).toEqual([]);
  });
});

describe('offline', () => {
  test('shows the pages and runs the searches a reader opened before', async () => {
    const { context, page, problems } = await watched();
    await page.goto(`${siteUrl}papers/spiking-diffusion-models/`);
    await untilControlled(page);
    await page.goto(`${siteUrl}papers/cachequant-comprehensively-accelerated-diffusion-models/`);
    await page.goto(`${siteUrl}search/?q=speech`);
    const online = await resultTitles(page);
    expect(online.length).toBeGreaterThan(3);

    await context.setOffline(true);
    await page.goto(`${siteUrl}search/?q=speech`);
    expect(await resultTitles(page)).toEqual(online);
    expect(online.join(' ')).toMatch(/speech/i);
    expect(await page.locator('.search-hit-offline').count()).toBe(0);
    expect(await page.locator('#offline-words').isHidden()).toBe(true);
    await page.goto(`${siteUrl}papers/spiking-diffusion-models/`);
    expect(await page.locator('h1').textContent()).toBe('Spiking Diffusion Models');
    await page.goto(`${siteUrl}papers/cachequant-comprehensively-accelerated-diffusion-models/`);
    expect(await page.locator('h1').textContent()).toBe('CacheQuant: Comprehensively Accelerated Diffusion Models');
    await context.setOffline(false);
    expect(problems).toEqual([]);
  });

  test('says which results and which words need the network, and searches fully once back online', async () => {
    const { context, page, problems } = await watched();
    await page.goto(`${siteUrl}papers/spiking-diffusion-models/`);
    await untilControlled(page);
    await context.setOffline(true);
    // Every paper is a result of the empty search, and this device keeps none of their text.
    await page.goto(`${siteUrl}search/`);
    expect(await resultTitles(page)).toEqual([]);
    const missing = page.locator('.search-hit-offline');
    expect(await missing.count()).toBeGreaterThan(3);
    expect(await missing.first().textContent()).toBe('This result needs the network: its text is not kept on this device.');
    expect(await page.locator('.search-hit').count()).toBe(await missing.count());
    const banner = page.locator('#offline-banner');
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toMatch(/^You are offline, and search covers only the part of the catalog this device keeps/);

    // No word index file is kept yet either.
    await search(page, 'diffusion');
    const words = page.locator('#offline-words');
    await words.waitFor();
    expect(await words.textContent()).toMatch(/^Searching for “diffusion” needs the network: .* keep the whole catalog for offline use\.$/);

    await context.setOffline(false);
    await search(page, 'spiking');
    const titles = await resultTitles(page);
    expect(titles).toContain('Spiking Diffusion Models');
    expect(await page.locator('.search-hit-offline').count()).toBe(0);
    await words.waitFor({ state: 'hidden' });
    // What went wrong was only the loads of index files that needed the network; nothing else.
    const unexpected = problems.filter((problem) => !/^console: (Failed to load the index chunk \S*\/pagefind\/index\/|Failed to load resource: net::ERR_FAILED \[\S*\/pagefind\/)/.test(problem));
    expect(unexpected).toEqual([]);
    problems.length = 0;
  });
});

describe('offline, with no index kept', () => {
  test('a search says only that it needs the network, never that no papers match', async () => {
    const { context, page, problems } = await watched();
    // Records whether the empty state ("No papers match this search") is ever shown, however briefly.
    await page.addInitScript(() => {
      (window as unknown as { emptyShown: boolean }).emptyShown = false;
      new MutationObserver(() => {
        const empty = document.querySelector<HTMLElement>('#search-empty');
        if (empty && !empty.hidden) (window as unknown as { emptyShown: boolean }).emptyShown = true;
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
    });
    await page.goto(`${siteUrl}papers/spiking-diffusion-models/`);
    await untilControlled(page);
    await context.setOffline(true);
    await page.goto(`${siteUrl}search/?q=quantization`);
    const words = page.locator('#offline-words');
    await words.waitFor();
    expect(await words.textContent()).toMatch(/^Searching for “quantization” needs the network: /);
    // The search has settled: Pagefind says how many results it found (none it could load).
    await page.locator('pagefind-summary').filter({ hasText: /result/ }).waitFor();
    expect(await page.locator('#search-empty').isHidden()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { emptyShown: boolean }).emptyShown)).toBe(false);
    expect(await page.locator('main').innerText()).not.toMatch(/No papers match/);
    await context.setOffline(false);
    const unexpected = problems.filter((problem) => !/^console: (Failed to load the index chunk \S*\/pagefind\/index\/|Failed to load resource: net::ERR_FAILED \[\S*\/pagefind\/)/.test(problem));
    expect(unexpected).toEqual([]);
    problems.length = 0;
  });
});

describe('keeping the whole catalog', () => {
  test('downloads every index file with its progress, and then searches words never searched before with the network off', async () => {
    const { context, page, problems } = await watched();
    const { files } = manifest();
    await page.goto(`${siteUrl}search/`);
    await untilControlled(page);
    const button = page.getByRole('button', { name: 'Keep the whole catalog for offline use' });
    await button.waitFor();
    // Record every step the progress text takes.
    await page.evaluate(() => {
      const count = document.querySelector('#offline-keep-count')!;
      const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
      new MutationObserver(() => seen.push(count.textContent ?? '')).observe(count, { childList: true, characterData: true, subtree: true });
    });
    await button.click();
    await page.locator('#offline-keep-status').filter({ hasText: 'This device keeps the whole catalog for offline use' }).waitFor();
    expect(await page.locator('#offline-keep-status').textContent()).toBe(
      `This device keeps the whole catalog for offline use: ${files.length} files, ${(manifest().bytes / 1e6).toFixed(1)} MB.`,
    );
    const progress = page.locator('#offline-keep-progress');
    expect(await progress.evaluate((element: HTMLProgressElement) => [element.value, element.max])).toEqual([files.length, files.length]);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const steps = seen.map((text) => /^(\d+) of (\d+) files$/.exec(text)!.slice(1).map(Number));
    expect(steps.every(([, total]) => total === files.length)).toBe(true);
    expect(steps[0]![0]).toBeLessThan(files.length);
    expect(steps.at(-1)![0]).toBe(files.length);
    expect(steps.map(([done]) => done)).toEqual(steps.map(([done]) => done).sort((a, b) => a - b));
    expect(await button.isHidden()).toBe(true);
    const kept = (await cacheContents(page))['papershelf-index']!;
    expect(kept).toHaveLength(files.length);

    await context.setOffline(true);
    for (const words of ['speech', 'retrieval', 'quantization']) {
      await search(page, words);
      const titles = await resultTitles(page);
      expect(titles.length, words).toBeGreaterThan(0);
    }
    // Every result of a broad search draws its text offline.
    await search(page, 'diffusion');
    await drawEveryResult(page);
    const summary = (await page.locator('pagefind-summary').textContent()) ?? '';
    expect(await page.locator('.search-hit-title').count()).toBe(Number(/(\d+) results?/.exec(summary)?.[1]));
    expect(await page.locator('.search-hit-offline').count()).toBe(0);
    expect(await page.locator('#offline-words').isHidden()).toBe(true);
    expect(await page.locator('#offline-banner').textContent()).toBe('You are offline. This device keeps the whole catalog, so search works as usual.');
    await context.setOffline(false);
    expect(problems).toEqual([]);
  });
});

describe('every page visited offline', () => {
  test('logged no console error, CSP violation or page error beyond the loads that needed the network', () => {
    expect(opened.length).toBeGreaterThan(3);
    expect(opened.flatMap((page) => page.problems)).toEqual([]);
  });
});
