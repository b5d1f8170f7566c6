import { describe, expect, test } from 'vitest';
import type { Byline } from '../../../src/lib/digest/types.ts';
import { authorFacets, authorKey, dateFacets, groupBy, topicFacets } from '../../../src/lib/papers/group.ts';

const paper = (date: string, byline: Byline, topics: string[] = []) => ({ date, byline, topics });
const papers = [
  paper('2026-02-12', { kind: 'authors', count: 4 }, ['a']),
  paper('2025-12-25', { kind: 'organization', handle: 'x', name: 'X' }, ['a', 'b']),
  paper('2025-12-01', { kind: 'authors', count: 10 }),
  paper('2025-01-09', { kind: 'authors', count: 1 }, ['b']),
  paper('2024-01-09', { kind: 'authors', count: 4 }),
];

describe('groupBy', () => {
  test('puts an item under each of its keys and keeps the order', () => {
    const groups = groupBy(papers, (item) => item.topics);
    expect(groups.get('a')).toEqual([papers[0], papers[1]]);
    expect(groups.get('b')).toEqual([papers[1], papers[3]]);
  });

  test('returns an empty map for no items', () => {
    expect(groupBy([], () => ['x']).size).toBe(0);
  });
});

describe('authorFacets', () => {
  test('lists counts in numeric order, then organisations', () => {
    expect(authorFacets(groupBy(papers, (item) => [authorKey(item)]))).toEqual([
      { slug: '1', label: '1 author', count: 1 },
      { slug: '4', label: '4 authors', count: 2 },
      { slug: '10', label: '10 authors', count: 1 },
      { slug: 'organization', label: 'Organisations', count: 1 },
    ]);
  });
});

describe('topicFacets', () => {
  test('lists every topic with its count, including empty ones, by name with "other" last', () => {
    const vocabulary = ['other', 'b', 'c', 'a'].map((id) => ({ id, name: id.toUpperCase(), description: `about ${id}`, terms: [] }));
    expect(topicFacets(groupBy(papers, (item) => item.topics), vocabulary).map((facet) => [facet.slug, facet.count])).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 0],
      ['other', 0],
    ]);
  });
});

describe('dateFacets', () => {
  test('lists years and their months newest first with counts', () => {
    expect(dateFacets(papers)).toEqual([
      { slug: '2026', label: '2026', count: 1, months: [{ slug: '02', label: 'February', count: 1 }] },
      {
        slug: '2025',
        label: '2025',
        count: 3,
        months: [
          { slug: '12', label: 'December', count: 2 },
          { slug: '01', label: 'January', count: 1 },
        ],
      },
      { slug: '2024', label: '2024', count: 1, months: [{ slug: '01', label: 'January', count: 1 }] },
    ]);
  });
});
