import { describe, expect, test } from 'vitest';
import {
  anyOfFilters,
  chosenGroups,
  disjunctiveCounts,
  inRankingOrder,
  largestCounts,
  mergeByScore,
  partialMatchNotice,
  queryWords,
  sortFor,
  withoutGroup,
} from '../../../src/lib/shared/search-query.ts';

describe('anyOfFilters', () => {
  test('makes each group\'s values alternatives and leaves out groups with none', () => {
    expect(anyOfFilters({ year: ['2024', '2025'], topic: ['Robotics'], code: [] })).toEqual({ year: { any: ['2024', '2025'] }, topic: { any: ['Robotics'] } });
  });

  test('returns no filters for none', () => {
    expect(anyOfFilters({})).toEqual({});
  });
});

describe('withoutGroup and chosenGroups', () => {
  test('drop one group, and name the groups with a chosen value', () => {
    const filters = { year: ['2024'], topic: ['Robotics'], code: [] };
    expect(withoutGroup(filters, 'year')).toEqual({ topic: ['Robotics'], code: [] });
    expect(chosenGroups(filters)).toEqual(['year', 'topic']);
  });
});

describe('sortFor', () => {
  test('sorts a search without words newest first, and keeps Pagefind\'s relevance for words', () => {
    expect(sortFor(null, undefined)).toEqual({ date: 'desc' });
    expect(sortFor('  ', {})).toEqual({ date: 'desc' });
    expect(sortFor('diffusion', undefined)).toBeUndefined();
  });

  test('keeps a chosen sort, with or without words', () => {
    expect(sortFor(null, { upvotes: 'desc' })).toEqual({ upvotes: 'desc' });
    expect(sortFor('diffusion', { date: 'desc' })).toEqual({ date: 'desc' });
  });
});

describe('queryWords', () => {
  test('returns the distinct words, lower case, in order', () => {
    expect(queryWords(' Speculative  decoding speculative ')).toEqual(['speculative', 'decoding']);
    expect(queryWords('')).toEqual([]);
  });
});

describe('mergeByScore', () => {
  test('lists a paper once, with more of the words first, ties in first-seen order', () => {
    const merged = mergeByScore([
      [{ id: 'a', score: 2 }, { id: 'b', score: 1 }],
      [{ id: 'c', score: 1 }, { id: 'b', score: 1.5 }],
    ]);
    expect(merged.map((hit) => hit.id)).toEqual(['b', 'a', 'c']);
  });

  test('returns nothing for no lists', () => {
    expect(mergeByScore([])).toEqual([]);
  });
});

describe('inRankingOrder', () => {
  test('orders hits as the ranking lists them, unknown ids last', () => {
    const hits = [{ id: 'x', score: 1 }, { id: 'b', score: 1 }, { id: 'a', score: 3 }];
    expect(inRankingOrder(hits, ['a', 'b', 'c']).map((hit) => hit.id)).toEqual(['a', 'b', 'x']);
  });
});

describe('disjunctiveCounts', () => {
  test('counts a chosen group by the search without it, the other groups by the search itself', () => {
    const own = { year: { '2024': 12, '2025': 0 }, code: { 'With code': 5 } };
    const byGroup = { year: { '2024': 12, '2025': 20 } };
    expect(disjunctiveCounts(own, byGroup)).toEqual({ year: { '2024': 12, '2025': 20 }, code: { 'With code': 5 } });
  });

  test('keeps every value known before, at 0', () => {
    expect(disjunctiveCounts({ year: { '2024': 3 } }, {}, { year: { '2024': 9, '2011': 1 }, code: { 'With code': 4 } })).toEqual({
      year: { '2024': 3, '2011': 0 },
      code: { 'With code': 0 },
    });
  });
});

describe('largestCounts', () => {
  test('takes each value\'s largest count over the searches', () => {
    expect(largestCounts([{ year: { '2024': 2, '2025': 5 } }, { year: { '2024': 4 }, code: { 'With code': 1 } }])).toEqual({
      year: { '2024': 4, '2025': 5 },
      code: { 'With code': 1 },
    });
    expect(largestCounts([])).toEqual({});
  });
});

describe('partialMatchNotice', () => {
  test('names the words that no paper has all of', () => {
    expect(partialMatchNotice(' speculative decoding ')).toBe('No paper has all of “speculative decoding”; showing papers with some of these words');
  });
});
