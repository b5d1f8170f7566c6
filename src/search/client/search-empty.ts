import type { PagefindInstance } from './search-page.ts';

/**
 * Shows the search page's empty state (src/components/SearchEmpty.astro) when a search settles with no results, and
 * hides it while a search runs or once one finds papers. In faceted mode the only search without results is one
 * whose words or filters match nothing, or, offline, one whose index is not kept: `allow(false)` keeps it hidden then
 * (src/search/client/offline-search.ts says what is missing instead).
 */
export function showEmptyState(section: HTMLElement, instance: PagefindInstance): { allow: (allowed: boolean) => void } {
  let found: number | undefined; // undefined while a search runs
  let allowed = true;
  const render = () => {
    section.hidden = !(found === 0 && allowed);
  };
  instance.on('loading', () => {
    found = undefined;
    render();
  });
  instance.on('results', (result) => {
    found = result.results?.length ?? 0;
    render();
  });
  return {
    allow: (value) => {
      allowed = value;
      render();
    },
  };
}
