import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseDigest } from '../../src/lib/digest/parse.ts';
import { formatAuthorCount, formatByline, formatDate, formatUpvotes } from '../../src/lib/shared/format.ts';
import { linkify } from '../../src/lib/papers/links.ts';
import { repoRoot } from '../helpers/fixture-site.ts';
import { launchChromium, openPage, resultTitles, untilControlled } from './browser.ts';

// How the search page looks and reads: the result rows, the filter pane, the empty state, the phone layout and a
// page that cannot load Pagefind. (tests/browser/search.test.ts covers what searches find, the URL and offline.)
const siteUrl = inject('siteUrl');
const today = { today: '2026-11-25' };
const entries = [
  ...parseDigest(readFileSync(join(repoRoot, 'seeds/000_b521cd4bf3e07176.txt'), 'utf8'), { file: 'seed.txt', ...today }).entries,
  ...parseDigest(readFileSync(join(repoRoot, 'tests/fixtures/site/seeds/003_hostile.txt'), 'utf8'), { file: 'h.txt', ...today }).entries,
];
const byTitle = new Map(entries.map((entry) => [entry.title, entry]));
const topicNames = new Set((parseYaml(readFileSync(join(repoRoot, 'content/topics.yaml'), 'utf8')) as { name: string }[]).map((topic) => topic.name));
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Words only, lower case: what is left of a text once punctuation and spacing are set aside. */
const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The filter values a group of the pane shows (those with results or chosen), top to bottom. */
function shownValues(page: Page, filter: string): Promise<string[]> {
  return page.locator(`details[data-filter-name="${filter}"] label.pf-filter-checkbox:not([data-pf-hidden]) input`).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

describe('search results', () => {
  test('show each paper\'s date, byline and topics, and its upvotes only when it has any', async () => {
    const { page, problems } = await openPage(browser, { viewport: { width: 1200, height: 4000 } });
    const seen = { upvoted: 0, without: 0, organisations: 0 };
    for (const query of ['q=diffusion', 'authors=organisation']) {
      await page.goto(`${siteUrl}search/?${query}`);
      await resultTitles(page);
      for (const hit of await page.locator('.search-hit').all()) {
        const entry = byTitle.get((await hit.locator('.search-hit-title').textContent())!)!;
        const expected = [formatDate(entry.date), formatByline(entry.byline), ...(entry.upvotes > 0 ? [formatUpvotes(entry.upvotes)] : [])];
        expect(await hit.locator('.meta > span:not(.badge)').allTextContents()).toEqual(expected);
        const topics = await hit.locator('.chips > li').allTextContents();
        expect(topics.length).toBeGreaterThan(0);
        for (const topic of topics) expect(topicNames).toContain(topic);
        if (entry.upvotes > 0) seen.upvoted++;
        else seen.without++;
        if (entry.byline.kind === 'organization') seen.organisations++;
      }
    }
    // Both kinds of row were looked at, so the test can fail either way.
    expect(seen.upvoted).toBeGreaterThan(0);
    expect(seen.without).toBeGreaterThan(0);
    expect(seen.organisations).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('show an excerpt of the abstract only, never the title again, while title words still find and rank', async () => {
    const { page, problems } = await openPage(browser, { viewport: { width: 1200, height: 4000 } });
    for (const query of ['CacheQuant', 'spiking', 'quantization']) {
      await page.goto(`${siteUrl}search/?q=${query}`);
      const titles = await resultTitles(page);
      expect(words(titles[0]!)).toContain(query.toLowerCase());
      for (const hit of await page.locator('.search-hit').all()) {
        const entry = byTitle.get((await hit.locator('.search-hit-title').textContent())!)!;
        // The page indexes the abstract's text without its URLs (they are links, kept out of the index).
        const abstract = entry.abstract.flatMap((paragraph) => linkify(paragraph).filter((segment) => !('url' in segment)).map((segment) => segment.text)).join(' ');
        const excerpt = (await hit.locator('.teaser').textContent())!;
        expect(words(abstract)).toContain(words(excerpt));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the filter pane', () => {
  test('lists the groups in the site\'s order and author counts by number, with readable labels in the site\'s type', async () => {
    const { page, problems } = await openPage(browser, { viewport: { width: 1200, height: 2000 } });
    await page.goto(`${siteUrl}search/`);
    await resultTitles(page);
    expect(await page.locator('details.pf-filter-group').evaluateAll((groups) => groups.map((group) => (group as HTMLElement).dataset.filterName))).toEqual([
      'topic',
      'year',
      'authors',
      'author range',
      'code',
    ]);
    expect(await page.locator('.pf-filter-group-name').allTextContents()).toEqual(['Topic', 'Year', 'Authors', 'Author range', 'Code']);
    for (const group of ['authors', 'author range', 'code']) await page.locator(`details[data-filter-name="${group}"] summary`).click();

    const counts = [...new Set(entries.flatMap((entry) => (entry.byline.kind === 'authors' ? [entry.byline.count] : [])))].sort((a, b) => a - b);
    expect(counts).toContain(10);
    expect(await shownValues(page, 'authors')).toEqual([...counts.map(formatAuthorCount), 'Organisation']);
    expect(await shownValues(page, 'author range')).toEqual(['1 author', '2–3 authors', '4–6 authors', '7–10 authors', '11+ authors', 'Organisation']);
    expect(await shownValues(page, 'code')).toEqual(['With code', 'Without code']);

    // Readable: headings in sentence case at body size, values and counts no smaller than the site's small text.
    const style = (selector: string) =>
      page.locator(selector).first().evaluate((element) => {
        const computed = getComputedStyle(element);
        return { size: Number.parseFloat(computed.fontSize), transform: computed.textTransform, font: computed.fontFamily };
      });
    const body = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    const heading = await style('.pf-filter-group-title');
    expect(heading).toEqual({ size: 16, transform: 'none', font: body });
    expect((await style('label.pf-filter-checkbox')).size).toBeGreaterThanOrEqual(14);
    expect((await style('.pf-filter-checkbox-count')).size).toBeGreaterThanOrEqual(14);
    expect((await style('.pf-summary')).size).toBeGreaterThanOrEqual(14);
    // No grey box: the pane sits on the page's own background.
    expect(await page.locator('.pf-filter-pane').evaluate((pane) => getComputedStyle(pane).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    expect(problems).toEqual([]);
  });
});

describe('a search that finds nothing', () => {
  test('says so and suggests topics, whose links lead to their pages', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${siteUrl}search/?q=diffusion`);
    await resultTitles(page);
    expect(await page.locator('#search-empty').isVisible()).toBe(false);

    await page.goto(`${siteUrl}search/?q=zzyzxqq`);
    const empty = page.locator('#search-empty');
    await empty.waitFor();
    expect(await empty.locator('h2').textContent()).toBe('No papers match this search');
    const topics = empty.locator('.chips a');
    expect(await topics.count()).toBeGreaterThanOrEqual(3);
    for (const href of await topics.evaluateAll((links) => links.map((link) => link.getAttribute('href')))) expect(href).toMatch(/^\/shelf\/topics\/[a-z0-9-]+\/$/);
    expect(await topics.allTextContents()).not.toContain('Other');
    expect(await empty.getByRole('link', { name: 'All topics' }).getAttribute('href')).toBe('/shelf/topics/');

    const first = (await topics.first().textContent())!;
    await topics.first().click();
    await page.waitForURL(/\/shelf\/topics\/[a-z0-9-]+\/$/);
    expect(await page.locator('h1').textContent()).toContain(first);

    // Back and a search that finds papers again: the suggestions go.
    await page.goBack();
    await empty.waitFor();
    await page.locator('pagefind-input input').fill('spiking');
    await page.locator('pagefind-summary').filter({ hasText: /\d+ results? for spiking/ }).waitFor();
    expect(await empty.isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });
});

describe('on a phone', () => {
  test('the filters wait behind a "Filters" button, so the first result is near the top', async () => {
    const { page, problems } = await openPage(browser, phone);
    await page.goto(`${siteUrl}search/?q=diffusion`);
    await resultTitles(page);
    // The tallest the top of the page gets: with the offline section the service worker brings.
    await untilControlled(page);
    await page.locator('#offline-keep').waitFor();
    const first = (await page.locator('.search-hit').first().boundingBox())!;
    expect(first.y).toBeLessThan(844 / 2);

    const button = page.getByRole('button', { name: 'Filters' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('pagefind-filter-pane').isVisible()).toBe(false);
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const topic = page.locator('details[data-filter-name="topic"] summary');
    await topic.waitFor();
    await topic.click();
    await page.locator('input[name="topic"][value="Spiking and neuromorphic computing"]').check();
    await page.waitForURL(/topic=spiking-neuromorphic/);
    expect(await button.textContent()).toBe('Filters (1)');
    await button.click();
    expect(await page.locator('pagefind-filter-pane').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
  });

  test('on a wide screen the filters stay open beside the results, with no button', async () => {
    const { page, problems } = await openPage(browser, { viewport: { width: 1200, height: 900 } });
    await page.goto(`${siteUrl}search/?q=diffusion`);
    await resultTitles(page);
    expect(await page.locator('#search-filters-toggle').isVisible()).toBe(false);
    expect(await page.locator('details[data-filter-name="topic"] summary').isVisible()).toBe(true);
    const pane = (await page.locator('pagefind-filter-pane').boundingBox())!;
    const hit = (await page.locator('.search-hit').first().boundingBox())!;
    expect(pane.x + pane.width).toBeLessThan(hit.x);
    expect(problems).toEqual([]);
  });
});

describe('a page that cannot load Pagefind', () => {
  test('says search could not be loaded and leads to the browse pages, with no search box left', async () => {
    const { page, problems } = await openPage(browser, { serviceWorkers: 'block' });
    await page.route('**/pagefind/pagefind-component-ui.js', (route) => route.abort());
    await page.goto(`${siteUrl}search/?q=diffusion`);
    const notice = page.locator('#search-unavailable');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Search could not be loaded');
    expect(await notice.getByRole('link', { name: 'by topic' }).getAttribute('href')).toBe('/shelf/topics/');
    expect(await page.locator('#search-ui').isVisible()).toBe(false);
    // The failed request is logged by the browser; nothing else goes wrong.
    expect(problems.filter((problem) => !problem.includes('pagefind-component-ui.js'))).toEqual([]);
  });
});
