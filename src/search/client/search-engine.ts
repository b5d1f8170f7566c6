import {
  anyOfFilters,
  chosenGroups,
  disjunctiveCounts,
  inRankingOrder,
  largestCounts,
  mergeByScore,
  partialMatchNotice,
  queryWords,
  sortFor,
  withoutGroup,
  type FilterCounts,
  type ScoredHit,
} from '../../lib/shared/search-query.ts';
import type { PagefindHit, PagefindInstance } from './search-page.ts';

type Hit = PagefindHit & ScoredHit;
type Filters = Record<string, readonly string[]>;
type Sort = Record<string, 'asc' | 'desc'>;

/** A search's answer from Pagefind's JS API, and `partial` when it holds papers with only some of the words. */
interface SearchAnswer {
  results: Hit[];
  filters?: FilterCounts;
  totalFilters?: FilterCounts;
  unfilteredResultCount?: number;
  partial?: boolean;
}
type Search = (term: string | null, options?: { filters?: unknown; sort?: Sort }) => Promise<SearchAnswer | null>;

/**
 * Makes the page's searches ask Pagefind as src/lib/shared/search-query.ts says: a group's values as "any of", with
 * counts that say what each value gives; newest first without words; papers with some of the words when none has all.
 * Pagefind's Component UI has no hook for how it searches, so this wraps the search of its JS API instance as soon as
 * it exists (the first "filters" event, before the faceted mode's first search). Call before the instance loads.
 */
export function refineSearch(instance: PagefindInstance): void {
  let wrapped: object | undefined;
  instance.on('filters', () => {
    const api = (instance as unknown as { __pagefind__?: { search: Search } }).__pagefind__;
    if (!api || api === wrapped) return;
    wrapped = api;
    const search = api.search.bind(api);
    api.search = (term, options) => refinedSearch(search, term, (options?.filters ?? {}) as Filters, options?.sort);
  });
}

/** Shows the notice that results have only some of the words, while they are shown. */
export function showPartialMatches(notice: HTMLElement, instance: PagefindInstance): void {
  instance.on('results', (result) => {
    const partial = (result as { partial?: boolean }).partial === true;
    notice.hidden = !partial;
    notice.textContent = partial ? partialMatchNotice(instance.searchTerm ?? '') : '';
  });
}

async function refinedSearch(search: Search, term: string | null, chosen: Filters, chosenSort: Sort | undefined): Promise<SearchAnswer | null> {
  const sort = sortFor(term, chosenSort);
  const run = (words: string | null, filters: Filters) => search(words, { filters: anyOfFilters(filters), sort });
  const answer = await run(term, chosen);
  if (!answer) return answer;
  const words = queryWords(term ?? '');
  if (answer.results.length > 0 || words.length < 2) {
    const byGroup = Object.fromEntries(
      await Promise.all(chosenGroups(chosen).map(async (group) => [group, (await run(term, withoutGroup(chosen, group)))?.filters?.[group] ?? {}] as const)),
    );
    const counts = disjunctiveCounts(answer.filters ?? {}, byGroup, answer.totalFilters);
    return { ...answer, filters: counts, totalFilters: counts };
  }
  // No paper has every word: search each word alone, with the same filters, and merge.
  const found = (await Promise.all(words.map((word) => run(word, chosen)))).filter((one): one is SearchAnswer => one !== null);
  let results = mergeByScore(found.map((one) => one.results));
  if (chosenSort && Object.keys(chosenSort).length > 0) {
    // The hits carry no sort keys: the chosen sort's order of every paper the filters allow places them.
    results = inRankingOrder(results, (await run(null, chosen))?.results.map((hit) => hit.id) ?? []);
  }
  // Approximate: a value counts the most papers any one word finds with it (the words' results overlap).
  const counts = disjunctiveCounts(largestCounts(found.map((one) => one.filters ?? {})), {}, answer.totalFilters);
  return { ...answer, results, filters: counts, totalFilters: counts, partial: results.length > 0 };
}
