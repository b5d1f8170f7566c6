import { describe, expect, test } from 'vitest';
import { readShelf } from '../../../src/lib/similar/shelf.ts';

describe('readShelf', () => {
  test('reads starred papers, most recently starred first, and read ones, leaving out a damaged paper as the shelf does', () => {
    const text = JSON.stringify({
      version: 1,
      papers: {
        a: { title: 'Paper A', starred: '2026-01-01T10:00:00Z' },
        b: { title: 'Paper B', starred: '2026-01-02T10:00:00Z', read: '2026-01-03T10:00:00Z', note: 'kept' },
        c: { title: 'Paper C', read: '2026-01-01T10:00:00Z' },
        d: { starred: '2026-01-01T10:00:00Z' },
      },
    });
    const shelf = readShelf(text);
    expect(shelf.starred).toEqual([
      { slug: 'b', title: 'Paper B', starred: '2026-01-02T10:00:00Z' },
      { slug: 'a', title: 'Paper A', starred: '2026-01-01T10:00:00Z' },
    ]);
    expect([...shelf.read].sort()).toEqual(['b', 'c']);
  });

  test('reads no shelf, text that is not JSON, another version or another shape as an empty shelf, never throwing', () => {
    for (const text of [null, '', '{', 'null', '[]', '{"version":2,"papers":{"a":{"starred":"x"}}}', '{"version":1,"papers":[]}', '{"version":1,"papers":{"a":null,"b":7}}']) {
      const shelf = readShelf(text);
      expect([shelf.starred, [...shelf.read]], String(text)).toEqual([[], []]);
    }
  });
});
