import type { PagefindInstance } from './search-page.ts';

/**
 * Shows the search page's empty state (src/components/SearchEmpty.astro) when a search settles with no results, and
 * hides it while a search runs or once one finds papers. In faceted mode the only search without results is one
 * whose words or filters match nothing.
 */
export function showEmptyState(section: HTMLElement, instance: PagefindInstance): void {
  instance.on('loading', () => {
    section.hidden = true;
  });
  instance.on('results', (result) => {
    section.hidden = (result.results?.length ?? 0) > 0;
  });
}
