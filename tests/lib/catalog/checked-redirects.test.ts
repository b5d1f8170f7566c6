import { AstroError } from 'astro/errors';
import { describe, expect, test } from 'vitest';
import { checkedOperatorRedirects } from '../../../src/lib/catalog/checked-redirects.ts';

const live = {
  papers: new Set(['a', 'merged']),
  topics: new Set(['vision']),
  years: new Set(['2026']),
  authors: new Set(['3']),
  days: new Set(['2026-01-10']),
  tops: new Set(['week/2026-W02']),
};
const merged = [{ slug: 'merged', mergedInto: 'a' }];

describe('checkedOperatorRedirects', () => {
  test('returns the redirects of retired pages, each followed to its end through merged papers', () => {
    const redirects = [
      { from: 'topics/robots/', to: 'topics/old-vision/' },
      { from: 'topics/old-vision/', to: 'topics/vision/' },
      { from: 'papers/gone/', to: 'papers/merged/' },
    ];
    expect(checkedOperatorRedirects(redirects, live, merged)).toEqual([
      { from: 'topics/robots/', to: 'topics/vision/' },
      { from: 'topics/old-vision/', to: 'topics/vision/' },
      { from: 'papers/gone/', to: 'papers/a/' },
    ]);
  });

  test('returns nothing without redirects', () => {
    expect(checkedOperatorRedirects([], live, merged)).toEqual([]);
  });

  test('throws an AstroError naming each redirect that retires a page or file the catalog still publishes', () => {
    const redirects = [{ from: 'topics/vision/', to: 'topics/' }, { from: 'papers/merged/', to: 'papers/' }, { from: 'rss.xml', to: 'topics/' }, { from: 'topics/gone/', to: 'topics/' }];
    const check = () => checkedOperatorRedirects(redirects, live, merged);
    expect(check).toThrow(AstroError);
    expect(check).toThrow('redirects.yaml: 3 redirect(s) retire a page or a file the catalog still publishes:\n  /topics/vision/\n  /papers/merged/\n  /rss.xml');
  });
});
