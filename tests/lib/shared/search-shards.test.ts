import { describe, expect, test } from 'vitest';
import { indexFileHash, indexFileKind, indexKey, isBundleFolder, mergedBundles, SHARD_SIZE, shardBundle, shardCount, shardOf } from '../../../src/lib/shared/search-shards.ts';

describe('shardCount', () => {
  test('keeps a catalog of up to SHARD_SIZE papers in one index, and an empty one too', () => {
    expect(shardCount(0)).toBe(1);
    expect(shardCount(46)).toBe(1);
    expect(shardCount(SHARD_SIZE)).toBe(1);
    expect(shardCount(SHARD_SIZE + 1)).toBe(2);
    expect(shardCount(100_000)).toBe(5);
  });
});

describe('shardOf', () => {
  test('puts every paper in one shard, always the same, spread about evenly', () => {
    const slugs = Array.from({ length: 10_000 }, (_, i) => `paper-number-${i}-about-things`);
    const sizes = [0, 0, 0, 0, 0];
    for (const slug of slugs) {
      const shard = shardOf(slug, 5);
      expect(shard).toBe(shardOf(slug, 5));
      sizes[shard]!++;
    }
    for (const size of sizes) expect(size).toBeGreaterThan(1_800);
  });

  test('puts everything in shard 0 when there is one shard', () => {
    expect(shardOf('any-slug', 1)).toBe(0);
    expect(shardOf('', 1)).toBe(0);
  });
});

describe('shardBundle and mergedBundles', () => {
  test('keeps the first shard where Pagefind always was, and merges the others into it', () => {
    expect(shardBundle(0)).toBe('pagefind/');
    expect(shardBundle(3)).toBe('pagefind-shard-3/');
    expect(mergedBundles(46)).toEqual([]);
    expect(mergedBundles(100_000)).toEqual(['pagefind-shard-1/', 'pagefind-shard-2/', 'pagefind-shard-3/', 'pagefind-shard-4/']);
  });
});

describe('isBundleFolder', () => {
  test('returns true for every shard\'s folder and nothing else', () => {
    expect(isBundleFolder(shardBundle(0).slice(0, -1))).toBe(true);
    expect(isBundleFolder(shardBundle(12).slice(0, -1))).toBe(true);
    expect(isBundleFolder('pagefinder')).toBe(false);
    expect(isBundleFolder('pagefind-shard-')).toBe(false);
  });
});

describe('indexFileKind', () => {
  test.each([
    ['/shelf/pagefind/index/en_1.pf_index', 'index'],
    ['/shelf/pagefind-shard-3/fragment/en_1.pf_fragment', 'fragment'],
    ['/pagefind/filter/en_1.pf_filter', 'filter'],
    ['/pagefind-shard-1/pagefind.en_1.pf_meta', 'meta'],
    ['/pagefind/pagefind-entry.json', undefined],
    ['/pagefind/pagefind.js', undefined],
    ['/pagefinder/index/en_1.pf_index', undefined],
  ])('returns the kind of %s: %s', (path, kind) => {
    expect(indexFileKind(path)).toBe(kind);
  });
});

describe('indexFileHash and indexKey', () => {
  test('returns the first 22 characters of a base64 SHA-256 in base64url', () => {
    expect(indexFileHash('+/+/abcdefghijklmnopqrstuvwxyz0123456789ABC=')).toBe('-_-_abcdefghijklmnopqr');
  });

  test('keys an index file by its path and hash', () => {
    expect(indexKey('/shelf/pagefind/index/en_1.pf_index', 'h')).toBe('/shelf/pagefind/index/en_1.pf_index?sha256=h');
  });
});
