import { describe, expect, test } from 'vitest';
import { bylineFact, formatDate, formatUpvotes, summarize } from '../../../src/lib/shared/format.ts';
import { absoluteUrl, outputPath, paths, withBase } from '../../../src/lib/shared/paths.ts';

describe('withBase', () => {
  test('joins a path to a root or subpath base with one slash', () => {
    expect(withBase('/', paths.paper('x'))).toBe('/papers/x/');
    expect(withBase('/shelf', paths.topic('t'))).toBe('/shelf/topics/t/');
    expect(withBase('/shelf/', paths.home())).toBe('/shelf/');
    expect(withBase('/shelf/', paths.month('2025', '01'))).toBe('/shelf/dates/2025/01/');
    expect(withBase('/shelf/', paths.digest('2026-04-13'))).toBe('/shelf/digests/2026-04-13/');
    expect(withBase('/shelf/', paths.digest('2026-04-13', 2))).toBe('/shelf/digests/2026-04-13/page/2/');
    expect(withBase('/shelf/', paths.digestsFeed())).toBe('/shelf/digests/rss.xml');
  });
});

describe('formatDate', () => {
  test('returns day, month name and year', () => {
    expect(formatDate('2024-01-09')).toBe('9 January 2024');
  });
});

describe('formatUpvotes', () => {
  test('uses the singular for one', () => {
    expect([formatUpvotes(0), formatUpvotes(1), formatUpvotes(8)]).toEqual(['0 upvotes', '1 upvote', '8 upvotes']);
  });
});

describe('summarize', () => {
  test('cuts long text at a word and keeps short text whole', () => {
    expect(summarize(['short'])).toBe('short');
    expect(summarize(['aaa bbb ccc'], 6)).toBe('aaa…');
  });
});

describe('bylineFact', () => {
  test('labels an author count and an organisation', () => {
    expect(bylineFact({ kind: 'authors', count: 1 })).toEqual({ label: 'Authors', value: '1 author' });
    expect(bylineFact({ kind: 'organization', handle: 'nvidia', name: 'NVIDIA' })).toEqual({ label: 'Organisation', value: 'NVIDIA (nvidia)' });
  });
});

describe('paths.papers', () => {
  test('puts the first page of all papers at papers/ and later pages under papers/page/, out of reach of any slug', () => {
    expect([paths.papers(), paths.papers(1), paths.papers(2), paths.papers(400)]).toEqual(['papers/', 'papers/page/1/', 'papers/page/2/', 'papers/page/400/']);
    // The other growing lists: their front, then page n counted from the oldest (a year's under page/, apart from its months).
    expect([paths.topic('agents', 3), paths.authorCount('2', 3), paths.year('2025', 3), paths.month('2025', '03', 3)]).toEqual(['topics/agents/3/', 'authors/2/3/', 'dates/2025/page/3/', 'dates/2025/03/3/']);
    // A paper's slug is one segment, so no paper's URL is papers/page/<n>/.
    expect(paths.paper('page')).toBe('papers/page/');
  });
});

describe('absoluteUrl', () => {
  test('joins the site, the base and a path; keeps an OpenSearch placeholder as it is', () => {
    expect(absoluteUrl('https://example.org', '/shelf/', paths.feed())).toBe('https://example.org/shelf/rss.xml');
    expect(absoluteUrl(new URL('https://example.org/'), '/', paths.topicFeed('lm'))).toBe('https://example.org/topics/lm/rss.xml');
    expect(absoluteUrl('https://example.org', '/shelf', paths.searchFor('{searchTerms}'))).toBe('https://example.org/shelf/search/?q={searchTerms}');
    expect(absoluteUrl('https://example.org', '/shelf/', paths.home())).toBe('https://example.org/shelf/');
  });
});

describe('outputPath', () => {
  test('gives the path below the base of the page or file an output file is', () => {
    expect(['index.html', 'dates/2023/2/index.html', '404.html', 'dates\\2023\\2\\index.html', 'topics/x/rss.xml'].map(outputPath)).toEqual(['', 'dates/2023/2/', '404/', 'dates/2023/2/', 'topics/x/rss.xml']);
  });
});
