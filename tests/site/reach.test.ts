import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAY_ITEM_TITLES, DIGESTS_FEED_TITLE, FEED_SIZE } from '../../src/lib/site/feeds.ts';
import { readDump } from '../helpers/dump.ts';
import { buildSite, createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';
import { childNamed, childrenNamed, parseXml, type XmlElement } from '../helpers/xml.ts';

// One real `astro build` under /shelf/ of the fixture digests, a digest whose title holds `&`, `<` and `]]>`
// (tests/fixtures/site/reach/), and 80 filler papers: more papers than a feed holds, in "Other" too, a year long
// enough for the old year-page URLs that lead on, and a listing day (1 April 2026) of three pages between two others.
const SITE = 'https://catalog.example.org';
const HOME = `${SITE}/shelf/`;
const HOSTILE_TITLE = 'Feeds & Friends: <b>Bold</b> Language Models ]]> End CDATA';
const HOSTILE_SLUG = 'feeds-and-friends-b-bold-b-language-models-end-cdata';
let site: FixtureSite;
let dist: string;
let build: { code: number; output: string };

beforeAll(async () => {
  const seeds = ['001_first.txt', '002_second.txt', '002_second.meta.yaml', '003_hostile.txt'].map((name) => `tests/fixtures/site/seeds/${name}`);
  site = await createFixtureSite({ digests: [...seeds, 'tests/fixtures/site/reach/005_feed-titles.txt'], fillers: 80 });
  dist = join(site.dir, 'www/shelf');
  build = await buildSite(site, dist, { PAPERSHELF_BASE: '/shelf/', PAPERSHELF_SITE: SITE });
}, 240_000);

afterAll(async () => {
  if (site) await rm(site.dir, { recursive: true, force: true });
});

const read = (path: string) => readFile(join(dist, path), 'utf8');
const page = async (path: string): Promise<HTMLElement> => parse(await read(join(path, path.endsWith('.html') ? '' : 'index.html')));
const text = (element: XmlElement, name: string) => childNamed(element, name).text;

/** Every HTML file of the build, by its path below dist. */
async function htmlFiles(): Promise<string[]> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => relative(dist, join(entry.parentPath, entry.name)));
}

/** The papers a paginated list shows, in its order, following its "next" links: paths below the base. */
async function listed(first: string): Promise<string[]> {
  const slugs: string[] = [];
  for (let path: string | undefined = first; path !== undefined; ) {
    const doc = await page(path);
    slugs.push(...doc.querySelectorAll('.paper-list h2 a').map((a) => a.getAttribute('href')!.replace(/^\/shelf\//, '')));
    path = doc.querySelector('.pagination a[rel="next"]')?.getAttribute('href')?.replace(/^\/shelf\//, '');
  }
  return slugs;
}

/** The listing days of the digests index, newest first: their dates. */
async function days(): Promise<string[]> {
  return (await page('digests')).querySelectorAll('.digest-days time').map((time) => time.getAttribute('datetime')!);
}

/**
 * Every paper in the order the listings bring them, as the pages show it: each day's pages in turn, newest day first,
 * a paper once at its newest day, then the papers no day lists (newest first, as the dump lists them); with its date.
 */
async function listingOrder(): Promise<{ path: string; date: string }[]> {
  const order = new Map<string, string>();
  for (const date of await days()) for (const path of await listed(`digests/${date}/`)) if (!order.has(path)) order.set(path, date);
  for (const paper of (await readDump(dist)).all) {
    const path = paper.url.slice(HOME.length);
    if (!order.has(path)) order.set(path, paper.date);
  }
  return [...order].map(([path, date]) => ({ path, date }));
}
const rssDate = (date: string) => new Date(`${date}T00:00:00Z`).toUTCString();

/** A feed's channel, parsed strictly. */
async function channel(path: string): Promise<XmlElement> {
  const rss = parseXml(await read(path));
  expect(rss.name).toBe('rss');
  expect(rss.attributes.version).toBe('2.0');
  return childNamed(rss, 'channel');
}

describe('feeds, the JSON dump, OpenSearch and the sitemap of a fixture build', () => {
  test('the build succeeds', () => {
    expect(build.code, build.output).toBe(0);
  });

  test("the catalog feed holds the 50 most recently listed papers: newest day first, each day in its digest's order, dated by the day", async () => {
    const feed = await channel('rss.xml');
    expect(text(feed, 'title')).toBe('Papershelf: newest papers');
    expect(text(feed, 'link')).toBe(HOME);
    expect(childNamed(feed, 'atom:link').attributes).toMatchObject({ href: `${HOME}rss.xml`, rel: 'self' });
    expect(childrenNamed(feed, 'lastBuildDate')).toEqual([]);
    const items = childrenNamed(feed, 'item');
    const order = await listingOrder();
    expect(order.length).toBeGreaterThan(FEED_SIZE);
    expect(items).toHaveLength(FEED_SIZE);
    expect(items.map((item) => [text(item, 'link'), text(item, 'pubDate')])).toEqual(order.slice(0, FEED_SIZE).map(({ path, date }) => [`${HOME}${path}`, rssDate(date)]));
    // Not the list of all papers, newest first by the papers' own dates: a paper of August 2024 listed on 13 April
    // 2026 comes before the fillers of March 2025 listed on 1 April.
    expect(items.map((item) => text(item, 'link'))).not.toEqual((await listed('papers/')).slice(0, FEED_SIZE).map((path) => `${HOME}${path}`));
    const spiking = items.findIndex((item) => text(item, 'link') === `${HOME}papers/spiking-diffusion-models/`);
    const filler = items.findIndex((item) => text(item, 'link').includes('/filler-paper-number-'));
    expect(spiking).toBeGreaterThan(0);
    expect(spiking).toBeLessThan(filler);
  });

  test("a feed item has the paper's title, page, date, a summary of its abstract and its topics' names", async () => {
    // Listed on 2 March and on 13 April 2026: dated by its newest listing day, not by its own date (29 August 2024).
    const items = childrenNamed(await channel('topics/spiking-neuromorphic/rss.xml'), 'item');
    const spiking = items.find((item) => text(item, 'link') === `${HOME}papers/spiking-diffusion-models/`)!;
    expect(text(spiking, 'title')).toBe('Spiking diffusion models');
    expect(text(spiking, 'guid')).toBe(`${HOME}papers/spiking-diffusion-models/`);
    expect(text(spiking, 'pubDate')).toBe('Mon, 13 Apr 2026 00:00:00 GMT');
    expect(text(spiking, 'description')).toMatch(/^A newer copy of the abstract about spiking neural networks\./);
    expect(childrenNamed(spiking, 'category').map((category) => category.text)).toContain('Spiking and neuromorphic computing');
  });

  test('a title with &, < and ]]> survives intact, escaped in the file', async () => {
    const raw = await read('rss.xml');
    expect(raw).not.toContain(']]>');
    const first = childrenNamed(await channel('rss.xml'), 'item')[0]!;
    expect(text(first, 'title')).toBe(HOSTILE_TITLE);
    expect(text(first, 'link')).toBe(`${HOME}papers/${HOSTILE_SLUG}/`);
    expect(text(first, 'description')).toBe('A language model abstract with & and < and ]]>, which ends a CDATA section, and <![CDATA[ which starts one.');
    // "Language models" in a title is no topic's term any more (half the real stream says it): the paper is in Other.
    expect(childrenNamed(first, 'category').map((category) => category.text)).toEqual(['Other']);
  });

  test("a topic's feed holds its 50 most recently listed papers in listing order, and every topic with papers has one", async () => {
    const topics = (await page('topics')).querySelectorAll('.facet-list a').map((a) => a.getAttribute('href')!.replace(/^\/shelf\//, ''));
    expect(topics.length).toBeGreaterThan(1);
    const order = await listingOrder();
    for (const topic of topics) {
      const feed = await channel(`${topic}rss.xml`);
      expect(text(feed, 'link')).toBe(`${HOME}${topic}`);
      const inTopic = new Set(await listed(topic));
      const expected = order.filter(({ path }) => inTopic.has(path)).slice(0, FEED_SIZE).map(({ path, date }) => [`${HOME}${path}`, rssDate(date)]);
      expect(childrenNamed(feed, 'item').map((item) => [text(item, 'link'), text(item, 'pubDate')]), topic).toEqual(expected);
    }
    const other = await channel('topics/other/rss.xml');
    expect(text(other, 'title')).toBe('Papershelf: newest papers in Other');
    expect(childrenNamed(other, 'item')).toHaveLength(FEED_SIZE);
  });

  test('the digests feed has one item a day, newest first, naming its papers in the digest\'s order', async () => {
    const feed = await channel('digests/rss.xml');
    expect(text(feed, 'title')).toBe(DIGESTS_FEED_TITLE);
    expect(text(feed, 'link')).toBe(`${HOME}digests/`);
    expect(childNamed(feed, 'atom:link').attributes).toMatchObject({ href: `${HOME}digests/rss.xml`, rel: 'self' });
    expect(childrenNamed(feed, 'lastBuildDate')).toEqual([]);
    const items = childrenNamed(feed, 'item');
    const dates = await days();
    expect(items.map((item) => [text(item, 'link'), text(item, 'pubDate')])).toEqual(dates.map((date) => [`${HOME}digests/${date}/`, rssDate(date)]));
    for (const [i, date] of dates.entries()) {
      const papers = await listed(`digests/${date}/`);
      const titles = (await page(`digests/${date}/`)).querySelector('h1')!.text.trim();
      expect(text(items[i]!, 'title')).toBe(`${titles} (${papers.length} ${papers.length === 1 ? 'paper' : 'papers'})`);
      const description = parse(text(items[i]!, 'description'));
      expect(description.querySelectorAll('li a').map((a) => a.getAttribute('href')), date).toEqual(papers.slice(0, DAY_ITEM_TITLES).map((path) => `${HOME}${path}`));
    }
    // The fillers' day lists more papers than an item names: the rest are a link away.
    const fillers = parse(text(items[dates.indexOf('2026-04-01')]!, 'description'));
    expect(fillers.querySelector('p a')?.getAttribute('href')).toBe(`${HOME}digests/2026-04-01/`);
    // A title with &, < and ]]> reads back as the title in a reader's HTML.
    const raw = await read('digests/rss.xml');
    expect(raw).not.toContain(']]>');
    expect(text(items[0]!, 'title')).toBe('Papers of 14 April 2026 (1 paper)');
    expect(parse(text(items[0]!, 'description')).querySelector('li a')?.text).toBe(HOSTILE_TITLE);
  });

  test('a day longer than a page paginates in the digest\'s order; each page leads to the days before and after', async () => {
    const day = 'digests/2026-04-01/';
    const papers = await listed(day);
    expect(papers).toHaveLength(80);
    // Papers 1 to 80 of the filler digest, in its order, 25 a page: the first page at the day's URL, then page/2/ to /4/.
    expect(papers).toEqual(Array.from({ length: 80 }, (_, i) => `papers/filler-paper-number-${i + 1}/`));
    for (const [n, path] of [[1, day], [2, `${day}page/2/`], [3, `${day}page/3/`], [4, `${day}page/4/`]] as const) {
      const doc = await page(path);
      expect(doc.querySelectorAll('.paper-list > li'), path).toHaveLength(n === 4 ? 5 : 25);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${HOME}${path}`);
      const other = doc.querySelectorAll('nav[aria-label="Other days"] a').map((a) => a.getAttribute('href'));
      expect(other, path).toEqual(['/shelf/digests/2026-03-02/', '/shelf/digests/2026-04-13/']);
    }
    // The day's URL is the promise; what page 2 holds shifts, so it is not recorded (src/lib/site/url-record.ts).
    const record = await readFile(join(site.contentDir, 'published-urls.txt'), 'utf8');
    expect(record.split('\n')).toContain(`/${day}`);
    expect(record.split('\n')).toContain('/digests/rss.xml');
    expect(record).not.toContain(`/${day}page/`);
    // So with a week's and a month's top pages: their first page is recorded, their later pages are not.
    const week = await listed('top/week/2026-W14/');
    expect(week).toEqual(expect.arrayContaining(papers));
    expect(new Set(week).size).toBe(week.length);
    expect(record.split('\n')).toEqual(expect.arrayContaining(['/top/', '/top/week/2026-W14/', '/top/month/2026-04/']));
    expect(record).not.toMatch(/^\/top\/.*\/page\//m);
  });

  test("every page's head offers the catalog feed and the search; a topic's pages offer its feed too, the digests pages theirs", async () => {
    for (const file of await htmlFiles()) {
      const doc = await page(file);
      if (doc.querySelector('meta[http-equiv="refresh"]')) continue;
      const feeds = doc.querySelectorAll('head link[rel="alternate"][type="application/rss+xml"]').map((link) => [link.getAttribute('title'), link.getAttribute('href')]);
      expect(feeds[0], file).toEqual(['Papershelf: newest papers', '/shelf/rss.xml']);
      const topic = /^topics\/([^/]+)\//.exec(file)?.[1];
      const own = topic ? [[expect.stringMatching(/^Papershelf: newest papers in /), `/shelf/topics/${topic}/rss.xml`]] : file.startsWith('digests/') ? [[DIGESTS_FEED_TITLE, '/shelf/digests/rss.xml']] : [];
      expect(feeds.slice(1), file).toEqual(own);
      const search = doc.querySelectorAll('head link[rel="search"]');
      expect(search.map((link) => [link.getAttribute('type'), link.getAttribute('title'), link.getAttribute('href')]), file).toEqual([['application/opensearchdescription+xml', 'Papershelf', '/shelf/opensearch.xml']]);
    }
    expect((await page('topics/other/2')).querySelectorAll('head link[href="/shelf/topics/other/rss.xml"]')).toHaveLength(1);
    expect((await page('digests/2026-04-01/page/3')).querySelectorAll('head link[href="/shelf/digests/rss.xml"]')).toHaveLength(1);
  });

  test('the dump holds every paper, newest first, with its URL and data, in the versioned shape', async () => {
    const index = JSON.parse(await read('papers.json'));
    expect(Object.keys(index)).toEqual(['version', 'generated', 'site', 'topics', 'papers', 'parts']);
    expect(index.version).toBe(2);
    // A catalog this small is one part, which the index names with its count.
    expect(index.parts).toEqual([{ part: 1, url: `${HOME}dump/papers-1.json`, papers: index.papers }]);
    const part = JSON.parse(await read('dump/papers-1.json'));
    expect(Object.keys(part)).toEqual(['version', 'part', 'papers']);
    expect(part).toMatchObject({ version: 2, part: 1 });
    const dump = { ...index, papers: part.papers };
    // The newest listing date of the digests, not the day of the build.
    expect(dump.generated).toBe('2026-04-14');
    expect(dump.site).toBe(HOME);
    expect(dump.topics).toContainEqual({ id: 'other', name: 'Other', url: `${HOME}topics/other/` });
    const all = await listed('papers/');
    expect(dump.papers.map((paper: { url: string }) => paper.url)).toEqual(all.map((path) => `${HOME}${path}`));
    const spiking = dump.papers.find((paper: { slug: string }) => paper.slug === 'spiking-diffusion-models');
    expect(spiking).toEqual({
      url: `${HOME}papers/spiking-diffusion-models/`,
      slug: 'spiking-diffusion-models',
      title: 'Spiking diffusion models',
      abstract: ['A newer copy of the abstract about spiking neural networks. Recent years have witnessed Spiking Neural Networks (SNNs) gaining attention for their ultra-low energy consumption and high biological plausibility compared with traditional Artificial Neural Networks (ANNs). Despite their distinguished properties, the application of SNNs in the computationally intensive field of image generation is still under exploration. Our code is available at https://github.com/AndyCao1125/SDM.'],
      date: '2024-08-29',
      byline: { kind: 'authors', count: 7 },
      upvotes: 12,
      topics: expect.arrayContaining(['spiking-neuromorphic']),
      code: ['https://github.com/AndyCao1125/SDM'],
      links: [],
      digests: ['2026-04-13', '2026-03-02'],
    });
    const hostile = dump.papers.find((paper: { slug: string }) => paper.slug === HOSTILE_SLUG);
    expect(hostile).toMatchObject({ title: HOSTILE_TITLE, byline: { kind: 'authors', count: 2 }, upvotes: 9, topics: ['other'], digests: ['2026-04-14'] });
    const nemotron = dump.papers.find((paper: { slug: string }) => paper.slug.startsWith('nemotron-flash'));
    expect(nemotron.byline).toEqual({ kind: 'organization', handle: 'nvidia', name: 'NVIDIA' });
  });

  test('the OpenSearch description is valid XML whose template is the search page with q', async () => {
    const description = parseXml(await read('opensearch.xml'));
    expect(description.name).toBe('OpenSearchDescription');
    expect(description.attributes.xmlns).toBe('http://a9.com/-/spec/opensearch/1.1/');
    expect(text(description, 'ShortName')).toBe('Papershelf');
    const urls = childrenNamed(description, 'Url').map((url) => url.attributes);
    expect(urls).toContainEqual({ type: 'text/html', method: 'get', template: `${HOME}search/?q={searchTerms}` });
    expect(urls).toContainEqual({ type: 'application/opensearchdescription+xml', rel: 'self', template: `${HOME}opensearch.xml` });
    // The template leads to a page that exists.
    expect((await page('search')).querySelector('pagefind-input')).not.toBeNull();
  });

  test('the sitemap lists every page but the redirects from old URLs and the 404 page', async () => {
    const index = parseXml(await read('sitemap-index.xml'));
    expect(index.name).toBe('sitemapindex');
    const sitemaps = childrenNamed(index, 'sitemap').map((sitemap) => text(sitemap, 'loc'));
    expect(sitemaps).toEqual([`${HOME}sitemap-0.xml`]);
    const listedUrls: string[] = [];
    for (const sitemap of sitemaps) {
      const urlset = parseXml(await read(sitemap.slice(HOME.length)));
      listedUrls.push(...childrenNamed(urlset, 'url').map((url) => text(url, 'loc')));
    }
    expect(new Set(listedUrls).size).toBe(listedUrls.length);

    const redirects: string[] = [];
    const pages: string[] = [];
    for (const file of await htmlFiles()) {
      if (file === '404.html') continue;
      const url = `${HOME}${file.replace(/index\.html$/, '')}`;
      if ((await page(file)).querySelector('meta[http-equiv="refresh"]')) redirects.push(url);
      else pages.push(url);
    }
    expect(redirects).toContain(`${HOME}dates/2025/2/`);
    expect(listedUrls.sort()).toEqual(pages.sort());
    expect(listedUrls).toContain(`${HOME}papers/${HOSTILE_SLUG}/`);
    expect(listedUrls.filter((url) => url.includes('404'))).toEqual([]);
  });
});
