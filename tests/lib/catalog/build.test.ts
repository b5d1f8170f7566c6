import { shardCount } from '../../../src/lib/shared/search-shards.ts';
import { AstroError } from 'astro/errors';
import { describe, expect, test } from 'vitest';
import { buildCatalog } from '../../../src/lib/catalog/build.ts';
import { PAGE_SIZE } from '../../../src/lib/shared/paths.ts';
import { digest, item, VOCABULARY } from './fake-collection.ts';

const settings = { redirects: [], shardSize: 20_000 };

// 77 papers of November 2025 (two numbered pages of the year's list and a front), one of January 2026, and one item
// merged into it.
const november = Array.from({ length: 3 * PAGE_SIZE + 2 }, (_, i) => item(`nov-${String(i).padStart(2, '0')}`, { date: '2025-11-02', topics: ['vision'] }));
const input = {
  papers: [...november, item('jan', { date: '2026-01-04' }), item('jan-again', { merged_into: 'jan' })],
  topics: VOCABULARY,
  digests: [digest('001.txt', '2026-01-10', ['jan-again', 'nov-00']), digest('002.txt', null, ['nov-01'])],
};

describe('buildCatalog', () => {
  const catalog = buildCatalog(input, settings);

  test('builds every view from the collections alone', () => {
    expect(catalog.papers).toHaveLength(3 * PAGE_SIZE + 3);
    expect(catalog.papers[0]!.slug).toBe('jan');
    expect(catalog.topicsWithPapers.map((topic) => topic.slug)).toEqual(['language-models', 'vision']);
    expect(catalog.digestDayPages.map((day) => day.papers.map((paper) => paper.slug))).toEqual([['jan', 'nov-00']]);
    expect(catalog.undatedDigests).toEqual({ digests: 1, papers: 1 });
    expect(catalog.listingDates('jan')).toEqual(['2026-01-10']);
    expect(catalog.catalogFeed.items[0]).toEqual({ paper: catalog.papersBySlug.get('jan'), listed: '2026-01-10' });
  });

  test('gives every paper its topics with their names, so a page that shows a paper has them in its props', () => {
    expect(catalog.papers.every((paper) => paper.topicLinks.length === paper.topics.length)).toBe(true);
    expect(catalog.papersBySlug.get('nov-00')!.topicLinks).toEqual([{ slug: 'vision', label: 'Vision' }]);
  });

  test("lists every moved page, most important first: the operator's redirects, merged items' pages, old year pages", () => {
    const moved = buildCatalog(input, { ...settings, redirects: [{ from: 'topics/robots/', to: 'topics/vision/' }] }).movedPages;
    expect(moved).toEqual([
      { from: 'topics/robots/', to: 'topics/vision/' },
      { from: 'papers/jan-again/', to: 'papers/jan/' },
      { from: 'dates/2025/2/', to: 'dates/2025/page/2/' },
    ]);
  });

  test('names the shards the search page merges: every bundle of the index beyond the first (see shardRanges)', () => {
    expect(catalog.searchShards).toEqual([]);
    // Full shards of 10 papers, then young shards of 1.
    const merged = buildCatalog(input, { ...settings, shardSize: 10 }).searchShards;
    expect(merged).toHaveLength(shardCount(catalog.papers.length, 10) - 1);
    expect(merged.slice(0, 2)).toEqual(['pagefind-shard-1/', 'pagefind-shard-2/']);
  });

  test('dates the catalog by its newest listing or paper, never by the clock', () => {
    expect(catalog.catalogDate).toBe('2026-01-10');
    expect(buildCatalog({ ...input, digests: [] }, settings).catalogDate).toBe('2026-01-04');
    expect(buildCatalog({ papers: [], topics: VOCABULARY, digests: [] }, settings).catalogDate).toBeNull();
  });

  test('stops the build when an item is merged into no paper', () => {
    const broken = { ...input, papers: [...input.papers, item('lost', { merged_into: 'nowhere' })] };
    expect(() => buildCatalog(broken, settings)).toThrow(AstroError);
    expect(() => buildCatalog(broken, settings)).toThrow('1 item(s) merged into no paper:\n  content/papers/lost.mdx');
  });

  test("stops the build when an operator's redirect retires a page the catalog still publishes", () => {
    const claimed = { ...settings, redirects: [{ from: 'digests/2026-01-10/', to: 'digests/' }, { from: 'papers/jan-again/', to: 'papers/' }] };
    expect(() => buildCatalog(input, claimed)).toThrow('2 redirect(s) retire a page or a file the catalog still publishes:\n  /digests/2026-01-10/\n  /papers/jan-again/');
  });
});
