import { monthName } from '../digest/date.ts';
import type { Byline } from '../digest/types.ts';

/** A catalog date as readers see it everywhere: `9 January 2024`. */
export function formatDate(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${monthName(iso.slice(5, 7))} ${iso.slice(0, 4)}`;
}

/** A digest day's title, on its page and in the digests feed: `Papers of 9 January 2024`. */
export function formatDayTitle(iso: string): string {
  return `Papers of ${formatDate(iso)}`;
}

/** "1 upvote", "8 upvotes". */
export function formatUpvotes(count: number): string {
  return count === 1 ? '1 upvote' : `${count} upvotes`;
}

/** "1 paper", "8 papers". */
export function formatPaperCount(count: number): string {
  return count === 1 ? '1 paper' : `${count} papers`;
}

/** The first sentence-sized part of an abstract, for meta descriptions and list teasers. */
export function summarize(abstract: readonly string[], max = 200): string {
  const text = abstract.join(' ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
}

/** "1 author", "4 authors". */
export function formatAuthorCount(count: number): string {
  return count === 1 ? '1 author' : `${count} authors`;
}

/** "4 authors", "1 author", or the organisation's name. */
export function formatByline(byline: Byline): string {
  if (byline.kind === 'organization') return byline.name;
  return formatAuthorCount(byline.count);
}

/**
 * A byline short enough for a card or a search result: "Wenyi Hong and 35 others", "Ada Lovelace and Alan Turing",
 * "Ada Lovelace" when a digest names the authors (the count includes hidden authors); else formatByline's.
 */
export function shortByline(byline: Byline, names: readonly string[] | undefined): string {
  const [first, second] = names ?? [];
  if (byline.kind === 'organization' || first === undefined) return formatByline(byline);
  const others = Math.max(byline.count, names!.length) - 1;
  if (others === 0) return first;
  if (others === 1 && second !== undefined) return `${first} and ${second}`;
  return `${first} and ${others === 1 ? '1 other' : `${others} others`}`;
}

/** The byline's label and full value on a paper page: "Authors: 4 authors" or "Organisation: NVIDIA (nvidia)". */
export function bylineFact(byline: Byline): { label: string; value: string } {
  return byline.kind === 'organization'
    ? { label: 'Organisation', value: `${byline.name} (${byline.handle})` }
    : { label: 'Authors', value: formatByline(byline) };
}

/** A link's address as readers scan it: no scheme, no trailing slash ("github.com/owner/repo"); the href keeps it whole. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/** The badge of a paper with code, on its card and its search result alike. */
export const CODE_BADGE = 'Code';
