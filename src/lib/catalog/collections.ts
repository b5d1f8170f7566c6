import { getCollection, type CollectionEntry } from 'astro:content';
import { redirects, shardSize } from 'virtual:papershelf/settings';
import { buildCatalog } from './build.ts';
import type { CatalogPaper as CatalogPaperOf } from './papers.ts';

// The one read of the collections: every page imports what it needs from here, and gives each component what it shows
// as props. What is made of the data is built by the pure modules beside this one (build.ts), tested without Astro.
const [entries, topics, digests] = await Promise.all([getCollection('papers'), getCollection('topics'), getCollection('digests')]);

/** The catalog of this build (see buildCatalog). */
export const catalog = buildCatalog(
  {
    papers: entries,
    topics: topics.map((entry) => entry.data),
    digests: digests.map((entry) => ({ ...entry.data, id: entry.id })),
  },
  { redirects, shardSize },
);

/** A paper as the pages see it, with its collection entry (the paper page renders its editors' notes). */
export type CatalogPaper = CatalogPaperOf<CollectionEntry<'papers'>>;

export const {
  papers,
  papersBySlug,
  papersByTopic,
  papersByAuthors,
  papersByYear,
  papersByMonth,
  topicList,
  authorList,
  dateList,
  topicsWithPapers,
  newestPapers,
  listSidebar,
  homeSidebar,
  digestDayPages,
  digestYears,
  topWeeks,
  topMonths,
  topYears,
  newestDayFirstPage,
  undatedDigests,
  catalogFeed,
  topicFeeds,
  digestsFeed,
  listingDates,
  relatedLinks,
  relatedBuckets,
  paperContext,
  mergedItems,
  yearPageRedirects,
  operatorRedirects,
  movedPages,
  searchShards,
  catalogDate,
} = catalog;
