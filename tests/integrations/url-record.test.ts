import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { publishedPaths } from '../../src/integrations/url-record.ts';

const out = '/site/dist';
const files = (...names: string[]) => names.map((name) => pathToFileURL(`${out}/${name}`));

describe('publishedPaths', () => {
  test("records a paginated list's first page and leaves its later pages out, at any depth of its route", () => {
    const assets = new Map([
      ['/papers/[...page]', files('papers/index.html', 'papers/page/2/index.html')],
      ['/topics/[topic]/[...page]', files('topics/x/index.html', 'topics/x/2/index.html')],
      ['/dates/[year]/[month]/[...page]', files('dates/2025/10/index.html', 'dates/2025/10/2/index.html')],
      ['/papers/[slug]', files('papers/a/index.html')],
      ['/rss.xml', files('rss.xml')],
      ['/', files('index.html')],
      ['/404', files('404.html')],
      ['/[redirects]', files('_redirects')],
    ]);
    expect([...publishedPaths(out, assets)].sort()).toEqual(['/', '/dates/2025/10/', '/papers/', '/papers/a/', '/rss.xml', '/topics/x/']);
  });
});
