import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { archivePageCount } from '../../src/lib/shared/pagination.ts';
import { PAGE_SIZE } from '../../src/lib/shared/paths.ts';
import { useChromium } from './browser.ts';
import { BUILD_TIMEOUT, useOwnSite } from './own-site.ts';

// A list's pages numbered from the oldest, as a reader walks them: this file builds a catalog large enough for
// several numbered pages (the other files' catalog has fewer than two whole pages), then one more day into the same
// folder, as an operator's daily build does.
const own = useOwnSite({ fillers: 90 });
const { watched } = useChromium({ serviceWorkers: 'block' });

/** The slugs of the cards of the page shown. */
const slugs = (page: Page) => page.locator('main .paper-list .card[data-slug]').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.slug!));

/** Every page of /papers/ from its front, following each page's "Older" link: its URL and its cards' slugs. */
async function walkOlder(page: Page): Promise<{ url: string; slugs: string[] }[]> {
  await page.goto(`${own.url}papers/`);
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
    const { page, problems } = await watched();
    const before = await walkOlder(page);
    const total = before.flatMap((p) => p.slugs).length;
    const numbered = archivePageCount(total);
    expect(numbered).toBeGreaterThanOrEqual(2);
    expect(before.map((p) => p.url)).toEqual([`${own.url}papers/`, ...Array.from({ length: numbered }, (_, i) => `${own.url}papers/page/${numbered - i}/`)]);
    expect(before.map((p) => p.slugs.length)).toEqual([total - numbered * PAGE_SIZE, ...Array<number>(numbered).fill(PAGE_SIZE)]);
    expect(new Set(before.flatMap((p) => p.slugs)).size).toBe(total);
    await expect(page.locator('main .lead').textContent()).resolves.toContain(`Page 1, counted from the oldest: the list's papers 1 to ${PAGE_SIZE}, newest first.`);

    // From page 1 back up: "« Newest" to the front; "Newer" to page 2, and from the newest numbered page to the front.
    await Promise.all([page.waitForURL(`${own.url}papers/`), page.getByRole('link', { name: '« Newest' }).click()]);
    await page.goto(`${own.url}papers/page/1/`);
    await Promise.all([page.waitForURL(`${own.url}papers/page/2/`), page.getByRole('link', { name: '← Newer' }).click()]);
    await page.goto(`${own.url}papers/page/${numbered}/`);
    await Promise.all([page.waitForURL(`${own.url}papers/`), page.getByRole('link', { name: '← Newer' }).click()]);
    await expect(page.locator('main .lead').textContent()).resolves.toContain(`${total} papers, newest first.`);

    // A day of three new papers, built into the same folder: the front gains them, a link to page 1 or 2 shows what it
    // showed.
    const day = ['Knitting Patterns of Old', 'Looms and Their Keepers', 'A Census of Spindles'].map((title) => `${title}\n\nA study of ${title.toLowerCase()}.\n\n  • 2 authors\n·\nMar 4, 2026 1\n`);
    await writeFile(join(own.site.seedsDir, '009_new-day.txt'), `Daily Papers\n\nMar 5, 2026\n\n${day.join('\n')}`);
    const build = await own.rebuild();
    expect(build.code, build.output).toBe(0);
    for (const n of [1, 2]) {
      await page.goto(`${own.url}papers/page/${n}/`);
      expect(await slugs(page), `page ${n}`).toEqual(before.find((p) => p.url === `${own.url}papers/page/${n}/`)!.slugs);
    }
    await page.goto(`${own.url}papers/`);
    await expect(page.locator('main .lead').textContent()).resolves.toContain(`${total + 3} papers, newest first.`);
    expect((await slugs(page)).slice(0, 3).sort()).toEqual(['a-census-of-spindles', 'knitting-patterns-of-old', 'looms-and-their-keepers']);
    expect(problems).toEqual([]);
  }, BUILD_TIMEOUT);
});
