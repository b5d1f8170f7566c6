/**
 * Sorting a digest day by the listing's order, upvotes or has-code (DaySort.astro). A day is paginated 25 a page, so a
 * sort must order the whole day: the script fetches the day's other pages (a day's own few, bounded by its listing,
 * never by the catalog), merges their cards in page order and sorts them in place. It needs no route of its own, works
 * offline where the service worker kept the pages, and the choice lives in the URL (`?sort=upvotes`) to be linked.
 * Without JavaScript the page shows the listing's order and no sort links.
 */

/** The orders of a day; `listing` is the digest's own, the default. */
export const DAY_SORTS = ['listing', 'upvotes', 'code'] as const;
export type DaySort = (typeof DAY_SORTS)[number];

/** The URL parameter that names the order. */
export const SORT_PARAM = 'sort';

/** The order a URL's query asks for: `?sort=upvotes`, `?sort=code`; anything else is the listing's order. */
export function daySortOf(search: string): DaySort {
  const value = new URLSearchParams(search).get(SORT_PARAM);
  return (DAY_SORTS as readonly string[]).includes(value ?? '') ? (value as DaySort) : 'listing';
}

/** What a card says to the sort (its data-upvotes and data-code attributes). */
export interface SortKeys {
  upvotes: number;
  code: boolean;
}

/**
 * The positions of the cards (given in the listing's order) in the order asked for: most upvoted first, or papers with
 * code first; equal cards keep the listing's order.
 */
export function daySortOrder(cards: readonly SortKeys[], sort: DaySort): number[] {
  const positions = cards.map((_, index) => index);
  if (sort === 'upvotes') return positions.sort((a, b) => cards[b]!.upvotes - cards[a]!.upvotes || a - b);
  if (sort === 'code') return positions.sort((a, b) => Number(cards[b]!.code) - Number(cards[a]!.code) || a - b);
  return positions;
}

/**
 * What the day's lead says of its order once sorted (after "48 papers"): the order, and which of the day's pages could
 * not be fetched (offline, a page not kept), whose papers are then missing.
 */
export function sortedWords(sort: DaySort, missing: readonly number[]): string {
  const order = sort === 'upvotes' ? ', most upvoted first' : sort === 'code' ? ', papers with code first' : '';
  if (missing.length === 0) return order;
  const [pages, their] = missing.length === 1 ? ['page', 'its'] : ['pages', 'their'];
  return `${order}; ${pages} ${missing.join(', ')} of the day could not be loaded: ${their} papers are missing`;
}

const keysOf = (card: HTMLElement): SortKeys => ({ upvotes: Number(card.dataset.upvotes ?? 0), code: card.dataset.code === 'yes' });

/**
 * Wires a day's sort links: shows them, marks the current order, and when the URL asks for another order than the
 * listing's, brings in the cards of the day's other pages (`data-pages`: every page's URL, `data-page`: this page's
 * number) and sorts the whole day in the list, hiding the page links and saying the order in the lead
 * (`[data-day-order]`).
 */
export async function wireDaySort(nav: HTMLElement, list: HTMLOListElement): Promise<void> {
  const sort = daySortOf(location.search);
  nav.hidden = false;
  for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[data-sort]')) {
    if (link.dataset.sort === sort) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
  if (sort === 'listing') return;
  const pages = JSON.parse(nav.dataset.pages ?? '[]') as string[];
  const current = Number(nav.dataset.page ?? 1);
  const missing: number[] = [];
  const byPage = await Promise.all(
    pages.map(async (url, index) => {
      if (index + 1 === current) return [...list.querySelectorAll<HTMLElement>(':scope > .card')];
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(String(response.status));
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        return [...page.querySelectorAll<HTMLElement>('.day-list > .card')].map((card) => document.adoptNode(card));
      } catch {
        missing.push(index + 1);
        return [];
      }
    }),
  );
  const cards = byPage.flat();
  list.replaceChildren(...daySortOrder(cards.map(keysOf), sort).map((index) => cards[index]!));
  list.dataset.sorted = sort;
  for (const hidden of document.querySelectorAll<HTMLElement>('[data-listing-only]')) hidden.hidden = true;
  const words = document.querySelector<HTMLElement>('[data-day-order]');
  if (words) words.textContent = sortedWords(sort, missing.sort((a, b) => a - b));
}
