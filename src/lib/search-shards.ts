/**
 * Pagefind holds a whole index in memory while it writes it: about 1.4 GB for 10,000 papers and over 14 GB for
 * 100,000. Beyond `SHARD_SIZE` papers the index is split into shards, each a Pagefind bundle of its own, indexed one
 * after another (so memory stays that of one shard) and merged again in the browser with Pagefind's `mergeIndex`.
 * A shard whose pages did not change is reused from the last build instead of being indexed again.
 */
export const SHARD_SIZE = 20_000;

/** How many shards a catalog of `papers` papers is indexed in: 1 up to `size` (SHARD_SIZE unless a test says). */
export function shardCount(papers: number, size = SHARD_SIZE): number {
  return Math.max(1, Math.ceil(papers / size));
}

/** The shard of a paper: a hash of its slug, so a paper keeps its shard as long as the number of shards stays. */
export function shardOf(slug: string, count: number): number {
  // FNV-1a, 32 bits: fast, and spreads similar slugs evenly.
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    hash ^= slug.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/** The folder of shard `i`'s bundle below the site's base: `pagefind/` holds the first, and Pagefind's runtime. */
export function shardBundle(i: number): string {
  return i === 0 ? 'pagefind/' : `pagefind-shard-${i}/`;
}

/** The bundles the search page merges into the first one, below the base. */
export function mergedBundles(papers: number, size = SHARD_SIZE): string[] {
  return Array.from({ length: shardCount(papers, size) - 1 }, (_, i) => shardBundle(i + 1));
}
