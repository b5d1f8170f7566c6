import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { untilControlled, useChromium } from './browser.ts';

// Sorting a day (issue 21, item 1): by the listing's order, upvotes or has-code, over the whole day (its 48 papers run
// to two pages), the order in the URL; without JavaScript, the listing's order and no sort links.
const siteUrl = inject('siteUrl');
/** The served build's newest day: the seed's 48 papers with the hostile digest's, on two pages. */
const day = `${siteUrl}digests/2026-04-13/`;
const { watched, opened } = useChromium({ viewport: { width: 1280, height: 800 } });

/** The day's cards as the list shows them: title, upvotes, whether it has code. */
function cardsOf(page: Page): Promise<{ title: string; upvotes: number; code: boolean }[]> {
  return page.locator('.day-list > .card').evaluateAll((cards) =>
    cards.map((card) => ({
      title: card.querySelector('.card-title')!.textContent!.trim(),
      upvotes: Number((card as HTMLElement).dataset.upvotes),
      code: (card as HTMLElement).dataset.code === 'yes',
    })),
  );
}

/** Every card of the day in the listing's order: its two pages, one after the other. */
async function listingOrder(page: Page): Promise<Awaited<ReturnType<typeof cardsOf>>> {
  await page.goto(day);
  const first = await cardsOf(page);
  await page.goto(`${day}page/2/`);
  return [...first, ...(await cardsOf(page))];
}

describe('sorting a day', () => {
  test('by upvotes orders the whole day, both its pages, most upvoted first and equal counts in the listing order', async () => {
    const { page } = await watched();
    const listing = await listingOrder(page);
    expect(listing.length).toBeGreaterThan(25);
    await page.goto(day);
    await Promise.all([page.waitForURL(`${day}?sort=upvotes`), page.getByRole('navigation', { name: 'Order of the day' }).getByRole('link', { name: 'Upvotes' }).click()]);
    await page.locator('.day-list[data-sorted="upvotes"]').waitFor({ state: 'attached' });
    const sorted = await cardsOf(page);
    const expected = listing.map((card, index) => ({ card, index })).sort((a, b) => b.card.upvotes - a.card.upvotes || a.index - b.index).map(({ card }) => card);
    expect(sorted).toEqual(expected);
    // A paper of page 2 is now among them, and the day's pages and its listing-order words are gone.
    expect(sorted.map((card) => card.title)).toContain(listing.at(-1)!.title);
    await expect(page.getByRole('navigation', { name: 'Pages' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.day-lead .lead').textContent()).resolves.toBe(`${listing.length} papers, most upvoted first.`);
    await expect(page.getByRole('link', { name: 'Upvotes' }).getAttribute('aria-current')).resolves.toBe('true');
  });

  test('by has-code puts the papers with code first, from page 2 too; a link with ?sort=code opens it so, and Listing goes back', async () => {
    const { page } = await watched();
    const listing = await listingOrder(page);
    await page.goto(`${day}page/2/?sort=code`);
    await page.locator('.day-list[data-sorted="code"]').waitFor({ state: 'attached' });
    const sorted = await cardsOf(page);
    expect(sorted).toEqual([...listing.filter((card) => card.code), ...listing.filter((card) => !card.code)]);
    expect(listing.slice(25).some((card) => card.code)).toBe(true);
    await Promise.all([page.waitForURL(day), page.getByRole('link', { name: 'Listing', exact: true }).click()]);
    expect(await cardsOf(page)).toEqual(listing.slice(0, 25));
    await expect(page.getByRole('navigation', { name: 'Pages' }).isVisible()).resolves.toBe(true);
  });

  test('without JavaScript the day shows the listing order and no sort links, whatever the URL asks', async () => {
    const { page } = await watched({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    await page.goto(`${day}?sort=upvotes`);
    await expect(page.getByRole('navigation', { name: 'Order of the day' }).isVisible()).resolves.toBe(false);
    const shown = await cardsOf(page);
    await page.goto(day);
    expect(shown).toEqual(await cardsOf(page));
    expect(shown.map((card) => card.upvotes)).not.toEqual([...shown.map((card) => card.upvotes)].sort((a, b) => b - a));
  });

  test('offline, it sorts the pages this device kept, says which page it could not load, and the whole day once that page is kept', async () => {
    // The listing read where no worker keeps anything, so that this page's worker has kept no page 2 before it goes offline.
    const listing = await listingOrder((await watched({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' })).page);
    const { context, page, problems } = await watched();
    await page.goto(day);
    await untilControlled(page);
    // Opened while the worker controls the page, the day's first page is kept; its second is not yet.
    await page.goto(`${day}?x=1`);
    await context.setOffline(true);
    await page.goto(`${day}?sort=upvotes`);
    await page.locator('.day-list[data-sorted="upvotes"]').waitFor({ state: 'attached' });
    expect((await cardsOf(page)).map((card) => card.title).sort()).toEqual(listing.slice(0, 25).map((card) => card.title).sort());
    await expect(page.locator('.day-lead .lead').textContent()).resolves.toBe(`${listing.length} papers, most upvoted first; page 2 of the day could not be loaded: its papers are missing.`);
    await context.setOffline(false);
    await page.goto(`${day}page/2/`);
    await context.setOffline(true);
    await page.goto(`${day}?sort=upvotes`);
    await page.locator('.day-list[data-sorted="upvotes"]').waitFor({ state: 'attached' });
    expect(await cardsOf(page)).toHaveLength(listing.length);
    await expect(page.locator('.day-lead .lead').textContent()).resolves.toBe(`${listing.length} papers, most upvoted first.`);
    await context.setOffline(false);
    // The one problem is Chromium's own line for the page it could not fetch offline: taken out of the closing check.
    expect(problems.splice(0)).toEqual([expect.stringMatching(/^console: Failed to load resource: net::ERR_FAILED \[\S+\/digests\/2026-04-13\/page\/2\/\]/)]);
  });

  test('no page reported an error', () => {
    expect(opened.length).toBeGreaterThan(2);
    expect(opened.flatMap((page) => page.problems)).toEqual([]);
  });
});
