import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { SHORTCUTS } from '../../src/lib/shared/shortcuts.ts';
import { useChromium } from './browser.ts';

// Keyboard triage (issue 21, item 3): j/k move through any list, o or Enter opens, s stars, x marks read, / searches,
// ? shows the keys in a dialog; no key fires while the reader types in a field or holds a modifier.
const siteUrl = inject('siteUrl');
const day = `${siteUrl}digests/2026-04-13/`;
const { watched } = useChromium({ viewport: { width: 1280, height: 800 } });

/** The slug of the card that has the focus, if any. */
const focusedSlug = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.card')?.dataset.slug ?? null);
const slugs = (page: Page) => page.locator('main .card[data-slug]').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.slug!));
/** The reader's shelf as this browser stores it. */
const storedShelf = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('papershelf-shelf') ?? '{"version":1,"papers":{}}') as { papers: Record<string, { starred?: string; read?: string; title: string }> });

describe('j and k', () => {
  test('move the focus through the list, ring and scroll the card into view, and announce it', async () => {
    const { page, problems } = await watched();
    await page.goto(day);
    const all = await slugs(page);
    expect(all.length).toBeGreaterThan(10);
    await page.keyboard.press('j');
    expect(await focusedSlug(page)).toBe(all[0]);
    await page.keyboard.press('j');
    expect(await focusedSlug(page)).toBe(all[1]);
    await page.keyboard.press('k');
    expect(await focusedSlug(page)).toBe(all[0]);
    const title = (await page.locator('main .card').first().locator('.card-title').textContent())!.trim();
    await expect(page.locator('#shortcut-status').textContent()).resolves.toBe(`${title}: paper 1 of ${all.length}`);
    // Far down the list: the card is scrolled into view, with a visible ring.
    for (let i = 0; i < all.length - 1; i++) await page.keyboard.press('j');
    expect(await focusedSlug(page)).toBe(all.at(-1));
    const last = page.locator(`main .card[data-slug="${all.at(-1)}"]`);
    const inView = await last.evaluate((card) => {
      const box = card.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(await last.evaluate((card) => getComputedStyle(card).outlineStyle)).toBe('solid');
    await expect(page.locator('#shortcut-status').textContent()).resolves.toMatch(new RegExp(`: paper ${all.length} of ${all.length}$`));
    // The end of the list holds: j stays on the last paper.
    await page.keyboard.press('j');
    expect(await focusedSlug(page)).toBe(all.at(-1));
    expect(problems).toEqual([]);
  });
});

describe('o, Enter, s and x', () => {
  test('s stars and x marks read the focused paper, on its buttons and in storage; again takes the mark away', async () => {
    const { page, problems } = await watched();
    await page.goto(day);
    const [first, second] = await slugs(page);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('s');
    await page.keyboard.press('x');
    const card = page.locator(`main .card[data-slug="${second}"]`);
    await expect(card.locator('button[data-shelf-action="star"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(card.locator('button[data-shelf-action="read"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('#shortcut-status').textContent()).resolves.toMatch(/^Marked read: /);
    const shelf = await storedShelf(page);
    expect(Object.keys(shelf.papers)).toEqual([second]);
    expect(shelf.papers[second!]!.starred).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(shelf.papers[second!]!.read).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(first).not.toBe(second);
    await page.keyboard.press('s');
    await expect(card.locator('button[data-shelf-action="star"]').getAttribute('aria-pressed')).resolves.toBe('false');
    expect((await storedShelf(page)).papers[second!]!.starred).toBeUndefined();
    expect(problems).toEqual([]);
  });

  test('o opens the focused paper, and so does Enter on a focused card', async () => {
    const { page, problems } = await watched();
    for (const key of ['o', 'Enter']) {
      await page.goto(day);
      const [, second] = await slugs(page);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await Promise.all([page.waitForURL(`${siteUrl}papers/${second}/`), page.keyboard.press(key)]);
    }
    expect(problems).toEqual([]);
  });
});

describe('? and the help', () => {
  test('? opens a dialog that names every key, Escape closes it, and the footer button opens it too', async () => {
    const { page, problems } = await watched();
    await page.goto(day);
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog.isVisible()).resolves.toBe(false);
    await page.keyboard.press('?');
    await dialog.waitFor();
    const keys = await dialog.locator('kbd').allTextContents();
    expect(keys).toEqual(SHORTCUTS.flatMap((shortcut) => shortcut.keys));
    expect(keys).toEqual(expect.arrayContaining(['j', 'k', 'o', 'Enter', 's', 'x', '/', '?']));
    for (const { label } of SHORTCUTS) await expect(dialog.getByText(label).isVisible()).resolves.toBe(true);
    // While it is open the keys are the dialog's: j moves nothing behind it.
    await page.keyboard.press('j');
    expect(await focusedSlug(page)).toBeNull();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
  });
});

describe('typing', () => {
  test('no key fires while the reader types in a text field, a select or an editable element, or holds a modifier', async () => {
    const { page, problems } = await watched();
    await page.goto(day);
    const input = page.locator('#site-search');
    await input.click();
    await page.keyboard.type('jkosx?/');
    await expect(input.inputValue()).resolves.toBe('jkosx?/');
    await page.evaluate(() => {
      const editable = document.createElement('div');
      editable.id = 'editable';
      editable.contentEditable = 'true';
      document.querySelector('main')!.prepend(editable);
    });
    await page.locator('#editable').click();
    await page.keyboard.type('jsx?');
    await expect(page.locator('#editable').textContent()).resolves.toBe('jsx?');
    await page.locator('#editable').blur();
    for (const chord of ['Alt+j', 'Control+j', 'Meta+j', 'Alt+s', 'Control+x']) await page.keyboard.press(chord);
    expect(await focusedSlug(page)).toBeNull();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    expect((await storedShelf(page)).papers).toEqual({});
    // The same key, alone and outside a field, moves: the keys were held back, not missing.
    await page.keyboard.press('j');
    expect(await focusedSlug(page)).toBe((await slugs(page))[0]);
    // The search page's sort is a select: its letters pick options, never move the list.
    await page.goto(`${siteUrl}search/`);
    await page.locator('#search-sort').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-sort');
    // Outside a field, / still goes to the search.
    await page.goto(day);
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
    expect(problems).toEqual([]);
  });
});
