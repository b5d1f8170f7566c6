import { describe, expect, test } from 'vitest';
import { browseGroups, suggestedTopics } from '../../../src/lib/catalog/browse.ts';

const facets = {
  topics: [
    { slug: 'agents', label: 'Agents', count: 2 },
    { slug: 'other', label: 'Other', count: 0 },
  ],
  years: [{ slug: '2025', label: '2025', count: 2, months: [{ slug: '04', label: 'April', count: 2 }] }],
  authors: [
    { slug: '3', label: '3 authors', count: 1 },
    { slug: 'organization', label: 'Organisations', count: 1 },
  ],
};

describe('browseGroups', () => {
  test('links topics with papers, years and author counts, each group to its index page', () => {
    expect(browseGroups(facets, { counts: true })).toEqual([
      { id: 'topics', heading: 'Topics', path: 'topics/', links: [{ label: 'Agents', path: 'topics/agents/', count: 2 }] },
      { id: 'dates', heading: 'Dates', path: 'dates/', links: [{ label: '2025', path: 'dates/2025/', count: 2 }] },
      {
        id: 'authors',
        heading: 'Author counts',
        path: 'authors/',
        links: [
          { label: '3 authors', path: 'authors/3/', count: 1 },
          { label: 'Organisations', path: 'authors/organization/', count: 1 },
        ],
      },
    ]);
  });

  test('leaves the counts out when asked, so the links change only when a facet value appears', () => {
    const links = browseGroups(facets, { counts: false }).flatMap((group) => group.links);
    expect(links.every((link) => !('count' in link))).toBe(true);
    const more = { ...facets, topics: [{ ...facets.topics[0]!, count: 9 }, facets.topics[1]!] };
    expect(browseGroups(more, { counts: false })).toEqual(browseGroups(facets, { counts: false }));
  });

  test('returns empty groups for an empty catalog', () => {
    expect(browseGroups({ topics: [], years: [], authors: [] }, { counts: true }).map((group) => group.links)).toEqual([[], [], []]);
  });
});

describe('suggestedTopics', () => {
  const topics = [
    { slug: 'agents', label: 'Agents', count: 2 },
    { slug: 'audio', label: 'Audio', count: 5 },
    { slug: 'robots', label: 'Robots', count: 0 },
    { slug: 'surveys', label: 'Surveys', count: 2 },
    { slug: 'vision', label: 'Vision', count: 3 },
    { slug: 'other', label: 'Other', count: 9 },
  ];

  test('returns the topics with the most papers, equals in the given order, without "Other"', () => {
    expect(suggestedTopics(topics, 3).map((topic) => topic.slug)).toEqual(['audio', 'vision', 'agents']);
    expect(suggestedTopics(topics, 10).map((topic) => topic.slug)).toEqual(['audio', 'vision', 'agents', 'surveys']);
  });

  test('returns none for a catalog without papers, or when asked for none', () => {
    expect(suggestedTopics([{ slug: 'agents', label: 'Agents', count: 0 }], 3)).toEqual([]);
    expect(suggestedTopics(topics, 0)).toEqual([]);
  });
});
