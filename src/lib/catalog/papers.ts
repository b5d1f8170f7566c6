import { browseGroups } from './browse.ts';
import { authorFacets, authorKey, dateFacets, groupBy, topicFacets } from '../papers/group.ts';
import { compareNewestFirst, type Paper } from '../papers/model.ts';
import { OTHER_TOPIC, type Topic } from '../papers/topics.ts';
import type { PaperItemData } from '../schema.ts';
import { bylineOf } from '../schema.ts';

/** An item of the papers collection as the catalog reads it: a collection entry, or a plain object in tests. */
export interface PaperEntry {
  /** The item's file name without `.mdx`: the paper's slug. */
  id: string;
  data: PaperItemData;
  /** The editors' MDX body, if any. */
  body?: string;
  filePath?: string;
}

/** A topic as a link shows it: its id (the URL key) and its name. */
export interface TopicLink {
  slug: string;
  label: string;
}

/** A paper as the pages see it: the model's fields, its topics' names, the digest it came from, and its item. */
export interface CatalogPaper<E extends PaperEntry = PaperEntry> extends Omit<Paper, 'key' | 'source'> {
  /** The paper's topics with their names, in the order of `topics`: what its chips and search facets show. */
  topicLinks: TopicLink[];
  /** The digest the data comes from, for generated items. */
  digest?: string;
  /** Whether editors wrote an MDX body, which the paper page renders as notes. */
  hasNotes: boolean;
  entry: E;
}

/** Whether an item was merged into another (`merged_into`): it is no paper of its own, its URL leads to the other's. */
export const isMerged = (entry: PaperEntry): boolean => entry.data.merged_into !== undefined;

/** A paper of an item: its topics those the vocabulary still names (else "Other"), each with its name. */
export function toCatalogPaper<E extends PaperEntry>(entry: E, vocabulary: ReadonlyMap<string, Topic>): CatalogPaper<E> {
  const { data } = entry;
  // A topic removed from the vocabulary since the item was written must not become a dead link.
  const known = data.topics.filter((id) => vocabulary.has(id));
  const topics = known.length > 0 ? known : [OTHER_TOPIC];
  return {
    slug: entry.id,
    title: data.title,
    abstract: data.abstract,
    byline: bylineOf(data),
    date: data.date,
    upvotes: data.upvotes,
    topics,
    topicLinks: topics.flatMap((id) => {
      const topic = vocabulary.get(id);
      return topic ? [{ slug: topic.id, label: topic.name }] : [];
    }),
    code: data.code,
    links: data.links,
    digests: data.digests,
    ...(data.arxiv !== undefined && { arxiv: data.arxiv }),
    ...(data.authorNames !== undefined && { authorNames: data.authorNames }),
    digest: data.generated?.digest,
    hasNotes: (entry.body ?? '').trim() !== '',
    entry,
  };
}

/** Every paper newest first, by slug, grouped by topic, author count, year and month; the facets and the sidebar. */
export function paperViews<E extends PaperEntry>(entries: readonly E[], vocabulary: readonly Topic[]) {
  const byId = new Map(vocabulary.map((topic) => [topic.id, topic]));
  const papers = entries.filter((entry) => !isMerged(entry)).map((entry) => toCatalogPaper(entry, byId)).sort(compareNewestFirst);
  const papersByTopic = groupBy(papers, (paper) => paper.topics);
  const papersByAuthors = groupBy(papers, (paper) => [authorKey(paper)]);
  const topicList = topicFacets(papersByTopic, vocabulary);
  const authorList = authorFacets(papersByAuthors);
  const dateList = dateFacets(papers);
  return {
    /** Every paper, newest first. */
    papers,
    /** Every paper by its slug. */
    papersBySlug: new Map(papers.map((paper) => [paper.slug, paper])),
    /** Papers by topic id, by author key (a count or `organization`), by year and by `yyyy/mm`; each newest first. */
    papersByTopic,
    papersByAuthors,
    papersByYear: groupBy(papers, (paper) => [paper.date.slice(0, 4)]),
    papersByMonth: groupBy(papers, (paper) => [`${paper.date.slice(0, 4)}/${paper.date.slice(5, 7)}`]),
    /** Facets for the index pages: every topic of the vocabulary (possibly without papers), author counts, years. */
    topicList,
    authorList,
    dateList,
    /** Topics that have papers, for lists that link every entry. */
    topicsWithPapers: topicList.filter((topic) => topic.count > 0),
    /** The papers the home page shows first when no digest has a date. */
    newestPapers: papers.slice(0, 10),
    /**
     * The ways in beside every list (topics, years, author counts) without counts, so it changes only when one
     * appears or goes: list pages carry it in their props, and so in their cache key.
     */
    listSidebar: browseGroups({ topics: topicList, years: dateList, authors: authorList }, { counts: false }),
    /** The same ways in with counts, for the home page, which is rendered on every build. */
    homeSidebar: browseGroups({ topics: topicList, years: dateList, authors: authorList }, { counts: true }),
  };
}
