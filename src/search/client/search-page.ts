import { differsBeyondQuery, searchParamsFromState, SORTS, stateFromSearchParams, type SearchState, type SortName, type TopicNames } from '../../lib/shared/search-state.ts';
import { searchPageTitle } from '../../lib/shared/site-config.ts';

/** One result as Pagefind's search returns it: its text loads from a fragment file when the result is shown. */
export interface PagefindHit {
  data: () => Promise<unknown>;
}

/** The part of a Pagefind Component UI instance this site uses. */
export interface PagefindInstance {
  searchTerm?: string;
  searchFilters?: Record<string, string[]>;
  searchSort?: Record<string, 'asc' | 'desc'>;
  triggerLoad(): Promise<void>;
  on(event: 'search', callback: (term: string | undefined, filters: Record<string, string[]> | undefined) => void): void;
  on(event: 'loading', callback: () => void): void;
  on(event: 'results', callback: (result: { results?: PagefindHit[] }) => void): void;
  on(event: 'filters' | 'translations', callback: () => void): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
}
declare global {
  interface Window {
    PagefindComponents?: {
      getInstanceManager(): { getInstance(name: string): PagefindInstance };
      configureInstance(name: string, options: Record<string, unknown>): PagefindInstance;
    };
  }
}

/**
 * Loads Pagefind's Component UI from the site's bundle and returns the page's instance, not loaded yet, with the
 * bundles of the index's other shards (src/lib/shared/search-shards.ts) merged into it.
 */
export async function searchInstance(config: HTMLElement): Promise<PagefindInstance> {
  const bundle = config.getAttribute('bundle-path')!;
  const merged = JSON.parse(config.dataset.mergedBundles ?? '[]') as string[];
  await import(/* @vite-ignore */ `${bundle}pagefind-component-ui.js`);
  await customElements.whenDefined('pagefind-results');
  const components = window.PagefindComponents!;
  if (merged.length === 0) return components.getInstanceManager().getInstance('default');
  // Pagefind reads mergeIndex only once its own script has been fetched, so this comes in time.
  return components.configureInstance('default', { mergeIndex: merged.map((bundlePath) => ({ bundlePath })) });
}

/**
 * Keeps the query, the filters and the sort in the URL, so a search can be shared and the back button works, and the
 * page's title naming the query.
 */
export async function syncSearchWithUrl(instance: PagefindInstance, sortSelect: HTMLSelectElement, topics: TopicNames): Promise<void> {
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
    // The title names the words, so a tab, a bookmark and the history list tell one search from another.
    document.title = searchPageTitle(next.query);
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
