import type { Byline, DigestEntry, ParsedDigest } from '../digest/types.ts';
import { groupBy } from './group.ts';
import { fingerprint, identityKey } from './identity.ts';
import { extractLinks } from './links.ts';
import { assignSlugs } from './slug.ts';
import { assignTopics, type CompiledVocabulary } from './topics.ts';

/** A paper of the catalog: the newest digest's data for one identity, with everything derived from it. */
export interface Paper {
  /** Identity: the title up to case, punctuation and spacing. */
  key: string;
  slug: string;
  title: string;
  abstract: string[];
  byline: Byline;
  /** `YYYY-MM-DD`. */
  date: string;
  upvotes: number;
  /** Topic ids, best match first. */
  topics: string[];
  /** GitHub repositories named in the abstract. */
  code: string[];
  /** Other http(s) URLs named in the abstract. */
  links: string[];
  /** Where the data comes from: the newest digest listing the paper, and the line of its title. */
  source: { file: string; line: number };
  /** Every digest that lists the paper, oldest first. */
  digests: string[];
}

/** A paper already published as an item: its identity, its URL slug and its fingerprint. */
export interface PublishedPaper {
  key: string;
  slug: string;
  /**
   * The item's fingerprint (see identity.ts). Asked only of items whose key no digest lists any more, and only when
   * some paper is new: reading it costs a full parse of the item.
   */
  fingerprint: () => string;
}

/** What building the papers needs besides the digests. */
export interface ModelOptions {
  vocabulary: CompiledVocabulary;
  /** Papers already published: their slugs never change and are never given to another paper. */
  published: readonly PublishedPaper[];
}

/** Orders digests oldest first: by the listing's date, then by file name. */
export function compareDigests(a: ParsedDigest, b: ParsedDigest): number {
  const byDate = (a.listedOn ?? '').localeCompare(b.listedOn ?? '');
  return byDate !== 0 ? byDate : a.file.localeCompare(b.file);
}

/**
 * Merges the entries of all digests into papers, one per identity, with the newest digest's data. The result does
 * not depend on the order of the digests or of their entries; it lists papers newest first.
 */
export function buildPapers(digests: readonly ParsedDigest[], options: ModelOptions): Paper[] {
  const ordered = [...digests].sort(compareDigests);
  const latest = new Map<string, DigestEntry>();
  const seenIn = new Map<string, string[]>();
  for (const digest of ordered) {
    const entries = [...digest.entries].sort((a, b) => a.line - b.line);
    for (const entry of entries) {
      const key = identityKey(entry.title);
      latest.set(key, entry);
      const files = seenIn.get(key) ?? [];
      if (!files.includes(entry.file)) files.push(entry.file);
      seenIn.set(key, files);
    }
  }
  const slugs = assignSlugs(
    [...latest].map(([key, entry]) => ({ key, title: entry.title })),
    publishedSlugs(latest, options.published),
    options.published.map((paper) => paper.slug),
  );
  const papers = [...latest].map(([key, entry]): Paper => ({
    key,
    slug: slugs.get(key)!,
    title: entry.title,
    abstract: entry.abstract,
    byline: entry.byline,
    date: entry.date,
    upvotes: entry.upvotes,
    topics: assignTopics(entry, options.vocabulary),
    ...extractLinks(entry.abstract),
    source: { file: entry.file, line: entry.line },
    digests: seenIn.get(key)!,
  }));
  return papers.sort(compareNewestFirst);
}

/**
 * The published slug of each paper: by identity key, or, for a paper whose title changed its words, by the
 * fingerprint of an item no digest lists under its old title any more. Deterministic: new keys are matched in order.
 */
function publishedSlugs(latest: ReadonlyMap<string, DigestEntry>, published: readonly PublishedPaper[]): Map<string, string> {
  const pinned = new Map<string, string>();
  const byKey = new Map(published.map((paper) => [paper.key, paper.slug]));
  for (const key of latest.keys()) {
    const slug = byKey.get(key);
    if (slug !== undefined) pinned.set(key, slug);
  }
  const unlisted = published.filter((paper) => !latest.has(paper.key));
  const fresh = [...latest.keys()].filter((key) => !pinned.has(key));
  // Only a new key can be an unlisted item's paper under a reworded title; without both, no fingerprint is needed.
  if (unlisted.length === 0 || fresh.length === 0) return pinned;
  const orphans = groupBy(unlisted.sort((a, b) => a.slug.localeCompare(b.slug)), (paper) => [paper.fingerprint()]);
  for (const key of fresh.sort()) {
    const orphan = orphans.get(fingerprint(latest.get(key)!))?.shift();
    if (orphan) pinned.set(key, orphan.slug);
  }
  return pinned;
}

/** Newest first, then most upvoted, then by slug: the order of every list in the catalog. */
export function compareNewestFirst(a: { date: string; upvotes: number; slug: string }, b: { date: string; upvotes: number; slug: string }): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.upvotes !== b.upvotes) return b.upvotes - a.upvotes;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
