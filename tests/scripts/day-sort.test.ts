import { describe, expect, test } from 'vitest';
import { daySortOf, daySortOrder, sortedWords } from '../../src/scripts/day-sort.ts';

describe('daySortOf', () => {
  test('reads the order a URL asks for: upvotes or has-code', () => {
    expect(daySortOf('?sort=upvotes')).toBe('upvotes');
    expect(daySortOf('?x=1&sort=code')).toBe('code');
  });

  test("returns the listing's order for no order, an unknown one or an empty query", () => {
    for (const search of ['', '?', '?sort=', '?sort=Upvotes', '?sort=stars', '?sort=listing']) expect(daySortOf(search), search).toBe('listing');
  });
});

describe('daySortOrder', () => {
  const cards = [
    { upvotes: 3, code: false },
    { upvotes: 9, code: true },
    { upvotes: 3, code: true },
    { upvotes: 0, code: false },
    { upvotes: 9, code: false },
  ];

  test('puts the most upvoted first, equal counts in the listing order', () => {
    expect(daySortOrder(cards, 'upvotes')).toEqual([1, 4, 0, 2, 3]);
  });

  test('puts papers with code first, each group in the listing order', () => {
    expect(daySortOrder(cards, 'code')).toEqual([1, 2, 0, 3, 4]);
  });

  test("keeps the listing's order for the listing sort, and copes with no card", () => {
    expect(daySortOrder(cards, 'listing')).toEqual([0, 1, 2, 3, 4]);
    expect(daySortOrder([], 'upvotes')).toEqual([]);
  });
});

describe('sortedWords', () => {
  test("says the order after the day's count, and which pages could not be loaded", () => {
    expect(sortedWords('upvotes', [])).toBe(', most upvoted first');
    expect(sortedWords('code', [])).toBe(', papers with code first');
    expect(sortedWords('upvotes', [2])).toBe(', most upvoted first; page 2 of the day could not be loaded: its papers are missing');
    expect(sortedWords('code', [1, 3])).toBe(', papers with code first; pages 1, 3 of the day could not be loaded: their papers are missing');
  });
});
