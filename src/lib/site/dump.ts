import type { Paper } from '../papers/model.ts';
import { paths } from '../shared/paths.ts';

/**
 * The version of the dump's shape (`papers.json` and its parts, documented in docs/operating.md). Within a version
 * fields are only added; removing or renaming a field, or changing what one means, makes a new version. Version 2
 * split the papers out of `papers.json` into parts of DUMP_PART_SIZE papers: one file of every paper was 186 MB at
 * 100,000 papers, over what hosts serve (Cloudflare Pages: 25 MiB a file).
 */
export const DUMP_VERSION = 2;

/**
 * Papers per part: about 10 MB of JSON on real text (some 2 KB a paper), well under 25 MiB. The parts are counted
 * from the oldest paper, so a part that is full stays byte for byte the same while new papers arrive.
 */
export const DUMP_PART_SIZE = 5_000;

/**
 * A paper as the dump states it: the paper's own fields (derived from the item schema through Paper), its page's
 * absolute `url`, and `digests` as the listing dates of the digests that list it, newest first (`YYYY-MM-DD`).
 */
export type DumpPaper = { url: string } & Pick<Paper, 'slug' | 'title' | 'abstract' | 'date' | 'byline' | 'upvotes' | 'topics' | 'code' | 'links'> & { digests: string[] } & Pick<Paper, 'arxiv' | 'authorNames'>;

/** A topic as the dump states it. */
export interface DumpTopic {
  id: string;
  name: string;
  /** The topic's page, absolute. */
  url: string;
}

/** A part of the dump as `papers.json` lists it. */
export interface DumpPartLink {
  /** 1 for the oldest papers. */
  part: number;
  /** The part's file, absolute. */
  url: string;
  papers: number;
}

/** `papers.json`: what the catalog is, and its parts, newest first. */
export interface DumpIndex {
  version: typeof DUMP_VERSION;
  /** The newest date in the catalog (a listing's or a paper's), never the clock; null for an empty catalog. */
  generated: string | null;
  /** The catalog's home page, absolute. */
  site: string;
  topics: DumpTopic[];
  /** How many papers the parts hold together. */
  papers: number;
  /** Newest first: the first part holds the newest papers. */
  parts: DumpPartLink[];
}

/** A part of the dump: its papers, newest first, as every list of the catalog. */
export interface DumpPart {
  version: typeof DUMP_VERSION;
  part: number;
  papers: DumpPaper[];
}

/** Whether a path below the base is a part of the dump: not a promise (the index, `papers.json`, is), so not recorded. */
export function isDumpPartPath(path: string): boolean {
  // Read against paths.dumpPart, the one spelling of a part's path.
  const part = /\d+/.exec(path)?.[0];
  return part !== undefined && paths.dumpPart(Number(part)) === path;
}

/** The dump's parts: part `part` (1 = oldest) holds `papers.slice(start, end)` of the newest-first papers. Newest part first. */
export function dumpParts(count: number, size = DUMP_PART_SIZE): { part: number; start: number; end: number }[] {
  const parts = Math.ceil(count / size);
  return Array.from({ length: parts }, (_, i) => {
    const part = parts - i;
    return { part, start: Math.max(0, count - part * size), end: count - (part - 1) * size };
  });
}

/** What the dump reads of the catalog. */
export interface DumpSource {
  generated: string | null;
  topics: readonly { slug: string; label: string }[];
  /** Newest first. */
  papers: readonly Pick<Paper, 'slug' | 'title' | 'abstract' | 'date' | 'byline' | 'upvotes' | 'topics' | 'code' | 'links' | 'arxiv' | 'authorNames'>[];
  /** A paper's listing dates, newest first. */
  listingDates: (slug: string) => readonly string[];
}

/** Papers per piece of `dumpPartJson`: big enough for few pieces, small enough that none is large. */
const PAPERS_PER_PIECE = 500;

/** `papers.json`, the dump's index: the catalog's date, site and topics, and each part with its count. */
export function dumpIndexJson(source: Omit<DumpSource, 'listingDates'>, url: (path: string) => string, size = DUMP_PART_SIZE): string {
  const index: DumpIndex = {
    version: DUMP_VERSION,
    generated: source.generated,
    site: url(paths.home()),
    topics: source.topics.map((topic) => ({ id: topic.slug, name: topic.label, url: url(paths.topic(topic.slug)) })),
    papers: source.papers.length,
    parts: dumpParts(source.papers.length, size).map(({ part, start, end }) => ({ part, url: url(paths.dumpPart(part)), papers: end - start })),
  };
  return `${JSON.stringify(index)}\n`;
}

/**
 * A part of the dump as JSON, in pieces whose concatenation is the whole document: one paper a line, built a few
 * hundred papers at a time, so a part never becomes one string. `papers` are the part's, newest first.
 */
export function* dumpPartJson(part: number, papers: DumpSource['papers'], listingDates: DumpSource['listingDates'], url: (path: string) => string): Generator<string> {
  const opening = JSON.stringify({ version: DUMP_VERSION, part }).slice(0, -1);
  if (papers.length === 0) {
    yield `${opening},"papers":[]}\n`;
    return;
  }
  yield `${opening},"papers":[\n`;
  for (let start = 0; start < papers.length; start += PAPERS_PER_PIECE) {
    const lines = papers.slice(start, start + PAPERS_PER_PIECE).map((paper) => JSON.stringify(dumpPaper(paper, url, listingDates(paper.slug))));
    const last = start + PAPERS_PER_PIECE >= papers.length;
    yield `${lines.join(',\n')}${last ? '\n]}\n' : ',\n'}`;
  }
}

/**
 * One paper of the dump, its fields in a fixed order; `arxiv` and `authorNames` (added in version 1) only when a digest
 * states them, so a paper of the text digests alone is written as before.
 */
export function dumpPaper(paper: DumpSource['papers'][number], url: (path: string) => string, digests: readonly string[]): DumpPaper {
  return {
    url: url(paths.paper(paper.slug)),
    slug: paper.slug,
    title: paper.title,
    abstract: [...paper.abstract],
    date: paper.date,
    byline: paper.byline.kind === 'authors' ? { kind: 'authors', count: paper.byline.count } : { kind: 'organization', handle: paper.byline.handle, name: paper.byline.name },
    upvotes: paper.upvotes,
    topics: [...paper.topics],
    code: [...paper.code],
    links: [...paper.links],
    digests: [...digests],
    ...(paper.arxiv !== undefined && { arxiv: paper.arxiv }),
    ...(paper.authorNames !== undefined && { authorNames: [...paper.authorNames] }),
  };
}

/** Text pieces as a byte stream, encoded as UTF-8 one piece at a time (a response body Astro writes to a file). */
export function byteStream(pieces: Iterable<string>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}
