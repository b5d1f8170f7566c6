import { getCollection, type CollectionEntry } from 'astro:content';
import { authorFacets, authorKey, dateFacets, groupBy, topicFacets } from './papers/group.ts';
import { compareNewestFirst, type Paper } from './papers/model.ts';
import { OTHER_TOPIC, type Topic } from './papers/topics.ts';
import { relatedPapers } from './papers/related.ts';
import { withCacheKeys as cacheKeys } from './cache-key.ts';
import { legacyYearPages } from './pagination.ts';
import { mergedBundles } from './search-shards.ts';
import { digestDays, neighboursOf, paperListings, papersByListing, type DigestDay } from './digests.ts';
import { findPaperLinks, type FindLink } from './find-links.ts';
import { followChains, mergeMove, REDIRECTS_FILE, resolveMerges, servesPath, type Moved } from './redirects.ts';
import { printable } from './printable.ts';
import { AstroError } from 'astro/errors';
import { redirects } from 'virtual:papershelf/settings';
import { displayUrl, formatDate } from './format.ts';
import { browseGroups } from './browse.ts';
import { digestDaysFeed, newestPapersFeed, topicFeed } from './feeds.ts';
import { PAGE_SIZE } from './paths.ts';

/** A paper as the pages see it: the model's fields, the digest it came from, and the entry whose MDX body editors write. */
export interface CatalogPaper extends Omit<Paper, 'key' | 'source'> {
  /** The digest the data comes from, for generated items. */
  digest?: string;
  /** Whether editors wrote an MDX body, which the paper page renders as notes. */
  hasNotes: boolean;
  entry: CollectionEntry<'papers'>;
}

// The one read of the collections: every page imports what it needs from here.
const [entries, topicEntries, digestEntries] = await Promise.all([getCollection('papers'), getCollection('topics'), getCollection('digests')]);

/** The topic vocabulary of content/topics.yaml. */
export const vocabulary: Topic[] = topicEntries.map((entry) => entry.data);
const known = new Set(vocabulary.map((topic) => topic.id));

// An item an editor merged into another (`merged_into`) is no paper of its own: its URL leads to the other's page.
const merged = entries.filter((entry) => entry.data.merged_into !== undefined);

/** Every paper, newest first. */
export const papers: CatalogPaper[] = entries.filter((entry) => entry.data.merged_into === undefined).map(toCatalogPaper).sort(compareNewestFirst);

/** Papers by topic id, by author key (a count or `organization`), by year and by `yyyy/mm`; each newest first. */
export const papersByTopic = groupBy(papers, (paper) => paper.topics);
export const papersByAuthors = groupBy(papers, (paper) => [authorKey(paper)]);
export const papersByYear = groupBy(papers, (paper) => [paper.date.slice(0, 4)]);
export const papersByMonth = groupBy(papers, (paper) => [`${paper.date.slice(0, 4)}/${paper.date.slice(5, 7)}`]);

/** Facets for the index pages. */
export const topicList = topicFacets(papersByTopic, vocabulary);
export const authorList = authorFacets(papersByAuthors);
export const dateList = dateFacets(papers);
export const topicsById = new Map(topicList.map((topic) => [topic.slug, topic]));
/** Topics that have papers, for lists that link every entry. */
export const topicsWithPapers = topicList.filter((topic) => topic.count > 0);
/** Old URLs of year pages, each leading to the page's current URL. */
export const yearPageRedirects = legacyYearPages(dateList);

const paperSlugs = new Set(papers.map((paper) => paper.slug));
const merges = resolveMerges(
  merged.map((entry) => ({ slug: entry.id, mergedInto: entry.data.merged_into! })),
  (slug) => paperSlugs.has(slug),
);
if (merges.problems.length > 0) {
  const fileOf = new Map(merged.map((entry) => [entry.id, entry.filePath ?? `${entry.id}.mdx`]));
  const lines = merges.problems.map((problem) => `  ${fileOf.get(problem.slug)}: ${printable(problem.message)}`);
  const error = new AstroError(`${merges.problems.length} item(s) merged into no paper:\n${lines.join('\n')}`, 'Set merged_into to the slug of an item that is a paper (its file name without .mdx), or remove it.');
  error.stack = '';
  throw error;
}
/** Items merged into another paper's, each with that paper's slug: their pages lead there. */
export const mergedItems = merges.resolved;
const mergedInto = new Map(mergedItems.map((item) => [item.slug, item.mergedInto]));
/** The Pagefind bundles the search page merges into the first: one per shard of a large catalog's index. */
export const searchShards = mergedBundles(papers.length, import.meta.env.PAPERSHELF_SHARD_SIZE);
/** The papers the home page shows first. */
export const newestPapers = papers.slice(0, 10);

/** Every paper by its slug. */
export const papersBySlug = new Map(papers.map((paper) => [paper.slug, paper]));

// The digests by listing date (src/lib/digests.ts): days of the same date merged, undated digests apart.
// A digest lists a merged item by its own slug: it stands for the paper it was merged into (each paper once a day).
const grouped = digestDays(
  digestEntries.map((entry) => ({ ...entry.data, id: entry.id, papers: entry.data.papers.map((slug) => mergedInto.get(slug) ?? slug) })),
  (slug) => papersBySlug.has(slug),
);
const listings = paperListings(grouped.days);

/** A digest day as a link shows it: its date (the URL key) and that date for readers. */
export interface DayLink {
  date: string;
  label: string;
}
const dayLink = (day: Pick<DigestDay, 'date'>): DayLink => ({ date: day.date, label: formatDate(day.date) });

/** One page per listing date: its papers in the digests' order, and the newer and older days. */
export const digestDayPages = grouped.days.map((day, index) => {
  const { newer, older } = neighboursOf(grouped.days, index);
  return {
    ...dayLink(day),
    papers: day.papers.map((slug) => papersBySlug.get(slug)!),
    ...(newer && { newer: dayLink(newer) }),
    ...(older && { older: dayLink(older) }),
  };
});

/** The digest days by year, newest first, each day with its paper count: the digests index. */
export const digestYears = [...groupBy(grouped.days, (day) => [day.date.slice(0, 4)])].map(([year, days]) => ({
  year,
  days: days.map((day) => ({ ...dayLink(day), count: day.papers.length })),
}));

/** The newest digest day; undefined for a catalog without dated digests. */
export const newestDay = digestDayPages[0];

/**
 * What the home page shows of the newest day: its first page of papers in the digests' order and the day's count, so
 * the home page stays one page long however many papers a day lists; undefined for a catalog without dated digests.
 */
export const newestDayFirstPage = newestDay && { ...dayLink(newestDay), papers: newestDay.papers.slice(0, PAGE_SIZE), total: newestDay.papers.length };

/** Digests that state no listing date: they have no page of their own; the index counts their papers. */
const undatedPapers = new Set(grouped.undated.flatMap((digest) => digest.papers));
export const undatedDigests = { digests: grouped.undated.length, papers: undatedPapers.size };

// Every paper in the listings' order (newest listing day first, each day in its digests' order), for the feeds.
const listedPapers = papersByListing(digestDayPages, papers);
const listedByTopic = groupBy(listedPapers, ({ paper }) => paper.topics);

/** The catalog's feed of its most recently listed papers, and each topic's by topic id (src/lib/feeds.ts). */
export const catalogFeed = newestPapersFeed(listedPapers);
export const topicFeeds = new Map(topicsWithPapers.map((topic) => [topic.slug, topicFeed(topic, listedByTopic.get(topic.slug)!)]));
/** The feed of the newest listing days, one item a day. */
export const digestsFeed = digestDaysFeed(digestDayPages);

/** The newest date the catalog knows, a listing's or a paper's: the date of the data, never the clock's. */
export const catalogDate = [newestDay?.date, papers[0]?.date].filter((date) => date !== undefined).sort().at(-1) ?? null;

/** A paper's listing dates, newest first. */
export const listingDates = (slug: string): readonly string[] => listings.dates.get(slug) ?? [];

/** A neighbour of a paper in its digest: enough to link it. */
export interface PaperLink {
  slug: string;
  title: string;
}
const paperLink = (slug: string | undefined): PaperLink | undefined => {
  const paper = slug === undefined ? undefined : papersBySlug.get(slug);
  return paper && { slug: paper.slug, title: paper.title };
};

// Relating papers reads every abstract: done once, on the first page that asks (a dev server's home page never does).
let related: Map<string, PaperLink[]> | undefined;

/** A paper's related papers (src/lib/papers/related.ts) as links, most similar first; empty when none is similar enough. */
export function relatedLinks(paper: Pick<CatalogPaper, 'slug'>): PaperLink[] {
  related ??= new Map([...relatedPapers(papers)].map(([slug, list]) => [slug, list.flatMap(({ slug }) => paperLink(slug) ?? [])]));
  return related.get(paper.slug) ?? [];
}

/** What a paper's page shows besides the paper: the days that listed it, its neighbours in the newest, find links. */
export interface PaperContext {
  listedIn: DayLink[];
  /** Whether a digest without a listing date lists it too (such a digest has no page to link). */
  inUndated: boolean;
  place?: DayLink & { previous?: PaperLink; next?: PaperLink };
  find: FindLink[];
  /** The paper's code links, then its project links, as its page shows them. */
  links: { kind: 'Code' | 'Project'; href: string; text: string }[];
}

/** The context of a paper's page (see PaperContext). */
export function paperContext(paper: CatalogPaper): PaperContext {
  const place = listings.places.get(paper.slug);
  const previous = paperLink(place?.previous);
  const next = paperLink(place?.next);
  return {
    listedIn: (listings.dates.get(paper.slug) ?? []).map((date) => dayLink({ date })),
    inUndated: undatedPapers.has(paper.slug),
    ...(place && { place: { ...dayLink(place), ...(previous && { previous }), ...(next && { next }) } }),
    find: findPaperLinks(paper.title),
    links: [
      ...paper.code.map((href) => ({ kind: 'Code' as const, href, text: displayUrl(href) })),
      ...paper.links.map((href) => ({ kind: 'Project' as const, href, text: displayUrl(href) })),
    ],
  };
}

function toCatalogPaper(entry: CollectionEntry<'papers'>): CatalogPaper {
  const { data } = entry;
  // A topic removed from the vocabulary since the item was written must not become a dead link.
  const topics = data.topics.filter((id) => known.has(id));
  return {
    slug: entry.id,
    title: data.title,
    abstract: data.abstract,
    byline: data.organization ? { kind: 'organization', ...data.organization } : { kind: 'authors', count: data.authors! },
    date: data.date,
    upvotes: data.upvotes,
    topics: topics.length > 0 ? topics : [OTHER_TOPIC],
    code: data.code,
    links: data.links,
    digests: data.digests,
    digest: data.generated?.digest,
    hasNotes: (entry.body ?? '').trim() !== '',
    entry,
  };
}

export { PAGE_SIZE };

// What every page shows besides its own props: the topic names (chips, search facets).
const siteKey = JSON.stringify(topicList.map((topic) => [topic.slug, topic.label]));

/** Static paths with their `cacheKey` for incremental builds (src/lib/cache-key.ts). */
export function withCacheKeys<T extends { props: unknown }>(paths: readonly T[]): (T & { cacheKey: string })[] {
  return cacheKeys(paths, siteKey);
}

/**
 * The ways in beside every list (topics, years, author counts; no counts, so it changes only when one appears or
 * goes): computed once here, and part of every list page's cache key.
 */
export const listSidebar = browseGroups({ topics: topicList, years: dateList, authors: authorList }, { counts: false });
const listKey = `${siteKey}${JSON.stringify(listSidebar)}`;

/** Static paths of pages that show the list sidebar, keyed on it too: a new year or topic re-renders them. */
export function withListCacheKeys<T extends { props: unknown }>(paths: readonly T[]): (T & { cacheKey: string })[] {
  return cacheKeys(paths, listKey);
}

// Last: the check of the operator's redirects reads every list above.
/** Pages the operator retired in content/redirects.yaml, each leading to its new place. */
export const operatorRedirects: Moved[] = checkedOperatorRedirects();
/** Every page that moved, for the `_redirects` file: old year pages, merged papers and the operator's redirects. */
export const movedPages: Moved[] = [...yearPageRedirects.map(({ from, to }) => ({ from, to })), ...mergedItems.map(mergeMove), ...operatorRedirects];

/**
 * The operator's redirects (checked for syntax, build files and cycles when the build started), each followed through
 * merged papers to its end, so no redirect leads to another; a `from` that names a page the catalog still publishes
 * stops the build with the redirect named, before any page is rendered from it.
 */
function checkedOperatorRedirects(): Moved[] {
  const live = {
    papers: new Set([...paperSlugs, ...mergedItems.map((item) => item.slug)]),
    topics: new Set(topicsWithPapers.map((topic) => topic.slug)),
    years: new Set(dateList.map((year) => year.slug)),
    authors: new Set(authorList.map((facet) => facet.slug)),
    days: new Set(grouped.days.map((day) => day.date)),
  };
  const claimed = redirects.filter((redirect) => servesPath(redirect.from, live));
  if (claimed.length > 0) {
    const error = new AstroError(
      `${REDIRECTS_FILE}: ${claimed.length} redirect(s) retire a page or a file the catalog still publishes:\n${claimed.map((redirect) => `  /${printable(redirect.from)}`).join('\n')}`,
      'Remove these redirects: the page is there. To move a paper, merge its item into another (merged_into: <slug>).',
    );
    error.stack = '';
    throw error;
  }
  return followChains(redirects, mergedItems.map(mergeMove)).moved;
}
