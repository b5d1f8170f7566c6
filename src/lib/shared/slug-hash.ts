/**
 * The bucket of a slug among `count`: a hash of the slug (FNV-1a, 32 bits: fast, and spreads similar slugs evenly), so
 * a paper keeps its bucket as long as the number of buckets stays. The papers' offline copies (src/search/paper-copy.ts)
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
