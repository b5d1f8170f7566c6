import { CODE_BADGE, formatAuthorCount, formatDate, formatUpvotes, shortByline } from './format.ts';
import { arxivLinks } from '../papers/arxiv.ts';
import type { Paper } from '../papers/model.ts';

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

/** Reads a search from a URL's query string; unknown parameters, values, topics and sorts are ignored. */
export function stateFromSearchParams(params: URLSearchParams, topics: TopicNames = []): SearchState {
  const labels = new Map(topics.map((topic) => [topic.id, topic.label]));
  const known = new Set(labels.values());
  const filters: Record<string, string[]> = {};
  for (const [param, filter] of Object.entries(FILTERS) as [FilterParam, string][]) {
    let values = params.getAll(param).filter(Boolean);
    if (param === 'topic') {
      if (topics.length > 0) values = values.flatMap((value) => labels.get(value) ?? (known.has(value) ? [value] : []));
    } else {
      // The URL carries the short value (`2–3`); a label typed into a link by hand (`2–3 authors`) reads too.
      values = values.flatMap((value) => filterLabel(param, value) ?? (filterValue(param, value) === undefined ? [] : [value]));
    }
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
  for (const [param, filter] of Object.entries(FILTERS) as [FilterParam, string][]) {
    const values = (state.filters[filter] ?? []).map((label) => (param === 'topic' ? (ids.get(label) ?? label) : (filterValue(param, label) ?? label)));
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


/** The URL value of papers that name an organisation instead of an author count, exact or as a range. */
export const ORGANISATION = 'organisation';
/** What the filters call those papers. */
export const ORGANISATION_LABEL = 'Organisation';

/** The range a paper's author count falls in (its URL value), or "organisation" for a paper that names one. */
export function authorBucket(paper: Pick<Paper, 'byline'>): string {
  if (paper.byline.kind === 'organization') return ORGANISATION;
  const { count } = paper.byline;
  return AUTHOR_BUCKETS.find((bucket) => count >= bucket.min && count <= bucket.max)!.label;
}

/** "1 author", "2–3 authors", "11+ authors". */
function formatAuthorRange(bucket: (typeof AUTHOR_BUCKETS)[number]): string {
  return bucket.max === 1 ? formatAuthorCount(1) : `${bucket.label} authors`;
}

const CODE_LABELS = { yes: 'With code', no: 'Without code' } as const;

/**
 * The label a filter shows for a URL value (`7` → "7 authors", `2–3` → "2–3 authors", `organisation` →
 * "Organisation", `yes` → "With code"), or undefined for a value the filter does not have. Topics map by the
 * vocabulary instead (TopicNames).
 */
export function filterLabel(param: Exclude<FilterParam, 'topic'>, value: string): string | undefined {
  switch (param) {
    case 'year':
      return /^\d{4}$/.test(value) ? value : undefined;
    case 'authors':
      if (value === ORGANISATION) return ORGANISATION_LABEL;
      return /^[1-9]\d*$/.test(value) ? formatAuthorCount(Number(value)) : undefined;
    case 'range': {
      if (value === ORGANISATION) return ORGANISATION_LABEL;
      const bucket = AUTHOR_BUCKETS.find((candidate) => candidate.label === value);
      return bucket && formatAuthorRange(bucket);
    }
    case 'code':
      return Object.hasOwn(CODE_LABELS, value) ? CODE_LABELS[value as keyof typeof CODE_LABELS] : undefined;
  }
}

/** The URL value of a filter label: the inverse of filterLabel. */
export function filterValue(param: Exclude<FilterParam, 'topic'>, label: string): string | undefined {
  switch (param) {
    case 'year':
      return filterLabel(param, label) && label;
    case 'authors': {
      if (label === ORGANISATION_LABEL) return ORGANISATION;
      const count = /^([1-9]\d*) authors?$/.exec(label)?.[1];
      return count !== undefined && filterLabel(param, count) === label ? count : undefined;
    }
    case 'range':
      if (label === ORGANISATION_LABEL) return ORGANISATION;
      return AUTHOR_BUCKETS.find((bucket) => formatAuthorRange(bucket) === label)?.label;
    case 'code':
      return (Object.keys(CODE_LABELS) as (keyof typeof CODE_LABELS)[]).find((value) => CODE_LABELS[value] === label);
  }
}

/**
 * Orders a filter's values as a person reads them: numbers by their value ("2 authors" before "10 authors", "1
 * author" before "2–3 authors"), words alphabetically after them ("Organisation" last).
 */
export function compareFilterValues(a: string, b: string): number {
  return collator.compare(a, b);
}
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const FILTER_ORDER: readonly string[] = Object.values(FILTERS);

/** Orders filter groups as FILTERS lists them (topic, year, authors, author range, code); any other after them, by name. */
export function compareFilterNames(a: string, b: string): number {
  const rank = (name: string) => (FILTER_ORDER.includes(name) ? FILTER_ORDER.indexOf(name) : FILTER_ORDER.length);
  return rank(a) - rank(b) || compareFilterValues(a, b);
}

/** The label of the button that shows the filters on a phone: "Filters", or "Filters (2)" when two values are chosen. */
export function formatFiltersButton(filters: Readonly<Record<string, readonly string[]>>): string {
  const chosen = Object.values(filters).reduce((sum, values) => sum + values.length, 0);
  return chosen === 0 ? 'Filters' : `Filters (${chosen})`;
}

/**
 * The metadata key of a paper's topic at `index` (`topic1`, `topic2`, …): Pagefind's metadata are strings and its result
 * template cannot split one, so each topic is a value of its own and the template shows each as a chip.
 */
export function topicMetaKey(index: number): string {
  return `topic${index + 1}`;
}

/** What Pagefind files a paper under: filter values, sort keys (every paper has every one) and result metadata. */
export interface SearchFacets {
  filters: [string, string][];
  sorts: [string, string][];
  meta: [string, string][];
}

/**
 * A paper's search facets, each filter value the label readers see; `topicLabels` gives the display name of each of
 * its topics. The metadata is what a result row shows: date, byline, each topic under its own key (topicMetaKey),
 * upvotes only when there are any, the "Code" badge when it has code, and the paper's arXiv, PDF and Hugging Face
 * addresses only when its arXiv id is known.
 */
export function searchFacetsOf(paper: Pick<Paper, 'byline' | 'date' | 'upvotes' | 'code' | 'arxiv' | 'authorNames'>, topicLabels: readonly string[]): SearchFacets {
  return {
    filters: [
      ...topicLabels.map((label): [string, string] => [FILTERS.topic, label]),
      [FILTERS.year, paper.date.slice(0, 4)],
      [FILTERS.authors, paper.byline.kind === 'authors' ? formatAuthorCount(paper.byline.count) : ORGANISATION_LABEL],
      [FILTERS.range, filterLabel('range', authorBucket(paper))!],
      [FILTERS.code, CODE_LABELS[paper.code.length > 0 ? 'yes' : 'no']],
    ],
    sorts: [
      ['date', paper.date],
      ['upvotes', String(paper.upvotes)],
    ],
    meta: [
      ['date', formatDate(paper.date)],
      ['byline', shortByline(paper.byline, paper.authorNames)],
      ...topicLabels.map((label, index): [string, string] => [topicMetaKey(index), label]),
      ...(paper.upvotes > 0 ? [['upvotes', formatUpvotes(paper.upvotes)] as [string, string]] : []),
      // The badge's label, not the repository's URL: every metadata value is searched, and URLs' words must not be.
      ...(paper.code.length > 0 ? [['code', CODE_BADGE] as [string, string]] : []),
      ...(paper.arxiv === undefined ? [] : arxivLinks(paper.arxiv).map((link): [string, string] => [link.key, link.href])),
    ],
  };
}
