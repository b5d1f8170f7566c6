import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { summarize } from './format.ts';
import type { Paper } from './papers/model.ts';
import { absoluteUrl, paths } from './paths.ts';
import { escapeXml, xmlText } from './xml.ts';

/** Papers per feed: the newest ones. */
export const FEED_SIZE = 50;

/** What a feed shows of a paper. */
export type FeedPaper = Pick<Paper, 'slug' | 'title' | 'abstract' | 'date' | 'topics'>;

/** A feed of a list's newest papers. Paths are below the base. */
export interface Feed<P extends FeedPaper = FeedPaper> {
  title: string;
  description: string;
  /** The page whose list the feed follows. */
  page: string;
  /** The feed's own path. */
  path: string;
  /** At most FEED_SIZE papers, newest first. */
  papers: readonly P[];
}

/** A feed's title, which the feed's link in page heads shows too: the catalog's, or a topic's. */
export function feedTitle(topic?: string): string {
  return topic === undefined ? 'Papershelf: newest papers' : `Papershelf: newest papers in ${topic}`;
}

/** The catalog's feed, from every paper newest first (the catalog's order, which every list shows). */
export function newestPapersFeed<P extends FeedPaper>(papers: readonly P[]): Feed<P> {
  return {
    title: feedTitle(),
    description: 'The newest papers of the catalog, from the Hugging Face Daily Papers digests.',
    page: paths.home(),
    path: paths.feed(),
    papers: papers.slice(0, FEED_SIZE),
  };
}

/** A topic's feed, from the topic's papers newest first. */
export function topicFeed<P extends FeedPaper>(topic: { slug: string; label: string; description: string }, papers: readonly P[]): Feed<P> {
  return {
    title: feedTitle(topic.label),
    description: topic.description,
    page: paths.topic(topic.slug),
    path: paths.topicFeed(topic.slug),
    papers: papers.slice(0, FEED_SIZE),
  };
}

/** Where feeds are published and what their items name: the site's origin, the base, topic names by id. */
export interface FeedSettings {
  site: URL | string;
  base: string;
  topics: ReadonlyMap<string, { label: string }>;
}

/**
 * A paper as a feed item: its title, its page, its date (midnight UTC), a summary of its abstract, its topics' names.
 * Text is made XML-safe (`xmlText`): a digest may hold characters no XML document can.
 */
export function feedItem(paper: FeedPaper, settings: FeedSettings): RSSFeedItem {
  return {
    title: xmlText(paper.title),
    link: absoluteUrl(settings.site, settings.base, paths.paper(paper.slug)),
    pubDate: new Date(`${paper.date}T00:00:00Z`),
    description: xmlText(summarize(paper.abstract)),
    categories: paper.topics.flatMap((id) => settings.topics.get(id)?.label ?? []).map(xmlText),
  };
}

const ATOM = 'http://www.w3.org/2005/Atom';

/**
 * The options `@astrojs/rss` writes a feed from: items in the feed's order, the page it follows as the channel's
 * link, its own URL as `atom:link rel="self"`. No build date: a feed, like every file, comes from the content alone.
 */
export function rssOptions(feed: Feed, settings: FeedSettings): RSSOptions {
  const self = absoluteUrl(settings.site, settings.base, feed.path);
  return {
    title: xmlText(feed.title),
    description: xmlText(feed.description),
    site: absoluteUrl(settings.site, settings.base, feed.page),
    xmlns: { atom: ATOM },
    customData: `<language>en</language><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    items: feed.papers.map((paper) => feedItem(paper, settings)),
  };
}
