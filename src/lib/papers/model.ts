import type { Byline, ParsedDigest } from '../digest/types.ts';
import type { ItemData } from '../schema.ts';
import { groupListings, linkedBecause, type Listed } from './grouping.ts';
import { listingOf, samePaper, type Listing, type SameBecause } from './identity.ts';
import { matchPublished, type PublishedPaper } from './published.ts';
import { extractLinks } from './links.ts';
import { assignSlugs } from './slug.ts';
import { assignTopics, type CompiledVocabulary } from './topics.ts';

/**
 * The fields a paper shares with its item, as the item schema (src/lib/schema.ts) states them: one shape, derived,
 * so a field added to the schema is a field of the paper.
 */
export type PaperFields = Pick<ItemData, 'key' | 'slug' | 'title' | 'abstract' | 'date' | 'upvotes' | 'topics' | 'code' | 'links' | 'digests' | 'arxiv' | 'authorNames'>;

export type { PublishedPaper } from './published.ts';

/** A paper of the catalog: the newest digest's data for one identity, with everything derived from it. */
export interface Paper extends PaperFields {
  byline: Byline;
  /** Where the data comes from: the newest digest listing the paper, and the line of its title. */
  source: { file: string; line: number };
}

/** What building the papers needs besides the digests. */
export interface ModelOptions {
  vocabulary: CompiledVocabulary;
  /** Papers already published: their slugs never change and are never given to another paper. */
  published: readonly PublishedPaper[];
  /** Slugs no new paper may take: files the ingest must not write, such as items it cannot read. */
  reserved?: Iterable<string>;
  /**
   * What a paper's text gives it (topics, code and project links), worked out by `compute`; the ingest passes a
   * function that remembers the answers of earlier runs (src/ingest/memo.ts). The answer must be `compute()`'s.
   */
  derive?: (text: DerivedFrom, compute: () => Derived) => Derived;
}

/** The text a paper's topics and links come from. */
export interface DerivedFrom {
  title: string;
  abstract: readonly string[];
}

/** What a paper's text gives it. */
export type Derived = Pick<PaperFields, 'topics' | 'code' | 'links'>;

/** A listing that joined another listing's paper: reported, never dropped without a word. */
export interface Merge {
  /** The listing merged in. */
  file: string;
  line: number;
  /** The listing whose data the paper shows: the newest. */
  into: { file: string; line: number };
  slug: string;
  because: SameBecause;
}

/** The catalog's papers, newest first, and the listings merged into them. */
export interface Papers {
  papers: Paper[];
  merges: Merge[];
  /** Each digest's papers by slug, in the digest's own order (a paper it lists twice, once). */
  byDigest: Map<string, string[]>;
}

/** Orders digests oldest first: by the listing's date, then by file name. */
export function compareDigests(a: ParsedDigest, b: ParsedDigest): number {
  const byDate = (a.listedOn ?? '').localeCompare(b.listedOn ?? '');
  return byDate !== 0 ? byDate : a.file.localeCompare(b.file);
}

/**
 * Merges the entries of all digests into papers, with the newest listing's data. Two entries are one paper when
 * `samePaper` says so, directly or through other listings of it; anything else is two papers. The result does not
 * depend on the order of the digests or of their entries; it lists papers newest first.
 */
export function mergeListings(digests: readonly ParsedDigest[], options: ModelOptions): Papers {
  const listed: Listed[] = [];
  for (const digest of [...digests].sort(compareDigests)) {
    for (const entry of [...digest.entries].sort((a, b) => a.line - b.line)) {
      listed.push({ entry, listing: listingOf(entry) });
    }
  }
  const groups = groupListings(listed);
  const items = matchPublished(groups, listed, options.published);
  const ids = listingIds(groups.map((members) => listed[members[0]!]!.listing));
  const slugs = assignSlugs(
    groups.map((members, index) => ({ key: ids[index]!, title: listed[members[0]!]!.entry.title })),
    new Map([...items].map(([index, item]) => [ids[index]!, item.slug])),
    [...options.published.map((paper) => paper.slug), ...(options.reserved ?? [])],
  );
  const derive = options.derive ?? ((_text: DerivedFrom, compute: () => Derived) => compute());
  const papers: Paper[] = [];
  const merges: Merge[] = [];
  groups.forEach((members, index) => {
    const newest = listed[members.at(-1)!]!;
    const { entry } = newest;
    // What only some digests state (a JSON digest's arXiv id and names) comes from the newest listing that states it.
    const stating = (has: (entry: (typeof listed)[number]['entry']) => boolean) => members.map((member) => listed[member]!.entry).findLast(has);
    const arxiv = stating((member) => member.arxiv !== undefined)?.arxiv;
    const authorNames = stating((member) => member.authorNames !== undefined)?.authorNames;
    const slug = slugs.get(ids[index]!)!;
    const digestsListing: string[] = [];
    for (const member of members) {
      const file = listed[member]!.entry.file;
      if (!digestsListing.includes(file)) digestsListing.push(file);
    }
    papers.push({
      key: newest.listing.title,
      slug,
      title: entry.title,
      abstract: entry.abstract,
      byline: entry.byline,
      date: entry.date,
      upvotes: entry.upvotes,
      ...derive({ title: entry.title, abstract: entry.abstract }, () => ({ topics: assignTopics(entry, options.vocabulary), ...extractLinks(entry.abstract) })),
      source: { file: entry.file, line: entry.line },
      digests: digestsListing,
      ...(arxiv !== undefined && { arxiv }),
      ...(authorNames !== undefined && { authorNames }),
    });
    for (const member of members.slice(0, -1)) {
      const { entry: merged, listing } = listed[member]!;
      merges.push({
        file: merged.file,
        line: merged.line,
        into: { file: entry.file, line: entry.line },
        slug,
        because: samePaper(listing, newest.listing) ?? linkedBecause(members, listed, member),
      });
    }
  });
  const byDigest = new Map<string, string[]>();
  groups.forEach((members, index) => {
    const slug = slugs.get(ids[index]!)!;
    for (const member of members) {
      const { file, line } = listed[member]!.entry;
      const list = byDigest.get(file);
      if (list) list.push(`${line}\u0000${slug}`);
      else byDigest.set(file, [`${line}\u0000${slug}`]);
    }
  });
  for (const [file, placed] of byDigest) {
    const ordered = placed.sort((a, b) => parseInt(a, 10) - parseInt(b, 10)).map((entry) => entry.slice(entry.indexOf('\u0000') + 1));
    byDigest.set(file, [...new Set(ordered)]);
  }
  return { papers: papers.sort(compareNewestFirst), merges, byDigest };
}

/** The papers of `mergeListings`, without the merges. */
export function buildPapers(digests: readonly ParsedDigest[], options: ModelOptions): Paper[] {
  return mergeListings(digests, options).papers;
}

/**
 * Each paper's stable identity among new papers, from its oldest listing: its title key and date, as before papers of
 * one title key and date could be two (so that no new paper's slug moves); those few also get their name and abstract,
 * and their arXiv id when they have one.
 */
function listingIds(oldest: readonly Listing[]): string[] {
  const ids = oldest.map((listing) => `${listing.title}\u0000${listing.date}`);
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return ids.map((id, index) => {
    if (counts.get(id) === 1) return id;
    const { name, abstract, arxiv } = oldest[index]!;
    return `${id}\u0000${name}\u0000${abstract}${arxiv === undefined ? '' : `\u0000${arxiv}`}`;
  });
}

/** Newest first, then most upvoted, then by slug: the order of every list in the catalog. */
export function compareNewestFirst(a: { date: string; upvotes: number; slug: string }, b: { date: string; upvotes: number; slug: string }): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.upvotes !== b.upvotes) return b.upvotes - a.upvotes;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
