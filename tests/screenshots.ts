// `npm run screenshots`: photographs the built site (dist/, built first only if missing) in Debian's Chromium: the home
// page, a paper, a paper with arXiv links and named authors (when a JSON digest gave one), a digest, the compact day with
// an abstract open and the newest week's top papers (when the site has digest pages), the reader's shelf, the keyboard
// shortcuts' help and the search page, light and dark, desktop and phone, into docs/screenshots/<page>-<device>-<scheme>.png.
// A page is taken once it has loaded (and, for search, once its results are drawn): events, never a clock.
// `npm run screenshots -- --dist=<folder> --pages=paper-arxiv` photographs another build, and only the pages named.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, resultTitles, serveSite } from './browser/browser.ts';

const root = new URL('..', import.meta.url).pathname;
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const dist = option('dist') ? resolve(option('dist')!) : join(root, 'dist');
const only = option('pages')?.split(',');
const out = join(root, 'docs/screenshots');
// The base the site was built for; a build made here uses PAPERSHELF_BASE too.
const base = process.env.PAPERSHELF_BASE || '/';

const devices = [
  { name: 'desktop', options: { viewport: { width: 1280, height: 900 } } },
  { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
] as const;
const schemes = ['light', 'dark'] as const;

/** The pages to photograph: a name and how to reach it from the home page; undefined when the site has no such page. */
const pages: { name: string; open: (page: Page, home: string) => Promise<boolean> }[] = [
  { name: 'home', open: async (page, home) => Boolean(await page.goto(home)) },
  {
    // A paper with code, if any, so the picture shows the most parts.
    name: 'paper',
    open: async (page, home) => {
      await page.goto(new URL('papers/', home).href);
      const card = page.locator('.card').filter({ has: page.locator('.badge') }).first();
      const link = (await card.count()) > 0 ? card.locator('.card-title a') : page.locator('.card-title a').first();
      await page.goto(new URL((await link.getAttribute('href'))!, home).href);
      return true;
    },
  },
  {
    // A paper a JSON digest listed, with the most authors among the first page of papers: its links and its fold.
    name: 'paper-arxiv',
    open: async (page, home) => {
      await page.goto(new URL('papers/', home).href);
      const cards = page.locator('.card').filter({ has: page.locator('a.badge[href^="https://arxiv.org/abs/"]') });
      if ((await cards.count()) === 0) return false;
      const others = await cards.locator('.meta > span:not(.upvotes)').allTextContents();
      const most = others.map((byline) => Number(/ and (\d+) others$/.exec(byline)?.[1] ?? 0)).reduce((best, count, index, all) => (count > all[best]! ? index : best), 0);
      await page.goto(new URL((await cards.nth(most).locator('.card-title a').getAttribute('href'))!, home).href);
      return true;
    },
  },
  {
    name: 'digest',
    open: async (page, home) => {
      if (!existsSync(join(dist, 'digests/index.html'))) return false;
      await page.goto(new URL('digests/', home).href);
      const day = page.locator('main a[href*="/digests/"]').first();
      if ((await day.count()) === 0) return false;
      await page.goto(new URL((await day.getAttribute('href'))!, home).href);
      return true;
    },
  },
  {
    // The newest day as a reader finds it, one abstract opened in place: the compact day of issue 21.
    name: 'compact-day',
    open: async (page, home) => {
      await page.goto(home);
      const day = page.locator('#newest a[href*="/digests/"]');
      if ((await day.count()) === 0) return false;
      await page.goto(new URL((await day.getAttribute('href'))!, home).href);
      await page.locator('.day-list > .card summary').nth(1).click();
      await page.locator('.day-list > .card details[open]').waitFor();
      return true;
    },
  },
  {
    // The newest week's top papers, linked from the home page.
    name: 'top-week',
    open: async (page, home) => {
      await page.goto(home);
      const week = page.locator('.top-links a[href*="/top/week/"]');
      if ((await week.count()) === 0) return false;
      await page.goto(new URL((await week.getAttribute('href'))!, home).href);
      return true;
    },
  },
  {
    // The reader's shelf: the home page's first three papers starred, the second also read, then the shelf page.
    name: 'shelf',
    open: async (page, home) => {
      await page.goto(home);
      const stars = page.locator('main .card button[data-shelf-action="star"]');
      if ((await stars.count()) < 3) return false;
      await page.evaluate(() => localStorage.removeItem('papershelf-shelf'));
      await page.reload();
      // A compact day shows a card's buttons while it is pointed at.
      for (const index of [2, 1, 0]) {
        await page.locator('main .card').nth(index).hover();
        await stars.nth(index).click();
      }
      await page.locator('main .card').nth(1).hover();
      await page.locator('main .card').nth(1).locator('button[data-shelf-action="read"]').click();
      await page.goto(new URL('shelf/', home).href);
      await page.locator('#shelf-list .card').nth(2).waitFor();
      return true;
    },
  },
  {
    // The keys' help, open over a list whose second paper the keys moved to.
    name: 'shortcuts',
    open: async (page, home) => {
      await page.goto(home);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      return true;
    },
  },
  {
    name: 'search',
    open: async (page, home) => {
      await page.goto(new URL('search/?q=language%20model', home).href);
      await resultTitles(page);
      // Drawing every result scrolled the page down: the picture is of its top.
      await page.evaluate(() => window.scrollTo(0, 0));
      return true;
    },
  },
];

async function photograph(browser: Browser, home: string): Promise<string[]> {
  const written: string[] = [];
  const skipped = new Set<string>();
  for (const device of devices) {
    for (const scheme of schemes) {
      // No service worker: each picture is of the page as served, not of a cache.
      const context = await browser.newContext({ ...device.options, colorScheme: scheme, serviceWorkers: 'block' });
      const page = await context.newPage();
      for (const { name, open } of pages) {
        if (only && !only.includes(name)) continue;
        if (!(await open(page, home))) {
          skipped.add(name);
          continue;
        }
        const file = join(out, `${name}-${device.name}-${scheme}.png`);
        await page.screenshot({ path: file });
        written.push(file);
      }
      await context.close();
    }
  }
  for (const name of skipped) console.log(`skipped ${name}: the build has no such page`);
  return written;
}

if (!existsSync(join(dist, 'index.html')) && option('dist') === undefined) {
  console.log('dist/ has no build: running npm run build first');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
mkdirSync(out, { recursive: true });
const server = await serveSite(dist, base);
const browser = await launchChromium();
try {
  const written = await photograph(browser, server.url);
  console.log(`wrote ${written.length} screenshots to docs/screenshots/`);
} finally {
  await browser.close();
  await server.close();
}
