/**
 * The search page's state as it lives in the URL: the query, the chosen filter values and the sort. One table maps
 * URL parameters to the Pagefind filters the paper pages emit, so the two never disagree.
 */

/** Pagefind filter names by URL parameter, in the order the filter pane shows them. */
export const FILTERS = {
  topic: 'topic',
  year: 'year',
  authors: 'authors',
  range: 'author range',
  code: 'code',
} as const;
export type FilterParam = keyof typeof FILTERS;

/** The sorts a reader can choose; relevance is Pagefind's own order and needs no sort key. */
export const SORTS = {
  relevance: { label: 'Relevance', sort: undefined },
  newest: { label: 'Newest first', sort: { date: 'desc' } },
  upvotes: { label: 'Most upvoted', sort: { upvotes: 'desc' } },
} as const satisfies Record<string, { label: string; sort: Record<string, 'asc' | 'desc'> | undefined }>;
export type SortName = keyof typeof SORTS;

/** A search: the words, the filter values by Pagefind filter name, and the sort. */
export interface SearchState {
  query: string;
  filters: Record<string, string[]>;
  sort: SortName;
}

/** Reads a search from a URL's query string; unknown parameters and sorts are ignored. */
export function stateFromSearchParams(params: URLSearchParams): SearchState {
  const filters: Record<string, string[]> = {};
  for (const [param, filter] of Object.entries(FILTERS)) {
    const values = params.getAll(param).filter(Boolean);
    if (values.length > 0) filters[filter] = values;
  }
  const sort = params.get('sort') ?? 'relevance';
  return { query: params.get('q') ?? '', filters, sort: sort in SORTS ? (sort as SortName) : 'relevance' };
}

/** Writes a search as a query string, in a stable order, leaving out what is empty or default. */
export function searchParamsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.trim() !== '') params.set('q', state.query);
  for (const [param, filter] of Object.entries(FILTERS)) {
    for (const value of [...(state.filters[filter] ?? [])].sort()) params.append(param, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** Whether two searches differ in more than their words: a change worth its own history entry. */
export function differsBeyondQuery(a: SearchState, b: SearchState): boolean {
  const { query: _a, ...restA } = a;
  const { query: _b, ...restB } = b;
  return searchParamsFromState({ ...restA, query: '' }).toString() !== searchParamsFromState({ ...restB, query: '' }).toString();
}
