import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { followChains, HOST_RULE_LIMIT, mergeMove, readRedirects, redirectsFile, resolveMerges, servesPath } from '../../../src/lib/site/redirects.ts';

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
      { slug: 'p', message: 'merged_into leads round in a circle (p → q → p)' },
      { slug: 'q', message: 'merged_into leads round in a circle (q → p → q)' },
      { slug: 'x', message: 'merged_into names "nowhere", which is not a paper\'s slug' },
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

  test('holds at most the host\'s 2,000 rules, the first moves given, still sorted', () => {
    const moves = Array.from({ length: 3_600 }, (_, i) => ({ from: `dates/2020/${i + 2}/`, to: `dates/2020/page/${i + 2}/` }));
    const file = redirectsFile([{ from: 'papers/y/', to: 'papers/b/' }, ...moves], '/');
    const lines = file.trimEnd().split('\n');
    expect(lines).toHaveLength(HOST_RULE_LIMIT);
    expect(HOST_RULE_LIMIT).toBe(2_000);
    expect(lines).toContain('/papers/y/ /papers/b/ 301');
    expect(lines).toEqual([...lines].sort());
    expect(redirectsFile(moves.slice(0, 3), '/', 2).trimEnd().split('\n')).toEqual(['/dates/2020/2/ /dates/2020/page/2/ 301', '/dates/2020/3/ /dates/2020/page/3/ 301']);
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
      'redirect 1: from "no-slash" must start with "/": a path below the base, such as /topics/old/',
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

describe('readRedirects refuses what a host or a browser would read as more than a path (issue 18)', () => {
  const read = (text: string) => readRedirects(text, parse);
  const problemsOf = (from: string, to = '/topics/new/') => read(`- from: ${JSON.stringify(from)}\n  to: ${JSON.stringify(to)}\n`).problems;

  test('wildcards go live: from /*/ or /:anything/rss.xml is refused, never written to _redirects', () => {
    for (const from of ['/*/', '/:anything/rss.xml', '/papers/*', '/topics/:id/']) {
      const { moved, problems } = read(`- from: ${JSON.stringify(from)}\n  to: /topics/new/\n`);
      expect(moved, from).toEqual([]);
      expect(problems, from).toEqual([expect.stringMatching(/^redirect 1: from ".*" is not a plain path/)]);
    }
  });

  test('open redirect forms are refused: backslashes, protocol-relative, dotted and percent-encoded paths', () => {
    for (const to of ['/\\evil.example/', '//evil.example', '/%2e%2e/evil/', '/../evil/', '/a/./b/', '/a?next=//evil', '/a#x', 'https://evil.example/', '/a b/']) {
      expect(problemsOf('/old/', to), to).toEqual([expect.stringMatching(/^redirect 1: to /)]);
    }
    for (const from of ['/%2e%2e/', '/a/../b/', '//old/', '/\\old/']) expect(problemsOf(from), from).toEqual([expect.stringMatching(/^redirect 1: from /)]);
  });

  test('retiring files the build still writes is refused: the worker, the index, the sitemap, the related buckets', () => {
    for (const from of ['/related/0.json', '/sw.js', '/pagefind/pagefind.js', '/pagefind/', '/pagefind-shard-1/pagefind-entry.json', '/sitemap-index.xml', '/sitemap-0.xml', '/_astro/x.css', '/offline-manifest.json']) {
      expect(problemsOf(from), from).toEqual([expect.stringMatching(/^redirect 1: (?:\/\S+ is written by every build|from ".*" is not a plain path)/)]);
    }
  });

  test('a 30 MB to is named by its length, never echoed whole', () => {
    const problems = problemsOf('/old/', `/${'a'.repeat(30_000_000)}/`);
    expect(problems).toEqual(['redirect 1: to is 30000002 characters long; a path below the base is at most 300']);
    // Reading 30 MB of YAML takes seconds on a busy machine: the limit is for a hang, not a speed target.
  }, 120_000);

  test('cycles and chains: a cycle is refused with its steps; a chain resolves to its end', () => {
    const cycle = read('- from: /loop-a/\n  to: /loop-b/\n- from: /loop-b/\n  to: /loop-a/\n');
    expect(cycle.moved).toEqual([]);
    expect(cycle.problems).toEqual(['/loop-a/ leads round in a circle: /loop-a/ → /loop-b/ → /loop-a/', '/loop-b/ leads round in a circle: /loop-b/ → /loop-a/ → /loop-b/']);
    const chain = read('- from: /a/\n  to: /b/\n- from: /b/\n  to: /c/\n');
    expect(chain.moved).toEqual([{ from: 'a/', to: 'c/' }, { from: 'b/', to: 'c/' }]);
  });
});

describe('followChains', () => {
  test("follows an operator's redirect through a merged paper's old URL to the paper, one hop", () => {
    expect(followChains([{ from: 'old/', to: 'papers/merged/' }], [{ from: 'papers/merged/', to: 'papers/kept/' }]).moved).toEqual([{ from: 'old/', to: 'papers/kept/' }]);
  });
});

describe('servesPath', () => {
  const live = { papers: new Set(['a']), topics: new Set(['agents']), years: new Set(['2024']), authors: new Set(['3']), days: new Set(['2024-05-27']), tops: new Set(['week/2024-W22', 'month/2024-05']) };

  test('names the pages and files the catalog still publishes', () => {
    for (const path of ['papers/a/', 'papers/page/2/', 'topics/agents/', 'topics/agents/rss.xml', 'dates/2024/', 'dates/2024/05/', 'authors/3/', 'digests/2024-05-27/', 'digests/', 'rss.xml', 'search/', 'top/', 'top/week/2024-W22/', 'top/month/2024-05/page/2/']) {
      expect(servesPath(path, live), path).toBe(true);
    }
  });

  test('leaves retired pages free to redirect', () => {
    for (const path of ['papers/gone/', 'topics/old/', 'topics/old/rss.xml', 'dates/2019/', 'authors/99/', 'digests/2020-01-01/', 'old/', 'top/week/2019-W01/', 'top/month/2019-01/', 'top/week/']) expect(servesPath(path, live), path).toBe(false);
  });
});
