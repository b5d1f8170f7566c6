import type { Page } from 'astro';
import { href, pathOf } from './base.ts';
import { PAGE_SIZE, paths } from './paths.ts';

/** One route entry as Astro's `paginate` returns it. */
export interface PaginatedPath<T, P extends Record<string, unknown>> {
  params: Record<string, string | undefined>;
  props: P & { page: Page<T> };
}

/**
 * Moves pages 2 and on of a paginated list under `page/`: `/dates/2025/` stays, its third page becomes
 * `/dates/2025/page/3/`. A list with child lists one segment below it (a year and its months `/dates/2025/10/`)
 * needs this, or its page 10 and the October list would claim the same URL.
 */
export function underPageSegment<T, P extends Record<string, unknown>>(pages: PaginatedPath<T, P>[]): PaginatedPath<T, P>[] {
  const first = pages[0]?.props.page.url.current;
  if (first === undefined) return pages;
  const url = (n: number) => (n === 1 ? first : `${first}${PAGE_SEGMENT}/${n}/`);
  return pages.map(({ params, props }) => {
    const { currentPage: n, lastPage: last } = props.page;
    return {
      params: { ...params, page: n === 1 ? undefined : `${PAGE_SEGMENT}/${n}` },
      props: {
        ...props,
        page: {
          ...props.page,
          url: {
            current: url(n),
            prev: n > 1 ? url(n - 1) : undefined,
            next: n < last ? url(n + 1) : undefined,
            first: n > 1 ? url(1) : undefined,
            last: n < last ? url(last) : undefined,
          },
        },
      },
    };
  });
}
const PAGE_SEGMENT = 'page';

/** A URL that once served a page and now leads to where that page lives. */
export interface Redirect {
  from: string;
  /** The old URL's route params (`dates/[year]/[legacy]`). */
  params: { year: string; legacy: string };
  to: string;
}

/**
 * Year pages were published as `/dates/<yyyy>/<n>/` before they moved under `page/`: each such URL (n ≥ 2) that no
 * month list claims and whose page still exists leads to the page of that number now. (`/dates/2025/10/` is October's
 * list, so it stays October's.) A year's pages are numbered from its oldest (see anchoredPages): what page n holds is
 * no promise, the URL's working is.
 */
export function legacyYearPages(years: readonly { slug: string; count: number; months: readonly { slug: string }[] }[], pageSize = PAGE_SIZE): Redirect[] {
  return years.flatMap((year) => {
    const months = new Set(year.months.map((month) => month.slug));
    const pages = archivePageCount(year.count, pageSize);
    return Array.from({ length: Math.max(0, pages - 1) }, (_, i) => i + 2)
      .filter((n) => !months.has(String(n)))
      .map((n) => ({ from: `dates/${year.slug}/${n}/`, params: { year: year.slug, legacy: String(n) }, to: paths.year(year.slug, n) }));
  });
}

/**
 * One page of a list that grows at its newest end (every paper, a topic's, a year's), numbered from its oldest: page 1
 * holds the oldest papers, and the list's own URL, its front, the newest. Pages other than the front hold exactly
 * `pageSize` papers each, and a page, once it exists, keeps its papers and its links when papers arrive: only the front
 * and the newest numbered page (its "newer" link) change, so a daily build renders those again and leaves the rest.
 */
export interface ListPage<T> {
  /** The page's papers, newest first. */
  data: T[];
  /** The page's number counted from the oldest (1); absent on the front, the list's own URL. */
  number?: number;
  /** How many papers the whole list holds: given on the front only, the one page every arrival changes. */
  total?: number;
  /** The positions of the page's oldest and newest papers in the list, counted from its oldest paper (1). */
  from: number;
  to: number;
  /** Links with the base: this page, its newer and older neighbours, the front (newest) and page 1 (oldest). */
  url: { current: string; newer?: string; older?: string; newest?: string; oldest?: string };
}

/**
 * How many numbered pages a list of `count` papers has: every whole page but the newest, which the front shows along
 * with the papers that make no whole page yet (the front holds `pageSize` to `2 × pageSize − 1` papers).
 */
export function archivePageCount(count: number, pageSize = PAGE_SIZE): number {
  return Math.max(0, Math.floor(count / pageSize) - 1);
}

/**
 * A growing list's pages, front first, as static paths (see ListPage): `items` newest first; `path` the list's paths
 * function (paths.topic, say): `path()` its front, `path(n)` its page n, below the base, and the route's `page`
 * parameter what page n's path adds to the front's. The front's props are `front`'s, a numbered page's `numbered`'s
 * (`front`'s when not given): what the front alone shows (counts, say) stays out of the numbered pages' props, and so
 * out of their cache keys.
 */
export function anchoredPages<T, P extends Record<string, unknown>>(
  items: readonly T[],
  options: { path: (n?: number) => string; params?: Record<string, string>; front: P; numbered?: P; pageSize?: number },
): { params: Record<string, string | undefined>; props: P & { page: ListPage<T> } }[] {
  const { path, params = {}, front, numbered = front, pageSize = PAGE_SIZE } = options;
  const count = items.length;
  const pages = archivePageCount(count, pageSize);
  const frontUrl = href(path());
  const url = (n: number) => href(path(n));
  const param = (n: number) => path(n).slice(path().length, -1);
  // Numbered page n holds the papers at positions (n−1)·size+1 to n·size from the oldest; the front, the rest.
  const slice = (from: number, to: number) => items.slice(count - to, count - from + 1);
  const frontFrom = pages * pageSize + 1;
  const frontPage: ListPage<T> = {
    data: slice(frontFrom, count),
    total: count,
    from: Math.min(frontFrom, count),
    to: count,
    url: { current: frontUrl, older: pages > 0 ? url(pages) : undefined, oldest: pages > 1 ? url(1) : undefined },
  };
  const numberedPages = Array.from({ length: pages }, (_, i) => {
    const n = i + 1;
    const from = i * pageSize + 1;
    const to = n * pageSize;
    const page: ListPage<T> = {
      data: slice(from, to),
      number: n,
      from,
      to,
      url: {
        current: url(n),
        newer: n < pages ? url(n + 1) : frontUrl,
        older: n > 1 ? url(n - 1) : undefined,
        newest: n < pages ? frontUrl : undefined,
        oldest: n > 2 ? url(1) : undefined,
      },
    };
    return { params: { ...params, page: param(n) }, props: { ...numbered, page } };
  });
  return [{ params: { ...params, page: undefined }, props: { ...front, page: frontPage } }, ...numberedPages.reverse()];
}

/** What a growing list's page says of itself: its heading ("Title (page 2)") and its own path below the base. */
export function anchoredPageOf(title: string, page: Pick<ListPage<unknown>, 'number' | 'url'>): { heading: string; path: string } {
  return { heading: page.number === undefined ? title : `${title} (page ${page.number})`, path: pathOf(page.url.current) };
}

/**
 * What page n of a list says of itself: its heading ("Title (page 2)"), where it stands ("; page 2 of 5", nothing for
 * a list of one page), and its own path below the base (the list's `firstPath` for page 1).
 */
export function listPageOf(title: string, page: Pick<Page, 'currentPage' | 'lastPage'> & { url: { current: string } }, firstPath: string): { heading: string; where: string; path: string } {
  const first = page.currentPage === 1;
  return {
    heading: first ? title : `${title} (page ${page.currentPage})`,
    where: page.lastPage > 1 ? `; page ${page.currentPage} of ${page.lastPage}` : '',
    path: first ? firstPath : pathOf(page.url.current),
  };
}

/** The paths of a list's pages 1 to `lastPage`, in order, from the list's own `pathOf(n)` (paths.digest's, say). */
export function pagePaths(lastPage: number, pathOf: (n: number) => string): string[] {
  return Array.from({ length: lastPage }, (_, index) => pathOf(index + 1));
}
