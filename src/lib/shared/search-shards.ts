/**
 * The search index's shards and the names of their files: the one place that spells `pagefind/`,
 * `pagefind-shard-<n>/` and an index file's cache key. They are URLs the site publishes, like paths.ts's, so they live
 * in src/lib: the catalog and the redirect checks read them, and src/search (indexing, the offline plan, the service
 * worker) imports them from here.
 *
 * Pagefind holds a whole index in memory while it writes it: about 1.4 GB for 10,000 papers and over 14 GB for
 * 100,000. So the index is split into shards, each a Pagefind bundle of its own, indexed one after another (so memory
 * stays that of one shard) and merged again in the browser with Pagefind's `mergeIndex`.
 *
 * The shards follow the listings: papers in the order they were first listed (then by slug) fill shards of
 * `SHARD_SIZE` papers, and the papers after the last full shard fill young shards of an eighth of that. A new day's
 * papers land in the last young shard, so a daily build indexes that shard again and reuses every other one from the
 * last build (a shard whose searchable text did not change is copied from the cache); when eight young shards have
 * filled up, they become one full shard. A paper listed again keeps its place: it is ordered by its first listing.
 */
export const SHARD_SIZE = 20_000;

/** The size of a young shard, for full shards of `size`. */
export function youngShardSize(size = SHARD_SIZE): number {
  return Math.max(1, Math.floor(size / 8));
}

/** A shard: papers `start` to `end` (not included) in listing order, and how many it holds when full. */
export interface ShardRange {
  start: number;
  end: number;
  capacity: number;
}

/** The shards of `papers` papers in listing order: full shards of `size` first, then young shards (youngShardSize). */
export function shardRanges(papers: number, size = SHARD_SIZE): ShardRange[] {
  const ranges: ShardRange[] = [];
  const full = Math.floor(papers / size);
  for (let i = 0; i < full; i++) ranges.push({ start: i * size, end: (i + 1) * size, capacity: size });
  const young = youngShardSize(size);
  for (let start = full * size; start < papers; start += young) ranges.push({ start, end: Math.min(papers, start + young), capacity: young });
  return ranges.length > 0 ? ranges : [{ start: 0, end: 0, capacity: young }];
}

/** How many shards a catalog of `papers` papers is indexed in (see shardRanges). */
export function shardCount(papers: number, size = SHARD_SIZE): number {
  return shardRanges(papers, size).length;
}

/** The folder of shard `i`'s bundle below the site's base: `pagefind/` holds the first, and Pagefind's runtime. */
export function shardBundle(i: number): string {
  return i === 0 ? 'pagefind/' : `pagefind-shard-${i}/`;
}

/** The bundles the search page merges into the first one, below the base. */
export function mergedBundles(papers: number, size = SHARD_SIZE): string[] {
  return Array.from({ length: shardCount(papers, size) - 1 }, (_, i) => shardBundle(i + 1));
}

/** A regular expression source matching any shard's folder name (without its slash), as `shardBundle` writes them. */
export const BUNDLE_FOLDER = String.raw`pagefind(?:-shard-\d+)?`;

/** Whether a folder of the built site, by its name, is a shard's bundle. */
export function isBundleFolder(name: string): boolean {
  return new RegExp(`^${BUNDLE_FOLDER}$`).test(name);
}

/** The kinds of index file, as the worker names them when one needed the network. */
export type IndexFileKind = 'index' | 'fragment' | 'filter' | 'meta';

const INDEX_FILE = new RegExp(`/${BUNDLE_FOLDER}/(?:(index|fragment|filter)/[^/]+|pagefind\\.[^/]+\\.pf_meta)$`);

/**
 * The kind of an index file (word chunk, result fragment, filter or meta file) by its URL path, in any shard;
 * `undefined` for any other path.
 */
export function indexFileKind(path: string): IndexFileKind | undefined {
  const match = INDEX_FILE.exec(path);
  return match ? ((match[1] as IndexFileKind | undefined) ?? 'meta') : undefined;
}

/** The length of the content hashes in the manifest: 22 base64url characters, 132 bits of SHA-256. */
export const HASH_LENGTH = 22;

/** An index file's content hash, as the manifest lists it and the worker checks it: from its SHA-256 in base64. */
export function indexFileHash(sha256: string): string {
  return sha256.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, HASH_LENGTH);
}

/**
 * The key of an index file in the index cache: its path and its content hash, so a file is served only under the
 * hash its build lists, and an unchanged file carries over to the next build.
 */
export function indexKey(path: string, hash: string): string {
  return `${path}?sha256=${hash}`;
}
