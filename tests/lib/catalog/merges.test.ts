import { AstroError } from 'astro/errors';
import { describe, expect, test } from 'vitest';
import { checkedMerges } from '../../../src/lib/catalog/merges.ts';
import { item } from './fake-collection.ts';

const isPaper = (slug: string) => ['a', 'b'].includes(slug);

describe('checkedMerges', () => {
  test('returns each merged item with the paper it ends in, following chains', () => {
    const merged = [item('y', { merged_into: 'x' }), item('x', { merged_into: 'b' })];
    expect(checkedMerges(merged, isPaper)).toEqual([{ slug: 'x', mergedInto: 'b' }, { slug: 'y', mergedInto: 'b' }]);
  });

  test('returns nothing when no item is merged', () => {
    expect(checkedMerges([], isPaper)).toEqual([]);
  });

  test('throws an AstroError without a stack naming the file of each item merged into no paper', () => {
    const merged = [item('x', { merged_into: 'nowhere' }), { ...item('p', { merged_into: 'q' }), filePath: undefined }, item('q', { merged_into: 'p' })];
    const check = () => checkedMerges(merged, isPaper);
    expect(check).toThrow(AstroError);
    const error = (() => {
      try {
        check();
      } catch (thrown) {
        return thrown as AstroError;
      }
    })()!;
    expect(error.message).toBe(
      '3 item(s) merged into no paper:\n' +
        '  p.mdx: merged_into leads round in a circle (p → q → p)\n' +
        '  content/papers/q.mdx: merged_into leads round in a circle (q → p → q)\n' +
        '  content/papers/x.mdx: merged_into names "nowhere", which is not a paper\'s slug',
    );
    expect(error.hint).toMatch(/merged_into/);
    expect(error.stack).toBe('');
  });
});
