import { describe, expect, test } from 'vitest';
import { cacheKeyOf, withCacheKeys } from '../../src/lib/cache-key.ts';

const paper = (abstract: string, body = '') => ({ slug: 'a', title: 'A', abstract: [abstract], entry: { id: 'a', data: { title: 'A' }, body } });

describe('cacheKeyOf', () => {
  test('gives the same key to the same page, so an unchanged page is restored', () => {
    expect(cacheKeyOf({ paper: paper('x') }, 'site')).toBe(cacheKeyOf({ paper: paper('x') }, 'site'));
  });

  test('changes when the page shows something else: the data, an editor\'s body, or what every page shows', () => {
    const key = cacheKeyOf({ paper: paper('x') }, 'site');
    expect(cacheKeyOf({ paper: paper('y') }, 'site')).not.toBe(key);
    expect(cacheKeyOf({ paper: paper('x', 'An editor\'s note.') }, 'site')).not.toBe(key);
    expect(cacheKeyOf({ paper: paper('x') }, 'renamed topic')).not.toBe(key);
  });

  test('changes when a paper page\'s related papers change: another paper, or another title of the same one', () => {
    const key = cacheKeyOf({ paper: paper('x'), related: [{ slug: 'b', title: 'B' }] }, 'site');
    expect(cacheKeyOf({ paper: paper('x'), related: [{ slug: 'b', title: 'B, retitled' }] }, 'site')).not.toBe(key);
    expect(cacheKeyOf({ paper: paper('x'), related: [{ slug: 'c', title: 'B' }] }, 'site')).not.toBe(key);
    expect(cacheKeyOf({ paper: paper('x'), related: [] }, 'site')).not.toBe(key);
  });

  test('counts an entry by its body, not by the rest of the entry', () => {
    const one = { paper: { ...paper('x'), entry: { id: 'a', data: { cached: 1 }, body: '' } } };
    const two = { paper: { ...paper('x'), entry: { id: 'a', data: { cached: 2 }, body: '' } } };
    expect(cacheKeyOf(one, 'site')).toBe(cacheKeyOf(two, 'site'));
  });
});

describe('withCacheKeys', () => {
  test('adds a key to every path and keeps the rest', () => {
    const paths = withCacheKeys([{ params: { slug: 'a' }, props: { n: 1 } }, { params: { slug: 'b' }, props: { n: 2 } }], 'site');
    expect(paths.map((path) => path.params.slug)).toEqual(['a', 'b']);
    expect(paths[0]!.cacheKey).not.toBe(paths[1]!.cacheKey);
  });
});
