import { describe, expect, test } from 'vitest';
import { slugBucket } from '../../../src/lib/shared/slug-hash.ts';

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
