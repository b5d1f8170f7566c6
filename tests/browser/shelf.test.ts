import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { parseShelf, type Shelf } from '../../src/lib/shared/shelf.ts';
import { useChromium } from './browser.ts';

// The reader's shelf (issue 21, item 2): star and mark read from any list, hide read papers, the shelf page, its
// exports and import, a read-only share link, and the days new since the last visit. All in the browser.
const siteUrl = inject('siteUrl');
const day = `${siteUrl}digests/2026-04-13/`;
const older = `${siteUrl}digests/2026-03-02/`;
const shelfPage = `${siteUrl}shelf/`;
const { watched } = useChromium({ viewport: { width: 1280, height: 800 } });

const storedShelf = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('papershelf-shelf') ?? 'null') as Shelf | null);
const card = (page: Page, slug: string) => page.locator(`main .card[data-slug="${slug}"]`);
const button = (page: Page, slug: string, action: 'star' | 'read') => card(page, slug).locator(`button[data-shelf-action="${action}"]`);
/** Presses a card's button as a reader with a mouse does: a compact day shows the buttons while the card is pointed at. */
async function press(page: Page, slug: string, action: 'star' | 'read'): Promise<void> {
  await card(page, slug).hover();
  await button(page, slug, action).click();
}
const firstSlugs = (page: Page, count: number) => page.locator('main .card[data-slug]').evaluateAll((cards, n) => cards.slice(0, n).map((c) => (c as HTMLElement).dataset.slug!), count);

/** Saves what a click on the export button `name` downloads, and returns its file name and text. */
async function exported(page: Page, name: string): Promise<{ file: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { file: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

describe('starring from a list', () => {
  test('a star and a read mark on a card are stored in the fixed format, shown on every list, and listed on the shelf page', async () => {
    const { page, problems } = await watched();
    await page.goto(day);
    const [a, b] = await firstSlugs(page, 2);
    const title = (await card(page, a!).locator('.card-title').textContent())!.trim();
    await press(page, a!, 'star');
    await press(page, b!, 'star');
    await press(page, b!, 'read');
    await expect(button(page, a!, 'star').getAttribute('aria-pressed')).resolves.toBe('true');
    const shelf = await storedShelf(page);
    expect(Object.keys(shelf!.papers).sort()).toEqual([a, b].sort());
    expect(shelf).toEqual({
      version: 1,
      papers: {
        [a!]: { title, starred: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/), year: expect.stringMatching(/^\d{4}$/), url: `https://papershelf.example.org/shelf/papers/${a}/` },
        [b!]: expect.objectContaining({ starred: expect.any(String), read: expect.any(String) }),
      },
    });
    // A text digest names no authors and no arXiv id: the shelf invents none.
    expect(shelf!.papers[a!]).not.toHaveProperty('authors');
    expect(shelf!.papers[a!]).not.toHaveProperty('arxiv');
    // Another list shows the same marks: the home page's list of the same day.
    await page.goto(siteUrl);
    await expect(button(page, a!, 'star').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(button(page, b!, 'read').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(button(page, b!, 'star').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.goto(shelfPage);
    const listed = await page.locator('#shelf-list .card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.slug));
    expect(listed).toEqual([b, a]);
    await expect(page.locator('#shelf-list .card').last().locator('.card-title a').getAttribute('href')).resolves.toBe(`/shelf/papers/${a}/`);
    await expect(page.locator('#shelf-empty').isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
  });

  test('an empty shelf says how to star, and a shelf page star taken away stays until the page is left', async () => {
    const { page, problems } = await watched();
    await page.goto(shelfPage);
    await page.locator('#shelf-empty').waitFor();
    await page.goto(day);
    const [a] = await firstSlugs(page, 1);
    await press(page, a!, 'star');
    await page.goto(shelfPage);
    await press(page, a!, 'star');
    await expect(button(page, a!, 'star').getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(card(page, a!).isVisible()).resolves.toBe(true);
    await page.reload();
    await page.locator('#shelf-empty').waitFor();
    await expect(page.locator('#shelf-list .card').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('a compact day', () => {
  test("keeps its rows: a card's buttons take no room, show while it is pointed at or focused, and in its row once its abstract is open", async () => {
    const { page, problems } = await watched();
    await page.goto(day);
    const [a, b] = await firstSlugs(page, 2);
    const star = button(page, a!, 'star');
    const height = await card(page, a!).evaluate((element) => element.getBoundingClientRect().height);
    await expect(star.isVisible()).resolves.toBe(false);
    await card(page, a!).hover();
    await expect(star.isVisible()).resolves.toBe(true);
    expect(await card(page, a!).evaluate((element) => element.getBoundingClientRect().height)).toBe(height);
    // The keys' card shows its buttons too.
    await page.mouse.move(0, 0);
    await page.keyboard.press('j');
    await expect(star.isVisible()).resolves.toBe(true);
    // A phone has no pointer: an open abstract shows them in the card's row.
    await card(page, b!).locator('summary').click();
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await page.locator('#site-search').focus();
    await expect(button(page, b!, 'star').isVisible()).resolves.toBe(true);
    await expect(star.isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
  });
});

describe('hiding read papers', () => {
  test('"Hide read papers" hides the read cards of every list, is remembered, and j skips them', async () => {
    const { page, problems } = await watched();
    await page.goto(day);
    const [a, b, c] = await firstSlugs(page, 3);
    await press(page, b!, 'read');
    const toggle = page.getByRole('button', { name: 'Hide read papers' });
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(card(page, b!).isVisible()).resolves.toBe(false);
    await expect(card(page, a!).isVisible()).resolves.toBe(true);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(page.evaluate(() => (document.activeElement as HTMLElement).dataset.slug)).resolves.toBe(c);
    // Remembered on another page and another list.
    await page.goto(`${siteUrl}papers/`);
    await expect(page.getByRole('button', { name: 'Hide read papers' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.goto(day);
    await expect(card(page, b!).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Hide read papers' }).click();
    await expect(card(page, b!).isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('export and import', () => {
  test('the JSON export imports back into an emptied browser as the same shelf', async () => {
    const { page, problems } = await watched();
    await page.goto(day);
    const [a, b, c] = await firstSlugs(page, 3);
    await press(page, a!, 'star');
    await press(page, b!, 'star');
    await press(page, b!, 'read');
    await press(page, c!, 'read');
    const before = await storedShelf(page);
    await page.goto(shelfPage);
    const json = await exported(page, 'Download JSON');
    expect(json.file).toBe('papershelf.json');
    expect(parseShelf(json.text)).toEqual({ ok: true, shelf: before });

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('#shelf-empty').waitFor();
    await page.getByLabel('Import a shelf from a JSON file').setInputFiles({ name: 'papershelf.json', mimeType: 'application/json', buffer: Buffer.from(json.text) });
    await page.locator('#shelf-message').filter({ hasText: 'Added 3 papers from papershelf.json to your shelf.' }).waitFor();
    expect(await storedShelf(page)).toEqual(before);
    await expect(page.locator('#shelf-list .card').count()).resolves.toBe(2);
    expect(problems).toEqual([]);
  });

  test('BibTeX and Markdown exports list the starred papers, each with its title, year and address', async () => {
    const { page, problems } = await watched();
    await page.goto(day);
    const [a] = await firstSlugs(page, 1);
    await press(page, a!, 'star');
    const { title, year, url } = (await storedShelf(page))!.papers[a!]!;
    await page.goto(shelfPage);
    const bibtex = await exported(page, 'Download BibTeX');
    expect(bibtex.file).toBe('papershelf.bib');
    expect(bibtex.text).toBe(`@misc{${a},\n  title = {{${title}}},\n  year = {${year}},\n  url = {${url}},\n}\n`);
    const markdown = await exported(page, 'Download Markdown');
    expect(markdown.file).toBe('papershelf.md');
    expect(markdown.text).toBe(`- [${title}](${url}) (${year})\n`);
    expect(problems).toEqual([]);
  });

  test('a file that is not a shelf is refused with a message, and the shelf stays as it was', async () => {
    const { page, problems } = await watched();
    await page.goto(day);
    const [a] = await firstSlugs(page, 1);
    await press(page, a!, 'star');
    const before = await storedShelf(page);
    await page.goto(shelfPage);
    const input = page.getByLabel('Import a shelf from a JSON file');
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('<script>alert(1)</script>') });
    await page.locator('#shelf-message').filter({ hasText: 'notes.txt was not imported. It is not a shelf: the file is not JSON.' }).waitFor();
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"papers":{"x":{"title":"X","starred":"soon"}}}') });
    await page.locator('#shelf-message').filter({ hasText: 'bad.json was not imported. It is not a valid shelf: the paper "x": "starred" is not a time.' }).waitFor();
    expect(await storedShelf(page)).toEqual(before);
    expect(problems).toEqual([]);
  });
});

describe('a share link', () => {
  test("opens someone else's starred papers read-only in another browser, which adds them only when asked", async () => {
    const sharer = await watched();
    await sharer.page.goto(day);
    const [a, b] = await firstSlugs(sharer.page, 2);
    await press(sharer.page, a!, 'star');
    await press(sharer.page, b!, 'read');
    await sharer.page.goto(shelfPage);
    await sharer.page.getByRole('button', { name: 'Make a share link' }).click();
    // The link is made asynchronously (compressed in the browser); its field shows once it holds it.
    const output = sharer.page.getByLabel('Share link');
    await output.waitFor();
    const link = await output.inputValue();
    expect(link).toMatch(new RegExp(`^${siteUrl.replace(/[.?]/g, '\\$&')}shelf/#shared=[A-Za-z0-9_-]+$`));

    const reader = await watched();
    await reader.page.goto(day);
    const [, , own] = await firstSlugs(reader.page, 3);
    await press(reader.page, own!, 'star');
    const ownShelf = await storedShelf(reader.page);
    await reader.page.goto(link);
    const shared = reader.page.getByRole('region', { name: 'A shared shelf' });
    await shared.locator('.card').first().waitFor();
    await expect(shared.locator('.card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.slug))).resolves.toEqual([a]);
    // Read-only: no star or read button acts on the reader's shelf from the shared list, and its keys change nothing.
    await expect(shared.locator('button[data-shelf-action]').count()).resolves.toBe(0);
    await shared.locator('.card').first().focus();
    await reader.page.keyboard.press('s');
    expect(await storedShelf(reader.page)).toEqual(ownShelf);
    await expect(reader.page.locator('#shelf-list .card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.slug))).resolves.toEqual([own]);
    await reader.page.getByRole('button', { name: 'Add these papers to my shelf' }).click();
    await reader.page.locator('#shelf-message').filter({ hasText: 'Added 1 paper from the shared shelf to your shelf.' }).waitFor();
    const merged = await storedShelf(reader.page);
    expect(Object.keys(merged!.papers).sort()).toEqual([a, own].sort());
    // The sharer's read mark did not travel.
    expect(merged!.papers[a!]).not.toHaveProperty('read');
    expect(sharer.problems).toEqual([]);
    expect(reader.problems).toEqual([]);
  });

  test('a damaged share link says so and shows nothing to add', async () => {
    const { page, problems } = await watched();
    await page.goto(`${shelfPage}#shared=AAAA`);
    const shared = page.getByRole('region', { name: 'A shared shelf' });
    await shared.getByText('This share link is damaged or cut short').waitFor();
    await expect(page.getByRole('button', { name: 'Add these papers to my shelf' }).isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
  });
});

describe('new since your last visit', () => {
  test('a day listed since the last visit is marked on the home page, the digests and its own page; a first visit marks none', async () => {
    const { page, problems } = await watched();
    await page.goto(siteUrl);
    await expect(page.locator('.new-since-visit').count()).resolves.toBe(0);
    // The reader was last here two hours ago and had seen the older day only.
    await page.evaluate(() => {
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString();
      localStorage.setItem('papershelf-last-visit', JSON.stringify({ version: 1, newestSeen: '2026-03-02', lastActive: twoHoursAgo }));
    });
    await page.goto(siteUrl);
    const heading = page.locator('#newest');
    await expect(heading.locator('.new-since-visit').textContent()).resolves.toBe('New since your last visit');
    await page.goto(`${siteUrl}digests/`);
    const newDays = await page.locator('.new-since-visit').evaluateAll((tags) => tags.map((tag) => tag.previousElementSibling?.getAttribute('href')));
    expect(newDays).toEqual(['/shelf/digests/2026-04-13/']);
    await page.goto(day);
    await page.locator('.new-day-notice').waitFor();
    await page.goto(older);
    await expect(page.locator('.new-day-notice').count()).resolves.toBe(0);
    // The newest day seen moved on: the next visit, hours later, marks nothing.
    await page.evaluate(() => {
      const state = JSON.parse(localStorage.getItem('papershelf-last-visit')!);
      localStorage.setItem('papershelf-last-visit', JSON.stringify({ ...state, lastActive: new Date(Date.now() - 5 * 3600_000).toISOString() }));
    });
    await page.goto(siteUrl);
    await expect(page.locator('.new-since-visit').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });
});
