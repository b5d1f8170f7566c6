import { getRssString } from '@astrojs/rss';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FEED_SIZE, feedItem, feedTitle, newestPapersFeed, rssOptions, topicFeed, type FeedPaper } from '../../src/lib/feeds.ts';
import { summarize } from '../../src/lib/format.ts';
import { xmlText } from '../../src/lib/xml.ts';
import { childNamed, childrenNamed, parseXml } from '../helpers/xml.ts';
import { anyString } from './digest/arbitraries.ts';

const settings = { site: 'https://example.org', base: '/shelf/', topics: new Map([['lm', { label: 'Language models' }], ['other', { label: 'Other' }]]) };
const paper = (n: number, extra: Partial<FeedPaper> = {}): FeedPaper => ({
  slug: `paper-${n}`,
  title: `Paper ${n}`,
  abstract: [`Abstract ${n}.`],
  date: `2025-01-${String((n % 28) + 1).padStart(2, '0')}`,
  topics: ['lm'],
  ...extra,
});
/** A feed written by @astrojs/rss and read back by a strict XML parser: its channel. */
const written = async (papers: readonly FeedPaper[]) => childNamed(parseXml(await getRssString(rssOptions(newestPapersFeed(papers), settings))), 'channel');

describe('feedTitle', () => {
  test("names the catalog's feed and a topic's", () => {
    expect([feedTitle(), feedTitle('Language models')]).toEqual(['Papershelf: newest papers', 'Papershelf: newest papers in Language models']);
  });
});

describe('newestPapersFeed', () => {
  test('keeps the first FEED_SIZE papers in their order, and follows the home page', () => {
    const papers = Array.from({ length: 60 }, (_, i) => paper(i));
    const feed = newestPapersFeed(papers);
    expect(feed.papers).toEqual(papers.slice(0, FEED_SIZE));
    expect([feed.page, feed.path, feed.title]).toEqual(['', 'rss.xml', 'Papershelf: newest papers']);
  });

  test('holds every paper of a small catalog, and none of an empty one', () => {
    expect(newestPapersFeed([paper(1)]).papers).toHaveLength(1);
    expect(newestPapersFeed([]).papers).toEqual([]);
  });
});

describe('topicFeed', () => {
  test("follows the topic's page, under the topic's name and description", () => {
    const feed = topicFeed({ slug: 'lm', label: 'Language models', description: 'About language models.' }, [paper(1)]);
    expect(feed).toEqual({ title: 'Papershelf: newest papers in Language models', description: 'About language models.', page: 'topics/lm/', path: 'topics/lm/rss.xml', papers: [paper(1)] });
  });
});

describe('feedItem', () => {
  test("gives the title, the page's absolute URL under the base, midnight UTC of the date, a summary and topic names", () => {
    const long = ['word '.repeat(80).trim(), 'Second paragraph.'];
    const item = feedItem(paper(3, { abstract: long, date: '2024-02-29', topics: ['other', 'lm', 'gone'] }), settings);
    expect(item).toEqual({
      title: 'Paper 3',
      link: 'https://example.org/shelf/papers/paper-3/',
      pubDate: new Date(Date.UTC(2024, 1, 29)),
      description: summarize(long),
      categories: ['Other', 'Language models'],
    });
  });

  test('makes text XML-safe', () => {
    const item = feedItem(paper(1, { title: 'Bell\u0007 & <b>', abstract: ['Null\u0000.'] }), settings);
    expect([item.title, item.description]).toEqual(['Bell\ufffd & <b>', 'Null\ufffd.']);
  });
});

describe('rssOptions', () => {
  test('writes RSS 2.0 with the channel link, a self link, and items in order, and no build date', async () => {
    const channel = await written([paper(2), paper(1)]);
    expect(childNamed(channel, 'link').text).toBe('https://example.org/shelf/');
    expect(childNamed(channel, 'atom:link').attributes).toEqual({ href: 'https://example.org/shelf/rss.xml', rel: 'self', type: 'application/rss+xml' });
    expect(childNamed(channel, 'language').text).toBe('en');
    expect(childrenNamed(channel, 'lastBuildDate')).toEqual([]);
    const items = childrenNamed(channel, 'item');
    expect(items.map((item) => childNamed(item, 'link').text)).toEqual(['https://example.org/shelf/papers/paper-2/', 'https://example.org/shelf/papers/paper-1/']);
    expect(childNamed(items[0]!, 'pubDate').text).toBe('Fri, 03 Jan 2025 00:00:00 GMT');
    expect(childNamed(items[0]!, 'guid').attributes.isPermaLink).toBe('true');
  });

  test('keeps a title with &, < and ]]> intact', async () => {
    const title = 'A & <b>B</b> ]]> <![CDATA[ C';
    const xml = await getRssString(rssOptions(newestPapersFeed([paper(1, { title })]), settings));
    expect(xml).not.toContain(']]>');
    expect(childNamed(childNamed(childNamed(parseXml(xml), 'channel'), 'item'), 'title').text).toBe(title);
  });

  test('writes the same bytes every time', async () => {
    const options = () => rssOptions(newestPapersFeed([paper(1), paper(2)]), settings);
    expect(await getRssString(options())).toBe(await getRssString(options()));
  });

  test('writes well-formed XML whose titles and summaries read back as written, whatever a digest holds', async () => {
    await fc.assert(
      fc.asyncProperty(anyString(30).filter((title) => title.trim() !== ''), anyString(60), async (title, abstract) => {
        const channel = await written([paper(1, { title, abstract: [abstract] })]);
        const item = childNamed(channel, 'item');
        expect(childNamed(item, 'title').text).toBe(xmlText(title).replace(/\r\n?/g, '\n'));
        const description = childrenNamed(item, 'description')[0]?.text ?? '';
        expect(description).toBe(xmlText(summarize([abstract])).replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 200 },
    );
  });
});
