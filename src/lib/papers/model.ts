import type { Byline, DigestEntry, ParsedDigest } from '../digest/types.ts';
import type { ItemData } from '../schema.ts';
import { groupBy } from './group.ts';
import { listingOf, meetingKeys, nameKey, samePaper, type Listing, type SameBecause } from './identity.ts';
import { extractLinks } from './links.ts';
import { assignSlugs } from './slug.ts';
import { assignTopics, type CompiledVocabulary } from './topics.ts';

/**
 * The fields a paper shares with its item, as the item schema (src/lib/schema.ts) states them: one shape, derived,
 * so a field added to the schema is a field of the paper.
 */
export type PaperFields = Pick<ItemData, 'key' | 'slug' | 'title' | 'abstract' | 'date' | 'upvotes' | 'topics' | 'code' | 'links' | 'digests'>;

/** A paper of the catalog: the newest digest's data for one identity, with everything derived from it. */
export interface Paper extends PaperFields {
  byline: Byline;
  /** Where the data comes from: the newest digest listing the paper, and the line of its title. */
  source: { file: string; line: number };
}

/** A paper already published as an item: who it is, and its URL slug. */
export interface PublishedPaper {
  /** The identity key of its title, as the item states it. */
  key: string;
  slug: string;
  /** `YYYY-MM-DD`, as the item states it. */
  date: string;
  /** The title the item states: asked of items whose title key and date a listing shares, to compare names. */
  title: () => string;
  /**
   * The `abstractKey` of the item's abstract. Asked only of items no listing claimed by title and date, and only when
   * some paper is new: reading it costs a full parse of the item.
   */
  abstract: () => string;
}

/** What building the papers needs besides the digests. */
export interface ModelOptions {
  vocabulary: CompiledVocabulary;
  /** Papers already published: their slugs never change and are never given to another paper. */
  published: readonly PublishedPaper[];
  /** Slugs no new paper may take: files the ingest must not write, such as items it cannot read. */
  reserved?: Iterable<string>;
}

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

/** A digest entry with what it says about the paper's identity. */
interface Listed {
  entry: DigestEntry;
  listing: Listing;
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
  const papers: Paper[] = [];
  const merges: Merge[] = [];
  groups.forEach((members, index) => {
    const newest = listed[members.at(-1)!]!;
    const { entry } = newest;
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
      topics: assignTopics(entry, options.vocabulary),
      ...extractLinks(entry.abstract),
      source: { file: entry.file, line: entry.line },
      digests: digestsListing,
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
 * The listings grouped into papers (union-find over the keys of `meetingKeys`): each group's indexes ascending,
 * oldest listing first; groups ordered by their oldest listing.
 */
function groupListings(listed: readonly Listed[]): number[][] {
  const parent = listed.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root]!;
    for (let at = index; parent[at] !== root; ) [at, parent[at]] = [parent[at]!, root];
    return root;
  };
  const join = (index: number, other: number) => {
    const [a, b] = [find(index), find(other)];
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b); // the oldest listing is the root
  };
  const met = new Map<string, number[]>();
  listed.forEach(({ listing }, index) => {
    meetingKeys(listing).forEach((key, rule) => {
      const others = met.get(key);
      if (others === undefined) return void met.set(key, [index]);
      // One name and date is one paper only when the abstracts agree: each listing meets every other of that key.
      if (rule === 0) for (const other of others) { if (samePaper(listing, listed[other]!.listing)) join(index, other); }
      else join(index, others[0]!);
      if (rule === 0) others.push(index);
    });
  });
  const groups = new Map<number, number[]>();
  listed.forEach((_, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });
  return [...groups.values()];
}

/** Why a listing joined a paper whose newest listing it shares nothing with: through another listing of it. */
function linkedBecause(members: readonly number[], listed: readonly Listed[], member: number): SameBecause {
  for (const other of members) {
    const because = other === member ? undefined : samePaper(listed[member]!.listing, listed[other]!.listing);
    if (because) return because;
  }
  return 'same title and date'; // unreachable: a group's listings are linked
}

/**
 * Each paper's stable identity among new papers, from its oldest listing: its title key and date, as before papers of
 * one title key and date could be two (so that no new paper's slug moves); those few also get their name and abstract.
 */
function listingIds(oldest: readonly Listing[]): string[] {
  const ids = oldest.map((listing) => `${listing.title}\u0000${listing.date}`);
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return ids.map((id, index) => (counts.get(id) === 1 ? id : `${id}\u0000${oldest[index]!.name}\u0000${oldest[index]!.abstract}`));
}

/**
 * The published item of each group that has one, by group index. An item belongs to a group when `samePaper` holds
 * between it and one of the group's listings; items are matched by title and date first, which needs no parse, then,
 * for groups still without an item, by title and abstract, then by date and abstract (a reworded title). Each item
 * goes to one group at most; when several fit one group, the one that fits its oldest listing wins, then the first by
 * slug, and the others stay published as they are.
 */
function matchPublished(groups: readonly number[][], listed: readonly Listed[], published: readonly PublishedPaper[]): Map<number, PublishedPaper> {
  const items = new Map<number, PublishedPaper>();
  if (published.length === 0) return items;
  const sorted = [...published].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const byTitleDate = groupBy(sorted, (item) => [`${item.key}\u0000${item.date}`]);
  const byTitle = groupBy(sorted, (item) => [item.key]);
  const byDate = groupBy(sorted, (item) => [item.date]);
  const claimed = new Set<PublishedPaper>();
  const abstracts = new Map<PublishedPaper, string>();
  const abstractOf = (item: PublishedPaper) => {
    let key = abstracts.get(item);
    if (key === undefined) abstracts.set(item, (key = item.abstract()));
    return key;
  };
  const names = new Map<PublishedPaper, string>();
  const nameOf = (item: PublishedPaper) => {
    let name = names.get(item);
    if (name === undefined) names.set(item, (name = nameKey(item.title())));
    return name;
  };
  const passes: ((listing: Listing) => PublishedPaper | undefined)[] = [
    (listing) => byTitleDate.get(`${listing.title}\u0000${listing.date}`)?.find((item) => !claimed.has(item) && nameOf(item) === listing.name),
    (listing) => byTitle.get(listing.title)?.find((item) => !claimed.has(item) && nameOf(item) === listing.name && abstractOf(item) === listing.abstract),
    (listing) => byDate.get(listing.date)?.find((item) => !claimed.has(item) && abstractOf(item) === listing.abstract),
  ];
  for (const pass of passes) {
    groups.forEach((members, index) => {
      if (items.has(index)) return;
      for (const member of members) {
        const item = pass(listed[member]!.listing);
        if (item) {
          items.set(index, item);
          claimed.add(item);
          return;
        }
      }
    });
  }
  return items;
}

/** Newest first, then most upvoted, then by slug: the order of every list in the catalog. */
export function compareNewestFirst(a: { date: string; upvotes: number; slug: string }, b: { date: string; upvotes: number; slug: string }): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.upvotes !== b.upvotes) return b.upvotes - a.upvotes;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
