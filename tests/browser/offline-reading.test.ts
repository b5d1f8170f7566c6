import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { paths } from '../../src/lib/shared/paths.ts';
import type { DumpIndex, DumpPart, DumpPaper } from '../../src/lib/site/dump.ts';
import type { OfflineManifest } from '../../src/search/protocol.ts';
import { cacheContents, resultTitles, untilControlled, useChromium } from './browser.ts';
import { BASE } from './global-setup.ts';

// Offline reading: once a reader keeps the whole catalog, every paper opens offline, its page drawn by the worker from
// the paper's offline copy in the site's own frame; a paper not kept says, plainly, that it needs the network.
const siteUrl = inject('siteUrl');
const dist = join(inject('siteRoot'), 'dist');
const { watched, opened } = useChromium();

/** A paper none of these tests opens online. */
const NEVER_OPENED = 'carelesswhisper-turning-whisper-into-a-causal-streaming-model';
/** The hostile digest's paper: `<script>`, `<img onerror>` and MDX in its title and abstract. */
const HOSTILE = 'reasoning-with-think-tags-and-friends';
/** The console line of a navigation answered with 503: the page that says it needs the network. */
const NEEDS_NETWORK_LOAD = /^console: Failed to load resource: the server responded with a status of 503/;

function dumped(slug: string): DumpPaper {
  // The dump's index names its parts; the papers are in them (src/lib/site/dump.ts).
  const index = JSON.parse(readFileSync(join(dist, 'papers.json'), 'utf8')) as DumpIndex;
  const papers = index.parts.flatMap(({ part }) => (JSON.parse(readFileSync(join(dist, paths.dumpPart(part)), 'utf8')) as DumpPart).papers);
  return papers.find((paper) => paper.slug === slug)!;
}

function manifest(): OfflineManifest {
  return JSON.parse(readFileSync(join(dist, 'offline-manifest.json'), 'utf8')) as OfflineManifest;
}

/** Opens the search page, waits for its worker, and keeps the whole catalog; resolves with what the section announced. */
async function keepCatalog(page: Page): Promise<string> {
  await page.goto(`${siteUrl}search/`);
  await untilControlled(page);
  const button = page.getByRole('button', { name: 'Keep the whole catalog for offline use' });
  await button.waitFor();
  const status = page.locator('#offline-keep-status');
  const announced = (await status.textContent()) ?? '';
  await button.click();
  await status.filter({ hasText: 'This device keeps the whole catalog for offline use' }).waitFor();
  return announced;
}

/** Where the header puts the site's name, and how the header looks: what the site's stylesheet decides. */
function headerLook(page: Page) {
  return page.evaluate(() => {
    const inner = document.querySelector('.site-header-inner');
    const name = document.querySelector('.site-name')!.getBoundingClientRect();
    const header = getComputedStyle(document.querySelector('.site-header')!);
    return {
      inner: inner && { display: getComputedStyle(inner).display, maxWidth: getComputedStyle(inner).maxWidth },
      name: [Math.round(name.x), Math.round(name.y)],
      header: [header.backgroundColor, header.borderBottomWidth, Math.round(document.querySelector('.site-header')!.getBoundingClientRect().height)],
      search: document.querySelector('.site-header .search-box') !== null,
    };
  });
}

/** The abstract's paragraphs as the dump holds them, whitespace as a browser lays it out. */
function paragraphs(paper: DumpPaper): string[] {
  return paper.abstract.map((text) => text.replace(/\s+/g, ' ').trim());
}

describe('after keeping the whole catalog, offline', () => {
  test('a paper never opened opens by its URL, with its title, byline and abstract, as the offline copy in the site\'s styled frame', async () => {
    const { context, page, problems, dialogs } = await watched();
    const paper = dumped(NEVER_OPENED);
    await page.goto(`${siteUrl}papers/spiking-diffusion-models/`);
    const online = await headerLook(page);
    await keepCatalog(page);

    await context.setOffline(true);
    const response = await page.goto(`${siteUrl}papers/${NEVER_OPENED}/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('main h1').textContent()).toBe(paper.title);
    expect(await page.title()).toBe(`${paper.title} · Papershelf`);
    expect(await page.locator('main .facts').innerText()).toMatch(/3 authors/);
    expect(await page.locator('main .abstract p').allInnerTexts()).toEqual(paragraphs(paper));
    expect(await page.locator('main .notice').innerText()).toMatch(/^You are offline: this is the copy of this paper this device keeps/);
    expect(await headerLook(page)).toEqual(online);
    await context.setOffline(false);
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  test('a paper opens from an offline search result', async () => {
    const { context, page, problems } = await watched();
    const paper = dumped(NEVER_OPENED);
    await keepCatalog(page);

    await context.setOffline(true);
    await page.goto(`${siteUrl}search/?q=carelesswhisper`);
    expect(await resultTitles(page)).toContain(paper.title);
    await page.locator('a.search-hit-title', { hasText: paper.title }).click();
    await page.waitForURL(new RegExp(`/papers/${NEVER_OPENED}/`));
    expect(await page.locator('main h1').textContent()).toBe(paper.title);
    expect(await page.locator('main .abstract p').allInnerTexts()).toEqual(paragraphs(paper));
    await context.setOffline(false);
    expect(problems).toEqual([]);
  });

  test('hostile digest text shows as text and runs nothing', async () => {
    const { context, page, problems, dialogs } = await watched();
    const paper = dumped(HOSTILE);
    await keepCatalog(page);

    await context.setOffline(true);
    await page.goto(`${siteUrl}papers/${HOSTILE}/`);
    expect(await page.locator('main h1').textContent()).toBe('Reasoning with <think> Tags & Friends');
    const abstract = await page.locator('main .abstract').innerText();
    expect(abstract).toContain('<script>alert(1)</script> and <img src=x onerror=alert(1)>');
    expect(await page.locator('main .abstract p').allInnerTexts()).toEqual(paragraphs(paper));
    expect(await page.locator('main script, main img, main [onerror]').count()).toBe(0);
    await context.setOffline(false);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('keeping the catalog announced what it downloaded: the index and every file of paper copies', async () => {
    const { page } = await watched();
    const { bytes, files } = manifest();
    const copies = readdirSync(join(dist, 'offline')).map((name) => `${BASE}offline/${name}`);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(files.find(([path]) => path === copy)?.[1]).toBe(statSync(join(dist, copy.slice(BASE.length))).size);
    expect(files.reduce((sum, [, size]) => sum + size, 0)).toBe(bytes);

    // A first visit keeps the files every search starts with; the rest is what the button downloads.
    const first = manifest().files.filter(([path]) => /\.pf_(meta|filter)$/.test(path));
    const left = bytes - first.reduce((sum, [, size]) => sum + size, 0);
    const announced = await keepCatalog(page);
    expect(announced).toBe(`This device keeps ${first.length} of ${files.length} files of the search index and the papers' copies; ${(left / 1e6).toFixed(1)} MB more to download.`);
    const kept = (await cacheContents(page))['papershelf-index']!.map((url) => new URL(url).pathname);
    expect(kept).toHaveLength(files.length);
    expect(kept).toEqual(expect.arrayContaining(copies));
  });
});

describe('offline, without the whole catalog kept', () => {
  test('a paper never opened says plainly that it needs the network, under the site\'s styled header', async () => {
    const { context, page, problems } = await watched();
    await page.goto(`${siteUrl}papers/spiking-diffusion-models/`);
    await untilControlled(page);
    const online = await headerLook(page);

    await context.setOffline(true);
    const response = await page.goto(`${siteUrl}papers/${NEVER_OPENED}/`);
    expect(response?.status()).toBe(503);
    expect(await headerLook(page)).toEqual(online);
    expect(await page.locator('main h1').textContent()).toBe('This page needs the network');
    expect(await page.title()).toBe('This page needs the network · Papershelf');
    expect(await page.locator('main').innerText()).not.toContain(dumped(NEVER_OPENED).title);
    await context.setOffline(false);
    expect(problems.filter((problem) => !NEEDS_NETWORK_LOAD.test(problem))).toEqual([]);
    problems.length = 0;
  });
});

describe('the pages the worker draws offline (axe, WCAG 2.1 A and AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`a paper's offline copy and the page that needs the network have no violation in the ${scheme} colour scheme, at 390 and 1280 px`, async () => {
      const { context, page, problems } = await watched({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      await keepCatalog(page);
      await context.setOffline(true);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        for (const path of [`papers/${NEVER_OPENED}/`, 'topics/']) {
          await page.goto(`${siteUrl}${path}`);
          await page.locator('main h1').waitFor();
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          expect(results.violations.map((violation) => `${path} at ${width} px: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
        }
      }
      await context.setOffline(false);
      expect(problems.filter((problem) => !NEEDS_NETWORK_LOAD.test(problem))).toEqual([]);
      problems.length = 0;
    });
  }
});

describe('every page visited offline', () => {
  test('logged no console error, CSP violation or page error beyond the pages that needed the network', () => {
    expect(opened.length).toBeGreaterThan(3);
    expect(opened.flatMap((page) => page.problems)).toEqual([]);
  });
});
