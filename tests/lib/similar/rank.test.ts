import { describe, expect, test } from 'vitest';
import type { BucketEntry } from '../../../src/lib/similar/buckets.ts';
import { rankSimilar, SUGGESTIONS } from '../../../src/lib/similar/rank.ts';
import type { StarredPaper } from '../../../src/lib/similar/shelf.ts';

const star = (slug: string, starred = '2026-02-01T00:00:00Z'): StarredPaper => ({ slug, title: `Starred ${slug}`, starred });
const entry = (slug: string, similarity: number, date = '2026-01-01'): BucketEntry => [slug, similarity, `Title ${slug}`, date];

describe('rankSimilar', () => {
  test('sums a paper\'s similarities across the starred papers that list it, best first, and names the closest', () => {
    const lists = new Map([
      ['s1', [entry('x', 0.3), entry('y', 0.2)]],
      ['s2', [entry('y', 0.25), entry('z', 0.4)]],
    ]);
    const ranked = rankSimilar([star('s1'), star('s2')], lists);
    expect(ranked.map(({ slug, score }) => [slug, score])).toEqual([['y', 0.45], ['z', 0.4], ['x', 0.3]]);
    expect(ranked[0]).toEqual({ slug: 'y', title: 'Title y', date: '2026-01-01', score: 0.45, because: { slug: 's2', title: 'Starred s2' }, alsoBecause: 1 });
    expect(ranked[2]!.because).toEqual({ slug: 's1', title: 'Starred s1' });
  });

  test('leaves out starred papers, even one another starred paper lists, and the excluded (read) ones', () => {
    const lists = new Map([
      ['s1', [entry('s2', 0.9), entry('read', 0.8), entry('x', 0.1)]],
      ['s2', [entry('s1', 0.9)]],
    ]);
    expect(rankSimilar([star('s1'), star('s2')], lists, new Set(['read'])).map((s) => s.slug)).toEqual(['x']);
  });

  test('breaks ties by how many starred papers list it, then the newer paper, then slug; whatever the lists\' order', () => {
    const lists = new Map([
      ['s1', [entry('b', 0.2, '2026-01-01'), entry('a', 0.2, '2026-01-01'), entry('new', 0.2, '2026-03-01'), entry('two', 0.1)]],
      ['s2', [entry('two', 0.1)]],
    ]);
    const order = ['two', 'new', 'a', 'b'];
    expect(rankSimilar([star('s1'), star('s2')], lists).map((s) => s.slug)).toEqual(order);
    const shuffled = new Map([['s2', lists.get('s2')!], ['s1', [...lists.get('s1')!].reverse()]]);
    expect(rankSimilar([star('s1'), star('s2')], shuffled).map((s) => s.slug)).toEqual(order);
  });

  test('names the more recently starred paper (first in the shelf\'s order) when two list a paper equally', () => {
    const lists = new Map([['old', [entry('x', 0.2)]], ['recent', [entry('x', 0.2)]]]);
    expect(rankSimilar([star('recent', '2026-03-01T00:00:00Z'), star('old', '2026-01-01T00:00:00Z')], lists)[0]!.because.slug).toBe('recent');
  });

  test('returns nothing for no starred paper, or starred papers without a fetched list; at most SUGGESTIONS papers', () => {
    expect(rankSimilar([], new Map())).toEqual([]);
    expect(rankSimilar([star('s1')], new Map())).toEqual([]);
    const many = new Map(Array.from({ length: 10 }, (_, s) => [`s${s}`, Array.from({ length: 5 }, (_, i) => entry(`p${s}-${i}`, 0.1 + i / 100))]));
    expect(rankSimilar([...many.keys()].map((slug) => star(slug)), many)).toHaveLength(SUGGESTIONS);
  });
});
