import { describe, expect, test } from 'vitest';
import { indexFileHash, indexFileKind, indexKey, isBundleFolder, mergedBundles, SHARD_SIZE, shardBundle, shardCount, shardRanges, youngShardSize } from '../../../src/lib/shared/search-shards.ts';

describe('shardRanges', () => {
  test('fills full shards in listing order, then young shards of an eighth for the rest, with one shard for nothing', () => {
    expect(shardRanges(0)).toEqual([{ start: 0, end: 0, capacity: SHARD_SIZE / 8 }]);
    expect(shardRanges(46)).toEqual([{ start: 0, end: 46, capacity: SHARD_SIZE / 8 }]);
    expect(shardRanges(SHARD_SIZE)).toEqual([{ start: 0, end: SHARD_SIZE, capacity: SHARD_SIZE }]);
    expect(shardRanges(SHARD_SIZE + 1)).toEqual([
      { start: 0, end: SHARD_SIZE, capacity: SHARD_SIZE },
      { start: SHARD_SIZE, end: SHARD_SIZE + 1, capacity: SHARD_SIZE / 8 },
    ]);
    expect(shardRanges(46, 20)).toEqual([
      { start: 0, end: 20, capacity: 20 },
      { start: 20, end: 40, capacity: 20 },
      { start: 40, end: 42, capacity: 2 },
      { start: 42, end: 44, capacity: 2 },
      { start: 44, end: 46, capacity: 2 },
    ]);
  });

  test('leaves every shard before the last young one as it was when papers are added at the end', () => {
    for (const [before, added] of [[10_000, 17], [99_990, 50], [12_345, 1]] as const) {
      const old = shardRanges(before);
      const now = shardRanges(before + added);
      // Unless a full shard forms, every shard but the last is the same range.
      if (Math.floor((before + added) / SHARD_SIZE) === Math.floor(before / SHARD_SIZE)) {
        expect(now.slice(0, old.length - 1)).toEqual(old.slice(0, -1));
      }
      expect(now.every((range) => range.end - range.start <= range.capacity)).toBe(true);
    }
  });

  test('has at most five full shards and eight young ones at 100,000 papers, and four young ones at 10,000', () => {
    expect(shardCount(100_000)).toBe(5);
    expect(shardCount(119_999)).toBe(13);
    expect(shardCount(10_000)).toBe(4);
    expect(youngShardSize()).toBe(2_500);
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
