import type { Page } from 'astro';
import { pathOf } from './base.ts';
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
 * Year pages 2 and on were published as `/dates/<yyyy>/<n>/` before they moved under `page/`: each such URL that no
 * month list claims leads to the page's new URL. (`/dates/2025/10/` is October's list, so it stays October's.)
 */
export function legacyYearPages(years: readonly { slug: string; count: number; months: readonly { slug: string }[] }[], pageSize = PAGE_SIZE): Redirect[] {
  return years.flatMap((year) => {
    const months = new Set(year.months.map((month) => month.slug));
    const pages = Math.ceil(year.count / pageSize);
    return Array.from({ length: Math.max(0, pages - 1) }, (_, i) => i + 2)
      .filter((n) => !months.has(String(n)))
      .map((n) => ({ from: `dates/${year.slug}/${n}/`, params: { year: year.slug, legacy: String(n) }, to: paths.yearPage(year.slug, n) }));
  });
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
