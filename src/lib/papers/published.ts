import { groupBy } from './group.ts';
import type { Listed } from './grouping.ts';
import { arxivAgrees, nameKey, type Listing } from './identity.ts';

/** A paper already published as an item: who it is, and its URL slug. */
export interface PublishedPaper {
  /** The identity key of its title, as the item states it. */
  key: string;
  slug: string;
  /** `YYYY-MM-DD`, as the item states it. */
  date: string;
  /** The `arxivKey` of the arXiv id the item states, if any. */
  arxiv?: string;
  /** The title the item states: asked of items whose title key and date a listing shares, to compare names. */
  title: () => string;
  /**
   * The `abstractKey` of the item's abstract. Asked only of items no listing claimed by title and date, and only when
   * some paper is new: reading it costs a full parse of the item.
   */
  abstract: () => string;
}

/**
 * The published item of each group that has one, by group index. An item belongs to a group when `samePaper` holds
 * between it and one of the group's listings; items are matched by arXiv id first (an item and a group that both state
 * one match only by it), then by title and date, which needs no parse, then,
 * for groups still without an item, by title and abstract, then by date and abstract (a reworded title). Each item
 * goes to one group at most; when several fit one group, the one that fits its oldest listing wins, then the first by
 * slug, and the others stay published as they are.
 */
export function matchPublished(groups: readonly number[][], listed: readonly Listed[], published: readonly PublishedPaper[]): Map<number, PublishedPaper> {
  const items = new Map<number, PublishedPaper>();
  if (published.length === 0) return items;
  const sorted = [...published].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const byTitleDate = groupBy(sorted, (item) => [`${item.key}\u0000${item.date}`]);
  const byTitle = groupBy(sorted, (item) => [item.key]);
  const byDate = groupBy(sorted, (item) => [item.date]);
  const byArxiv = groupBy(sorted, (item) => (item.arxiv === undefined ? [] : [item.arxiv]));
  const claimed = new Set<PublishedPaper>();
  const abstracts = new Map<PublishedPaper, string>();
  const abstractOf = (item: PublishedPaper) => {
    let key = abstracts.get(item);
    if (key === undefined) abstracts.set(item, (key = item.abstract()));
    return key;
  };
  const names = new Map<PublishedPaper, string>();
  const nameOf = (item: PublishedPaper) => {
    let name = names.get(item);
    if (name === undefined) names.set(item, (name = nameKey(item.title())));
    return name;
  };
  // The arXiv id of each group (its listings state one at most, see groupListings): an item with another id is not its.
  const groupIds = groups.map((members) => members.map((member) => listed[member]!.listing.arxiv).find((id) => id !== undefined));
  const passes: ((listing: Listing, free: (item: PublishedPaper) => boolean) => PublishedPaper | undefined)[] = [
    (listing, free) => (listing.arxiv === undefined ? undefined : byArxiv.get(listing.arxiv)?.find(free)),
    (listing, free) => byTitleDate.get(`${listing.title}\u0000${listing.date}`)?.find((item) => free(item) && nameOf(item) === listing.name),
    (listing, free) => byTitle.get(listing.title)?.find((item) => free(item) && nameOf(item) === listing.name && abstractOf(item) === listing.abstract),
    (listing, free) => byDate.get(listing.date)?.find((item) => free(item) && abstractOf(item) === listing.abstract),
  ];
  for (const pass of passes) {
    groups.forEach((members, index) => {
      if (items.has(index)) return;
      const free = (item: PublishedPaper) => !claimed.has(item) && arxivAgrees(item.arxiv, groupIds[index]);
      for (const member of members) {
        const item = pass(listed[member]!.listing, free);
        if (item) {
          items.set(index, item);
          claimed.add(item);
          return;
        }
      }
    });
  }
  return items;
}

