import type { Page } from 'astro';
import { describe, expect, test } from 'vitest';
import { legacyYearPages, listPageOf, pagePaths, underPageSegment, type PaginatedPath } from '../../../src/lib/shared/pagination.ts';
import { paths } from '../../../src/lib/shared/paths.ts';

/** What Astro's paginate returns for a list at `/base/dates/2025/` of `lastPage` pages. */
function paginated(lastPage: number): PaginatedPath<number, { year: string }>[] {
  const url = (n: number) => (n === 1 ? '/base/dates/2025/' : `/base/dates/2025/${n}/`);
  return Array.from({ length: lastPage }, (_, i) => {
    const n = i + 1;
    const page = {
      data: [n], start: i, end: i, size: 1, total: lastPage, currentPage: n, lastPage,
      url: { current: url(n), prev: n > 1 ? url(n - 1) : undefined, next: n < lastPage ? url(n + 1) : undefined, first: n > 1 ? url(1) : undefined, last: n < lastPage ? url(lastPage) : undefined },
    } as unknown as Page<number>;
    return { params: { year: '2025', page: n === 1 ? undefined : String(n) }, props: { year: '2025', page } };
  });
}

describe('underPageSegment', () => {
  test('keeps the first page and moves pages 2 and on under page/, links included', () => {
    const pages = underPageSegment(paginated(12));
    expect(pages.map((entry) => entry.params.page)).toEqual([undefined, ...Array.from({ length: 11 }, (_, i) => `page/${i + 2}`)]);
    const tenth = pages[9]!.props.page;
    expect(tenth.url).toEqual({
      current: '/base/dates/2025/page/10/',
      prev: '/base/dates/2025/page/9/',
      next: '/base/dates/2025/page/11/',
      first: '/base/dates/2025/',
      last: '/base/dates/2025/page/12/',
    });
    expect(pages[1]!.props.page.url.prev).toBe('/base/dates/2025/');
    expect(pages[0]!.props.page.url).toMatchObject({ current: '/base/dates/2025/', prev: undefined, next: '/base/dates/2025/page/2/' });
  });

  test('gives no URL two pages, and none a two-digit month', () => {
    const urls = underPageSegment(paginated(40)).map((entry) => entry.props.page.url.current);
    expect(new Set(urls).size).toBe(40);
    expect(urls.filter((url) => /\/dates\/2025\/\d\d\/$/.test(url))).toEqual([]);
  });

  test('returns an empty list unchanged', () => {
    expect(underPageSegment([])).toEqual([]);
  });
});

describe('legacyYearPages', () => {
  test('leads each old year-page URL to its new one, except those a month list holds', () => {
    const redirects = legacyYearPages([{ slug: '2025', count: 14 * 25, months: [{ slug: '11' }, { slug: '03' }] }], 25);
    expect(redirects.map((redirect) => redirect.from)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14].map((n) => `dates/2025/${n}/`));
    expect(redirects[0]).toEqual({ from: 'dates/2025/2/', params: { year: '2025', legacy: '2' }, to: 'dates/2025/page/2/' });
    expect(redirects.every((redirect) => redirect.to === paths.yearPage('2025', Number(redirect.from.split('/')[2])))).toBe(true);
  });

  test('has nothing for a year of one page', () => {
    expect(legacyYearPages([{ slug: '2024', count: 25, months: [] }], 25)).toEqual([]);
  });
});

describe('listPageOf', () => {
  const page = (currentPage: number, lastPage: number) => ({ currentPage, lastPage, url: { current: `/topics/x/${currentPage}/` } });

  test('names page 1 by the list\'s title and path, and says where it stands only in a list of several pages', () => {
    expect(listPageOf('Agents', page(1, 3), 'topics/agents/')).toEqual({ heading: 'Agents', where: '; page 1 of 3', path: 'topics/agents/' });
    expect(listPageOf('Agents', page(1, 1), 'topics/agents/')).toEqual({ heading: 'Agents', where: '', path: 'topics/agents/' });
  });

  test('names a later page by its number and the path paginate gave it, below the base', () => {
    expect(listPageOf('Agents', page(2, 3), 'topics/agents/')).toEqual({ heading: 'Agents (page 2)', where: '; page 2 of 3', path: 'topics/x/2/' });
  });
});

describe('pagePaths', () => {
  test("lists every page of a list in order, from the list's own paths", () => {
    expect(pagePaths(3, (n) => paths.digest('2026-04-13', n))).toEqual(['digests/2026-04-13/', 'digests/2026-04-13/page/2/', 'digests/2026-04-13/page/3/']);
    expect(pagePaths(1, (n) => paths.digest('2026-04-13', n))).toEqual(['digests/2026-04-13/']);
  });
});
