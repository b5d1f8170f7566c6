import { getRssString } from '@astrojs/rss';
import fc from 'fast-check';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { papersByListing, type ListedPaper } from '../../../src/lib/catalog/digest-days.ts';
import {
  DAY_ITEM_TITLES,
  DIGESTS_FEED_TITLE,
  FEED_SIZE,
  dayItem,
  digestDaysFeed,
  digestsRssOptions,
  feedItem,
  feedTitle,
  newestPapersFeed,
  rssOptions,
  topicFeed,
  type FeedDay,
  type FeedPaper,
} from '../../../src/lib/site/feeds.ts';
import { summarize } from '../../../src/lib/shared/format.ts';
import { xmlText } from '../../../src/lib/shared/xml.ts';
import { childNamed, childrenNamed, parseXml, type XmlElement } from '../../helpers/xml.ts';
import { anyString } from '../digest/arbitraries.ts';

const settings = { site: 'https://example.org', base: '/shelf/' };
const paper = (n: number, extra: Partial<FeedPaper> = {}): FeedPaper => ({
  slug: `paper-${n}`,
  title: `Paper ${n}`,
  abstract: [`Abstract ${n}.`],
  date: `2025-01-${String((n % 28) + 1).padStart(2, '0')}`,
  topics: ['lm'],
  topicLinks: [{ label: 'Language models' }],
  ...extra,
});
/** Papers as listed on their own date, in the order given. */
const asListed = (papers: readonly FeedPaper[]): ListedPaper<FeedPaper>[] => papers.map((paper) => ({ paper, listed: paper.date }));
/** A feed written by @astrojs/rss and read back by a strict XML parser: its channel. */
const channelOf = async (xml: Promise<string>) => childNamed(parseXml(await xml), 'channel');
const written = async (papers: readonly FeedPaper[]) => channelOf(getRssString(rssOptions(newestPapersFeed(asListed(papers)), settings)));
const writtenListed = async (days: readonly { date: string; papers: FeedPaper[] }[], papers: readonly FeedPaper[]) =>
  channelOf(getRssString(rssOptions(newestPapersFeed(papersByListing(days, papers)), settings)));
const itemText = (item: XmlElement, name: string) => childNamed(item, name).text;

describe('feedTitle', () => {
  test("names the catalog's feed and a topic's", () => {
    expect([feedTitle(), feedTitle('Language models')]).toEqual(['Papershelf: newest papers', 'Papershelf: newest papers in Language models']);
  });
});

describe('newestPapersFeed', () => {
  test('keeps the first FEED_SIZE listed papers in their order, and follows the home page', () => {
    const listed = asListed(Array.from({ length: 60 }, (_, i) => paper(i)));
    const feed = newestPapersFeed(listed);
    expect(feed.items).toEqual(listed.slice(0, FEED_SIZE));
    expect([feed.page, feed.path, feed.title]).toEqual(['', 'rss.xml', 'Papershelf: newest papers']);
  });

  test('holds every paper of a small catalog, and none of an empty one', () => {
    expect(newestPapersFeed(asListed([paper(1)])).items).toHaveLength(1);
    expect(newestPapersFeed([]).items).toEqual([]);
  });

  test("a paper of 2011 listed today is in today's items, first, with today's pubDate, ahead of 60 newer papers", async () => {
    const old = paper(0, { slug: 'old', date: '2011-06-01' });
    const today = paper(1, { slug: 'today', date: '2026-04-10' });
    // 60 papers newer than 2011, listed on earlier days: by their own date all 60 would come before the old paper.
    const earlier = Array.from({ length: 60 }, (_, i) => paper(i + 2, { slug: `earlier-${i}`, date: '2026-03-01' }));
    const days = [
      { date: '2026-04-14', papers: [old, today] },
      { date: '2026-04-13', papers: earlier.slice(0, 30) },
      { date: '2026-04-12', papers: earlier.slice(30) },
    ];
    const items = childrenNamed(await writtenListed(days, [today, ...earlier, old]), 'item');
    expect(items).toHaveLength(FEED_SIZE);
    expect(items.slice(0, 2).map((item) => [itemText(item, 'link'), itemText(item, 'pubDate')])).toEqual([
      ['https://example.org/shelf/papers/old/', 'Tue, 14 Apr 2026 00:00:00 GMT'],
      ['https://example.org/shelf/papers/today/', 'Tue, 14 Apr 2026 00:00:00 GMT'],
    ]);
    expect(itemText(items[2]!, 'pubDate')).toBe('Mon, 13 Apr 2026 00:00:00 GMT');
  });

  test("follows each day's digest order, not the papers' dates, newest day first; a paper listed twice comes at its newest day", async () => {
    const [a, b, c, d] = [paper(1, { slug: 'a', date: '2026-01-01' }), paper(2, { slug: 'b', date: '2026-04-01' }), paper(3, { slug: 'c', date: '2025-05-05' }), paper(4, { slug: 'd', date: '2026-02-02' })];
    const days = [
      { date: '2026-04-14', papers: [a, b] },
      { date: '2026-04-13', papers: [c, a, d] },
    ];
    const items = childrenNamed(await writtenListed(days, [b, d, a, c]), 'item');
    expect(items.map((item) => [itemText(item, 'link').split('/').at(-2), itemText(item, 'pubDate').slice(5, 16)])).toEqual([
      ['a', '14 Apr 2026'],
      ['b', '14 Apr 2026'],
      ['c', '13 Apr 2026'],
      ['d', '13 Apr 2026'],
    ]);
  });

  test('puts papers no dated digest lists after the listed ones, newest first by their own date and under it', async () => {
    const listed = paper(1, { slug: 'listed', date: '2020-01-01' });
    const [newer, older] = [paper(2, { slug: 'undated-newer', date: '2026-03-03' }), paper(3, { slug: 'undated-older', date: '2024-02-02' })];
    const items = childrenNamed(await writtenListed([{ date: '2026-04-14', papers: [listed] }], [newer, older, listed]), 'item');
    expect(items.map((item) => [itemText(item, 'link').split('/').at(-2), itemText(item, 'pubDate').slice(5, 16)])).toEqual([
      ['listed', '14 Apr 2026'],
      ['undated-newer', '03 Mar 2026'],
      ['undated-older', '02 Feb 2024'],
    ]);
  });
});

describe('topicFeed', () => {
  test("follows the topic's page, under the topic's name and description", () => {
    const feed = topicFeed({ slug: 'lm', label: 'Language models', description: 'About language models.' }, asListed([paper(1)]));
    expect(feed).toEqual({ title: 'Papershelf: newest papers in Language models', description: 'About language models.', page: 'topics/lm/', path: 'topics/lm/rss.xml', items: asListed([paper(1)]) });
  });
});

describe('feedItem', () => {
  test("gives the title, the page's absolute URL under the base, midnight UTC of the listing date, a summary and its topics' names", () => {
    const long = ['word '.repeat(80).trim(), 'Second paragraph.'];
    const item = feedItem({ paper: paper(3, { abstract: long, date: '2011-01-31', topics: ['other', 'lm'], topicLinks: [{ label: 'Other' }, { label: 'Language models' }] }), listed: '2024-02-29' }, settings);
    expect(item).toEqual({
      title: 'Paper 3',
      link: 'https://example.org/shelf/papers/paper-3/',
      pubDate: new Date(Date.UTC(2024, 1, 29)),
      description: summarize(long),
      categories: ['Other', 'Language models'],
    });
  });

  test('makes text XML-safe', () => {
    const item = feedItem(asListed([paper(1, { title: 'Bell\u0007 & <b>', abstract: ['Null\u0000.'] })])[0]!, settings);
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
    const xml = await getRssString(rssOptions(newestPapersFeed(asListed([paper(1, { title })])), settings));
    expect(xml).not.toContain(']]>');
    expect(childNamed(childNamed(childNamed(parseXml(xml), 'channel'), 'item'), 'title').text).toBe(title);
  });

  test('writes the same bytes every time', async () => {
    const options = () => rssOptions(newestPapersFeed(asListed([paper(1), paper(2)])), settings);
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

const day = (date: string, count: number, extra: Partial<FeedPaper> = {}): FeedDay => ({ date, papers: Array.from({ length: count }, (_, i) => paper(i + 1, extra)) });
/** The titles and links of a day item's description: HTML, read back after the XML is read back. */
const described = (item: XmlElement) => parseHtml(itemText(item, 'description')).querySelectorAll('li a').map((a) => [a.text, a.getAttribute('href')]);

describe('digestDaysFeed', () => {
  test('keeps the newest FEED_SIZE days in their order, and follows the digests page', () => {
    const days = Array.from({ length: 60 }, (_, i) => day(`2026-01-${String(60 - i).padStart(2, '0')}`, 1));
    const feed = digestDaysFeed(days);
    expect(feed.days).toEqual(days.slice(0, FEED_SIZE));
    expect([feed.page, feed.path, feed.title]).toEqual(['digests/', 'digests/rss.xml', DIGESTS_FEED_TITLE]);
    expect(digestDaysFeed([]).days).toEqual([]);
  });
});

describe('dayItem', () => {
  test("names the day and its count, links the day's page, dates it at midnight UTC, and lists its papers in order", () => {
    const item = dayItem(day('2024-05-27', 14), settings);
    expect([item.title, item.link, item.pubDate]).toEqual(['Papers of 27 May 2024 (14 papers)', 'https://example.org/shelf/digests/2024-05-27/', new Date(Date.UTC(2024, 4, 27))]);
    const links = parseHtml(item.description!).querySelectorAll('ol > li > a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(Array.from({ length: 14 }, (_, i) => `https://example.org/shelf/papers/paper-${i + 1}/`));
    expect(dayItem(day('2024-05-28', 1), settings).title).toBe('Papers of 28 May 2024 (1 paper)');
  });

  test(`lists the first ${DAY_ITEM_TITLES} titles of a longer day, then links the day for the rest`, () => {
    const html = parseHtml(dayItem(day('2024-05-27', DAY_ITEM_TITLES + 12), settings).description!);
    expect(html.querySelectorAll('li')).toHaveLength(DAY_ITEM_TITLES);
    const more = html.querySelector('p a')!;
    expect([more.text, more.getAttribute('href')]).toEqual(['12 papers more', 'https://example.org/shelf/digests/2024-05-27/']);
    expect(parseHtml(dayItem(day('2024-05-27', DAY_ITEM_TITLES), settings).description!).querySelector('p')).toBeNull();
  });
});

describe('digestsRssOptions', () => {
  test('writes RSS 2.0 with the digests page as the channel link, a self link, one item a day, newest first', async () => {
    const channel = await channelOf(getRssString(digestsRssOptions(digestDaysFeed([day('2026-04-14', 2), day('2026-04-13', 3)]), settings)));
    expect(itemText(channel, 'title')).toBe(DIGESTS_FEED_TITLE);
    expect(itemText(channel, 'link')).toBe('https://example.org/shelf/digests/');
    expect(childNamed(channel, 'atom:link').attributes).toEqual({ href: 'https://example.org/shelf/digests/rss.xml', rel: 'self', type: 'application/rss+xml' });
    expect(childrenNamed(channel, 'lastBuildDate')).toEqual([]);
    const items = childrenNamed(channel, 'item');
    expect(items.map((item) => [itemText(item, 'title'), itemText(item, 'link'), itemText(item, 'pubDate')])).toEqual([
      ['Papers of 14 April 2026 (2 papers)', 'https://example.org/shelf/digests/2026-04-14/', 'Tue, 14 Apr 2026 00:00:00 GMT'],
      ['Papers of 13 April 2026 (3 papers)', 'https://example.org/shelf/digests/2026-04-13/', 'Mon, 13 Apr 2026 00:00:00 GMT'],
    ]);
  });

  test('a title with &, < and ]]> reads back as text in a reader: escaped as HTML, then as XML', async () => {
    const title = 'A & <b>B</b> ]]> <![CDATA[ C "q" \'s\'';
    const xml = await getRssString(digestsRssOptions(digestDaysFeed([{ date: '2026-04-14', papers: [paper(1, { title })] }]), settings));
    expect(xml).not.toContain(']]>');
    const item = childNamed(childNamed(parseXml(xml), 'channel'), 'item');
    expect(itemText(item, 'description')).not.toContain('<b>');
    expect(described(item)).toEqual([[title, 'https://example.org/shelf/papers/paper-1/']]);
  });

  test('writes well-formed XML whose titles read back as written, whatever a digest holds', async () => {
    await fc.assert(
      fc.asyncProperty(anyString(30).filter((title) => title.trim() !== ''), async (title) => {
        const channel = await channelOf(getRssString(digestsRssOptions(digestDaysFeed([{ date: '2026-04-14', papers: [paper(1, { title })] }]), settings)));
        const [[text]] = described(childNamed(channel, 'item')) as [[string]];
        expect(text).toBe(xmlText(title).replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 200 },
    );
  });
});
