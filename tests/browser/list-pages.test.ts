import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { archivePageCount } from '../../src/lib/shared/pagination.ts';
import { PAGE_SIZE } from '../../src/lib/shared/paths.ts';
import { buildSite, createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';
import { launchChromium, openPage, serveSite } from './browser.ts';
import { BASE } from './global-setup.ts';

// A list's pages numbered from the oldest, as a reader walks them: this file builds a catalog large enough for
// several numbered pages (the other files' catalog has fewer than two whole pages), then one more day into the same
// folder, as an operator's daily build does.
let site: FixtureSite;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;
// A safety net, not a wait: a build on a busy machine may take minutes.
const BUILD_TIMEOUT = 600_000;
const dist = () => join(site.dir, 'dist');

beforeAll(async () => {
  site = await createFixtureSite({ fillers: 90 });
  const build = await buildSite(site, dist(), { PAPERSHELF_BASE: BASE });
  if (build.code !== 0) throw new Error(`the fixture build failed:\n${build.output}`);
  server = await serveSite(dist(), BASE);
  browser = await launchChromium();
}, BUILD_TIMEOUT);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The slugs of the cards of the page shown. */
const slugs = (page: Page) => page.locator('main .paper-list .card[data-slug]').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.slug!));

/** Every page of /papers/ from its front, following each page's "Older" link: its URL and its cards' slugs. */
async function walkOlder(page: Page): Promise<{ url: string; slugs: string[] }[]> {
  await page.goto(`${server.url}papers/`);
  const pages: { url: string; slugs: string[] }[] = [];
  for (;;) {
    pages.push({ url: page.url(), slugs: await slugs(page) });
    const older = page.getByRole('link', { name: 'Older →' });
    if ((await older.count()) === 0) return pages;
    await Promise.all([page.waitForURL((url) => url.href !== pages.at(-1)!.url), older.click()]);
  }
}

describe('all papers, page by page', () => {
  test('the front shows the newest, "Older" leads down to page 1, the oldest 25; each paper once; a new day leaves the pages', async () => {
    const { page, problems } = await openPage(browser, { serviceWorkers: 'block' });
    const before = await walkOlder(page);
    const total = before.flatMap((p) => p.slugs).length;
    const numbered = archivePageCount(total);
    expect(numbered).toBeGreaterThanOrEqual(2);
    expect(before.map((p) => p.url)).toEqual([`${server.url}papers/`, ...Array.from({ length: numbered }, (_, i) => `${server.url}papers/page/${numbered - i}/`)]);
    expect(before.map((p) => p.slugs.length)).toEqual([total - numbered * PAGE_SIZE, ...Array<number>(numbered).fill(PAGE_SIZE)]);
    expect(new Set(before.flatMap((p) => p.slugs)).size).toBe(total);
    await expect(page.locator('main .lead').textContent()).resolves.toContain(`Page 1, counted from the oldest: the list's papers 1 to ${PAGE_SIZE}, newest first.`);

    // From page 1 back up: "« Newest" to the front; "Newer" to page 2, and from the newest numbered page to the front.
    await Promise.all([page.waitForURL(`${server.url}papers/`), page.getByRole('link', { name: '« Newest' }).click()]);
    await page.goto(`${server.url}papers/page/1/`);
    await Promise.all([page.waitForURL(`${server.url}papers/page/2/`), page.getByRole('link', { name: '← Newer' }).click()]);
    await page.goto(`${server.url}papers/page/${numbered}/`);
    await Promise.all([page.waitForURL(`${server.url}papers/`), page.getByRole('link', { name: '← Newer' }).click()]);
    await expect(page.locator('main .lead').textContent()).resolves.toContain(`${total} papers, newest first.`);

    // A day of three new papers, built into the same folder: the front gains them, a link to page 1 or 2 shows what it
    // showed.
    const day = ['Knitting Patterns of Old', 'Looms and Their Keepers', 'A Census of Spindles'].map((title) => `${title}\n\nA study of ${title.toLowerCase()}.\n\n  • 2 authors\n·\nMar 4, 2026 1\n`);
    await writeFile(join(site.seedsDir, '009_new-day.txt'), `Daily Papers\n\nMar 5, 2026\n\n${day.join('\n')}`);
    const build = await buildSite(site, dist(), { PAPERSHELF_BASE: BASE });
    expect(build.code, build.output).toBe(0);
    for (const n of [1, 2]) {
      await page.goto(`${server.url}papers/page/${n}/`);
      expect(await slugs(page), `page ${n}`).toEqual(before.find((p) => p.url === `${server.url}papers/page/${n}/`)!.slugs);
    }
    await page.goto(`${server.url}papers/`);
    await expect(page.locator('main .lead').textContent()).resolves.toContain(`${total + 3} papers, newest first.`);
    expect((await slugs(page)).slice(0, 3).sort()).toEqual(['a-census-of-spindles', 'knitting-patterns-of-old', 'looms-and-their-keepers']);
    expect(problems).toEqual([]);
  }, BUILD_TIMEOUT);
});
