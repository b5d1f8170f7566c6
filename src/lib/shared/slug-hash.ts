/**
 * The bucket of a slug among `count`: a hash of the slug (FNV-1a, 32 bits: fast, and spreads similar slugs evenly), so
 * a paper keeps its bucket as long as the number of buckets stays (see bucketCountFor). The papers' offline copies (src/search/paper-copy.ts)
 * and the related buckets (src/lib/similar/buckets.ts) are cut by it; the search shards follow the listings instead.
 */
export function slugBucket(slug: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    hash ^= slug.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/**
 * How many buckets hold `items` items at `perBucket` to `2 × perBucket` each (fewer for a catalog under `perBucket`):
 * a power of two, so the count, and with it every paper's bucket and every bucket file a daily build does not touch,
 * stays the same while the catalog grows, until it doubles. (A count of `items / perBucket` changed every few papers,
 * and every paper's bucket with it: each day's build rewrote every file and a reader's browser fetched them again.)
 * `max`, a power of two, caps it.
 */
export function bucketCountFor(items: number, perBucket: number, max = 2 ** 30): number {
  const wanted = Math.max(1, Math.floor(items / perBucket));
  return Math.min(max, 2 ** Math.floor(Math.log2(wanted)));
}
