import type { Facet, YearFacet } from '../papers/group.ts';
import { OTHER_TOPIC } from '../papers/topics.ts';
import { paths } from '../shared/paths.ts';

/** One link of the browse sidebar: its label, its path below the base and, where asked for, its paper count. */
export interface BrowseLink {
  label: string;
  path: string;
  count?: number;
}

/** One group of the sidebar: a heading that links to the group's index page, and its links. */
export interface BrowseGroup {
  id: 'topics' | 'dates' | 'authors';
  heading: string;
  path: string;
  links: BrowseLink[];
}

/**
 * The ways into the catalog, for the sidebar of the home page and of every list: topics that have papers, years,
 * author counts. With `counts: false` the links carry no counts, so a list page's sidebar changes only when a topic,
 * a year or an author count appears, not with every new paper (list pages are cached by what they show).
 */
export function browseGroups(
  facets: { topics: readonly Facet[]; years: readonly YearFacet[]; authors: readonly Facet[] },
  { counts }: { counts: boolean },
): BrowseGroup[] {
  const link = (label: string, path: string, count: number): BrowseLink => (counts ? { label, path, count } : { label, path });
  return [
    { id: 'topics', heading: 'Topics', path: paths.topics(), links: facets.topics.filter((t) => t.count > 0).map((t) => link(t.label, paths.topic(t.slug), t.count)) },
    { id: 'dates', heading: 'Dates', path: paths.dates(), links: facets.years.map((y) => link(y.label, paths.year(y.slug), y.count)) },
    { id: 'authors', heading: 'Author counts', path: paths.authors(), links: facets.authors.map((a) => link(a.label, paths.authorCount(a.slug), a.count)) },
  ];
}

/**
 * A few topics to suggest where a search found nothing: those with the most papers, in the given order among equals,
 * leaving out "Other", which names no subject.
 */
export function suggestedTopics<T extends Facet>(topics: readonly T[], count: number): T[] {
  return topics
    .filter((topic) => topic.count > 0 && topic.slug !== OTHER_TOPIC)
    .toSorted((a, b) => b.count - a.count)
    .slice(0, count);
}
