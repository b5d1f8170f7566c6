import { describe, expect, test } from 'vitest';
import { offlinePageHtml } from '../../../src/search/offline/offline-page.ts';

describe('offlinePageHtml', () => {
  test('returns a page without scripts that links the stylesheets, home and search under the base', () => {
    const html = offlinePageHtml('/shelf/', ['/shelf/_astro/Base.css']);
    expect(html).toContain('<link rel="stylesheet" href="/shelf/_astro/Base.css">');
    expect(html).toContain('<a class="site-name" href="/shelf/">');
    expect(html).toContain('<a href="/shelf/search/">search</a>');
    expect(html).toContain('<h1>This page needs the network</h1>');
    expect(html).not.toContain('<script');
  });

  test('escapes what it puts in attributes', () => {
    expect(offlinePageHtml('/', ['/a".css'])).toContain('href="/a&quot;.css"');
  });
});
