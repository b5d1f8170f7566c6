import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as pagefind from 'pagefind';
import { shardBundle, shardRanges, SHARD_SIZE } from '../../lib/shared/search-shards.ts';
import { listedOn, searchablePart } from './paper-pages.ts';
import { pruneCache, restoreBundle, storeBundle } from './shard-cache.ts';

// A shard indexed by another Pagefind is not reused.
const pagefindVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version;

/**
 * The most result-fragment files Pagefind writes for a full shard of `SHARD_SIZE` papers, and for a young shard; beyond
 * it, papers share fragment files. One file per paper would put 100,000 files in `dist/` at 100,000 papers, and as many
 * requests into keeping the catalog offline. The budget is 2,000 files besides the HTML pages: one index of 100,000
 * (synthetic) papers has about 1,100 word-index chunks and some 20 other files, which leaves room for 750 in the five
 * full shards of 100,000 papers (a result loads its group: about 130 papers' text, 70 KB), and up to 480 more in the
 * eight young shards at most that follow the full ones (about 40 papers, 25 KB). A shard's budget depends on its kind
 * only, so a shard stays byte for byte the same while the catalog grows around it.
 */
export const MAX_FRAGMENTS = { full: 150, young: 60 } as const;

/** A shard's fragment-file budget: a full shard's, or, for a young one, its share (a test's tiny shards get 1 or more). */
function fragmentBudget(capacity: number, shardSize: number): number {
  if (capacity >= shardSize) return MAX_FRAGMENTS.full;
  return Math.max(1, Math.min(MAX_FRAGMENTS.young, Math.floor((MAX_FRAGMENTS.young * capacity * 8) / SHARD_SIZE)));
}

/** What indexing did: pages indexed, shards, and how many shards came unchanged from the last build. */
export interface Indexed {
  pages: number;
  shards: number;
  reused: number;
}

/**
 * Indexes `papers/*` of a built site: one Pagefind bundle per shard (`shardBundle`), one shard at a time so memory
 * stays that of one shard. A shard whose pages are byte for byte those of a shard indexed before is copied from
 * `<cacheDir>/pagefind-shards/` instead.
 */
export async function indexPapers(out: string, cacheDir: string, shardSize: number, warn: (message: string) => void): Promise<Indexed> {
  // Every folder with a page of its own: papers/page/ holds the all-papers list's later pages, unless a paper is called "page".
  const slugs = (await readdir(join(out, 'papers'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && existsSync(join(out, 'papers', entry.name, 'index.html')))
    .map((entry) => entry.name);
  // Read one after another (20,000 files opened at once exhaust the process's file handles), keeping of each page only
  // its listing day and the hash of what Pagefind reads: a shard's pages are read again only when it is indexed, so
  // memory holds one shard's pages at most. In listing order, then by slug.
  const read = (slug: string) => readFileSync(join(out, 'papers', slug, 'index.html'), 'utf8');
  const pages = slugs
    .map((slug) => {
      const content = read(slug);
      const searched = createHash('sha256').update(searchablePart(content)).digest('base64url');
      return { slug, url: `/papers/${slug}/`, listed: listedOn(content), searched };
    })
    .sort((a, b) => a.listed.localeCompare(b.listed) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const ranges = shardRanges(pages.length, shardSize);
  const result: Indexed = { pages: 0, shards: ranges.length, reused: 0 };
  const used = new Set<string>();
  for (const [i, range] of ranges.entries()) {
    const shard = pages.slice(range.start, range.end);
    const maxFragments = fragmentBudget(range.capacity, shardSize);
    // What the shard's index depends on: Pagefind, the budget, the papers and what Pagefind reads of their pages.
    const key = createHash('sha256').update(JSON.stringify({ version: pagefindVersion, maxFragments, i }));
    for (const page of shard) key.update(`${page.url}\n${page.searched}\n`);
    const cached = join(cacheDir, 'pagefind-shards', `${i}-${key.digest('hex').slice(0, 16)}`);
    const bundle = join(out, shardBundle(i));
    const lookup = await restoreBundle(cached, bundle);
    if (lookup.reused) result.reused++;
    else {
      if (lookup.broken) warn(`the search index cache of shard ${i + 1} was broken (${lookup.broken}): indexing it again`);
      await rm(bundle, { recursive: true, force: true });
      await indexShard(shard, (page) => ({ url: page.url, content: read(page.slug) }), bundle, maxFragments);
      await storeBundle(bundle, cached);
    }
    used.add(basename(cached));
    const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    result.pages += Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  }
  // Shards of older builds that this one no longer has, and what a killed build left half-copied.
  await pruneCache(join(cacheDir, 'pagefind-shards'), used);
  return result;
}

/**
 * Indexes one shard's pages into a Pagefind bundle at `bundle`, in a Pagefind process of its own. Each page is read
 * (`read`) as it is sent: a full shard of 20,000 pages held at once would be 500 MB of HTML.
 */
async function indexShard<P extends { url: string }>(pages: readonly P[], read: (page: P) => { url: string; content: string }, bundle: string, maxFragments: number): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', maxFragments });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // A few hundred pages in flight at once keep Pagefind busy without holding every message in memory.
    for (let start = 0; start < pages.length; start += 256) {
      const added = await Promise.all(pages.slice(start, start + 256).map((page) => index.addHTMLFile(read(page))));
      const failed = added.flatMap((response, i) => response.errors.map((error) => `${pages[start + i]!.url}: ${error}`));
      if (failed.length > 0) throw new Error(`Pagefind could not index the papers: ${failed.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    // Closing ends Pagefind's process, and with it the shard's memory.
    await pagefind.close();
  }
}
