import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { formatDate } from '../../src/lib/shared/format.ts';
import { launchChromium, openPage } from './browser.ts';

// A compact day (issue 21, item 1): a day's papers as compact cards, the roomy ones a click away and remembered,
// each abstract opening in place; the day's neighbours at its top, and the day before on the home page.
const siteUrl = inject('siteUrl');
/** The served build's newest day (the seed's, with the hostile digest) and the older day the fixture adds. */
const newest = '2026-04-13';
const older = '2026-03-02';
const desktop = { viewport: { width: 1280, height: 800 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** How many of the list's cards lie wholly inside the viewport, scrolled to the top. */
function cardsInView(page: Page): Promise<number> {
  return page.locator('.day-list > .card').evaluateAll((cards) =>
    cards.filter((card) => {
      const box = card.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }).length,
  );
}

describe('a compact day', () => {
  for (const [name, options, least] of [['1280×800', desktop, 8], ['390×844', phone, 4]] as const) {
    test(`shows at least ${least} whole papers on a ${name} screen of a day and of the home page, below their title, search and links`, async () => {
      const { page, problems } = await openPage(browser, options);
      for (const url of [`${siteUrl}digests/${newest}/`, siteUrl]) {
        await page.goto(url);
        expect(await cardsInView(page), url).toBeGreaterThanOrEqual(least);
        // Each compact card still carries its title, byline and topic chips.
        const first = page.locator('.day-list > .card').first();
        await expect(first.locator('.card-title').isVisible()).resolves.toBe(true);
        await expect(first.locator('.meta span').first().isVisible()).resolves.toBe(true);
        await expect(first.locator('.chips a').first().isVisible()).resolves.toBe(true);
        await expect(first.locator('.teaser').isVisible()).resolves.toBe(false);
      }
      expect(problems).toEqual([]);
    });
  }

  test('opens an abstract in place, inside its card, without leaving the page', async () => {
    const { page, problems } = await openPage(browser, desktop);
    const url = `${siteUrl}digests/${newest}/`;
    await page.goto(url);
    const card = page.locator('.day-list > .card').nth(1);
    const abstract = card.locator('.card-abstract p').first();
    await expect(abstract.isVisible()).resolves.toBe(false);
    await card.locator('summary').click();
    await expect(card.locator('details').evaluate((details) => (details as HTMLDetailsElement).open)).resolves.toBe(true);
    await expect(abstract.isVisible()).resolves.toBe(true);
    const [cardBox, textBox] = [(await card.boundingBox())!, (await abstract.boundingBox())!];
    expect(textBox.y).toBeGreaterThan(cardBox.y);
    expect(textBox.y + textBox.height).toBeLessThanOrEqual(cardBox.y + cardBox.height);
    expect(page.url()).toBe(url);
    expect(problems).toEqual([]);
  });

  test('switches to roomy cards and back with the toggle, and remembers the choice across a reload', async () => {
    const { page, problems } = await openPage(browser, desktop);
    await page.goto(`${siteUrl}digests/${newest}/`);
    const toggle = page.getByRole('button', { name: 'Roomy cards' });
    const teaser = page.locator('.day-list > .card .teaser').first();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    const compact = await cardsInView(page);
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(teaser.isVisible()).resolves.toBe(true);
    expect(await cardsInView(page)).toBeLessThan(compact);
    await page.reload();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(teaser.isVisible()).resolves.toBe(true);
    // The home page's day list follows the same choice.
    await page.goto(siteUrl);
    await expect(page.locator('.day-list > .card .teaser').first().isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Roomy cards' }).click();
    await page.goto(`${siteUrl}digests/${newest}/`);
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(teaser.isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
  });
});

describe('re-listed papers', () => {
  test("a re-listed paper's card names the other day that listed it, and links it; a paper listed once names none", async () => {
    const { page, problems } = await openPage(browser, desktop);
    await page.goto(`${siteUrl}digests/${older}/`);
    const notes = await page.locator('.day-list > .card .also-listed').allTextContents();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note.replace(/\s+/g, ' ').trim()).toBe(`also listed on ${formatDate(newest)}`);
    const relisted = notes.length;
    await Promise.all([page.waitForURL(`${siteUrl}digests/${newest}/`), page.locator('.also-listed a').first().click()]);
    // The newest day's first page lists more papers than the re-listed ones (some may be on its page 2): only those
    // carry the note, naming the older day.
    const newestNotes = (await page.locator('.day-list > .card .also-listed').allTextContents()).map((note) => note.replace(/\s+/g, ' ').trim());
    expect(newestNotes.length).toBeGreaterThan(0);
    expect(newestNotes.length).toBeLessThanOrEqual(relisted);
    expect(newestNotes).toEqual(Array(newestNotes.length).fill(`also listed on ${formatDate(older)}`));
    expect(await page.locator('.day-list > .card').count()).toBeGreaterThan(newestNotes.length);
    expect(problems).toEqual([]);
  });
});

describe('day navigation', () => {
  test("a day's top leads to the day before and after and to every day, above its first paper", async () => {
    const { page, problems } = await openPage(browser, desktop);
    await page.goto(`${siteUrl}digests/${older}/`);
    const nav = page.getByRole('navigation', { name: 'Days', exact: true });
    const links = await nav.getByRole('link').evaluateAll((anchors) => anchors.map((a) => a.textContent!.trim()));
    expect(links).toEqual(['All days', `Next day, ${formatDate(newest)} →`]);
    const [navBox, cardBox] = [(await nav.boundingBox())!, (await page.locator('.day-list > .card').first().boundingBox())!];
    expect(navBox.y).toBeLessThan(cardBox.y);
    await Promise.all([page.waitForURL(`${siteUrl}digests/${newest}/`), nav.getByRole('link', { name: /^Next day/ }).click()]);
    expect(await page.getByRole('navigation', { name: 'Days', exact: true }).getByRole('link').evaluateAll((anchors) => anchors.map((a) => a.textContent!.trim()))).toEqual([
      `← Previous day, ${formatDate(older)}`,
      'All days',
    ]);
    expect(problems).toEqual([]);
  });

  test('the home page links the day before the newest', async () => {
    const { page, problems } = await openPage(browser, desktop);
    await page.goto(siteUrl);
    await Promise.all([page.waitForURL(`${siteUrl}digests/${older}/`), page.getByRole('link', { name: `← Previous day, ${formatDate(older)}` }).click()]);
    expect(problems).toEqual([]);
  });
});
