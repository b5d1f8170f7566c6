import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseRecord } from '../../src/lib/site/url-record.ts';
import { RECORD_FILE } from '../../src/integrations/record-urls.ts';
import { buildSite, createFixtureSite, repoRoot, type FixtureSite } from '../helpers/fixture-site.ts';

// Real builds of one fixture catalog as it changes: a first digest, a second that corrects a title, an editor's merge,
// and an item deleted by hand. Each step builds into the same dist/, as an operator would.
const FIXTURES = 'tests/fixtures/urls';
const FIRST_URL = '/papers/sparse-attenton-for-long-documents/';
let site: FixtureSite;
let dist: string;
const record = async () => parseRecord(await readFile(join(site.contentDir, RECORD_FILE), 'utf8'));
const html = async (path: string) => parse(await readFile(join(dist, path, 'index.html'), 'utf8'));
const build = () => buildSite(site, dist, { PAPERSHELF_SITE: 'https://catalog.example.org' });

beforeAll(async () => {
  site = await createFixtureSite({ digests: [`${FIXTURES}/001_first.txt`] });
  dist = join(site.dir, 'dist');
});

describe('permanent URLs', () => {
  test('the first build records every URL it published: papers, lists, topics, dates, digests', async () => {
    const first = await build();
    expect(first.code, first.output).toBe(0);
    const paths = await record();
    for (const path of ['/', FIRST_URL, '/papers/paper-one-about-tokenizers/', '/papers/', '/topics/', '/authors/3/', '/dates/2026/03/', '/digests/2026-03-03/', '/search/', '/top/', '/top/week/2026-W10/', '/top/month/2026-03/']) {
      expect(paths).toContain(path);
    }
    expect(paths).not.toContain('/404.html');
    expect(first.output).toMatch(/published-urls\.txt: \d+ new URL\(s\) recorded/);
  }, 240_000);

  test('a later digest that corrects a title keeps the paper at its first URL, with the new title, and no second page', async () => {
    await cp(join(repoRoot, FIXTURES, '002_fixed.txt'), join(site.seedsDir, '002_fixed.txt'));
    const second = await build();
    expect(second.code, second.output).toBe(0);
    expect((await html(FIRST_URL)).querySelector('h1')?.textContent).toBe('Sparse Attention for Long Documents');
    const paths = await record();
    expect(paths.filter((path) => path.startsWith('/papers/sparse-'))).toEqual([FIRST_URL]);
    // The new day and paper are recorded too; nothing recorded was dropped.
    expect(paths).toContain('/digests/2026-03-04/');
    expect(paths).toContain('/papers/only-listed-on-the-second-day/');
  }, 240_000);

  test("an editor's merge turns the merged item's page into a redirect to the paper, for people, browsers and hosts", async () => {
    const item = join(site.contentDir, 'papers/paper-two-about-tokenisers.mdx');
    const text = await readFile(item, 'utf8');
    // An editor's key, after the generated ones.
    await writeFile(item, text.replace(/\n---\n/, '\nmerged_into: paper-one-about-tokenizers\n---\n'));
    const before = await record();
    const merged = await build();
    expect(merged.code, merged.output).toBe(0);
    const page = await html('papers/paper-two-about-tokenisers');
    expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/papers/paper-one-about-tokenizers/');
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://catalog.example.org/papers/paper-one-about-tokenizers/');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/papers/paper-one-about-tokenizers/');
    expect(await readFile(join(dist, '_redirects'), 'utf8')).toContain('/papers/paper-two-about-tokenisers/ /papers/paper-one-about-tokenizers/ 301\n');
    // No longer a paper of its own: not listed, not searchable; the editor's key is kept by the ingest.
    const list = (await html('papers')).querySelectorAll('.card-title a').map((a) => a.getAttribute('href'));
    expect(list).not.toContain('/papers/paper-two-about-tokenisers/');
    expect(list).toContain('/papers/paper-one-about-tokenizers/');
    expect(JSON.parse(await readFile(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')).languages.en.page_count).toBe(3);
    expect(await readFile(item, 'utf8')).toContain('merged_into: paper-one-about-tokenizers');
    // The day that listed both shows the paper once, under the URL it kept.
    const day = (await html('digests/2026-03-03')).querySelectorAll('.card-title a').map((a) => a.getAttribute('href'));
    expect(day.filter((href) => href!.includes('tokeni'))).toEqual(['/papers/paper-one-about-tokenizers/']);
    expect(await record()).toEqual(before);
  }, 240_000);

  test('a build that would drop a recorded URL fails, naming it, and records nothing', async () => {
    // The second digest goes, and an editor deletes the item only it listed: its URL would stop working.
    await rm(join(site.seedsDir, '002_fixed.txt'));
    await rm(join(site.contentDir, 'papers/only-listed-on-the-second-day.mdx'));
    const before = await record();
    const dropped = await build();
    expect(dropped.code).not.toBe(0);
    expect(dropped.output).toMatch(/published URL\(s\) of \S*published-urls\.txt would stop working/);
    for (const path of ['/papers/only-listed-on-the-second-day/', '/digests/2026-03-04/', '/authors/2/']) expect(dropped.output).toContain(`  ${path}\n`);
    expect(dropped.output).toContain('merged_into');
    expect(dropped.output).not.toMatch(/\n\s+at /);
    expect(await record()).toEqual(before);
  }, 240_000);

  test("the operator's redirects file retires a URL: its page leads on, and a redirect to no page fails the build", async () => {
    const redirects = join(site.contentDir, 'redirects.yaml');
    await writeFile(redirects, '- from: /papers/only-listed-on-the-second-day/\n  to: /papers/nowhere/\n');
    const nowhere = await build();
    expect(nowhere.code).not.toBe(0);
    expect(nowhere.output).toContain('/papers/only-listed-on-the-second-day/ → /papers/nowhere/');
    expect(nowhere.output).not.toMatch(/\n\s+at /);

    // Everything the removed digest alone published: its paper, its day, and the topic (with its feed) and author-count
    // pages only its paper filled.
    const retire = {
      '/papers/only-listed-on-the-second-day/': '/papers/',
      '/digests/2026-03-04/': '/digests/',
      '/authors/2/': '/authors/',
      '/topics/efficient-architectures/': '/topics/',
      // A file: only hosts that read _redirects can send it on.
      '/topics/efficient-architectures/rss.xml': '/rss.xml',
    };
    await writeFile(redirects, Object.entries(retire).map(([from, to]) => `- from: ${from}\n  to: ${to}\n`).join(''));
    const before = await record();
    // Retiring a file the build still publishes would send readers away from a live feed: refused.
    await writeFile(redirects, '- from: /rss.xml\n  to: /papers/\n');
    const live = await build();
    expect(live.code).not.toBe(0);
    expect(live.output).toContain('retire a page or a file the catalog still publishes');

    await writeFile(redirects, Object.entries(retire).map(([from, to]) => `- from: ${from}\n  to: ${to}\n`).join(''));
    const retired = await build();
    expect(retired.code, retired.output).toBe(0);
    const page = await html('papers/only-listed-on-the-second-day');
    expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/papers/');
    const hostFile = await readFile(join(dist, '_redirects'), 'utf8');
    for (const [from, to] of Object.entries(retire)) expect(hostFile).toContain(`${from} ${to} 301\n`);
    expect(await record()).toEqual(before);
  }, 240_000);

  test('a redirect that names a live page, or is not a plain path, stops the build with the redirect named and no stack', async () => {
    const redirects = join(site.contentDir, 'redirects.yaml');
    const kept = await readFile(redirects, 'utf8');
    const before = await record();
    await writeFile(redirects, '- from: /papers/paper-one-about-tokenizers/\n  to: /papers/\n');
    const live = await build();
    expect(live.code).not.toBe(0);
    expect(live.output).toContain('redirects.yaml: 1 redirect(s) retire a page or a file the catalog still publishes:\n  /papers/paper-one-about-tokenizers/');
    expect(live.output).not.toMatch(/NoMatchingStaticPathFound|PrerenderRouteConflict|\n\s+at /);

    await writeFile(redirects, '- from: /a/../papers/\n  to: /papers/\n- from: /old/\n  to: /\\evil.example/\n');
    const unsafe = await build();
    expect(unsafe.code).not.toBe(0);
    expect(unsafe.output).toContain('redirect 1: from "/a/../papers/" is not a plain path');
    expect(unsafe.output).toContain('redirect 2: to "/\\\\evil.example/" is not a plain path');
    expect(unsafe.output).not.toMatch(/NoMatchingStaticPathFound|PrerenderRouteConflict|\n\s+at /);
    expect(await record()).toEqual(before);
    await writeFile(redirects, kept);
  }, 240_000);

  test("merged_into errors name the item's file, and an operator's redirect to a merged paper leads to the paper in one hop", async () => {
    const item = join(site.contentDir, 'papers/paper-one-about-tokenizers.mdx');
    const text = await readFile(item, 'utf8');
    await writeFile(item, text.replace(/\n---\n/, '\nmerged_into: nowhere-at-all\n---\n'));
    const nowhere = await build();
    expect(nowhere.code).not.toBe(0);
    expect(nowhere.output).toMatch(/\S*papers\/paper-one-about-tokenizers\.mdx: merged_into names "nowhere-at-all", which is not a paper's slug/);
    await writeFile(item, text);

    const redirects = join(site.contentDir, 'redirects.yaml');
    await writeFile(redirects, `${await readFile(redirects, 'utf8')}- from: /tokenisers/\n  to: /papers/paper-two-about-tokenisers/\n`);
    const chained = await build();
    expect(chained.code, chained.output).toBe(0);
    expect(await readFile(join(dist, '_redirects'), 'utf8')).toContain('/tokenisers/ /papers/paper-one-about-tokenizers/ 301\n');
    expect((await html('tokenisers')).querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/papers/paper-one-about-tokenizers/');
  }, 240_000);
});
