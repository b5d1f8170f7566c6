import type { DigestPlace } from './digest-days.ts';
import { findPaperLinks, type FindLink } from './find-links.ts';
import { displayUrl } from '../shared/format.ts';
import { relatedPapers, type RelatablePaper } from '../papers/related.ts';
import { dayLink, type DayLink } from './days.ts';

/** A paper as another paper's page links it. */
export interface PaperLink {
  slug: string;
  title: string;
}

/** What a paper's page shows besides the paper: the days that listed it, its neighbours in the newest, find links. */
export interface PaperContext {
  listedIn: DayLink[];
  /** Whether a digest without a listing date lists it too (such a digest has no page to link). */
  inUndated: boolean;
  place?: DayLink & { previous?: PaperLink; next?: PaperLink };
  find: FindLink[];
  /** The paper's code links, then its project links, as its page shows them. */
  links: { kind: 'Code' | 'Project'; href: string; text: string }[];
}

/** What paperPages reads: the papers, and where the listings put them. */
export interface PaperPageSource<P> {
  papers: readonly P[];
  papersBySlug: ReadonlyMap<string, P>;
  listings: { dates: ReadonlyMap<string, readonly string[]>; places: ReadonlyMap<string, DigestPlace> };
  undatedPapers: ReadonlySet<string>;
}

/** The parts of a paper's page: its context, its related papers, its listing dates. */
export function paperPages<P extends RelatablePaper & { code: string[]; links: string[] }>({ papers, papersBySlug, listings, undatedPapers }: PaperPageSource<P>) {
  const paperLink = (slug: string | undefined): PaperLink | undefined => {
    const paper = slug === undefined ? undefined : papersBySlug.get(slug);
    return paper && { slug: paper.slug, title: paper.title };
  };
  // Relating papers reads every abstract: done once, on the first page that asks (a dev server's home page never does).
  let related: Map<string, PaperLink[]> | undefined;
  return {
    /** A paper's listing dates, newest first. */
    listingDates: (slug: string): readonly string[] => listings.dates.get(slug) ?? [],
    /** A paper's related papers (src/lib/papers/related.ts) as links, most similar first; empty when none is similar enough. */
    relatedLinks(paper: Pick<P, 'slug'>): PaperLink[] {
      related ??= new Map([...relatedPapers(papers)].map(([slug, list]) => [slug, list.flatMap(({ slug }) => paperLink(slug) ?? [])]));
      return related.get(paper.slug) ?? [];
    },
    /** The context of a paper's page (see PaperContext). */
    paperContext(paper: P): PaperContext {
      const place = listings.places.get(paper.slug);
      const previous = paperLink(place?.previous);
      const next = paperLink(place?.next);
      return {
        listedIn: (listings.dates.get(paper.slug) ?? []).map((date) => dayLink({ date })),
        inUndated: undatedPapers.has(paper.slug),
        ...(place && { place: { ...dayLink(place), ...(previous && { previous }), ...(next && { next }) } }),
        find: findPaperLinks(paper.title),
        links: [
          ...paper.code.map((href) => ({ kind: 'Code' as const, href, text: displayUrl(href) })),
          ...paper.links.map((href) => ({ kind: 'Project' as const, href, text: displayUrl(href) })),
        ],
      };
    },
  };
}
