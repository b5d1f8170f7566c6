import type { DigestEntry } from '../digest/types.ts';
import { arxivAgrees, meetingKeys, samePaper, type Listing, type SameBecause } from './identity.ts';

/** A digest entry with what it says about the paper's identity. */
export interface Listed {
  entry: DigestEntry;
  listing: Listing;
}

/**
 * The listings grouped into papers (union-find over the keys of `meetingKeys`, joining two listings when `samePaper`
 * says so): each group's indexes ascending, oldest listing first; groups ordered by their oldest listing. A group holds
 * at most one arXiv id: two listings with different ids are never joined, not through a listing without one either.
 */
export function groupListings(listed: readonly Listed[]): number[][] {
  const parent = listed.map((_, index) => index);
  const ids = listed.map(({ listing }) => listing.arxiv); // at each root: the group's arXiv id, if any listing states one
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root]!;
    for (let at = index; parent[at] !== root; ) [at, parent[at]] = [parent[at]!, root];
    return root;
  };
  const join = (index: number, other: number) => {
    const [a, b] = [find(index), find(other)];
    if (a === b || !arxivAgrees(ids[a], ids[b])) return;
    const [root, child] = a < b ? [a, b] : [b, a]; // the oldest listing is the root
    parent[child] = root;
    ids[root] ??= ids[child];
  };
  const met = new Map<string, number[]>();
  listed.forEach(({ listing }, index) => {
    for (const key of meetingKeys(listing)) {
      const others = met.get(key);
      if (others === undefined) {
        met.set(key, [index]);
        continue;
      }
      // A key is a chance, not a verdict: one name and date with two unrelated abstracts, or two arXiv ids, are two papers.
      for (const other of others) if (samePaper(listing, listed[other]!.listing)) join(index, other);
      others.push(index);
    }
  });
  const groups = new Map<number, number[]>();
  listed.forEach((_, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });
  return [...groups.values()];
}

/** Why a listing joined a paper whose newest listing it shares nothing with: through another listing of it. */
export function linkedBecause(members: readonly number[], listed: readonly Listed[], member: number): SameBecause {
  for (const other of members) {
    const because = other === member ? undefined : samePaper(listed[member]!.listing, listed[other]!.listing);
    if (because) return because;
  }
  return 'same title and date'; // unreachable: a group's listings are linked
}
