import { describe, expect, test } from 'vitest';
import { catalogFeeds } from '../../../src/lib/catalog/feed-views.ts';

const paper = (slug: string, date: string, topics: string[]) => ({ slug, title: slug, abstract: [], date, topics, topicLinks: topics.map((label) => ({ label })) });
const a = paper('a', '2026-01-01', ['lm']);
const b = paper('b', '2026-01-05', ['lm', 'vision']);
const c = paper('c', '2026-01-03', ['vision']);
const topics = [
  { slug: 'lm', label: 'LM', description: 'About LM.' },
  { slug: 'vision', label: 'Vision', description: 'About vision.' },
];

describe('catalogFeeds', () => {
  const feeds = catalogFeeds([{ date: '2026-01-10', papers: [a, b] }], [b, c, a], topics);

  test('lists the papers in listing order, then those no dated digest lists under their own date', () => {
    expect(feeds.catalogFeed.items.map(({ paper, listed }) => [paper.slug, listed])).toEqual([['a', '2026-01-10'], ['b', '2026-01-10'], ['c', '2026-01-03']]);
  });

  test("gives each topic its papers' feed, in the same order", () => {
    expect([...feeds.topicFeeds.keys()]).toEqual(['lm', 'vision']);
    expect(feeds.topicFeeds.get('vision')!.items.map(({ paper }) => paper.slug)).toEqual(['b', 'c']);
    expect(feeds.topicFeeds.get('lm')!.path).toBe('topics/lm/rss.xml');
  });

  test('makes the digests feed of the listing days, newest first', () => {
    expect(feeds.digestsFeed.days.map((day) => day.date)).toEqual(['2026-01-10']);
  });
});
