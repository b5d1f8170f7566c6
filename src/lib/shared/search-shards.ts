/**
 * The search index's shards and the names of their files: the one place that spells `pagefind/`,
 * `pagefind-shard-<n>/` and an index file's cache key. They are URLs the site publishes, like paths.ts's, so they live
 * in src/lib: the catalog and the redirect checks read them, and src/search (indexing, the offline plan, the service
 * worker) imports them from here.
 *
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
