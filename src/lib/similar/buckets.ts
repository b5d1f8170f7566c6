import type { RelatedPaper } from '../papers/related.ts';
import { bucketCountFor, slugBucket } from '../shared/slug-hash.ts';

/**
 * The related lists of every paper, in buckets the browser fetches one at a time (`related/<n>.json`, bucketPath):
 * the "more like your shelf" page needs the related lists of the papers a reader starred, and fetching only their
 * buckets keeps what it downloads bounded by the shelf, not the catalog. Pure: the build writes the buckets, the page
 * finds a paper's bucket with the same `bucketOf`.
 */

/**
 * The folder of the bucket files below the site's base: the one place that spells it. Like the search index's files,
 * they are the build's own data, not URLs it promises: the record leaves them out and no redirect may retire them.
 */
export const BUCKET_FOLDER = 'related';

/** The path of bucket `n` below the base: `related/<n>.json`. */
export function bucketPath(n: number): string {
  return `${BUCKET_FOLDER}/${n}.json`;
}

/** Whether a path below the base (no leading `/`) is a bucket file's. */
export function isBucketPath(path: string): boolean {
  return new RegExp(`^${BUCKET_FOLDER}/\\d+\\.json$`).test(path);
}

/** A related paper as a bucket lists it: its slug, its similarity (rounded, see SIMILARITY_DIGITS), title and date. */
export type BucketEntry = [slug: string, similarity: number, title: string, date: string];

/** One bucket file: the related lists of the papers whose slugs hash to it, by slug (a paper with none maps to []). */
export interface RelatedBucket {
  related: Record<string, BucketEntry[]>;
}

/**
 * Papers per bucket, at least (and fewer than twice as many: see bucketCount). A bucket holds up to MAX_RELATED entries
 * a paper, about 0.9 KB a paper with real titles and slugs, and a starred paper's bucket holds it and 2 to 5 others:
 * ~3 to 5.5 KB a fetched bucket, so a shelf of 50 starred papers downloads about 150 to 270 KB at any catalog size
 * (tests/bench/similar.ts measures it). Fewer papers a bucket would mean more files (2,048 at 10,000 papers already).
 */
export const PAPERS_PER_BUCKET = 3;

/** Similarities are written with this many decimals: enough to order a shelf's suggestions, and short. */
const SIMILARITY_DIGITS = 3;

/**
 * How many buckets a catalog of `papers` papers has: a power of two, PAPERS_PER_BUCKET to twice as many papers a bucket
 * (bucketCountFor), so a day's papers change only the buckets of the papers whose related lists they change.
 */
export function bucketCount(papers: number): number {
  return bucketCountFor(papers, PAPERS_PER_BUCKET);
}

/** The bucket of a paper: a stable hash of its slug (slugBucket), modulo the count. */
export function bucketOf(slug: string, buckets: number): number {
  return slugBucket(slug, buckets);
}

/** What a bucket says of a related paper besides its slug. */
export interface BucketCard {
  title: string;
  date: string;
}

/**
 * Every paper's related list, in `bucketCount(related.size)` buckets (index = bucket number). `card` gives a related
 * paper's title and date; a related paper it does not know is left out. Papers and their lists keep the related map's
 * order (most similar first), papers sorted by slug within a bucket, so equal catalogs give equal bytes.
 */
export function bucketLists(related: ReadonlyMap<string, readonly RelatedPaper[]>, card: (slug: string) => BucketCard | undefined): RelatedBucket[] {
  const count = bucketCount(related.size);
  const buckets: RelatedBucket[] = Array.from({ length: count }, () => ({ related: {} }));
  const slugs = [...related.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const slug of slugs) {
    buckets[bucketOf(slug, count)]!.related[slug] = related.get(slug)!.flatMap(({ slug: other, similarity }) => {
      const found = card(other);
      return found ? [[other, roundSimilarity(similarity), found.title, found.date] satisfies BucketEntry] : [];
    });
  }
  return buckets;
}

/** A similarity as a bucket writes it. */
export function roundSimilarity(similarity: number): number {
  return Number(similarity.toFixed(SIMILARITY_DIGITS));
}

/** A bucket's file: compact JSON, one paper a line so that a diff between two builds reads as a list. */
export function bucketText(bucket: RelatedBucket): string {
  const lines = Object.entries(bucket.related).map(([slug, list]) => `${JSON.stringify(slug)}:${JSON.stringify(list)}`);
  return lines.length === 0 ? '{"related":{}}\n' : `{"related":{\n${lines.join(',\n')}\n}}\n`;
}

/**
 * Reads a bucket file's JSON as the page fetched it, keeping only well-formed lists (a file of another build or a
 * damaged one must not break the page): undefined when it is no bucket at all.
 */
export function readBucket(data: unknown): RelatedBucket | undefined {
  const related = (data as { related?: unknown } | null)?.related;
  if (typeof related !== 'object' || related === null || Array.isArray(related)) return undefined;
  const kept: Record<string, BucketEntry[]> = {};
  for (const [slug, list] of Object.entries(related)) {
    if (!Array.isArray(list)) continue;
    kept[slug] = list.filter(
      (entry): entry is BucketEntry =>
        Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number' && typeof entry[2] === 'string' && typeof entry[3] === 'string',
    );
  }
  return { related: kept };
}
