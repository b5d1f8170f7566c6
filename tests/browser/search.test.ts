import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { parseDigest } from '../../src/lib/digest/parse.ts';
import { extractLinks } from '../../src/lib/papers/links.ts';
import { repoRoot } from '../helpers/fixture-site.ts';
import { resultTitles, useChromium } from './browser.ts';

const siteUrl = inject('siteUrl');
const seed = parseDigest(readFileSync(join(repoRoot, 'seeds/000_b521cd4bf3e07176.txt'), 'utf8'), { file: 'seed.txt', today: '2026-11-25' }).entries;
/** Pages that record console errors; every test ends by asserting it saw none. */
const { watched, opened } = useChromium();

describe('search in the browser', () => {
  test('finds CacheQuant first', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}search/?q=CacheQuant`);
    expect((await resultTitles(page))[0]).toBe('CacheQuant: Comprehensively Accelerated Diffusion Models');
    expect(await page.locator('pagefind-input input').inputValue()).toBe('CacheQuant');
    expect(problems).toEqual([]);
  });

  test('finds every spiking paper', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}search/?q=spiking`);
    const titles = await resultTitles(page);
    const spiking = seed.filter((entry) => /spiking/i.test(`${entry.title} ${entry.abstract.join(' ')}`)).map((entry) => entry.title);
    expect(spiking.length).toBeGreaterThanOrEqual(3);
    expect(titles).toEqual(expect.arrayContaining(spiking));
    expect(problems).toEqual([]);
  });

  test('ranks title matches above abstract matches', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}search/?q=quantization`);
    const titles = await resultTitles(page);
    const inTitle = titles.map((title) => /quantiz/i.test(title));
    expect(inTitle.indexOf(false)).toBeGreaterThan(0);
    expect(inTitle.slice(inTitle.indexOf(false))).not.toContain(true);
    expect(problems).toEqual([]);
  });

  test('does not match words of code and project URLs', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}search/?q=github`);
    await page.locator('pagefind-summary').filter({ hasText: /result/ }).waitFor();
    expect(await page.locator('.search-hit').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test('narrows results by a topic filter, shows it in the URL and restores it from the URL', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}search/?q=diffusion`);
    const all = await resultTitles(page);
    await page.locator('details[data-filter-name="topic"] summary').click();
    const unfiltered = (await page.locator('pagefind-summary').textContent())!;
    await page.locator('input[name="topic"][value="Spiking and neuromorphic computing"]').check();
    await page.waitForURL(/topic=spiking-neuromorphic/);
    const narrowed = await resultTitles(page);
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed).toContain('Spiking Diffusion Models');

    const again = await watched();
    await again.page.goto(page.url());
    expect(await resultTitles(again.page)).toEqual(narrowed);
    expect(await again.page.locator('input[name="topic"][value="Spiking and neuromorphic computing"]').isChecked()).toBe(true);

    await page.goBack();
    expect(page.url()).not.toContain('topic=');
    await page.locator('pagefind-summary').filter({ hasText: unfiltered }).waitFor();
    expect(await resultTitles(page)).toEqual(all);
    expect([...problems, ...again.problems]).toEqual([]);
  });

  test('sorts by newest and by upvotes, and keeps the sort in the URL', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}search/?q=diffusion`);
    await resultTitles(page);
    await page.locator('#search-sort').selectOption('newest');
    await page.waitForURL(/sort=newest/);
    await resultTitles(page);
    const dates = (await page.locator('.search-hit .meta span:first-child').allTextContents()).map((text) => Date.parse(text));
    expect(dates.length).toBeGreaterThan(3);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await page.goto(`${siteUrl}search/?q=diffusion&sort=upvotes`);
    const titles = await resultTitles(page);
    expect(await page.locator('#search-sort').inputValue()).toBe('upvotes');
    const upvotes = new Map(seed.map((entry) => [entry.title, entry.upvotes]));
    const counts = titles.map((title) => upvotes.get(title) ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(problems).toEqual([]);
  });

  test('works from the keyboard alone: "/" focuses the box, Enter searches, arrows reach a result', async () => {
    const { page, problems } = await watched();
    await page.goto(siteUrl);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('CacheQuant');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/shelf\/search\/\?q=CacheQuant/);
    await resultTitles(page);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.closest('pagefind-input') !== null)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('CacheQuant');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/shelf\/papers\/cachequant-comprehensively-accelerated-diffusion-models\/$/);
    expect(problems).toEqual([]);
  });

  test('leads to the topic and date pages when JavaScript is off', async () => {
    const { page, problems } = await watched({ javaScriptEnabled: false });
    await page.goto(siteUrl);
    await page.locator('#site-search').fill('spiking');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/shelf\/search\/\?q=spiking/);
    const notice = page.locator('.notice').filter({ hasText: 'needs JavaScript' });
    await notice.waitFor();
    await notice.getByRole('link', { name: 'by topic' }).click();
    await page.waitForURL(/\/shelf\/topics\/$/);
    expect(await page.locator('h1').textContent()).toBe('Topics');
    await page.goBack();
    await notice.getByRole('link', { name: 'by date' }).click();
    await page.waitForURL(/\/shelf\/dates\/$/);
    expect(problems).toEqual([]);
  });

  test('shows a hostile abstract as text and runs none of it, on its page and in results', async () => {
    const { page, problems, dialogs } = await watched();
    await page.goto(`${siteUrl}papers/reasoning-with-think-tags-and-friends/`);
    expect(await page.locator('h1').textContent()).toBe('Reasoning with <think> Tags & Friends');
    expect(await page.locator('.abstract').textContent()).toContain('<script>alert(1)</script> and <img src=x onerror=alert(1)>');
    await page.goto(`${siteUrl}search/?q=onerror`);
    const titles = await resultTitles(page);
    expect(titles).toContain('Reasoning with <think> Tags & Friends');
    expect(await page.locator('.search-hit .teaser').first().textContent()).toMatch(/alert\(1\)/);
    // An injected <img onerror> would run when its load fails: let every image settle before looking for dialogs.
    await page.evaluate(() =>
      Promise.all(
        [...document.images].map((image) =>
          image.complete ? undefined : new Promise((settled) => ['load', 'error'].forEach((event) => image.addEventListener(event, settled, { once: true }))),
        ),
      ),
    );
    expect(dialogs).toEqual([]);
    expect(await page.locator('.search-hit img, .search-hit script').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('facets and sorts', () => {
  const all = [...seed, ...parseDigest(readFileSync(join(repoRoot, 'tests/fixtures/site/seeds/003_hostile.txt'), 'utf8'), { file: 'h.txt', today: '2026-11-25' }).entries];

  /** The number of results the summary announces once the search settled. */
  async function count(page: Page): Promise<number> {
    await resultTitles(page);
    const summary = await page.locator('pagefind-summary').textContent();
    return Number(/(\d+) results?/.exec(summary ?? '')?.[1] ?? Number.NaN);
  }

  test('every paper carries every sort key, so a sorted list leaves none out', async () => {
    const { page, problems } = await watched();
    for (const sort of ['newest', 'upvotes']) {
      await page.goto(`${siteUrl}search/?sort=${sort}`);
      expect(await count(page)).toBe(all.length);
    }
    expect(problems).toEqual([]);
  });

  test('filters by has-code, author range and exact author count, each with its count shown', async () => {
    const { page, problems } = await watched();
    const withCode = all.filter((entry) => extractLinks(entry.abstract).code.length > 0).length;
    await page.goto(`${siteUrl}search/`);
    await count(page);
    await page.locator('details[data-filter-name="code"] summary').click();
    const shown = page.locator('label:has(input[name="code"][value="With code"]) .pf-filter-checkbox-count');
    await shown.filter({ hasText: new RegExp(`^\\s*${withCode}\\s*$`) }).waitFor();
    await page.goto(`${siteUrl}search/?code=yes`);
    expect(await count(page)).toBe(withCode);

    const many = all.filter((entry) => entry.byline.kind === 'authors' && entry.byline.count >= 11).length;
    await page.goto(`${siteUrl}search/?range=11%2B`);
    expect(await count(page)).toBe(many);
    const organisations = all.filter((entry) => entry.byline.kind === 'organization').length;
    await page.goto(`${siteUrl}search/?authors=organisation`);
    expect(await count(page)).toBe(organisations);
    expect(problems).toEqual([]);
  });
});

describe('reading a paper', () => {
  test('fits a phone, follows a dark preference and works from the keyboard', async () => {
    const { page, problems } = await watched({ viewport: { width: 390, height: 800 }, colorScheme: 'dark' });
    await page.goto(`${siteUrl}papers/spiking-diffusion-models/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [red, green, blue] = background.match(/\d+/g)!.map(Number);
    expect(red! + green! + blue!).toBeLessThan(150);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.chips') !== null)).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('every page visited', () => {
  test('logged no console error, CSP violation or page error', () => {
    expect(opened.length).toBeGreaterThan(5);
    expect(opened.flatMap((page) => page.problems)).toEqual([]);
  });
});
