import { paths, withBase } from '../lib/shared/paths.ts';
import { bucketCountFor, slugBucket } from '../lib/shared/slug-hash.ts';

/**
 * The offline copy of a paper: what the build keeps of each paper for "keep the whole catalog" (a few files of
 * gzipped JSON, src/search/offline/paper-copies.ts writes them), and where the service worker finds it again when a
 * reader opens, offline, a paper this device never kept the page of (offline-html.ts draws it). Shared by the build
 * and the worker, like protocol.ts; pure, so both run it the same.
 */

/** A paper as its offline copy holds it: what the top of its page shows, each value as text (escaped when drawn). */
export interface PaperCopy {
  slug: string;
  title: string;
  /** `YYYY-MM-DD`, and as the page shows it ("9 January 2024"). */
  date: string;
  dateLabel: string;
  /** The byline as the page's facts give it: "Authors" and "8 authors", or "Organisation" and its name. */
  byline: { label: string; value: string };
  /** The authors by name, when a digest names them. */
  authors?: string[];
  abstract: string[];
  topics: { slug: string; label: string }[];
  /** The paper on arXiv, PDF and Hugging Face, then its code and project links, as the page lists them. */
  links: { kind: string; href: string; text: string }[];
}

/** Papers a file of copies holds at least (and fewer than twice as many), until the catalog has `MAX_COPY_FILES` files. */
export const PAPERS_PER_COPY_FILE = 100;
/**
 * At most this many files: each is a line of the manifest a first visit downloads, so their number stays bounded
 * (256 lines, about 20 kB); beyond 25,600 papers the files grow instead (100,000 papers: 391 a file, about 200 kB).
 */
export const MAX_COPY_FILES = 256;

/**
 * How many files the copies of `papers` papers are spread over: a power of two (bucketCountFor), so a day's papers
 * change the files they fall in and leave the others, which a reader who keeps the catalog offline does not fetch again.
 */
export function copyFileCount(papers: number): number {
  return bucketCountFor(papers, PAPERS_PER_COPY_FILE, MAX_COPY_FILES);
}

/** The path below the base of copy file `i`. Not `.gz`: a host would serve that with a `Content-Encoding` and the
 * browser would unpack it, so the kept bytes would no longer be the ones the manifest lists. */
export function copyFile(i: number): string {
  return `offline/papers-${i}.json.gzip`;
}

/** The copy file that holds a paper: by a hash of its slug (slugBucket). */
export function copyFileOf(slug: string, count: number): string {
  return copyFile(slugBucket(slug, count));
}

const COPY_FILE = /(?:^|\/)offline\/papers-\d+\.json\.gzip$/;

/** Whether a path (below the base, or a URL path) is a file of paper copies. */
export function isCopyFile(path: string): boolean {
  return COPY_FILE.test(path);
}

/** The slug of a paper's page from a URL path under the base (`/shelf/papers/<slug>/`); `undefined` for other pages. */
export function paperSlugOf(base: string, pathname: string): string | undefined {
  const prefix = withBase(base, paths.papers());
  if (!pathname.startsWith(prefix)) return undefined;
  const slug = pathname.slice(prefix.length).replace(/\/$/, '');
  // One path segment, as paths.paper writes it; a segment that is no paper's slug finds no copy. `page` is the list's.
  return slug !== '' && !slug.includes('/') && slug !== 'page' && withBase(base, paths.paper(slug)) === pathname ? slug : undefined;
}
