import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { expect, test } from 'vitest';
import { buildSite, createFixtureSite } from '../helpers/fixture-site.ts';

// Two real builds into one dist/ with Astro's incremental build cache: a page restored from the cache must show what
// a fresh render would.
test('a list page whose own papers did not change still shows, in its sidebar, a year a new digest brought', async () => {
  const site = await createFixtureSite({ digests: ['tests/fixtures/urls/001_first.txt'] });
  const dist = join(site.dir, 'dist');
  const first = await buildSite(site, dist);
  expect(first.code, first.output).toBe(0);
  const page = async (path: string) => parse(await readFile(join(dist, path, 'index.html'), 'utf8'));
  const hrefs = async (path: string, selector: string) => (await page(path)).querySelectorAll(selector).map((a) => a.getAttribute('href')!);
  // The papers with 3 authors: the new paper has 2.
  const list = 'authors/3';
  const cards = await hrefs(list, '.card-title a');
  expect(await hrefs(list, '.browse a')).not.toContain('/dates/2019/');

  // A paper of 2019 with 2 authors: the 3-author list stays the same, the catalog gains a year.
  await writeFile(join(site.seedsDir, '002_old.txt'), 'Daily Papers\n\nMar 5, 2026\n\nKnitting Patterns of Old\n\nA study of knitting patterns.\n\n  • 2 authors\n·\nJun 3, 2019 1\n');
  const second = await buildSite(site, dist);
  expect(second.code, second.output).toBe(0);
  expect(await hrefs(list, '.card-title a')).toEqual(cards);
  const sidebar = await hrefs(list, '.browse a');
  expect(sidebar).toContain('/dates/2019/');
  // The same ways in as a list that was rendered afresh.
  expect(sidebar).toEqual(await hrefs('papers', '.browse a'));
}, 240_000);
