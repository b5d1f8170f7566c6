import { cp, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUCKET_FOLDER, bucketCount, bucketOf, type RelatedBucket } from '../../src/lib/similar/buckets.ts';
import { buildSite, createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';
import { realDayFiles, realDaysDir } from '../helpers/real-days.ts';

// One real `astro build` under /shelf/ of 24 real days of 2024 (about 340 papers, real titles and slugs): the related
// buckets the "more like your shelf" page fetches, checked against the paper pages of the same build.
const DAYS = 24;
let site: FixtureSite;
let dist: string;
let build: { code: number; output: string };

beforeAll(async () => {
  site = await createFixtureSite({ digests: [] });
  await mkdir(site.seedsDir, { recursive: true });
  for (const file of realDayFiles().slice(0, DAYS)) await cp(join(realDaysDir, file), join(site.seedsDir, file));
  dist = join(site.dir, 'dist');
  build = await buildSite(site, dist, { PAPERSHELF_BASE: '/shelf/', PAPERSHELF_TODAY: '2026-12-05', PAPERSHELF_NEW_CATALOG: '1' });
}, 600_000);

afterAll(async () => {
  if (site) await rm(site.dir, { recursive: true, force: true });
});

/** The papers' slugs: every folder of papers/ whose page is a paper's, not a redirect of a merged item. */
async function paperSlugs(): Promise<string[]> {
  const folders = (await readdir(join(dist, 'papers'), { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== 'page');
  const slugs: string[] = [];
  for (const folder of folders) {
    const html = await readFile(join(dist, 'papers', folder.name, 'index.html'), 'utf8');
    if (!html.includes('http-equiv="refresh"')) slugs.push(folder.name);
  }
  return slugs.sort();
}

async function buckets(): Promise<RelatedBucket[]> {
  const files = await readdir(join(dist, BUCKET_FOLDER));
  return Promise.all(files.map(async (_, n) => JSON.parse(await readFile(join(dist, BUCKET_FOLDER, `${n}.json`), 'utf8')) as RelatedBucket));
}

describe('the related buckets of a real build', () => {
  test('hold every paper\'s related list, as its page shows it, in the bucket its slug hashes to', async () => {
    expect(build.code, build.output).toBe(0);
    const slugs = await paperSlugs();
    const all = await buckets();
    expect(slugs.length).toBeGreaterThan(300);
    expect(all).toHaveLength(bucketCount(slugs.length));
    expect(all.flatMap((bucket) => Object.keys(bucket.related)).sort()).toEqual(slugs);
    let listed = 0;
    for (const slug of slugs) {
      const page = parse(await readFile(join(dist, 'papers', slug, 'index.html'), 'utf8'));
      const shown = page.querySelectorAll('.related-papers a').map((a) => [a.getAttribute('href'), a.textContent]);
      const list = all[bucketOf(slug, all.length)]!.related[slug]!;
      expect(list.map(([other, , title]) => [`/shelf/papers/${other}/`, title]), slug).toEqual(shown);
      for (const [other, similarity, , date] of list) {
        expect(similarity).toBeGreaterThan(0);
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(slugs).toContain(other);
      }
      listed += list.length;
    }
    expect(listed).toBeGreaterThan(slugs.length);
    // The page tells the browser how many buckets there are.
    const similar = parse(await readFile(join(dist, 'shelf/similar/index.html'), 'utf8'));
    expect(similar.querySelector('#similar')!.getAttribute('data-buckets')).toBe(String(all.length));
  });

  test('stay small: no bucket over 12 KB, about 1 KB a paper', async () => {
    const files = await readdir(join(dist, BUCKET_FOLDER));
    const sizes = await Promise.all(files.map(async (file) => (await stat(join(dist, BUCKET_FOLDER, file))).size));
    const papers = (await paperSlugs()).length;
    expect(Math.max(...sizes)).toBeLessThan(12_000);
    expect(sizes.reduce((sum, size) => sum + size, 0) / papers).toBeLessThan(1_200);
  });

  test('are not recorded as published URLs, nor listed in the sitemap; the page is', async () => {
    const record = await readFile(join(site.contentDir, 'published-urls.txt'), 'utf8');
    expect(record).toContain('\n/shelf/similar/\n');
    expect(record).not.toMatch(/related/);
    const sitemap = await readFile(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toMatch(/related/);
  });
});
