import { describe, expect, test } from 'vitest';
import { bucketCountFor, slugBucket } from '../../../src/lib/shared/slug-hash.ts';

describe('slugBucket', () => {
  test('puts every slug in one bucket, always the same, spread about evenly', () => {
    const slugs = Array.from({ length: 10_000 }, (_, i) => `paper-number-${i}-about-things`);
    const sizes = [0, 0, 0, 0, 0];
    for (const slug of slugs) {
      const bucket = slugBucket(slug, 5);
      expect(bucket).toBe(slugBucket(slug, 5));
      sizes[bucket]!++;
    }
    for (const size of sizes) expect(size).toBeGreaterThan(1_800);
  });

  test('puts everything in bucket 0 when there is one bucket', () => {
    expect(slugBucket('any-slug', 1)).toBe(0);
    expect(slugBucket('', 1)).toBe(0);
  });
});

describe('bucketCountFor', () => {
  test('is a power of two giving perBucket to twice as many items a bucket, capped by max', () => {
    expect([0, 1, 9, 10, 19, 20, 39, 40, 1_000].map((items) => bucketCountFor(items, 10))).toEqual([1, 1, 1, 1, 1, 2, 2, 4, 64]);
    expect(bucketCountFor(1_000_000, 10, 256)).toBe(256);
  });

  test('keeps the count, and every slug its bucket, while a catalog grows by a few papers a day, until it doubles', () => {
    const slugs = Array.from({ length: 3_000 }, (_, i) => `paper-${i}`);
    let changes = 0;
    for (let papers = 100; papers < 3_000; papers += 13) {
      const before = bucketCountFor(papers, 3);
      const after = bucketCountFor(papers + 13, 3);
      if (before === after) expect(slugs.slice(0, papers).every((slug) => slugBucket(slug, before) === slugBucket(slug, after))).toBe(true);
      else changes++;
    }
    // 100 to 3,000 papers: the count doubles 4 times (32 → 512 buckets).
    expect(changes).toBe(4);
  });
});
