/**
 * How the search page asks Pagefind: values of one filter group are alternatives ("2024 or 2025"), a search without
 * words lists the newest papers first, and words that do not all match fall back to papers with some of them.
 * Pure: src/search/client/search-engine.ts runs the searches.
 */

/** Pagefind's filter counts: value → number of results, by filter name. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One result as Pagefind's search returns it, before its text is loaded. */
export interface ScoredHit {
  id: string;
  score: number;
}

/** The order of a search without words and without a chosen sort: the newest papers first (the `date` sort key). */
export const NO_WORDS_SORT = { date: 'desc' } as const;

/**
 * The filters as Pagefind's JS API takes them, each group's chosen values as "any of": a paper of 2024 or of 2025,
 * while different groups still narrow each other (a topic and a year). Groups with no value are left out.
 */
export function anyOfFilters(filters: Readonly<Record<string, readonly string[]>>): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(filters).flatMap(([name, values]) => (values.length > 0 ? [[name, { any: [...values] }]] : [])));
}

/** The filters without one group: the search whose counts say what each value of that group would give. */
export function withoutGroup(filters: Readonly<Record<string, readonly string[]>>, group: string): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(filters).filter(([name]) => name !== group));
}

/** The groups with at least one chosen value. */
export function chosenGroups(filters: Readonly<Record<string, readonly string[]>>): string[] {
  return Object.entries(filters).flatMap(([name, values]) => (values.length > 0 ? [name] : []));
}

/** The sort a search runs with: the one chosen, or newest first when there are no words (Pagefind's own is by URL). */
export function sortFor(term: string | null, sort: Readonly<Record<string, 'asc' | 'desc'>> | undefined): Record<string, 'asc' | 'desc'> | undefined {
  if (sort && Object.keys(sort).length > 0) return { ...sort };
  return term === null || term.trim() === '' ? { ...NO_WORDS_SORT } : undefined;
}

/** The distinct words of a query, in order, as the fallback searches them one at a time. */
export function queryWords(term: string): string[] {
  return [...new Set(term.toLowerCase().split(/\s+/).filter(Boolean))];
}

/**
 * Merges the results of searches for single words: a paper once, scored by the sum of its scores, so a paper with more
 * of the words, or with them more often, comes first; ties keep the order of the first list that had them.
 */
export function mergeByScore<T extends ScoredHit>(lists: readonly (readonly T[])[]): T[] {
  const merged = new Map<string, { hit: T; score: number; order: number }>();
  for (const list of lists) {
    for (const hit of list) {
      const seen = merged.get(hit.id);
      if (seen) seen.score += hit.score;
      else merged.set(hit.id, { hit, score: hit.score, order: merged.size });
    }
  }
  return [...merged.values()].sort((a, b) => b.score - a.score || a.order - b.order).map((entry) => entry.hit);
}

/** Puts hits in the order of `ranking` (the ids of every paper in the chosen sort); ids it lacks go last. */
export function inRankingOrder<T extends ScoredHit>(hits: readonly T[], ranking: readonly string[]): T[] {
  const rank = new Map(ranking.map((id, index) => [id, index]));
  return hits.toSorted((a, b) => (rank.get(a.id) ?? rank.size) - (rank.get(b.id) ?? rank.size));
}

/**
 * Counts where a chosen group's values count as alternatives: each chosen group's counts come from the search without
 * that group (what each of its values gives, with the other groups applied), the others from the search itself.
 * A value a group had before and lacks now counts 0, so the filter pane keeps it.
 */
export function disjunctiveCounts(own: FilterCounts, byGroup: Readonly<Record<string, Record<string, number>>>, known: FilterCounts = {}): FilterCounts {
  const counts: FilterCounts = {};
  for (const group of new Set([...Object.keys(known), ...Object.keys(own), ...Object.keys(byGroup)])) {
    const source = byGroup[group] ?? own[group] ?? {};
    const values = new Set([...Object.keys(known[group] ?? {}), ...Object.keys(own[group] ?? {}), ...Object.keys(source)]);
    counts[group] = Object.fromEntries([...values].map((value) => [value, source[value] ?? 0]));
  }
  return counts;
}

/** Counts over searches whose results are merged: a value's count is its largest in any one of them. */
export function largestCounts(all: readonly FilterCounts[]): FilterCounts {
  const counts: FilterCounts = {};
  for (const one of all) {
    for (const [group, values] of Object.entries(one)) {
      const into = (counts[group] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = Math.max(into[value] ?? 0, count);
    }
  }
  return counts;
}

/** What the search page says above results that have only some of the words. */
export function partialMatchNotice(term: string): string {
  return `No paper has all of “${term.trim()}”; showing papers with some of these words`;
}
