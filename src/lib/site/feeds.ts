import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import type { ListedPaper } from '../catalog/digest-days.ts';
import { formatDayTitle, formatPaperCount, summarize } from '../shared/format.ts';
import type { Paper } from '../papers/model.ts';
import { absoluteUrl, paths } from '../shared/paths.ts';
import { SITE_NAME } from '../shared/site-config.ts';
import { escapeXml, xmlText } from '../shared/xml.ts';

/** Items per feed: the newest papers, or the newest listing days. */
export const FEED_SIZE = 50;

/** Paper titles a day's item in the digests feed lists; a longer day links to its page for the rest. */
export const DAY_ITEM_TITLES = 50;

/** What a feed shows of a paper: its topics' names are its items' categories. */
export type FeedPaper = Pick<Paper, 'slug' | 'title' | 'abstract' | 'date' | 'topics'> & { topicLinks: readonly { label: string }[] };

/** What a feed says of itself. Paths are below the base. */
interface Channel {
  title: string;
  description: string;
  /** The page whose list the feed follows. */
  page: string;
  /** The feed's own path. */
  path: string;
}

/** A feed of the most recently listed papers of a list: the catalog's, or a topic's. */
export interface Feed<P extends FeedPaper = FeedPaper> extends Channel {
  /** At most FEED_SIZE papers, in listing order (src/lib/catalog/digest-days.ts, papersByListing), each with its listing date. */
  items: readonly ListedPaper<P>[];
}

/** A feed's title, which the feed's link in page heads shows too: the catalog's, or a topic's. */
export function feedTitle(topic?: string): string {
  return topic === undefined ? `${SITE_NAME}: newest papers` : `${SITE_NAME}: newest papers in ${topic}`;
}

/** The catalog's feed, from every paper in listing order: the papers of the newest listing days. */
export function newestPapersFeed<P extends FeedPaper>(listed: readonly ListedPaper<P>[]): Feed<P> {
  return {
    title: feedTitle(),
    description: 'The papers most recently listed in the Hugging Face Daily Papers digests, newest listing day first.',
    page: paths.home(),
    path: paths.feed(),
    items: listed.slice(0, FEED_SIZE),
  };
}

/** A topic's feed, from the topic's papers in listing order. */
export function topicFeed<P extends FeedPaper>(topic: { slug: string; label: string; description: string }, listed: readonly ListedPaper<P>[]): Feed<P> {
  return {
    title: feedTitle(topic.label),
    description: topic.description,
    page: paths.topic(topic.slug),
    path: paths.topicFeed(topic.slug),
    items: listed.slice(0, FEED_SIZE),
  };
}

/** What the digests feed shows of a listing day: its date and its papers in the digests' order. */
export interface FeedDay {
  date: string;
  papers: readonly Pick<Paper, 'slug' | 'title'>[];
}

/** The feed of listing days: one item a day. */
export interface DigestsFeed extends Channel {
  /** At most FEED_SIZE days, newest first. */
  days: readonly FeedDay[];
}

/** The digests feed's title, which its link in page heads shows too. */
export const DIGESTS_FEED_TITLE = `${SITE_NAME}: digests by day`;

/** The digests feed, from every listing day newest first: the newest FEED_SIZE days. */
export function digestDaysFeed(days: readonly FeedDay[]): DigestsFeed {
  return {
    title: DIGESTS_FEED_TITLE,
    description: 'Each day of the Hugging Face Daily Papers digests, newest first, with the titles of its papers.',
    page: paths.digests(),
    path: paths.digestsFeed(),
    days: days.slice(0, FEED_SIZE),
  };
}

/** Where feeds are published: the site's origin and the base. */
export interface FeedSettings {
  site: URL | string;
  base: string;
}

/** Midnight UTC of a catalog date: what feeds give as an item's date. */
const midnight = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * A paper as a feed item: its title, its page, its listing date (midnight UTC), a summary of its abstract, its
 * topics' names. Text is made XML-safe (`xmlText`): a digest may hold characters no XML document can.
 */
export function feedItem({ paper, listed }: ListedPaper<FeedPaper>, settings: FeedSettings): RSSFeedItem {
  return {
    title: xmlText(paper.title),
    link: absoluteUrl(settings.site, settings.base, paths.paper(paper.slug)),
    pubDate: midnight(listed),
    description: xmlText(summarize(paper.abstract)),
    categories: paper.topicLinks.map((topic) => xmlText(topic.label)),
  };
}

/**
 * A listing day as a feed item: "Papers of 27 May 2024 (14 papers)", the day's page, its date, and as description an
 * HTML list of its papers' titles, each linked to its page (the first DAY_ITEM_TITLES; a link to the day for the rest).
 * A description is HTML that the feed writer escapes once more: each title is escaped here, so `<b>` in a title shows
 * as text in a reader, never as markup.
 */
export function dayItem(day: FeedDay, settings: FeedSettings): RSSFeedItem {
  const url = (path: string) => escapeXml(absoluteUrl(settings.site, settings.base, path));
  const titles = day.papers.slice(0, DAY_ITEM_TITLES).map((paper) => `<li><a href="${url(paths.paper(paper.slug))}">${escapeXml(paper.title)}</a></li>`);
  const rest = day.papers.length - titles.length;
  const more = rest > 0 ? `<p><a href="${url(paths.digest(day.date))}">${formatPaperCount(rest)} more</a></p>` : '';
  return {
    title: `${formatDayTitle(day.date)} (${formatPaperCount(day.papers.length)})`,
    link: absoluteUrl(settings.site, settings.base, paths.digest(day.date)),
    pubDate: midnight(day.date),
    description: `<ol>${titles.join('')}</ol>${more}`,
  };
}

const ATOM = 'http://www.w3.org/2005/Atom';

/**
 * The options `@astrojs/rss` writes a feed from: items in the feed's order, the page it follows as the channel's
 * link, its own URL as `atom:link rel="self"`. No build date: a feed, like every file, comes from the content alone.
 */
function channelOptions(channel: Channel, items: RSSFeedItem[], settings: FeedSettings): RSSOptions {
  const self = absoluteUrl(settings.site, settings.base, channel.path);
  return {
    title: xmlText(channel.title),
    description: xmlText(channel.description),
    site: absoluteUrl(settings.site, settings.base, channel.page),
    xmlns: { atom: ATOM },
    customData: `<language>en</language><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    items,
  };
}

/** The options `@astrojs/rss` writes a feed of papers from (see channelOptions). */
export function rssOptions(feed: Feed, settings: FeedSettings): RSSOptions {
  return channelOptions(feed, feed.items.map((item) => feedItem(item, settings)), settings);
}

/** The options `@astrojs/rss` writes the digests feed from (see channelOptions). */
export function digestsRssOptions(feed: DigestsFeed, settings: FeedSettings): RSSOptions {
  return channelOptions(feed, feed.days.map((day) => dayItem(day, settings)), settings);
}
