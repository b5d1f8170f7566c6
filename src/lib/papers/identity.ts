import { createHash } from 'node:crypto';

/**
 * A title up to case, punctuation, accents and spacing: what two listings of one paper share even when a digest
 * restyles the title. A title with no letter or digit at all ("🚀", "~") keys on itself, spacing aside, so that two
 * such titles never share the empty key.
 */
export function identityKey(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words || title.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * An abstract up to case and spacing, as a short hash: what a reworded title leaves unchanged. Punctuation counts
 * here: "About C++." and "About C#." are two abstracts.
 */
export function abstractKey(abstract: readonly string[]): string {
  const text = abstract.join(' ').normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** What a listing of a paper says about who it is: its title key, its date and its abstract key. */
export interface Listing {
  /** `identityKey` of the title. */
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `abstractKey` of the abstract. */
  abstract: string;
}

/** Why two listings are one paper, or undefined when they are two. */
export type SameBecause = 'same title and date' | 'same title and abstract' | 'same abstract and date, reworded title';

/**
 * Whether two listings are one paper. They are when their titles match (up to case, punctuation and spacing) and
 * either the date or the abstract matches; or when the abstract and the date match and only the title was reworded,
 * as when a later digest fixes a title. Anything else is two papers: "C++ Is Fast Enough" and "C# Is Fast Enough"
 * share a title key but neither a date nor an abstract.
 */
export function samePaper(a: Listing, b: Listing): SameBecause | undefined {
  if (a.title === b.title && a.date === b.date) return 'same title and date';
  if (a.title === b.title && a.abstract === b.abstract) return 'same title and abstract';
  if (a.date === b.date && a.abstract === b.abstract) return 'same abstract and date, reworded title';
  return undefined;
}

/** The keys under which a listing meets the listings of the same paper: one per rule of `samePaper`. */
export function meetingKeys(listing: Listing): [string, string, string] {
  return [`t\u0000${listing.title}\u0000${listing.date}`, `a\u0000${listing.title}\u0000${listing.abstract}`, `d\u0000${listing.date}\u0000${listing.abstract}`];
}
