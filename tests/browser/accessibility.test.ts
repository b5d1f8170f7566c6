import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { encodeShare } from '../../src/lib/shared/shelf-share.ts';
import { launchChromium, openPage, resultTitles } from './browser.ts';

const siteUrl = inject('siteUrl');

/** The WCAG 2.1 A and AA rules of axe. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One page of each kind the catalog has, and what it takes for it to be drawn. */
const pages: { name: string; path: string; ready?: (page: Page) => Promise<unknown>; widths?: number[] }[] = [
  { name: 'the home page', path: '', widths: [390, 1280] },
  { name: 'a paper page', path: 'papers/spiking-diffusion-models/' },
  { name: 'a topic page', path: 'topics/diffusion-generation/' },
  { name: 'a digest page', path: 'digests/2026-04-13/', widths: [390, 1280] },
  { name: 'an author-count page', path: 'authors/3/' },
  { name: 'a date page', path: 'dates/2025/' },
  { name: 'the search page with results', path: 'search/?q=diffusion', ready: resultTitles },
  // Issue 21, items 1 and 4: a day sorted (both its pages in one list), a week's and a month's top and their index.
  { name: 'a digest day sorted by upvotes', path: 'digests/2026-04-13/?sort=upvotes', ready: (page) => page.locator('.day-list[data-sorted]').waitFor({ state: 'attached' }), widths: [390, 1280] },
  { name: "a week's top page", path: 'top/week/2026-W16/', widths: [390, 1280] },
  { name: "a month's top page", path: 'top/month/2026-03/', widths: [390, 1280] },
  { name: 'the top pages index', path: 'top/', widths: [390, 1280] },
];

/** A shelf of two of the fixture's papers, one also read: what the shelf page draws. */
const shelf = {
  version: 1 as const,
  papers: {
    'spiking-diffusion-models': { title: 'Spiking Diffusion Models', starred: '2026-04-13T08:00:00.000Z', read: '2026-04-13T09:00:00.000Z', year: '2025' },
    'cachequant-comprehensively-accelerated-diffusion-models': { title: 'CacheQuant: Comprehensively Accelerated Diffusion Models', starred: '2026-04-12T08:00:00.000Z', year: '2025', authors: ['Ada Lovelace'], arxiv: '2503.01323' },
  },
};

/** The shelf's pages and the keys' help: each at a phone's and a desktop's width, with what it takes to draw it. */
const shelfPages: { name: string; path: () => Promise<string>; ready: (page: Page) => Promise<unknown> }[] = [
  {
    name: 'the shelf page with starred papers and its share link',
    path: async () => 'shelf/',
    ready: async (page) => {
      await page.evaluate((stored) => localStorage.setItem('papershelf-shelf', stored), JSON.stringify(shelf));
      await page.reload();
      await page.getByRole('button', { name: 'Make a share link' }).click();
      await page.getByLabel('Share link').waitFor();
    },
  },
  { name: 'a shared shelf', path: async () => `shelf/#${await encodeShare(shelf)}`, ready: (page) => page.locator('#shelf-shared-list .card').first().waitFor() },
  {
    name: 'a digest page with the keyboard help open',
    path: async () => 'digests/2026-04-13/',
    ready: async (page) => {
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
  },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A violation as a line a person can act on: rule, impact, each element, and for contrast its colours and ratio. */
function describeViolation(violation: Result): string[] {
  return violation.nodes.map((node) => {
    const data = node.any.find((check) => check.id === 'color-contrast')?.data as
      | { fgColor: string; bgColor: string; contrastRatio: number; expectedContrastRatio: string }
      | undefined;
    const colours = data ? ` (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}, needs ${data.expectedContrastRatio})` : '';
    return `${violation.id} [${violation.impact}] ${node.target.join(' ')}${colours}: ${violation.help}`;
  });
}

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const { name, path, ready, width } of pages.flatMap((page) => (page.widths ?? [undefined]).map((width) => ({ ...page, width })))) {
      test(`${name} has no violation in the ${scheme} colour scheme${width ? ` at ${width} px` : ''}`, async () => {
        // No service worker: the page is checked as served.
        const { context, page, problems } = await openPage(browser, { colorScheme: scheme, serviceWorkers: 'block', ...(width && { viewport: { width, height: 844 } }) });
        try {
          await page.goto(`${siteUrl}${path}`);
          await ready?.(page);
          const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
          expect(results.violations.flatMap(describeViolation)).toEqual([]);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('accessibility of the shelf and the keys (axe, WCAG 2.1 A and AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      for (const { name, path, ready } of shelfPages) {
        test(`${name} has no violation in the ${scheme} colour scheme at ${width} px`, async () => {
          const { context, page, problems } = await openPage(browser, { colorScheme: scheme, serviceWorkers: 'block', viewport: { width, height: 900 } });
          try {
            await page.goto(`${siteUrl}${await path()}`);
            await ready(page);
            const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
            expect(results.violations.flatMap(describeViolation)).toEqual([]);
            expect(problems).toEqual([]);
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});
