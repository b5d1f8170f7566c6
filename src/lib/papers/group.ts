import type { Byline } from '../digest/types.ts';
import { monthName } from '../digest/date.ts';
import { OTHER_TOPIC, type Topic } from './topics.ts';

/** One value of a facet: its URL key, its display label and how many papers have it. */
export interface Facet {
  slug: string;
  label: string;
  count: number;
}

/** Groups items under each of their keys in one pass; each group keeps the items' order. */
export function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/** The URL key of a paper's author count: the count, or `organization` for a paper that names one. */
export function authorKey(paper: { byline: Byline }): string {
  return paper.byline.kind === 'authors' ? String(paper.byline.count) : ORGANIZATION_KEY;
}
export const ORGANIZATION_KEY = 'organization';

/** Every topic of the vocabulary with its description and number of papers (possibly 0): by name, "Other" last. */
export function topicFacets(groups: ReadonlyMap<string, readonly unknown[]>, vocabulary: readonly Topic[]): (Facet & { description: string })[] {
  return vocabulary
    .map((topic) => ({
      slug: topic.id,
      label: topic.name,
      description: topic.description,
      count: groups.get(topic.id)?.length ?? 0,
    }))
    .sort((a, b) => Number(a.slug === OTHER_TOPIC) - Number(b.slug === OTHER_TOPIC) || a.label.localeCompare(b.label, 'en'));
}

/** Author counts in ascending order, then the papers that name an organisation instead. */
export function authorFacets(groups: ReadonlyMap<string, readonly unknown[]>): Facet[] {
  const numeric = [...groups.keys()].filter((key) => key !== ORGANIZATION_KEY).sort((a, b) => Number(a) - Number(b));
  const facets = numeric.map((key) => ({ slug: key, label: authorLabel(key), count: groups.get(key)!.length }));
  const organizations = groups.get(ORGANIZATION_KEY);
  if (organizations) facets.push({ slug: ORGANIZATION_KEY, label: authorLabel(ORGANIZATION_KEY), count: organizations.length });
  return facets;
}

/** "1 author", "7 authors", or "Organisations" for the papers that name one. */
export function authorLabel(key: string): string {
  if (key === ORGANIZATION_KEY) return 'Organisations';
  return key === '1' ? '1 author' : `${key} authors`;
}

/** A year with its months, newest first, each with a paper count. */
export interface YearFacet extends Facet {
  months: Facet[];
}

/** Years and months that have papers, newest first; a month's slug is its two-digit number. */
export function dateFacets(papers: readonly { date: string }[]): YearFacet[] {
  const years = groupBy(papers, (paper) => [paper.date.slice(0, 4)]);
  return [...years.keys()]
    .sort()
    .reverse()
    .map((year) => {
      const months = groupBy(years.get(year)!, (paper) => [paper.date.slice(5, 7)]);
      return {
        slug: year,
        label: year,
        count: years.get(year)!.length,
        months: [...months.keys()]
          .sort()
          .reverse()
          .map((month) => ({ slug: month, label: monthName(month), count: months.get(month)!.length })),
      };
    });
}

