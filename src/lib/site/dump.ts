import type { Paper } from '../papers/model.ts';
import { paths } from '../shared/paths.ts';

/**
 * The version of the dump's shape (`papers.json`, documented in docs/operating.md). Within a version fields are only added;
 * removing or renaming a field, or changing what one means, makes a new version.
 */
export const DUMP_VERSION = 1;

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

/** The whole dump. */
export interface Dump {
  version: typeof DUMP_VERSION;
  /** The newest date in the catalog (a listing's or a paper's), never the clock; null for an empty catalog. */
  generated: string | null;
  /** The catalog's home page, absolute. */
  site: string;
  topics: DumpTopic[];
  /** Newest first, as every list of the catalog. */
  papers: DumpPaper[];
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

/** Papers per piece of `dumpJson`: big enough for few pieces, small enough that none is large. */
const PAPERS_PER_PIECE = 500;

/**
 * The dump as JSON, in pieces whose concatenation is the whole document: one paper a line, built a few hundred papers
 * at a time, so 100,000 papers never become one string. `url` makes a path below the base absolute.
 */
export function* dumpJson(source: DumpSource, url: (path: string) => string): Generator<string> {
  const head: Omit<Dump, 'papers'> = {
    version: DUMP_VERSION,
    generated: source.generated,
    site: url(paths.home()),
    topics: source.topics.map((topic) => ({ id: topic.slug, name: topic.label, url: url(paths.topic(topic.slug)) })),
  };
  const opening = JSON.stringify(head).slice(0, -1);
  if (source.papers.length === 0) {
    yield `${opening},"papers":[]}\n`;
    return;
  }
  yield `${opening},"papers":[\n`;
  for (let start = 0; start < source.papers.length; start += PAPERS_PER_PIECE) {
    const lines = source.papers.slice(start, start + PAPERS_PER_PIECE).map((paper) => JSON.stringify(dumpPaper(paper, url, source.listingDates(paper.slug))));
    const last = start + PAPERS_PER_PIECE >= source.papers.length;
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
