import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { expect, test } from 'vitest';
import { buildSite, createFixtureSite } from '../helpers/fixture-site.ts';

// Real builds into one dist/: a list's pages are numbered from its oldest (see anchoredPages), so a day's new papers
// change the list's front and leave its numbered pages as they were: the daily build does not render them again.

const NEW_DAY = `Daily Papers

Mar 5, 2026

${['Knitting Patterns of Old', 'Looms and Their Keepers', 'A Census of Spindles']
  .map((title) => `${title}\n\nA study of ${title.toLowerCase()}.\n\n  • 2 authors\n·\nMar 4, 2026 1\n`)
  .join('\n')}`;

/** The numbered pages of a list (`papers/page/<n>/` or `topics/other/<n>/`), by number, with their file's stat. */
async function numberedPages(dist: string, folder: string): Promise<Map<number, { mtimeMs: number; ino: number }>> {
  const pages = new Map<number, { mtimeMs: number; ino: number }>();
  for (const name of await readdir(join(dist, folder))) {
    if (!/^\d+$/.test(name)) continue;
    const { mtimeMs, ino } = await stat(join(dist, folder, name, 'index.html'));
    pages.set(Number(name), { mtimeMs, ino });
  }
  return pages;
}

const titles = async (file: string) => parse(await readFile(file, 'utf8')).querySelectorAll('.paper-list h2 a').map((a) => a.text.trim());

test("a new day's papers change the lists' fronts and leave their numbered pages untouched", async () => {
  const site = await createFixtureSite({ digests: ['tests/fixtures/urls/001_first.txt'], fillers: 110 });
  const dist = join(site.dir, 'dist');
  const first = await buildSite(site, dist);
  expect(first.code, first.output).toBe(0);
  const lists = ['papers/page', 'topics/other', 'authors/2', 'dates/2025/page'];
  const before = new Map(await Promise.all(lists.map(async (list) => [list, await numberedPages(dist, list)] as const)));
  for (const [list, pages] of before) expect(pages.size, list).toBeGreaterThanOrEqual(2);
  const oldest = await titles(join(dist, 'papers/page/1/index.html'));

  await writeFile(join(site.seedsDir, '005_new-day.txt'), NEW_DAY);
  const second = await buildSite(site, dist);
  expect(second.code, second.output).toBe(0);
  expect((await titles(join(dist, 'papers/index.html'))).slice(0, 3).sort()).toEqual(['A Census of Spindles', 'Knitting Patterns of Old', 'Looms and Their Keepers']);
  for (const [list, pages] of before) {
    const now = await numberedPages(dist, list);
    // Every numbered page is the file the first build wrote, but the newest when the day made a new whole page: its
    // "newer" link then leads to that page instead of the front.
    const newest = Math.max(...pages.keys());
    expect(now.size, list).toBeGreaterThanOrEqual(pages.size);
    for (const [n, file] of pages) if (n < newest || now.size === pages.size) expect(now.get(n), `${list}/${n}`).toEqual(file);
  }
  expect(await titles(join(dist, 'papers/page/1/index.html'))).toEqual(oldest);
}, 360_000);
