import type { DigestData } from '../schema.ts';

/**
 * Digest days: the catalog's view by listing, as Hugging Face presents papers. One page per listing date, so its URL
 * (`digests/<yyyy-mm-dd>/`) stays the same when a second capture of the same day arrives: the digests of one date
 * are merged in file-name order, each paper once, at its first place. A digest without a listing date gets no page
 * (any URL it had would move once its date became known); it is counted apart.
 */

/** One listing date and its papers, in the order its digests list them. */
export interface DigestDay {
  /** `YYYY-MM-DD`, the page's URL key. */
  date: string;
  /** The digests of the date, by file name: internal, never shown to readers. */
  digests: string[];
  /** Paper slugs in the digests' own order; a paper two digests of the day list comes once, at its first place. */
  papers: string[];
}

/** A digest that states no listing date: no page, only its number of papers. */
export interface UndatedDigest {
  id: string;
  papers: string[];
}

/** Every digest, grouped for the pages. */
export interface DigestDays {
  /** Newest first. */
  days: DigestDay[];
  /** By file name. */
  undated: UndatedDigest[];
}

/**
 * Groups the digests by listing date in one pass (and one sort of the dates): days newest first, the digests of a
 * day in file-name order, each paper once. `known` keeps only papers the catalog has (a digest may name a paper
 * whose item is held back).
 */
export function digestDays(digests: readonly DigestData[], known: (slug: string) => boolean = () => true): DigestDays {
  const byFile = [...digests].sort((a, b) => compareText(a.id, b.id));
  const days = new Map<string, { digests: string[]; papers: Set<string> }>();
  const undated: UndatedDigest[] = [];
  for (const digest of byFile) {
    const papers = digest.papers.filter(known);
    if (digest.listedOn === null) {
      undated.push({ id: digest.id, papers: [...new Set(papers)] });
      continue;
    }
    let day = days.get(digest.listedOn);
    if (!day) days.set(digest.listedOn, (day = { digests: [], papers: new Set() }));
    day.digests.push(digest.id);
    for (const slug of papers) day.papers.add(slug);
  }
  return {
    days: [...days.entries()]
      .sort(([a], [b]) => compareText(b, a))
      .map(([date, day]) => ({ date, digests: day.digests, papers: [...day.papers] })),
    undated,
  };
}

/** The newer and older neighbours of the item at `index` of a newest-first list. */
export function neighboursOf<T>(items: readonly T[], index: number): { newer?: T; older?: T } {
  return { ...(index > 0 && { newer: items[index - 1] }), ...(index + 1 < items.length && { older: items[index + 1] }) };
}

/** Where a paper sits in the newest day that lists it: that date and the papers listed just before and after it. */
export interface DigestPlace {
  date: string;
  previous?: string;
  next?: string;
}

/** Each paper's listing dates (newest first) and its place in the newest of them; one pass over every listing. */
export function paperListings(days: readonly DigestDay[]): { dates: Map<string, string[]>; places: Map<string, DigestPlace> } {
  const dates = new Map<string, string[]>();
  const places = new Map<string, DigestPlace>();
  for (const day of days) {
    day.papers.forEach((slug, index) => {
      const listed = dates.get(slug);
      if (listed) listed.push(day.date);
      else dates.set(slug, [day.date]);
      if (places.has(slug)) return;
      places.set(slug, {
        date: day.date,
        ...(index > 0 && { previous: day.papers[index - 1] }),
        ...(index + 1 < day.papers.length && { next: day.papers[index + 1] }),
      });
    });
  }
  return { dates, places };
}

/** A paper where the listings put it: the paper, and the date of the newest day that listed it. */
export interface ListedPaper<P> {
  paper: P;
  /** The newest listing date of the paper; its own date when no dated digest lists it. */
  listed: string;
}

/**
 * Every paper in the order the listings bring them, one pass: the newest day first, each day's papers in the digests'
 * order, a paper once, at its newest day; then the papers no dated digest lists (only undated digests, or none any
 * more) in the order `papers` gives them (the catalog's, newest first), under their own date.
 */
export function papersByListing<P extends { slug: string; date: string }>(days: readonly { date: string; papers: readonly P[] }[], papers: readonly P[]): ListedPaper<P>[] {
  const seen = new Set<string>();
  const listed: ListedPaper<P>[] = [];
  for (const day of days) {
    for (const paper of day.papers) {
      if (seen.has(paper.slug)) continue;
      seen.add(paper.slug);
      listed.push({ paper, listed: day.date });
    }
  }
  for (const paper of papers) if (!seen.has(paper.slug)) listed.push({ paper, listed: paper.date });
  return listed;
}

// Code-unit order: the same on every machine, unlike a locale's.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

