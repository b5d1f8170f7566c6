import { papersByListing } from './digest-days.ts';
import { digestDaysFeed, newestPapersFeed, topicFeed, type FeedDay, type FeedPaper } from '../site/feeds.ts';
import { groupBy } from '../papers/group.ts';

/**
 * The catalog's feed of its most recently listed papers, each topic's by topic id, and the feed of the newest listing
 * days (src/lib/site/feeds.ts): papers in the listings' order, newest listing day first, each day in its digests' order.
 */
export function catalogFeeds<P extends FeedPaper & { date: string }>(
  days: readonly (FeedDay & { papers: readonly P[] })[],
  papers: readonly P[],
  topics: readonly { slug: string; label: string; description: string }[],
) {
  const listed = papersByListing(days, papers);
  const listedByTopic = groupBy(listed, ({ paper }) => paper.topics);
  return {
    catalogFeed: newestPapersFeed(listed),
    topicFeeds: new Map(topics.map((topic) => [topic.slug, topicFeed(topic, listedByTopic.get(topic.slug)!)])),
    digestsFeed: digestDaysFeed(days),
  };
}
