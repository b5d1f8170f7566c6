import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseDigest } from '../../src/lib/digest/parse.ts';
import { repoRoot } from '../helpers/fixture-site.ts';
import { launchChromium, openPage, resultTitles, type WatchedPage } from './browser.ts';

// The smaller points of reading the catalog (issue 21, item 8): reflow at 320 px, the paper's neighbours, search
// results' chips and badge, the search page's title, visited card titles and the link to the data dump.
const siteUrl = inject('siteUrl');
const seed = parseDigest(readFileSync(join(repoRoot, 'seeds/000_b521cd4bf3e07176.txt'), 'utf8'), { file: 'seed.txt', today: '2026-11-25' }).entries;
const byTitle = new Map(seed.map((entry) => [entry.title, entry]));
const topicNames = new Set((parseYaml(readFileSync(join(repoRoot, 'content/topics.yaml'), 'utf8')) as { name: string }[]).map((topic) => topic.name));
/** The seed's listing day, and a paper with neighbours on both sides in it. */
const day = '2026-04-13';
const narrow = { viewport: { width: 320, height: 640 } };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The URL of a paper that is neither first nor last in the seed's digest day. */
async function middlePaper(page: Page): Promise<string> {
  await page.goto(`${siteUrl}digests/${day}/`);
  return (await page.locator('.card-title a').nth(2).getAttribute('href'))!;
}

describe('reflow at 320 px (WCAG 1.4.10)', () => {
  test('home, a paper, a digest day and search scroll only vertically, and the header\'s Search button is whole', async () => {
    const { page, problems } = await openPage(browser, narrow);
    const paper = await middlePaper(page);
    for (const url of [siteUrl, new URL(paper, siteUrl).href, `${siteUrl}digests/${day}/`, `${siteUrl}search/?q=diffusion`]) {
      await page.goto(url);
      if (url.includes('search/')) await resultTitles(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
      for (const button of await page.locator('.search-box button').all()) {
        const box = await button.evaluate((element) => ({ right: element.getBoundingClientRect().right, clipped: element.scrollWidth > element.clientWidth, text: element.textContent!.trim() }));
        expect(box, url).toEqual({ right: expect.any(Number), clipped: false, text: 'Search' });
        expect(box.right, url).toBeLessThanOrEqual(320);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("a paper's neighbours in its digest", () => {
  test('carry a visible label naming the digest, and each stays one bordered box when its title wraps', async () => {
    const { page, problems } = await openPage(browser, narrow);
    await page.goto(new URL(await middlePaper(page), siteUrl).href);
    const label = page.locator('.paper-neighbours h2');
    await expect(label.isVisible()).resolves.toBe(true);
    expect((await label.textContent())!.replace(/\s+/g, ' ').trim()).toBe('In the digest of 13 April 2026');
    const links = await page.locator('.paper-neighbours li a').evaluateAll((anchors) =>
      anchors.map((anchor) => ({
        rel: anchor.getAttribute('rel'),
        text: anchor.textContent!.replace(/\s+/g, ' ').trim(),
        boxes: anchor.getClientRects().length,
        titleLines: anchor.querySelector('.neighbour-title')!.getClientRects().length,
      })),
    );
    expect(links.map((link) => link.rel)).toEqual(['prev', 'next']);
    expect(links[0]!.text).toMatch(/^← Previous /);
    expect(links[1]!.text).toMatch(/^Next → /);
    // At 320 px a title wraps, and each link is still one box, so its border goes round the whole of it.
    expect(links.some((link) => link.titleLines > 1)).toBe(true);
    for (const link of links) expect(link.boxes, link.text).toBe(1);
    expect(problems).toEqual([]);
  });
});

describe('search results', () => {
  test('show topics as separate chips, and a Code badge exactly for papers with code', async () => {
    const { page, problems } = await openPage(browser, { viewport: { width: 1200, height: 4000 } });
    const seen = { code: 0, without: 0 };
    for (const query of ['code=yes', 'code=no']) {
      await page.goto(`${siteUrl}search/?${query}`);
      await resultTitles(page);
      for (const hit of await page.locator('.search-hit').all()) {
        const entry = byTitle.get((await hit.locator('.search-hit-title').textContent())!);
        if (!entry) continue; // The hostile digest's papers: the seed's are enough.
        const chips = await hit.locator('.chips > li').allTextContents();
        expect(chips.length).toBeGreaterThan(0);
        for (const chip of chips) expect(topicNames).toContain(chip.trim());
        const badge = hit.locator('.badge');
        const code = entry.abstract.join(' ').includes('github.com');
        if (query === 'code=yes') {
          await expect(badge.textContent()).resolves.toBe('Code');
          seen.code++;
        } else {
          expect(await badge.count()).toBe(0);
          expect(code).toBe(false);
          seen.without++;
        }
      }
    }
    expect(seen.code).toBeGreaterThan(0);
    expect(seen.without).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe("the search page's title", () => {
  test('names the query from the URL and follows the reader\'s searches', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${siteUrl}search/`);
    await expect(page.title()).resolves.toBe('Search · Papershelf');
    await page.goto(`${siteUrl}search/?q=diffusion`);
    await resultTitles(page);
    await page.waitForFunction(() => document.title === '“diffusion” · Search · Papershelf');
    await page.locator('pagefind-input input').fill('spiking');
    await page.waitForFunction(() => document.title === '“spiking” · Search · Papershelf' && location.search === '?q=spiking');
    await page.locator('pagefind-input input').fill('');
    await page.waitForFunction(() => document.title === 'Search · Papershelf' && location.search === '');
    expect(problems).toEqual([]);
  });
});

/** The colour that `var(--name)` is on the page, as `rgb(…)`. */
function tokenColour(page: Page, name: string): Promise<string> {
  return page.evaluate((token) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${token})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, name);
}

/** WCAG's contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour.match(/\d+/g)!.slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('card titles', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`have a visited colour of their own in the ${scheme} scheme, readable on a card (AA)`, async () => {
      const { page, problems }: WatchedPage = await openPage(browser, { colorScheme: scheme });
      await page.goto(`${siteUrl}papers/`);
      // Chromium hides :visited from getComputedStyle: read the rule from the style sheets instead.
      const colours = await page.evaluate(() => {
        const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]);
        const all = (list: CSSRule[]): CSSStyleRule[] => list.flatMap((rule) => (rule instanceof CSSStyleRule ? [rule] : 'cssRules' in rule ? all([...(rule as CSSGroupingRule).cssRules]) : []));
        return all(rules)
          .filter((rule) => /\.card-title a:visited/.test(rule.selectorText))
          .map((rule) => rule.style.color);
      });
      expect(colours.length).toBeGreaterThan(0);
      const visited = await tokenColour(page, colours[0]!.replace(/^var\((--[\w-]+)\)$/, '$1'));
      const unvisited = await page.locator('.card-title a').first().evaluate((link) => getComputedStyle(link).color);
      expect(visited).not.toBe(unvisited);
      expect(contrast(visited, await tokenColour(page, '--surface'))).toBeGreaterThanOrEqual(4.5);
      expect(problems).toEqual([]);
    });
  }
});

describe('the data dump', () => {
  test('is linked from every page\'s footer and from /papers/, and the link resolves to an index whose parts hold every paper', async () => {
    const { page, problems } = await openPage(browser);
    for (const path of ['', 'papers/', `digests/${day}/`]) {
      await page.goto(`${siteUrl}${path}`);
      const links = page.locator('a[href$="papers.json"]');
      await expect(page.locator('.site-footer a[href$="papers.json"]').textContent()).resolves.toBe('papers.json');
      if (path === 'papers/') expect(await page.locator('main a[href$="papers.json"]').count()).toBe(1);
      for (const href of await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))) {
        const response = await page.request.get(href);
        expect(response.status(), href).toBe(200);
        // The index names its parts; together they hold every paper.
        const index = (await response.json()) as { version: number; parts: { url: string }[] };
        expect(index.version).toBe(2);
        const titles: string[] = [];
        for (const part of index.parts) {
          // The part's absolute URL names the public origin; its path is the served site's.
          const answer = await page.request.get(new URL(new URL(part.url).pathname, siteUrl).href);
          expect(answer.status(), part.url).toBe(200);
          titles.push(...((await answer.json()) as { papers: { title: string }[] }).papers.map((paper) => paper.title));
        }
        expect(titles).toEqual(expect.arrayContaining(seed.map((entry) => entry.title)));
      }
    }
    expect(problems).toEqual([]);
  });
});
