import { describe, expect, test } from 'vitest';
import { compareRecord, formatRecord, isLegacyYearPage, parseRecord, publishedPath, readRecord } from '../../../src/lib/site/url-record.ts';

describe('publishedPath', () => {
  test('gives a page its directory URL, the home page /, any other file itself', () => {
    expect(['index.html', 'papers/a/index.html', 'rss.xml', 'topics/x/rss.xml', 'papers.json'].map(publishedPath)).toEqual(['/', '/papers/a/', '/rss.xml', '/topics/x/rss.xml', '/papers.json']);
  });

  test('returns undefined for the related buckets, whose names change with the catalog, but not for other JSON', () => {
    expect(['related/0.json', 'related/2499.json', 'related/index.html', 'related.json', 'papers.json'].map(publishedPath)).toEqual([undefined, undefined, '/related/', '/related.json', '/papers.json']);
  });

  test('returns undefined for the parts of the data dump, which its index (papers.json) names: the index is the promise', () => {
    expect(['dump/papers-1.json', 'dump/papers-20.json', 'dump/index.html', 'papers.json'].map(publishedPath)).toEqual([undefined, undefined, '/dump/', '/papers.json']);
  });

  test('returns undefined for the 404 page and a host file such as _redirects', () => {
    expect([publishedPath('404.html'), publishedPath('_redirects')]).toEqual([undefined, undefined]);
  });
});

describe('parseRecord and formatRecord', () => {
  test('read back what they write, sorted, each path once, comments and blank lines skipped', () => {
    const text = formatRecord(['/papers/b/', '/', '/papers/a/', '/papers/b/']);
    expect(text.startsWith('# ')).toBe(true);
    expect(parseRecord(text)).toEqual(['/', '/papers/a/', '/papers/b/']);
    expect(parseRecord(`${text}\n\n# a note\n`)).toEqual(['/', '/papers/a/', '/papers/b/']);
  });

  test('give the same bytes whatever the order of the paths', () => {
    expect(formatRecord(['/b/', '/a/', '/c/'])).toBe(formatRecord(['/c/', '/b/', '/a/']));
  });
});

describe('compareRecord', () => {
  test('names recorded paths the build no longer publishes, and paths published for the first time', () => {
    expect(compareRecord(['/', '/papers/a/', '/papers/gone/'], new Set(['/', '/papers/a/', '/papers/new/']))).toEqual({ dropped: ['/papers/gone/'], added: ['/papers/new/'] });
  });

  test('finds nothing to say when the build publishes exactly the record', () => {
    expect(compareRecord(['/', '/x/'], new Set(['/x/', '/']))).toEqual({ dropped: [], added: [] });
  });

  test('compares 100,000 paths in one pass', () => {
    const paths = Array.from({ length: 100_000 }, (_, i) => `/papers/p${i}/`);
    const { dropped, added } = compareRecord(paths, new Set([...paths.slice(1), '/papers/new/']));
    expect(dropped).toEqual(['/papers/p0/']);
    expect(added).toEqual(['/papers/new/']);
  });
});

describe('readRecord', () => {
  test('a garbage line in the record is a problem at its line, never a URL "that would stop working"', () => {
    const read = readRecord('# header\n/\nnot a url at all\n/papers/a/\n\u0007/x/\n');
    expect(read.paths).toEqual(['/', '/papers/a/']);
    expect(read.problems.map((problem) => problem.line)).toEqual([3, 5]);
    expect(read.problems[0]!.message).toMatch(/^"not a url at all" is not a URL path/);
  });
});

describe('legacy year-page aliases are recorded as permanent', () => {
  test('isLegacyYearPage names the old later-page URLs of year lists, not month pages', () => {
    expect(['/dates/2025/2/', '/dates/2025/9/', '/dates/2025/13/', '/dates/2025/40/'].every(isLegacyYearPage)).toBe(true);
    expect(['/dates/2025/', '/dates/2025/02/', '/dates/2025/10/', '/dates/2025/12/', '/dates/2025/page/2/', '/papers/2/'].some(isLegacyYearPage)).toBe(false);
  });

  test('a year that shrinks drops its old alias without failing: compareRecord does not count it as dropped', () => {
    expect(compareRecord(['/dates/2025/', '/dates/2025/2/'], new Set(['/dates/2025/']))).toEqual({ dropped: [], added: [] });
  });
});
