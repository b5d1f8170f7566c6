import type { DigestPlace } from './digest-days.ts';
import { findPaperLinks, type FindLink } from './find-links.ts';
import { displayUrl } from '../shared/format.ts';
import { relatedPapers, type RelatablePaper, type RelatedPaper } from '../papers/related.ts';
import { bucketLists, type RelatedBucket } from '../similar/buckets.ts';
import { dayLink, type DayLink } from './days.ts';
import { arxivLinks } from '../papers/arxiv.ts';

/** How many names a paper's page shows before it folds the rest ("and 26 more"). */
export const AUTHORS_SHOWN = 10;

/** A paper's authors as its page shows them: the first few, and the rest folded; a list barely longer is not folded. */
export interface FoldedAuthors {
  shown: string[];
  folded: string[];
  /** "and 26 more": the fold's summary; absent when nothing is folded. */
  more?: string;
}

/** The authors' names of a paper's page: all of them up to AUTHORS_SHOWN + 2, else the first AUTHORS_SHOWN and a fold. */
export function foldedAuthors(names: readonly string[]): FoldedAuthors {
  if (names.length <= AUTHORS_SHOWN + 2) return { shown: [...names], folded: [] };
  const folded = names.slice(AUTHORS_SHOWN);
  return { shown: names.slice(0, AUTHORS_SHOWN), folded, more: `and ${folded.length} more` };
}

/** A paper as another paper's page links it. */
export interface PaperLink {
  slug: string;
  title: string;
}

/** An outbound link of a paper's page: what it is ("arXiv", "Code"), where it goes, and that address as shown. */
export interface PaperPageLink {
  kind: string;
  href: string;
  text: string;
}

/** What a paper's page shows besides the paper: the days that listed it, its neighbours in the newest, find links. */
export interface PaperContext {
  listedIn: DayLink[];
  /** The day of its first listing (`YYYY-MM-DD`; empty when no dated digest lists it): the search index's order. */
  firstListed: string;
  /** Whether a digest without a listing date lists it too (such a digest has no page to link). */
  inUndated: boolean;
  place?: DayLink & { previous?: PaperLink; next?: PaperLink };
  /** The paper on arXiv (abstract, PDF) and Hugging Face, when a digest gave its arXiv id: the page's first links. */
  arxiv?: PaperPageLink[];
  /** The authors by name, when a digest names them. */
  authors?: FoldedAuthors;
  /** Searches for the title, for a paper without an arXiv id (empty when it has one). */
  find: FindLink[];
  /** The paper's code links, then its project links, as its page shows them. */
  links: PaperPageLink[];
}

/** What paperPages reads: the papers, and where the listings put them. */
export interface PaperPageSource<P> {
  papers: readonly P[];
  papersBySlug: ReadonlyMap<string, P>;
  listings: { dates: ReadonlyMap<string, readonly string[]>; places: ReadonlyMap<string, DigestPlace> };
  undatedPapers: ReadonlySet<string>;
}

/** The parts of a paper's page: its context, its related papers, its listing dates. */
export function paperPages<P extends RelatablePaper & { date: string; code: string[]; links: string[]; arxiv?: string; authorNames?: string[] }>({ papers, papersBySlug, listings, undatedPapers }: PaperPageSource<P>) {
  const paperLink = (slug: string | undefined): PaperLink | undefined => {
    const paper = slug === undefined ? undefined : papersBySlug.get(slug);
    return paper && { slug: paper.slug, title: paper.title };
  };
  // Relating papers reads every abstract: done once, on the first page that asks (a dev server's home page never does).
  let scored: Map<string, RelatedPaper[]> | undefined;
  const scoredRelated = () => (scored ??= relatedPapers(papers));
  let related: Map<string, PaperLink[]> | undefined;
  let buckets: RelatedBucket[] | undefined;
  return {
    /** A paper's listing dates, newest first. */
    listingDates: (slug: string): readonly string[] => listings.dates.get(slug) ?? [],
    /** A paper's related papers (src/lib/papers/related.ts) as links, most similar first; empty when none is similar enough. */
    relatedLinks(paper: Pick<P, 'slug'>): PaperLink[] {
      related ??= new Map([...scoredRelated()].map(([slug, list]) => [slug, list.flatMap(({ slug }) => paperLink(slug) ?? [])]));
      return related.get(paper.slug) ?? [];
    },
    /** Every paper's related list with its similarities, in the buckets the "more like your shelf" page fetches. */
    relatedBuckets(): RelatedBucket[] {
      return (buckets ??= bucketLists(scoredRelated(), (slug) => papersBySlug.get(slug)));
    },
    /** The context of a paper's page (see PaperContext). */
    paperContext(paper: P): PaperContext {
      const place = listings.places.get(paper.slug);
      const previous = paperLink(place?.previous);
      const next = paperLink(place?.next);
      return {
        listedIn: (listings.dates.get(paper.slug) ?? []).map((date) => dayLink({ date })),
        firstListed: listings.dates.get(paper.slug)?.at(-1) ?? '',
        inUndated: undatedPapers.has(paper.slug),
        ...(place && { place: { ...dayLink(place), ...(previous && { previous }), ...(next && { next }) } }),
        ...(paper.arxiv !== undefined && { arxiv: arxivLinks(paper.arxiv).map((link) => ({ kind: link.label, href: link.href, text: displayUrl(link.href) })) }),
        ...(paper.authorNames !== undefined && paper.authorNames.length > 0 && { authors: foldedAuthors(paper.authorNames) }),
        find: paper.arxiv === undefined ? findPaperLinks(paper.title) : [],
        links: [
          ...paper.code.map((href) => ({ kind: 'Code' as const, href, text: displayUrl(href) })),
          ...paper.links.map((href) => ({ kind: 'Project' as const, href, text: displayUrl(href) })),
        ],
      };
    },
  };
}
