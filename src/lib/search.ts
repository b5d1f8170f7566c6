import { formatDate } from './format.ts';
import type { Paper } from './papers/model.ts';

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

/** Topic ids and display labels: a URL carries the id, which never changes; the filter shows the label. */
export type TopicNames = readonly { id: string; label: string }[];

/** Reads a search from a URL's query string; unknown parameters, topics and sorts are ignored. */
export function stateFromSearchParams(params: URLSearchParams, topics: TopicNames = []): SearchState {
  const labels = new Map(topics.map((topic) => [topic.id, topic.label]));
  const known = new Set(labels.values());
  const filters: Record<string, string[]> = {};
  for (const [param, filter] of Object.entries(FILTERS)) {
    let values = params.getAll(param).filter(Boolean);
    if (param === 'topic' && topics.length > 0) values = values.flatMap((value) => labels.get(value) ?? (known.has(value) ? [value] : []));
    if (values.length > 0) filters[filter] = values;
  }
  const sort = params.get('sort') ?? 'relevance';
  return { query: params.get('q') ?? '', filters, sort: Object.hasOwn(SORTS, sort) ? (sort as SortName) : 'relevance' };
}

/** Writes a search as a query string, in a stable order, leaving out what is empty or default. */
export function searchParamsFromState(state: SearchState, topics: TopicNames = []): URLSearchParams {
  const ids = new Map(topics.map((topic) => [topic.label, topic.id]));
  const params = new URLSearchParams();
  if (state.query.trim() !== '') params.set('q', state.query);
  for (const [param, filter] of Object.entries(FILTERS)) {
    const values = (state.filters[filter] ?? []).map((value) => (param === 'topic' ? (ids.get(value) ?? value) : value));
    for (const value of values.sort()) params.append(param, value);
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

/** The author-count ranges search filters by. */
export const AUTHOR_BUCKETS = [
  { label: '1', min: 1, max: 1 },
  { label: '2–3', min: 2, max: 3 },
  { label: '4–6', min: 4, max: 6 },
  { label: '7–10', min: 7, max: 10 },
  { label: '11+', min: 11, max: Number.POSITIVE_INFINITY },
] as const;

/** The filter value of papers that name an organisation instead of an author count, exact or as a range. */
export const ORGANISATION = 'organisation';

/** The range a paper's author count falls in, or "organisation" for a paper that names one. */
export function authorBucket(paper: Pick<Paper, 'byline'>): string {
  if (paper.byline.kind === 'organization') return ORGANISATION;
  const { count } = paper.byline;
  return AUTHOR_BUCKETS.find((bucket) => count >= bucket.min && count <= bucket.max)!.label;
}

/** What Pagefind files a paper under: filter values, sort keys (every paper has every one) and result metadata. */
export interface SearchFacets {
  filters: [string, string][];
  sorts: [string, string][];
  meta: [string, string][];
}

/** A paper's search facets; `topicLabels` gives the display name of each of its topics. */
export function searchFacetsOf(paper: Pick<Paper, 'byline' | 'date' | 'upvotes' | 'code'>, topicLabels: readonly string[]): SearchFacets {
  return {
    filters: [
      ...topicLabels.map((label): [string, string] => [FILTERS.topic, label]),
      [FILTERS.year, paper.date.slice(0, 4)],
      [FILTERS.authors, paper.byline.kind === 'authors' ? String(paper.byline.count) : ORGANISATION],
      [FILTERS.range, authorBucket(paper)],
      [FILTERS.code, paper.code.length > 0 ? 'yes' : 'no'],
    ],
    sorts: [
      ['date', paper.date],
      ['upvotes', String(paper.upvotes)],
    ],
    meta: [
      ['date', formatDate(paper.date)],
      ['topics', topicLabels.join(', ')],
    ],
  };
}
