import type { Page } from 'astro';
import { describe, expect, test } from 'vitest';
import { anchoredPageOf, anchoredPages, archivePageCount, legacyYearPages, listPageOf, pagePaths, underPageSegment, type ListPage, type PaginatedPath } from '../../../src/lib/shared/pagination.ts';
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
  test('leads each old year-page URL whose page exists to the page of that number, except those a month list holds', () => {
    // 15 whole pages: the front shows the newest one, pages 1 to 14 the others.
    const redirects = legacyYearPages([{ slug: '2025', count: 15 * 25 + 3, months: [{ slug: '11' }, { slug: '03' }] }], 25);
    expect(redirects.map((redirect) => redirect.from)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14].map((n) => `dates/2025/${n}/`));
    expect(redirects[0]).toEqual({ from: 'dates/2025/2/', params: { year: '2025', legacy: '2' }, to: 'dates/2025/page/2/' });
    expect(redirects.every((redirect) => redirect.to === paths.year('2025', Number(redirect.from.split('/')[2])))).toBe(true);
  });

  test('has nothing for a year of one numbered page or none', () => {
    expect(legacyYearPages([{ slug: '2024', count: 25, months: [] }], 25)).toEqual([]);
    expect(legacyYearPages([{ slug: '2024', count: 74, months: [] }], 25)).toEqual([]);
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

describe('anchoredPages', () => {
  /** A list of `count` items newest first: item i is the i-th oldest (1 the oldest). */
  const list = (count: number) => Array.from({ length: count }, (_, i) => count - i);
  const pagesOf = (count: number, size = 3) =>
    anchoredPages(list(count), { path: (n?: number) => (n === undefined ? 'topics/x/' : `topics/x/page/${n}/`), params: { topic: 'x' }, front: { side: 'front' }, numbered: { side: 'numbered' }, pageSize: size });
  const byNumber = (count: number, size = 3) => new Map(pagesOf(count, size).map(({ props }) => [props.page.number, props.page]));

  test('numbers whole pages from the oldest and shows the newest papers on the front', () => {
    const pages = pagesOf(11);
    expect(pages.map(({ params }) => params)).toEqual([{ topic: 'x', page: undefined }, { topic: 'x', page: 'page/2' }, { topic: 'x', page: 'page/1' }]);
    expect(pages.map(({ props }) => props.page.data)).toEqual([[11, 10, 9, 8, 7], [6, 5, 4], [3, 2, 1]]);
    expect(pages.map(({ props }) => props.side)).toEqual(['front', 'numbered', 'numbered']);
    expect(pages[0]!.props.page).toMatchObject({ total: 11, from: 7, to: 11 });
    expect(pages[0]!.props.page.number).toBeUndefined();
    expect(pages[2]!.props.page).toMatchObject({ number: 1, from: 1, to: 3 });
    expect(pages[2]!.props.page.total).toBeUndefined();
  });

  test('gives a numbered page the front\'s props when no others are named', () => {
    const pages = anchoredPages(list(80), { path: (n?: number) => (n === undefined ? 'papers/' : `papers/page/${n}/`), front: { side: 'both' } });
    expect(pages.map(({ props }) => props.side)).toEqual(['both', 'both', 'both']);
  });

  test('links newer, older, the front as the newest and page 1 as the oldest', () => {
    const pages = byNumber(16);
    expect(pages.get(undefined)!.url).toEqual({ current: '/topics/x/', older: '/topics/x/page/4/', oldest: '/topics/x/page/1/' });
    expect(pages.get(4)!.url).toEqual({ current: '/topics/x/page/4/', newer: '/topics/x/', older: '/topics/x/page/3/', oldest: '/topics/x/page/1/' });
    expect(pages.get(2)!.url).toEqual({ current: '/topics/x/page/2/', newer: '/topics/x/page/3/', older: '/topics/x/page/1/', newest: '/topics/x/' });
    expect(pages.get(1)!.url).toEqual({ current: '/topics/x/page/1/', newer: '/topics/x/page/2/', newest: '/topics/x/' });
  });

  test('keeps every numbered page as it was when papers arrive, but the newest one, whose newer link moves', () => {
    for (let count = 0; count < 40; count++) {
      const before = byNumber(count);
      for (let added = 1; added <= 7; added++) {
        const after = byNumber(count + added);
        for (const [number, page] of before) {
          if (number === undefined) continue;
          const now = after.get(number)!;
          expect(now.data, `${count} + ${added}, page ${number}`).toEqual(page.data);
          if (number < archivePageCount(count, 3)) expect(now).toEqual(page);
        }
      }
    }
  });

  test('shows every paper once, on a front of one to two pages less one, and numbered pages of a whole page', () => {
    for (let count = 0; count < 40; count++) {
      const pages = pagesOf(count);
      expect(pages.flatMap(({ props }) => props.page.data)).toEqual(list(count));
      const [front, ...numbered] = pages.map(({ props }) => props.page);
      expect(front!.data.length).toBe(count < 3 ? count : 3 + (count % 3));
      for (const page of numbered) expect(page.data).toHaveLength(3);
      expect(numbered).toHaveLength(archivePageCount(count, 3));
    }
  });

  test('names a numbered page by its number, and the front by the title', () => {
    const page = (number: number | undefined, current: string) => ({ number, url: { current } }) as Pick<ListPage<unknown>, 'number' | 'url'>;
    expect(anchoredPageOf('Agents', page(undefined, '/topics/agents/'))).toEqual({ heading: 'Agents', path: 'topics/agents/' });
    expect(anchoredPageOf('Agents', page(7, '/topics/agents/7/'))).toEqual({ heading: 'Agents (page 7)', path: 'topics/agents/7/' });
  });
});
