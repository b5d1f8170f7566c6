import { differsBeyondQuery, searchParamsFromState, SORTS, stateFromSearchParams, type SearchState, type SortName, type TopicNames } from '../lib/search.ts';

/** The part of a Pagefind Component UI instance this page uses. */
interface PagefindInstance {
  searchTerm?: string;
  searchFilters?: Record<string, string[]>;
  searchSort?: Record<string, 'asc' | 'desc'>;
  triggerLoad(): Promise<void>;
  on(event: 'search', callback: (term: string | undefined, filters: Record<string, string[]> | undefined) => void): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
}
declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name: string): PagefindInstance } };
  }
}

/** Keeps the query, the filters and the sort in the URL, so a search can be shared and the back button works. */
export async function syncSearchWithUrl(sortSelect: HTMLSelectElement, topics: TopicNames): Promise<void> {
  await customElements.whenDefined('pagefind-results');
  const instance = window.PagefindComponents!.getInstanceManager().getInstance('default');
  // Loading ends with the faceted mode's empty search; listen after it, or it would wipe the URL's query.
  await instance.triggerLoad();
  let current = stateFromSearchParams(new URLSearchParams(location.search), topics);

  const run = (state: SearchState) => {
    sortSelect.value = state.sort;
    instance.searchSort = SORTS[state.sort].sort;
    instance.triggerSearchWithFilters(state.query, state.filters);
  };

  instance.on('search', (term, filters) => {
    const next: SearchState = { query: term ?? '', filters: withoutEmpty(filters ?? {}), sort: sortSelect.value as SortName };
    const query = searchParamsFromState(next, topics).toString();
    if (query !== location.search.slice(1)) {
      const url = `${location.pathname}${query ? `?${query}` : ''}`;
      // New words refine the same search; a new filter or sort is a step the back button should undo.
      if (differsBeyondQuery(current, next)) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    current = next;
  });
  sortSelect.addEventListener('change', () => run({ ...current, query: instance.searchTerm ?? current.query, sort: sortSelect.value as SortName }));
  window.addEventListener('popstate', () => {
    current = stateFromSearchParams(new URLSearchParams(location.search), topics);
    run(current);
  });
  if (location.search) run(current);
}

function withoutEmpty(filters: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0));
}
