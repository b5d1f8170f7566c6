import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { useChromium } from './browser.ts';

// Weekly and monthly top pages (issue 21, item 4): the papers listed in an ISO week or a month, most upvoted first,
// upvotes as of the period's last listing day, paginated; linked from each day, the home page and an index.
const siteUrl = inject('siteUrl');
/** The served build's days: the seed's (a Monday, week 16 of 2026, 48 papers) and an older one (week 10). */
const newest = '2026-04-13';
const older = '2026-03-02';
const { watched, opened } = useChromium({ viewport: { width: 1280, height: 800 } });

/** The upvotes of the list's cards, in the order shown. */
const upvotesOf = (page: Page) => page.locator('.day-list > .card').evaluateAll((cards) => cards.map((card) => Number((card as HTMLElement).dataset.upvotes)));
const lead = async (page: Page) => (await page.locator('.day-lead .lead').textContent())!.replace(/\s+/g, ' ').trim();

describe('top pages', () => {
  test("a week's page lists every paper of its days once, most upvoted first across its pages, upvotes as of its last day", async () => {
    const { page } = await watched();
    await page.goto(`${siteUrl}digests/${newest}/`);
    const dayCount = Number((await lead(page)).match(/^(\d+) papers/)![1]);
    await Promise.all([page.waitForURL(`${siteUrl}top/week/2026-W16/`), page.getByRole('link', { name: 'Top of week 16 of 2026' }).click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Top papers of week 16 of 2026');
    expect(await lead(page)).toBe(`${dayCount} papers listed 13 – 19 April 2026, most upvoted first; upvotes as of 13 April 2026; page 1 of 2.`);
    const first = await upvotesOf(page);
    await Promise.all([page.waitForURL(`${siteUrl}top/week/2026-W16/page/2/`), page.getByRole('link', { name: 'Next →' }).click()]);
    const all = [...first, ...(await upvotesOf(page))];
    expect(all).toHaveLength(dayCount);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect(all[0]).toBeGreaterThan(all.at(-1)!);
  });

  test("a month's page comes from the day's link; an older week's names the later day a re-listed paper's upvotes are from", async () => {
    const { page } = await watched();
    await page.goto(`${siteUrl}digests/${older}/`);
    await Promise.all([page.waitForURL(`${siteUrl}top/month/2026-03/`), page.getByRole('link', { name: 'Top of March 2026' }).click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Top papers of March 2026');
    expect(await lead(page)).toMatch(/^\d+ papers listed in March 2026, most upvoted first; upvotes as of 2 March 2026\.$/);
    await page.goto(`${siteUrl}digests/${older}/`);
    await Promise.all([page.waitForURL(`${siteUrl}top/week/2026-W10/`), page.getByRole('link', { name: 'Top of week 10 of 2026' }).click()]);
    // MinMo, listed on 2 March and again on 13 April: its count is the later listing's, and its card says so.
    const relisted = page.locator('.day-list > .card').filter({ hasText: 'MinMo' });
    await expect(relisted.locator('.upvotes').textContent()).resolves.toBe('8 upvotes as of 13 April 2026');
    expect(await upvotesOf(page)).toEqual([...(await upvotesOf(page))].sort((a, b) => b - a));
    // The week before leads on to the next week with listings.
    await Promise.all([page.waitForURL(`${siteUrl}top/week/2026-W16/`), page.getByRole('link', { name: 'Week 16 of 2026 →' }).click()]);
  });

  test('the home page links the newest week, month and the index, which lists every week and month', async () => {
    const { page } = await watched();
    await page.goto(siteUrl);
    await Promise.all([page.waitForURL(`${siteUrl}top/month/2026-04/`), page.getByRole('link', { name: 'Top of April 2026' }).click()]);
    await page.goto(siteUrl);
    await Promise.all([page.waitForURL(`${siteUrl}top/`), page.getByRole('link', { name: 'Top papers by week and month →' }).click()]);
    const links = await page.locator('main .top-periods a').evaluateAll((anchors) => anchors.map((a) => [a.textContent, (a as HTMLAnchorElement).pathname]));
    expect(links).toEqual([
      ['April 2026', '/shelf/top/month/2026-04/'],
      ['March 2026', '/shelf/top/month/2026-03/'],
      ['Week 16 of 2026', '/shelf/top/week/2026-W16/'],
      ['Week 10 of 2026', '/shelf/top/week/2026-W10/'],
    ]);
  });

  test('no page reported an error', () => {
    expect(opened.length).toBe(3);
    expect(opened.flatMap((page) => page.problems)).toEqual([]);
  });
});
