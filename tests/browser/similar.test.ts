import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { BUCKET_FOLDER, bucketOf, type BucketEntry, type RelatedBucket } from '../../src/lib/similar/buckets.ts';
import { SHELF_KEY } from '../../src/lib/similar/shelf.ts';
import { untilControlled, useChromium } from './browser.ts';

const siteUrl = inject('siteUrl');
const dist = join(inject('siteRoot'), 'dist');
const similarUrl = `${siteUrl}shelf/similar/`;
const { watched } = useChromium();

/** The two starred papers: two LLM-serving systems, whose related lists share papers. */
const DISTSERVE = 'distserve-disaggregating-prefill-and-decoding-for-goodput-optimized-large';
const LLUMNIX = 'llumnix-dynamic-scheduling-for-large-language-model-serving';
const SPIKING = 'spiking-diffusion-models';

/** A paper's related list as the build wrote it in its bucket. */
function relatedOf(slug: string): BucketEntry[] {
  const count = readdirSync(join(dist, BUCKET_FOLDER)).length;
  const bucket = JSON.parse(readFileSync(join(dist, BUCKET_FOLDER, `${bucketOf(slug, count)}.json`), 'utf8')) as RelatedBucket;
  const list = bucket.related[slug];
  if (!list) throw new Error(`${slug} is not in its bucket`);
  return list;
}

/** The shelf's stored value, with these papers starred (in this order, the first most recently) and these read. */
function shelfValue(starred: readonly string[], read: readonly string[] = []): string {
  const papers: Record<string, { title: string; starred?: string; read?: string }> = {};
  starred.forEach((slug, i) => (papers[slug] = { title: `Starred ${slug.slice(0, 12)}`, starred: `2026-12-0${5 - i}T10:00:00.000Z` }));
  for (const slug of read) papers[slug] = { ...papers[slug], title: papers[slug]?.title ?? slug, read: '2026-12-05T11:00:00.000Z' };
  return JSON.stringify({ version: 1, papers });
}

/** Stores a shelf on the site's origin (from its home page), as the shelf's buttons would. */
async function seedShelf(page: Page, value: string): Promise<void> {
  if (!page.url().startsWith(siteUrl)) await page.goto(siteUrl);
  await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [SHELF_KEY, value]);
}

/** Waits until the page has drawn the list for the shelf as it is now, and returns the suggestions' titles. */
async function drawnTitles(page: Page): Promise<string[]> {
  await page.locator('#similar[data-state="ready"]').waitFor({ state: 'attached' });
  return page.locator('#similar-list .card-title a').allTextContents();
}

describe('more like your shelf', () => {
  test('lists the starred papers\' related papers by summed similarity, leaving out the starred and read ones', async () => {
    const distserve = relatedOf(DISTSERVE);
    const llumnix = relatedOf(LLUMNIX);
    // What the lists imply, counted here on their own: each paper's similarities summed, starred and read ones out.
    // Read: a paper both starred papers list.
    const read = distserve.find(([slug]) => llumnix.some(([other]) => other === slug))![0];
    const sums = new Map<string, { title: string; score: number }>();
    for (const [slug, similarity, title] of [...distserve, ...llumnix]) {
      if ([DISTSERVE, LLUMNIX, read].includes(slug)) continue;
      sums.set(slug, { title, score: (sums.get(slug)?.score ?? 0) + similarity });
    }
    const expected = [...sums.values()].sort((a, b) => b.score - a.score).map((paper) => paper.title);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    // And another paper both list, whose similarities add up.
    const both = distserve.find(([slug]) => slug !== read && llumnix.some(([other]) => other === slug))!;
    // Named after the starred paper it is more similar to; on a tie, the more recently starred (DistServe).
    const closest = both[1] >= llumnix.find(([slug]) => slug === both[0])![1] ? DISTSERVE : LLUMNIX;

    const { page, problems } = await watched({ serviceWorkers: 'block' });
    await seedShelf(page, shelfValue([DISTSERVE, LLUMNIX], [read]));
    await page.goto(similarUrl);
    expect(await page.title()).toBe('More like your shelf · Papershelf');
    expect(await drawnTitles(page)).toEqual(expected);
    const status = await page.locator('#similar-status').textContent();
    expect(status).toBe(`${expected.length} papers like the 2 papers you starred, most similar first; papers you starred or read are left out.`);
    // Each suggestion names the starred paper it is most like, and links both under the base.
    const first = page.locator('#similar-list .card').first();
    expect(await first.locator('.meta').textContent()).toMatch(/because you starred Starred (distserve-dis|llumnix-dyna)/);
    expect(await first.locator('.card-title a').getAttribute('href')).toMatch(/^\/shelf\/papers\/[a-z0-9-]+\/$/);
    const summed = page.locator('#similar-list .card').filter({ hasText: both[2] });
    expect(await summed.locator('.meta').textContent()).toMatch(new RegExp(`because you starred Starred ${closest.slice(0, 12)} and 1 more$`));
    expect(await summed.locator('.meta a').getAttribute('href')).toBe(`/shelf/papers/${closest}/`);
    expect(problems).toEqual([]);
  });

  test('is reached from the shelf page, and leads back to it', async () => {
    const { page } = await watched();
    await page.goto(`${siteUrl}shelf/`);
    await page.locator('main').getByRole('link', { name: 'More like your shelf' }).click();
    await page.waitForURL(similarUrl);
    await page.locator('main').getByRole('link', { name: 'your shelf', exact: true }).click();
    await page.waitForURL(`${siteUrl}shelf/`);
  });

  test('a star in another tab updates the list', async () => {
    const { context, page, problems } = await watched({ serviceWorkers: 'block' });
    await seedShelf(page, shelfValue([DISTSERVE]));
    await page.goto(similarUrl);
    const before = await drawnTitles(page);
    expect(before).toEqual(relatedOf(DISTSERVE).map(([, , title]) => title));

    const other = await context.newPage();
    await other.goto(siteUrl);
    await other.evaluate(([key, text]) => localStorage.setItem(key!, text!), [SHELF_KEY, shelfValue([SPIKING, DISTSERVE])]);
    const spiking = relatedOf(SPIKING).map(([, , title]) => title);
    expect(spiking.length).toBeGreaterThan(0);
    await page.waitForFunction((titles) => titles.every((title) => [...document.querySelectorAll('#similar-list .card-title a')].some((a) => a.textContent === title)), spiking);
    expect(await page.locator('#similar-status').textContent()).toMatch(/like the 2 papers you starred/);

    // Unstarring everything empties it.
    await other.evaluate((key) => localStorage.removeItem(key), SHELF_KEY);
    await page.locator('#similar-list').waitFor({ state: 'hidden' });
    expect(await page.locator('#similar-status').textContent()).toMatch(/^You have not starred any paper yet/);
    expect(problems).toEqual([]);
  });

  test('works offline once visited: the worker keeps the page and the buckets it fetched', async () => {
    const { context, page, problems } = await watched();
    await page.goto(siteUrl);
    await untilControlled(page);
    await seedShelf(page, shelfValue([DISTSERVE, LLUMNIX]));
    await page.goto(similarUrl);
    const online = await drawnTitles(page);
    expect(online.length).toBeGreaterThan(2);

    await context.setOffline(true);
    await page.reload();
    expect(await drawnTitles(page)).toEqual(online);
    expect(await page.locator('#similar-status').textContent()).not.toMatch(/network/);

    // A newly starred paper whose bucket this device never fetched: the page says so, and still lists the rest.
    const count = readdirSync(join(dist, BUCKET_FOLDER)).length;
    const kept = new Set([DISTSERVE, LLUMNIX].map((slug) => bucketOf(slug, count)));
    const unkept = readdirSync(join(dist, 'papers')).find((slug) => !kept.has(bucketOf(slug, count)) && !slug.startsWith('page') && relatedOf(slug).length > 0)!;
    await seedShelf(page, shelfValue([unkept, DISTSERVE, LLUMNIX]));
    await page.reload();
    expect(await drawnTitles(page)).toEqual(online);
    expect(await page.locator('#similar-status').textContent()).toMatch(/The related papers of 1 starred paper need the network/);
    await context.setOffline(false);
    // Offline, the one fetch that failed is the unkept bucket's.
    expect(problems.filter((problem) => !/Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED) \[\S*\/related\/\d+\.json\]/.test(problem))).toEqual([]);
  });
});

describe('accessibility of more like your shelf (axe, WCAG 2.1 A and AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      test(`has no violation in the ${scheme} colour scheme at ${width} px, with suggestions and with an empty shelf`, async () => {
        const { page, problems } = await watched({ colorScheme: scheme, viewport: { width, height: 900 }, serviceWorkers: 'block' });
        await seedShelf(page, shelfValue([DISTSERVE, LLUMNIX]));
        await page.goto(similarUrl);
        expect((await drawnTitles(page)).length).toBeGreaterThan(0);
        const filled = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(filled.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
        await seedShelf(page, shelfValue([]));
        await page.reload();
        await drawnTitles(page);
        const empty = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(empty.violations.map((violation) => violation.id)).toEqual([]);
        expect(problems).toEqual([]);
      });
    }
  }
});
