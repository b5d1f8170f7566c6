import { describe, expect, test } from 'vitest';
import { paperViews, toCatalogPaper } from '../../../src/lib/catalog/papers.ts';
import { item, VOCABULARY } from './fake-collection.ts';

const vocabulary = new Map(VOCABULARY.map((topic) => [topic.id, topic]));

describe('toCatalogPaper', () => {
  test("returns the item's data under its slug, with its topics' names and the entry itself", () => {
    const entry = item('a', { topics: ['vision', 'language-models'], upvotes: 4, code: ['https://github.com/a/b'], generated: { by: 'ingest', digest: '001.txt', line: 3 } });
    const paper = toCatalogPaper(entry, vocabulary);
    expect(paper).toMatchObject({ slug: 'a', title: 'Paper a', upvotes: 4, byline: { kind: 'authors', count: 3 }, code: ['https://github.com/a/b'], digest: '001.txt', hasNotes: false });
    expect(paper.topics).toEqual(['vision', 'language-models']);
    expect(paper.topicLinks).toEqual([{ slug: 'vision', label: 'Vision' }, { slug: 'language-models', label: 'Language models' }]);
    expect(paper.entry).toBe(entry);
  });

  test('drops topics the vocabulary no longer has, and files a paper left with none under "Other"', () => {
    expect(toCatalogPaper(item('a', { topics: ['gone', 'vision'] }), vocabulary).topics).toEqual(['vision']);
    expect(toCatalogPaper(item('b', { topics: ['gone'] }), vocabulary).topicLinks).toEqual([{ slug: 'other', label: 'Other' }]);
  });

  test('names an organisation instead of an author count', () => {
    const paper = toCatalogPaper(item('a', { authors: undefined, organization: { handle: 'nvidia', name: 'NVIDIA' } }), vocabulary);
    expect(paper.byline).toEqual({ kind: 'organization', handle: 'nvidia', name: 'NVIDIA' });
  });

  test('has notes only when the body holds more than white space', () => {
    expect(toCatalogPaper(item('a', {}, '  \n'), vocabulary).hasNotes).toBe(false);
    expect(toCatalogPaper(item('a', {}, 'An editor wrote this.'), vocabulary).hasNotes).toBe(true);
  });
});

describe('paperViews', () => {
  const entries = [
    item('old', { date: '2025-11-02', topics: ['vision'], authors: 1 }),
    item('new', { date: '2026-01-10' }),
    item('popular', { date: '2026-01-10', upvotes: 9, authors: undefined, organization: { handle: 'o', name: 'O' } }),
    item('merged', { merged_into: 'new' }),
  ];
  const views = paperViews(entries, VOCABULARY);

  test('lists the papers newest first (then by upvotes), leaving out merged items', () => {
    expect(views.papers.map((paper) => paper.slug)).toEqual(['popular', 'new', 'old']);
    expect([...views.papersBySlug.keys()]).toEqual(['popular', 'new', 'old']);
  });

  test('groups the papers by topic, author count, year and month, each newest first', () => {
    expect(views.papersByTopic.get('language-models')!.map((paper) => paper.slug)).toEqual(['popular', 'new']);
    expect([...views.papersByAuthors.keys()]).toEqual(['organization', '3', '1']);
    expect([...views.papersByYear.keys()]).toEqual(['2026', '2025']);
    expect([...views.papersByMonth.keys()]).toEqual(['2026/01', '2025/11']);
  });

  test('counts every topic of the vocabulary, and keeps those with papers apart', () => {
    expect(views.topicList.map((facet) => [facet.slug, facet.count])).toEqual([['language-models', 2], ['vision', 1], ['other', 0]]);
    expect(views.topicsWithPapers.map((facet) => facet.slug)).toEqual(['language-models', 'vision']);
  });

  test('gives list pages a sidebar without counts and the home page one with them', () => {
    const links = (groups: typeof views.listSidebar) => groups.flatMap((group) => group.links);
    expect(links(views.listSidebar).map((link) => link.label)).toEqual(['Language models', 'Vision', '2026', '2025', '1 author', '3 authors', 'Organisations']);
    expect(links(views.listSidebar).every((link) => link.count === undefined)).toBe(true);
    expect(links(views.homeSidebar).map((link) => link.count)).toEqual([2, 1, 2, 1, 1, 1, 1]);
  });

  test('returns empty lists for a catalog without items', () => {
    const empty = paperViews([], VOCABULARY);
    expect([empty.papers, empty.dateList, empty.authorList, empty.topicsWithPapers, empty.newestPapers]).toEqual([[], [], [], [], []]);
  });
});
