import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import { digestDays } from '../../src/lib/catalog/digest-days.ts';
import { formatDate, formatPaperCount, formatUpvotes } from '../../src/lib/shared/format.ts';
import { compareNewestFirst } from '../../src/lib/papers/model.ts';
import { archivePageCount } from '../../src/lib/shared/pagination.ts';
import { PAGE_SIZE } from '../../src/lib/shared/paths.ts';
import { launchChromium, openPage, type WatchedPage } from './browser.ts';

const siteUrl = inject('siteUrl');
const siteRoot = inject('siteRoot');

/** The papers of the served build, as its content items state them, in the site's order: newest first. */
const items = readdirSync(join(siteRoot, 'content/papers'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => parse(readFileSync(join(siteRoot, 'content/papers', name), 'utf8').split(/^---$/m)[1]!) as { slug: string; date: string; upvotes: number; code: string[] })
  .sort(compareNewestFirst);
const bySlug = new Map(items.map((item) => [item.slug, item]));
/** The served build's digest days, newest first, as content/digests.json states its digests. */
const { days } = digestDays(JSON.parse(readFileSync(join(siteRoot, 'content/digests.json'), 'utf8')), (slug) => bySlug.has(slug));
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
  test('lists every paper newest first; a catalog of fewer than two whole pages shows them all on the front, with no pages', async () => {
    const { page, problems } = await watched();
    // Pages are numbered from the oldest (anchoredPages): the front holds the newest whole page and the rest, so a
    // catalog of 26 to 49 papers has no numbered page yet. Numbered pages are checked on a larger build
    // (tests/site/astro.test.ts, tests/site/daily-lists.test.ts).
    expect(items.length).toBeGreaterThan(PAGE_SIZE);
    expect(archivePageCount(items.length)).toBe(0);
    const pages = await allPapersPages(page);
    expect(pages.map((p) => p.url)).toEqual([`${siteUrl}papers/`]);
    expect(pages[0]!.cards.map((card) => slugOf(card.href))).toEqual(items.map((item) => item.slug));
    await expect(page.locator('.lead').textContent()).resolves.toContain(`${items.length} papers, newest first.`);
    await expect(page.locator('nav[aria-label="Pages"]').count()).resolves.toBe(0);
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
  test("shows the newest digest's first page of papers, in the listing's order, after the search box, and links to the day and to all papers", async () => {
    const { page, problems } = await watched();
    await page.goto(siteUrl);
    const home = await cards(page);
    // The newest day lists more than a page: the home page shows its first page and leads to the rest.
    expect(days[0]!.papers.length).toBeGreaterThan(PAGE_SIZE);
    expect(home.map((card) => slugOf(card.href))).toEqual(days[0]!.papers.slice(0, PAGE_SIZE));
    const rest = page.getByRole('link', { name: `All ${formatPaperCount(days[0]!.papers.length)} of ${formatDate(days[0]!.date)} →` });
    await Promise.all([page.waitForURL(`${siteUrl}digests/${days[0]!.date}/`), rest.click()]);
    await page.goBack();
    // "Papershelf" once, in the header; the search box comes before the papers.
    await expect(page.locator('h1').textContent()).resolves.not.toContain('Papershelf');
    const search = await page.locator('main #site-search').boundingBox();
    const first = await page.locator('.card').first().boundingBox();
    expect(search!.y).toBeLessThan(first!.y);
    await Promise.all([page.waitForURL(`${siteUrl}digests/${days[0]!.date}/`), page.locator('#newest a').click()]);
    await page.goBack();
    await Promise.all([page.waitForURL(`${siteUrl}papers/`), page.getByRole('link', { name: /^All \d+ papers, newest first/ }).click()]);
    expect(problems).toEqual([]);
  });
});

describe('digest pages', () => {
  test('/digests/ lists every listing day, newest first, with its number of papers', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}digests/`);
    const rows = await page.locator('.digest-days > li').evaluateAll((lis) =>
      lis.map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, text: li.textContent!.replace(/\s+/g, ' ').trim() })),
    );
    expect(days.length).toBeGreaterThan(1);
    expect(rows).toEqual(days.map((day) => ({ href: `${basePath}digests/${day.date}/`, text: `${formatDate(day.date)} ${formatPaperCount(day.papers.length)}` })));
    expect(problems).toEqual([]);
  });

  test("a day shows its papers in the listing's order, PAGE_SIZE a page, two digests of one date as one list, and every page leads to the days around it", async () => {
    const { page, problems } = await watched();
    // Two digests state the newest date: one list holds both, the first digest's papers first.
    const [newest, older] = days as [(typeof days)[0], (typeof days)[0]];
    expect(newest.digests.length).toBe(2);
    await page.goto(`${siteUrl}digests/${newest.date}/`);
    const listed: string[] = [];
    for (let n = 1; ; n++) {
      await expect(page.locator('h1').textContent()).resolves.toBe(`Papers of ${formatDate(newest.date)}`);
      listed.push(...(await cards(page)).map((card) => slugOf(card.href)));
      // The newest day: only the day before, on every page.
      await expect(page.getByRole('link', { name: /^Next day/ }).count()).resolves.toBe(0);
      // Twice: at the top of the day and below its list.
      await expect(page.getByRole('link', { name: `← Previous day, ${formatDate(older.date)}` }).count()).resolves.toBe(2);
      const next = page.locator('nav[aria-label="Pages"] a[rel="next"]');
      if ((await next.count()) === 0) break;
      await Promise.all([page.waitForURL(`${siteUrl}digests/${newest.date}/page/${n + 1}/`), next.click()]);
    }
    expect(listed).toEqual(newest.papers);
    await Promise.all([page.waitForURL(`${siteUrl}digests/${older.date}/`), page.getByRole('link', { name: /^← Previous day/ }).first().click()]);
    expect((await cards(page)).map((card) => slugOf(card.href))).toEqual(older.papers);
    await Promise.all([page.waitForURL(`${siteUrl}digests/${newest.date}/`), page.getByRole('link', { name: /^Next day/ }).first().click()]);
    expect(problems).toEqual([]);
  });

  test('a paper page links every day that listed it, and its neighbours in the newest', async () => {
    const { page, problems } = await watched();
    // A paper both days list, not first in the newest.
    const [newest, older] = days as [(typeof days)[0], (typeof days)[0]];
    const index = newest.papers.findIndex((slug, i) => i > 0 && i < newest.papers.length - 1 && older.papers.includes(slug));
    expect(index).toBeGreaterThan(0);
    const slug = newest.papers[index]!;
    await page.goto(`${siteUrl}papers/${slug}/`);
    const listed = await page.locator('.listed-in a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(listed).toEqual([`${basePath}digests/${newest.date}/`, `${basePath}digests/${older.date}/`]);
    await Promise.all([page.waitForURL(`${siteUrl}papers/${newest.papers[index + 1]}/`), page.locator('.paper-neighbours a[rel="next"]').click()]);
    await Promise.all([page.waitForURL(`${siteUrl}papers/${slug}/`), page.locator('.paper-neighbours a[rel="prev"]').click()]);
    // Find links search for the title elsewhere, and give away nothing of this site.
    const find = await page.locator('.find-paper a').evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href')!, rel: a.getAttribute('rel') })));
    expect(find.map((link) => new URL(link.href).hostname)).toEqual(['arxiv.org', 'huggingface.co', 'www.semanticscholar.org', 'scholar.google.com']);
    for (const link of find) expect(link.rel).toBe('noopener noreferrer');
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
      // Near the top: on / below the newest day's heading and its row of the day before and the card-view switch.
      expect(first.y).toBeLessThan(450);
      expect(first.x + first.width).toBeLessThanOrEqual(390);
      expect(browse.y).toBeGreaterThanOrEqual(last.y + last.height);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(problems).toEqual([]);
    });
  }
});
