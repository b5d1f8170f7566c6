import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { mergeMove, readRedirects, redirectsFile, resolveMerges } from '../../src/lib/redirects.ts';

const papers = new Set(['a', 'b']);
const isPaper = (slug: string) => papers.has(slug);

describe('resolveMerges and mergeMove', () => {
  test("leads a merged item's page to the paper it was merged into", () => {
    const { resolved, problems } = resolveMerges([{ slug: 'x', mergedInto: 'a' }], isPaper);
    expect(problems).toEqual([]);
    expect(resolved.map(mergeMove)).toEqual([{ from: 'papers/x/', to: 'papers/a/' }]);
  });

  test('follows a chain of merges to its paper, so no redirect leads to another', () => {
    const { resolved } = resolveMerges([{ slug: 'y', mergedInto: 'x' }, { slug: 'x', mergedInto: 'b' }], isPaper);
    expect(resolved).toEqual([{ slug: 'x', mergedInto: 'b' }, { slug: 'y', mergedInto: 'b' }]);
  });

  test('names a merge into no paper and a circle of merges as problems, with no redirect', () => {
    const { resolved, problems } = resolveMerges([{ slug: 'x', mergedInto: 'nowhere' }, { slug: 'p', mergedInto: 'q' }, { slug: 'q', mergedInto: 'p' }], isPaper);
    expect(resolved).toEqual([]);
    expect(problems).toEqual([
      'papers/p: merged_into leads round in a circle (p → q → p)',
      'papers/q: merged_into leads round in a circle (q → p → q)',
      'papers/x: merged_into names "nowhere", which is not a paper\'s slug',
    ]);
  });
});

describe('redirectsFile', () => {
  test('writes one sorted "old new 301" line a move, under the base', () => {
    expect(redirectsFile([{ from: 'papers/y/', to: 'papers/b/' }, { from: 'dates/2025/2/', to: 'dates/2025/page/2/' }], '/shelf/')).toBe(
      '/shelf/dates/2025/2/ /shelf/dates/2025/page/2/ 301\n/shelf/papers/y/ /shelf/papers/b/ 301\n',
    );
  });

  test('is empty when nothing moved', () => {
    expect(redirectsFile([], '/')).toBe('');
  });
});

describe('readRedirects', () => {
  const read = (text: string) => readRedirects(text, parse);

  test('reads from and to paths into moves below the base', () => {
    expect(read('- from: /topics/old/\n  to: /topics/new/\n- from: /papers/page/9/\n  to: /papers/\n')).toEqual({
      moved: [{ from: 'topics/old/', to: 'topics/new/' }, { from: 'papers/page/9/', to: 'papers/' }],
      problems: [],
    });
  });

  test('reads a file path, such as a feed, as well as a page path', () => {
    expect(read('- from: /topics/old/rss.xml\n  to: /rss.xml\n').moved).toEqual([{ from: 'topics/old/rss.xml', to: 'rss.xml' }]);
    expect(read('- from: /topics/old\n  to: /topics/\n').problems).toHaveLength(1);
  });

  test('takes an empty file as no redirects', () => {
    expect(read('')).toEqual({ moved: [], problems: [] });
  });

  test('names each bad entry by its number, and keeps the good ones', () => {
    const { moved, problems } = read('- from: no-slash\n  to: /x/\n- from: /a/\n- from: /b/\n  to: /b/\n- from: /c/\n  to: /d/\n- from: /c/\n  to: /e/\n');
    expect(moved).toEqual([{ from: 'c/', to: 'd/' }]);
    expect(problems).toEqual([
      'redirect 1: from must be a page\'s or a file\'s path below the base, such as /topics/old/',
      'redirect 2: to must be a path below the base, such as /topics/new/',
      'redirect 3: leads to itself',
      'redirect 5: /c/ is redirected twice',
    ]);
  });

  test('says when the text is not YAML or not a list', () => {
    expect(read('from: [').problems[0]).toMatch(/^not YAML: /);
    expect(read('from: /a/\n').problems).toEqual(['expected a list of redirects, each with from and to']);
  });
});
