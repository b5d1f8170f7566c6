import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import { formatUpvotes } from '../../src/lib/format.ts';
import { compareNewestFirst } from '../../src/lib/papers/model.ts';
import { PAGE_SIZE } from '../../src/lib/paths.ts';
import { launchChromium, openPage, type WatchedPage } from './browser.ts';

const siteUrl = inject('siteUrl');
const siteRoot = inject('siteRoot');

/** The papers of the served build, as its content items state them, in the site's order: newest first. */
const items = readdirSync(join(siteRoot, 'content/papers'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => parse(readFileSync(join(siteRoot, 'content/papers', name), 'utf8').split(/^---$/m)[1]!) as { slug: string; date: string; upvotes: number; code: string[] })
  .sort(compareNewestFirst);
const bySlug = new Map(items.map((item) => [item.slug, item]));
const basePath = new URL(siteUrl).pathname;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function watched(options?: Parameters<typeof openPage>[1]): Promise<WatchedPage> {
  return openPage(browser, options);
}

/** The cards of the page in view: the paper each links to, its date and the text of its parts. */
async function cards(page: Page) {
  return page.locator('.paper-list > .card').evaluateAll((elements) =>
    elements.map((card) => ({
      href: card.querySelector('.card-title a')!.getAttribute('href')!,
      date: card.querySelector('time')!.getAttribute('datetime')!,
      meta: card.querySelector('.meta')!.textContent!.replace(/\s+/g, ' ').trim(),
      upvotes: card.querySelector('.upvotes')?.textContent?.trim(),
      badge: card.querySelector('.badge')?.getAttribute('href'),
      chips: [...card.querySelectorAll('.chips a')].map((chip) => chip.getAttribute('href')!),
    })),
  );
}
const slugOf = (href: string) => /\/papers\/([^/]+)\/$/.exec(href)![1]!;

/** Every page of /papers/, reached by following each page's "Older" link. */
async function allPapersPages(page: Page): Promise<{ url: string; cards: Awaited<ReturnType<typeof cards>> }[]> {
  await page.goto(`${siteUrl}papers/`);
  const pages: { url: string; cards: Awaited<ReturnType<typeof cards>> }[] = [];
  for (;;) {
    pages.push({ url: page.url(), cards: await cards(page) });
    const next = page.locator('a[rel="next"]');
    if ((await next.count()) === 0) return pages;
    await Promise.all([page.waitForURL((url) => url.href !== pages.at(-1)!.url), next.click()]);
  }
}

describe('all papers, /papers/', () => {
  test('lists every paper newest first, PAGE_SIZE a page; "Older" leads from page to page, the last has the rest', async () => {
    const { page, problems } = await watched();
    const pages = await allPapersPages(page);
    const lastPage = Math.ceil(items.length / PAGE_SIZE);
    expect(lastPage).toBeGreaterThan(1);
    expect(pages.map((p) => p.url)).toEqual([`${siteUrl}papers/`, ...Array.from({ length: lastPage - 1 }, (_, i) => `${siteUrl}papers/page/${i + 2}/`)]);
    expect(pages.map((p) => p.cards.length)).toEqual([...Array<number>(lastPage - 1).fill(PAGE_SIZE), items.length - (lastPage - 1) * PAGE_SIZE]);
    expect(pages.flatMap((p) => p.cards.map((card) => slugOf(card.href)))).toEqual(items.map((item) => item.slug));
    await expect(page.locator('.lead').textContent()).resolves.toContain(`${items.length} papers, newest first; page ${lastPage} of ${lastPage}.`);
    expect(problems).toEqual([]);
  });
});

describe('paper cards', () => {
  test('show a code badge only for a paper with code, upvotes only when there are any, and linked topic chips', async () => {
    const { page, problems } = await watched();
    const all = (await allPapersPages(page)).flatMap((p) => p.cards);
    expect(all).toHaveLength(items.length);
    for (const card of all) {
      const item = bySlug.get(slugOf(card.href))!;
      expect(card.date).toBe(item.date);
      expect(card.badge, card.href).toBe(item.code.length > 0 ? item.code[0] : undefined);
      expect(card.upvotes, card.href).toBe(item.upvotes > 0 ? formatUpvotes(item.upvotes) : undefined);
      expect(card.meta).not.toMatch(/\b0 upvotes/);
      expect(card.chips.length).toBeGreaterThan(0);
      for (const chip of card.chips) expect(chip).toMatch(new RegExp(`^${basePath}topics/[a-z0-9-]+/$`));
    }
    // The seed has papers of both kinds, so both branches were seen.
    expect(all.some((card) => card.badge) && all.some((card) => !card.badge)).toBe(true);
    expect(all.some((card) => card.upvotes) && all.some((card) => !card.upvotes)).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('home page', () => {
  test('shows the newest papers first, as /papers/ begins, and links to all papers', async () => {
    const { page, problems } = await watched();
    await page.goto(siteUrl);
    const home = await cards(page);
    expect(home.length).toBeGreaterThan(0);
    expect(home.map((card) => slugOf(card.href))).toEqual(items.slice(0, home.length).map((item) => item.slug));
    // "Papershelf" once, in the header; the search box comes before the papers.
    await expect(page.locator('h1').textContent()).resolves.not.toContain('Papershelf');
    const search = await page.locator('main #site-search').boundingBox();
    const first = await page.locator('.card').first().boundingBox();
    expect(search!.y).toBeLessThan(first!.y);
    await Promise.all([page.waitForURL(`${siteUrl}papers/`), page.getByRole('link', { name: /^All \d+ papers/ }).click()]);
    expect(problems).toEqual([]);
  });
});

describe('list pages', () => {
  test('/topics/ links every topic it lists and lists none without papers', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}topics/`);
    const rows = await page.locator('.facet-list > li').evaluateAll((lis) => lis.map((li) => ({ linked: li.querySelector('a') !== null, text: li.textContent! })));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.linked, row.text).toBe(true);
      expect(row.text).not.toContain('(0)');
    }
    expect(problems).toEqual([]);
  });

  test('put a space between the description and the count', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}topics/`);
    await Promise.all([page.waitForURL(/\/topics\/[^/]+\/$/), page.locator('.facet-list a').first().click()]);
    await expect(page.locator('.lead').textContent()).resolves.toMatch(/\. \d+ papers?, newest first/);
    expect(problems).toEqual([]);
  });
});

describe('layout', () => {
  test('on a desktop the ways in stand beside the list', async () => {
    const { page, problems } = await watched({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${siteUrl}papers/`);
    const list = (await page.locator('.paper-list').boundingBox())!;
    const browse = (await page.locator('.browse').boundingBox())!;
    expect(browse.x).toBeGreaterThanOrEqual(list.x + list.width);
    expect(browse.y).toBeLessThan(list.y + list.height);
    expect(problems).toEqual([]);
  });

  for (const path of ['', 'papers/']) {
    test(`on a phone /${path} is one column: the first card in view near the top, the ways in after the list`, async () => {
      const { page, problems } = await watched({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await page.goto(`${siteUrl}${path}`);
      const first = (await page.locator('.card').first().boundingBox())!;
      const last = (await page.locator('.card').last().boundingBox())!;
      const browse = (await page.locator('.browse').boundingBox())!;
      expect(first.y).toBeLessThan(400);
      expect(first.x + first.width).toBeLessThanOrEqual(390);
      expect(browse.y).toBeGreaterThanOrEqual(last.y + last.height);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(problems).toEqual([]);
    });
  }
});
