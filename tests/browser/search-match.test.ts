import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { resultTitles, useChromium } from './browser.ts';

// What a search finds when not every word matches, the order of a search without words, and filters that offer every
// value of a group ("any of"), with counts that agree with the results. (search.test.ts covers the rest.)
const siteUrl = inject('siteUrl');
const RELAY = 'RelayS2S: A Dual-Path Speculative Generation for Real-Time Dialogue';
const { watched } = useChromium({ viewport: { width: 1200, height: 4000 } });

/** The number of results the summary announces once the search settled. */
async function count(page: Page): Promise<number> {
  await resultTitles(page);
  return Number(/(\d+) results?/.exec((await page.locator('pagefind-summary').textContent()) ?? '')?.[1] ?? Number.NaN);
}

/** The dates of the results shown, top to bottom, as times. */
async function resultDates(page: Page): Promise<number[]> {
  await resultTitles(page);
  return (await page.locator('.search-hit .meta span:first-child').allTextContents()).map((text) => Date.parse(text));
}

describe('words that not all match', () => {
  test('show the papers with some of the words, and say so', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}search/?q=speculative+decoding`);
    expect(await resultTitles(page)).toContain(RELAY);
    const notice = page.locator('#search-partial');
    await notice.filter({ hasText: 'No paper has all of “speculative decoding”; showing papers with some of these words' }).waitFor();
    expect(await notice.isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('say nothing of a partial match when every word matches', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}search/?q=speculative+decoding`);
    await page.locator('#search-partial:not([hidden])').waitFor();
    // The next search is typed in the same page, so a notice left over from the last one would still be there.
    await page.locator('pagefind-input input').fill('spiking diffusion');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'spiking diffusion');
    await page.locator('#search-partial').waitFor({ state: 'hidden' });
    expect(await resultTitles(page)).toContain('Spiking Diffusion Models');
    expect(await page.locator('#search-partial').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('a search without words', () => {
  test('lists the papers of a topic newest first', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}search/?topic=llm-serving`);
    const dates = await resultDates(page);
    expect(dates.length).toBeGreaterThan(2);
    expect(new Set(dates).size).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(await page.locator('#search-sort').inputValue()).toBe('relevance');
    expect(problems).toEqual([]);
  });
});

describe('filters within a group', () => {
  test('ticking 2024 then 2025 shows the papers of both years, with the ticked value\'s count that of the results', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}search/`);
    const all = await count(page);
    await page.locator('details[data-filter-name="year"] summary').click();
    await page.locator('input[name="year"][value="2024"]').check();
    await page.waitForURL(/year=2024/);
    const only2024 = await count(page);
    expect(only2024).toBeLessThan(all);
    const countOf = (year: string) => page.locator(`label:has(input[name="year"][value="${year}"]) .pf-filter-checkbox-count`);
    expect(Number(await countOf('2024').textContent())).toBe(only2024);
    // The other years stay on offer, with what ticking them would add.
    const offered2025 = Number(await countOf('2025').textContent());
    expect(offered2025).toBeGreaterThan(0);
    expect(await page.locator('label:has(input[name="year"][value="2025"])').isVisible()).toBe(true);

    await page.locator('input[name="year"][value="2025"]').check();
    await page.waitForURL(/year=2024&year=2025/);
    expect(await count(page)).toBe(only2024 + offered2025);
    const years = new Set((await resultDates(page)).map((time) => new Date(time).getFullYear()));
    expect(years).toEqual(new Set([2024, 2025]));
    expect(problems).toEqual([]);
  });

  test('a ticked topic\'s count agrees with the results when another filter narrows them', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteUrl}search/?topic=llm-serving&year=2025`);
    const results = await count(page);
    expect(results).toBeGreaterThan(0);
    await page.locator('details[data-filter-name="topic"] summary').click();
    const label = page.locator('label:has(input[name="topic"]:checked) .pf-filter-checkbox-count');
    expect(Number(await label.textContent())).toBe(results);
    expect(problems).toEqual([]);
  });
});
