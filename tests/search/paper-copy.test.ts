import { describe, expect, test } from 'vitest';
import { copyFileCount, copyFileOf, isCopyFile, paperSlugOf } from '../../src/search/paper-copy.ts';

describe('paperSlugOf', () => {
  test('returns the slug of a paper\'s page under the base, and nothing for any other page', () => {
    expect(paperSlugOf('/shelf/', '/shelf/papers/spiking-diffusion-models/')).toBe('spiking-diffusion-models');
    expect(paperSlugOf('/', '/papers/a-1/')).toBe('a-1');
    expect(paperSlugOf('/shelf/', '/papers/a-1/')).toBeUndefined();
    expect(paperSlugOf('/', '/papers/')).toBeUndefined();
    expect(paperSlugOf('/', '/papers/page/2/')).toBeUndefined();
    expect(paperSlugOf('/', '/papers/a/b/')).toBeUndefined();
    expect(paperSlugOf('/', '/papers/a')).toBeUndefined();
    expect(paperSlugOf('/', '/topics/a/')).toBeUndefined();
  });
});

describe('copyFileCount', () => {
  test('spreads 100 to 199 papers a file, in a power of two of files: at least one, never more than 256', () => {
    expect([0, 100, 199, 200, 399, 400, 10_000, 25_599, 25_600, 100_000].map(copyFileCount)).toEqual([1, 1, 1, 2, 2, 4, 64, 128, 256, 256]);
  });
});

describe('copyFileOf', () => {
  test('returns one of the files for every slug, always the same, spread over all of them', () => {
    const slugs = Array.from({ length: 2000 }, (_, i) => `paper-${i}`);
    const files = slugs.map((slug) => copyFileOf(slug, 20));
    expect(files.every(isCopyFile)).toBe(true);
    expect(new Set(files).size).toBe(20);
    expect(copyFileOf('paper-1', 20)).toBe(files[1]);
  });
});
