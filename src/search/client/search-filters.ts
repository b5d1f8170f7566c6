import { compareFilterNames, compareFilterValues, formatFiltersButton } from '../../lib/shared/search-state.ts';
import type { PagefindInstance } from './search-page.ts';

/**
 * Keeps Pagefind's filter pane in the order a person reads: groups as the site lists its filters, values by
 * compareFilterValues ("2 authors" before "10 authors"). Pagefind's own `sort` attribute knows only its alphabetical
 * order, which puts "10 authors" first; the pane draws its groups anew whenever the filters or the language change,
 * and this listens after it to each of those events.
 */
export function orderFilterPane(pane: HTMLElement, instance: PagefindInstance): void {
  const order = () => {
    const groups = pane.querySelector('.pf-filter-pane');
    if (!groups) return;
    sortChildren(groups, (group) => (group as HTMLElement).dataset.filterName ?? '', compareFilterNames);
    for (const options of groups.querySelectorAll('.pf-filter-options')) {
      sortChildren(options, (option) => option.querySelector('input')?.value ?? '', compareFilterValues);
    }
  };
  instance.on('filters', order);
  instance.on('translations', order);
  order();
}

/** Puts an element's children in order, moving none when they already are (a moved element loses focus). */
function sortChildren(parent: Element, keyOf: (child: Element) => string, compare: (a: string, b: string) => number): void {
  const children = [...parent.children];
  const sorted = children.toSorted((a, b) => compare(keyOf(a), keyOf(b)));
  if (sorted.some((child, index) => child !== children[index])) parent.append(...sorted);
}

/**
 * The phone's "Filters" button: it shows and hides the filters (search.css hides them on a narrow screen while the
 * button is not expanded; on a wide one the button is hidden and the filters always shown), and counts the chosen
 * values, so a reader sees that filters apply while they are hidden.
 */
export function showFiltersOnDemand(button: HTMLButtonElement, instance: PagefindInstance): void {
  button.addEventListener('click', () => button.setAttribute('aria-expanded', String(button.getAttribute('aria-expanded') !== 'true')));
  instance.on('search', (_term, filters) => {
    button.textContent = formatFiltersButton(filters ?? {});
  });
}
