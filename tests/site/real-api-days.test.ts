import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse as parseHtml } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseApiDigest } from '../../src/lib/digest/api.ts';
import { readDump } from '../helpers/dump.ts';
import { buildSite, createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';
import { realApiDayFiles, realApiDaysDir, realDayFiles, realDaysDir } from '../helpers/real-days.ts';

// Both ways in at once: the 157 real days of 2024 as copied pages (.txt) and as the API answered them (.json), side by
// side in seeds/. One real `astro build` of 4,404 listings of 2,202 papers; every test reads its dist.
let site: FixtureSite;
let dist: string;
let build: { code: number; output: string };
const textFiles = realDayFiles();
const apiFiles = realApiDayFiles();

beforeAll(async () => {
  site = await createFixtureSite({ digests: [] });
  await mkdir(site.seedsDir, { recursive: true });
  for (const file of textFiles) await cp(join(realDaysDir, file), join(site.seedsDir, file));
  for (const file of apiFiles) await cp(join(realApiDaysDir, file), join(site.seedsDir, file));
  dist = join(site.dir, 'dist');
  build = await buildSite(site, dist, { PAPERSHELF_TODAY: '2026-12-05' });
}, 900_000);

/** Every listing of the API's answers: its arXiv id and the names it gives, read by the same reader as the ingest. */
async function apiListings(): Promise<Map<string, string[]>> {
  const listings = new Map<string, string[]>();
  for (const file of apiFiles) {
    const digest = parseApiDigest(await readFile(join(realApiDaysDir, file), 'utf8'), { file, today: '2026-12-05' });
    for (const entry of digest.entries) listings.set(entry.arxiv!, entry.authorNames!);
  }
  return listings;
}

describe('astro build of the 157 real days of 2024, as text and as the API\'s answers', () => {
  test('succeeds with zero problems: each paper\'s text and JSON listings merge, 2,202 papers', () => {
    expect(textFiles).toHaveLength(157);
    expect(apiFiles).toHaveLength(157);
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('problems: 0');
    expect(build.output).toMatch(/entries read: 4404 = 2202 papers written \+ 0 held back \+ 2202 merged into another listing's paper \+ 0 rejected/);
  });

  test('publishes one page a paper: 2,202, each with the arXiv id its JSON listing states', async () => {
    const pages = (await readdir(join(dist, 'papers'), { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== 'page');
    expect(pages).toHaveLength(2202);
    const dump = { papers: (await readDump(dist)).all as { slug: string; arxiv?: string; authorNames?: string[] }[] };
    expect(dump.papers).toHaveLength(2202);
    const listings = await apiListings();
    expect(listings.size).toBe(2202);
    expect(new Set(dump.papers.map((paper) => paper.arxiv))).toEqual(new Set(listings.keys()));
    for (const paper of dump.papers) expect(paper.authorNames, paper.slug).toEqual(listings.get(paper.arxiv!));
  }, 120_000);

  test('every page of a JSON-listed paper shows its arXiv, PDF and Hugging Face links first, its authors, and citation tags', async () => {
    const dump = { papers: (await readDump(dist)).all as { slug: string; arxiv: string; authorNames: string[] }[] };
    let checked = 0;
    for (const paper of dump.papers) {
      const html = parseHtml(await readFile(join(dist, 'papers', paper.slug, 'index.html'), 'utf8'));
      const links = html.querySelectorAll('.paper-head a.paper-link').map((link) => link.getAttribute('href'));
      expect(links.slice(0, 3), paper.slug).toEqual([`https://arxiv.org/abs/${paper.arxiv}`, `https://arxiv.org/pdf/${paper.arxiv}`, `https://huggingface.co/papers/${paper.arxiv}`]);
      const authors = html.querySelector('.paper-authors');
      expect(authors, paper.slug).not.toBeNull();
      const shown = authors!.querySelectorAll('p').map((part) => part.textContent.replace(/^Authors: /, '')).join(', ');
      expect(shown, paper.slug).toBe(paper.authorNames.join(', '));
      expect(html.querySelector('meta[name="citation_arxiv_id"]')?.getAttribute('content'), paper.slug).toBe(paper.arxiv);
      expect(html.querySelectorAll('meta[name="citation_author"]').map((tag) => tag.getAttribute('content')), paper.slug).toEqual(paper.authorNames);
      expect(html.querySelector('#find-paper'), paper.slug).toBeNull();
      checked++;
    }
    expect(checked).toBe(2202);
    // Parsing 2,202 pages takes seconds on a busy machine: the limit is for a hang, not a speed target.
  }, 120_000);

  test('indexes the authors\' names for search: Wenyi Hong is in the indexed text of each of her papers', async () => {
    const dump = { papers: (await readDump(dist)).all as { slug: string; authorNames: string[] }[] };
    const hers = dump.papers.filter((paper) => paper.authorNames.includes('Wenyi Hong')).map((paper) => paper.slug).sort();
    expect(hers.length).toBeGreaterThanOrEqual(3);
    // Pagefind's fragments: the indexed text of each page, gzipped after a "pagefind_dcd" signature, one page a file or
    // a group of pages by fragment id.
    type Fragment = { url: string; content: string };
    const found: string[] = [];
    const dir = join(dist, 'pagefind/fragment');
    for (const name of await readdir(dir)) {
      const data = JSON.parse(gunzipSync(await readFile(join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment | Record<string, Fragment>;
      const fragments = 'url' in data && typeof data.url === 'string' ? [data as Fragment] : Object.values(data as Record<string, Fragment>);
      for (const fragment of fragments) if (fragment.content.includes('Wenyi Hong')) found.push(fragment.url.replace(/^\/papers\/|\/$/g, ''));
    }
    expect(found.sort()).toEqual(hers);
  }, 120_000);
});
