import { digestDays, neighboursOf, paperListings, type DigestDay } from './digest-days.ts';
import { formatDate } from '../shared/format.ts';
import { groupBy } from '../papers/group.ts';
import { PAGE_SIZE } from '../shared/paths.ts';
import type { DigestData } from '../schema.ts';

/** A digest day as a link shows it: its date (the URL key) and that date for readers. */
export interface DayLink {
  date: string;
  label: string;
}

/** The link of a day, or of any listing date. */
export const dayLink = (day: Pick<DigestDay, 'date'>): DayLink => ({ date: day.date, label: formatDate(day.date) });

/**
 * The digests by listing date (src/lib/catalog/digest-days.ts): days of the same date merged, undated digests apart. A digest
 * lists a merged item by its own slug: it stands for the paper it was merged into (`mergedInto`, each paper once a
 * day); a slug the catalog has no paper of is left out.
 */
export function dayViews<P extends { slug: string }>(digests: readonly DigestData[], papersBySlug: ReadonlyMap<string, P>, mergedInto: ReadonlyMap<string, string>) {
  const grouped = digestDays(
    digests.map((digest) => ({ ...digest, papers: digest.papers.map((slug) => mergedInto.get(slug) ?? slug) })),
    (slug) => papersBySlug.has(slug),
  );
  const listings = paperListings(grouped.days);
  const digestDayPages = grouped.days.map((day, index) => {
    const { newer, older } = neighboursOf(grouped.days, index);
    const alsoListed = alsoListedOn(day.date, day.papers, listings.dates);
    return {
      ...dayLink(day),
      papers: day.papers.map((slug) => papersBySlug.get(slug)!),
      ...(newer && { newer: dayLink(newer) }),
      ...(older && { older: dayLink(older) }),
      ...(Object.keys(alsoListed).length > 0 && { alsoListed }),
    };
  });
  const newestDay = digestDayPages[0];
  const undatedPapers = new Set(grouped.undated.flatMap((digest) => digest.papers));
  return {
    /** The listing dates, newest first, each with its papers' slugs. */
    days: grouped.days,
    /**
     * One page per listing date: its papers in the digests' order, the newer and older days, and the other days that
     * list its papers (`alsoListed`, when any does).
     */
    digestDayPages,
    /** The digest days by year, newest first, each day with its paper count: the digests index. */
    digestYears: [...groupBy(grouped.days, (day) => [day.date.slice(0, 4)])].map(([year, days]) => ({
      year,
      days: days.map((day) => ({ ...dayLink(day), count: day.papers.length })),
    })),
    /**
     * What the home page shows of the newest day: its first page of papers in the digests' order and the day's
     * count, so the home page stays one page long however many papers a day lists, and the day before it (`older`)
     * when there is one; undefined without dated digests.
     */
    newestDayFirstPage: newestDay && { ...newestDay, papers: newestDay.papers.slice(0, PAGE_SIZE), total: newestDay.papers.length },
    /** Digests that state no listing date: they have no page of their own; the index counts their papers. */
    undatedDigests: { digests: grouped.undated.length, papers: undatedPapers.size },
    /** The papers an undated digest lists. */
    undatedPapers,
    /** Each paper's listing dates (newest first) and its place in the newest day that lists it. */
    listings,
  };
}

/**
 * The other days that list each paper of a day, newest first, for the cards' "also listed on"; a paper only this day
 * lists has no entry. `listingDates` is each paper's listing dates (paperListings).
 */
export function alsoListedOn(date: string, slugs: readonly string[], listingDates: ReadonlyMap<string, readonly string[]>): Record<string, DayLink[]> {
  const also: Record<string, DayLink[]> = {};
  for (const slug of slugs) {
    const others = (listingDates.get(slug) ?? []).filter((other) => other !== date);
    if (others.length > 0) also[slug] = others.map((other) => dayLink({ date: other }));
  }
  return also;
}
