import { legacyYearPages } from '../shared/pagination.ts';
import type { Topic } from '../papers/topics.ts';
import { mergeMove, type Moved } from '../site/redirects.ts';
import type { DigestData } from '../schema.ts';
import { mergedBundles } from '../shared/search-shards.ts';
import { dayViews } from './days.ts';
import { catalogFeeds } from './feed-views.ts';
import { checkedMerges } from './merges.ts';
import { paperPages } from './paper-page.ts';
import { isMerged, paperViews, type PaperEntry } from './papers.ts';
import { checkedOperatorRedirects } from './checked-redirects.ts';
import { topViews } from './tops.ts';

/** What the catalog is built from: the three collections' data, as plain arrays. */
export interface CatalogInput<E extends PaperEntry> {
  /** The items of content/papers/, merged ones too. */
  papers: readonly E[];
  /** The topic vocabulary of content/topics.yaml. */
  topics: readonly Topic[];
  /** The digests of content/digests.json. */
  digests: readonly DigestData[];
}

/** The settings the catalog depends on (virtual:papershelf/settings). */
export interface CatalogSettings {
  /** The operator's redirects, as read and checked when the build started. */
  redirects: readonly Moved[];
  /** Papers per shard of the search index. */
  shardSize: number;
}

/**
 * Every view the pages show, from the collections' data alone: no file, clock or environment. Stops the build (an
 * AstroError) when an item is merged into no paper, or when an operator's redirect retires a page still published.
 */
export function buildCatalog<E extends PaperEntry>(input: CatalogInput<E>, settings: CatalogSettings) {
  const views = paperViews(input.papers, input.topics);
  const { papers, papersBySlug } = views;
  /** Items merged into another paper's, each with that paper's slug: their pages lead there. */
  const mergedItems = checkedMerges(input.papers.filter(isMerged), (slug) => papersBySlug.has(slug));
  const days = dayViews(input.digests, papersBySlug, new Map(mergedItems.map((item) => [item.slug, item.mergedInto])));
  const feeds = catalogFeeds(days.digestDayPages, papers, views.topicsWithPapers);
  /** Old URLs of year pages, each leading to the page's current URL. */
  const yearPageRedirects = legacyYearPages(views.dateList);
  // Last: the check of the operator's redirects reads every list above.
  const tops = topViews(days.digestDayPages, days.listings.dates);
  const live = {
    papers: new Set([...papersBySlug.keys(), ...mergedItems.map((item) => item.slug)]),
    topics: new Set(views.topicsWithPapers.map((topic) => topic.slug)),
    years: new Set(views.dateList.map((year) => year.slug)),
    authors: new Set(views.authorList.map((facet) => facet.slug)),
    days: new Set(days.days.map((day) => day.date)),
    tops: new Set([...tops.topWeeks, ...tops.topMonths].map((period) => `${period.kind}/${period.key}`)),
  };
  const operatorRedirects = checkedOperatorRedirects(settings.redirects, live, mergedItems);
  return {
    ...views,
    ...days,
    ...feeds,
    ...tops,
    ...paperPages({ papers, papersBySlug, listings: days.listings, undatedPapers: days.undatedPapers }),
    mergedItems,
    yearPageRedirects,
    /** Pages the operator retired in content/redirects.yaml, each leading to its new place. */
    operatorRedirects,
    /** Every page that moved, for the `_redirects` file: old year pages, merged papers and the operator's redirects. */
    // Most important first: `_redirects` holds 2,000 rules at most (redirectsFile), and the operator's and merged
    // papers' moves come before the aliases of the old year-page numbering, of which a large catalog has thousands.
    movedPages: [...operatorRedirects, ...mergedItems.map(mergeMove), ...yearPageRedirects.map(({ from, to }) => ({ from, to }))],
    /** The Pagefind bundles the search page merges into the first: one per shard of a large catalog's index. */
    searchShards: mergedBundles(papers.length, settings.shardSize),
    /** The newest date the catalog knows, a listing's or a paper's: the date of the data, never the clock's. */
    catalogDate: [days.digestDayPages[0]?.date, papers[0]?.date].filter((date) => date !== undefined).sort().at(-1) ?? null,
  };
}

/** The whole catalog, as buildCatalog makes it. */
export type Catalog<E extends PaperEntry = PaperEntry> = ReturnType<typeof buildCatalog<E>>;
