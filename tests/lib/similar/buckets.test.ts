import { describe, expect, test } from 'vitest';
import { bucketCount, bucketLists, bucketOf, bucketPath, bucketText, isBucketPath, PAPERS_PER_BUCKET, readBucket, roundSimilarity } from '../../../src/lib/similar/buckets.ts';
import type { RelatedPaper } from '../../../src/lib/papers/related.ts';

const cards = new Map(['a', 'b', 'c', 'd'].map((slug, i) => [slug, { title: `Paper ${slug.toUpperCase()}`, date: `2026-01-0${i + 1}` }]));
const related = new Map<string, RelatedPaper[]>([
  ['a', [{ slug: 'b', similarity: 0.31234 }, { slug: 'c', similarity: 0.1 }]],
  ['b', [{ slug: 'a', similarity: 0.31234 }]],
  ['c', [{ slug: 'gone', similarity: 0.2 }, { slug: 'a', similarity: 0.1 }]],
  ['d', []],
]);

describe('bucketCount', () => {
  test('gives PAPERS_PER_BUCKET to twice as many papers a bucket, in a power of two of buckets; one for a tiny catalog', () => {
    expect([0, 1, PAPERS_PER_BUCKET, 2 * PAPERS_PER_BUCKET - 1, 2 * PAPERS_PER_BUCKET, 10_000, 100_000].map(bucketCount)).toEqual([1, 1, 1, 1, 2, 2048, 32_768]);
    for (const papers of [10, 999, 10_000, 100_000]) {
      expect(papers / bucketCount(papers)).toBeGreaterThanOrEqual(PAPERS_PER_BUCKET);
      expect(papers / bucketCount(papers)).toBeLessThan(2 * PAPERS_PER_BUCKET);
    }
  });
});

describe('bucketOf', () => {
  test('is a stable function of the slug, within the count, and spreads 10,000 slugs evenly', () => {
    expect(bucketOf('spiking-diffusion-models', 2500)).toBe(bucketOf('spiking-diffusion-models', 2500));
    const loads = new Array<number>(2500).fill(0);
    for (let i = 0; i < 10_000; i++) loads[bucketOf(`a-paper-title-number-${i}`, 2500)]!++;
    expect(loads.every((load) => load >= 0 && load <= 16)).toBe(true);
    expect(loads.filter((load) => load === 0).length).toBeLessThan(2500 * 0.05);
  });
});

describe('bucketLists', () => {
  test('puts every paper\'s list in its slug\'s bucket, with rounded similarity, title and date, and drops unknown papers', () => {
    const buckets = bucketLists(related, (slug) => cards.get(slug));
    expect(buckets).toHaveLength(1);
    for (const [n, bucket] of buckets.entries()) expect(Object.keys(bucket.related).every((slug) => bucketOf(slug, 1) === n)).toBe(true);
    expect(Object.assign({}, ...buckets.map((bucket) => bucket.related))).toEqual({
      a: [['b', 0.312, 'Paper B', '2026-01-02'], ['c', 0.1, 'Paper C', '2026-01-03']],
      b: [['a', 0.312, 'Paper A', '2026-01-01']],
      c: [['a', 0.1, 'Paper A', '2026-01-01']],
      d: [],
    });
  });

  test('every paper is in exactly the bucket bucketOf names, at 1,000 papers', () => {
    const many = new Map(Array.from({ length: 1000 }, (_, i) => [`paper-${i}`, [{ slug: `paper-${(i + 1) % 1000}`, similarity: 0.5 }]]));
    const buckets = bucketLists(many, (slug) => ({ title: slug, date: '2026-01-01' }));
    expect(buckets).toHaveLength(bucketCount(1000));
    for (const [slug] of many) {
      buckets.forEach((bucket, n) => expect(slug in bucket.related, `${slug} in ${n}`).toBe(n === bucketOf(slug, buckets.length)));
    }
  });

  test('gives the same bytes whatever the order of the related map', () => {
    const reversed = new Map([...related].reverse());
    const text = (map: typeof related) => bucketLists(map, (slug) => cards.get(slug)).map(bucketText);
    expect(text(reversed)).toEqual(text(related));
  });
});

describe('bucketText and readBucket', () => {
  test('read back what is written, one paper a line', () => {
    const bucket = { related: Object.assign({}, ...bucketLists(related, (slug) => cards.get(slug)).map((one) => one.related)) };
    const text = bucketText(bucket);
    expect(text.split('\n')).toHaveLength(4 + 3);
    expect(readBucket(JSON.parse(text))).toEqual(bucket);
    expect(bucketText({ related: {} })).toBe('{"related":{}}\n');
  });

  test('readBucket keeps only well-formed lists and entries, and reads what is no bucket as undefined', () => {
    expect(readBucket({ related: { a: [['b', 0.3, 'B', '2026-01-01'], ['c', '0.3', 'C', '2026-01-01'], 'x'], b: 'nope' } })).toEqual({ related: { a: [['b', 0.3, 'B', '2026-01-01']] } });
    for (const data of [null, 3, 'text', [], { related: [] }, { related: null }]) expect(readBucket(data)).toBeUndefined();
  });
});

describe('bucketPath and isBucketPath', () => {
  test('spell the bucket files related/<n>.json, and nothing else', () => {
    expect(bucketPath(12)).toBe('related/12.json');
    expect([bucketPath(0), 'related/x.json', 'related/1.json/', 'papers/related/1.json', 'related/1.html'].map(isBucketPath)).toEqual([true, false, false, false, false]);
  });
});

describe('roundSimilarity', () => {
  test('keeps three decimals', () => {
    expect([0.31234, 0.0606, 1].map(roundSimilarity)).toEqual([0.312, 0.061, 1]);
  });
});
