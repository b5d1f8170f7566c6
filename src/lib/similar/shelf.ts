import { parseShelf, starredPapers } from '../shared/shelf.ts';

/**
 * What the "more like your shelf" page reads of the reader's shelf: the shelf's storage and its reading are the
 * shelf's own (src/lib/shared/shelf.ts); this page only reads it.
 */

export { SHELF_KEY } from '../shared/shelf.ts';

/** A starred paper: its slug, its title as the shelf keeps it, and when it was starred (ISO time). */
export interface StarredPaper {
  slug: string;
  title: string;
  starred: string;
}

/** The shelf as this page sees it: starred papers, most recently starred first (ties by slug); every paper read. */
export interface ShelfView {
  starred: StarredPaper[];
  read: Set<string>;
}

/**
 * Reads the shelf's stored text (null when there is none) as the shelf reads its storage: a damaged paper is left
 * out, anything that is no shelf counts as an empty one, never as an error: the shelf is the shelf's to repair.
 */
export function readShelf(text: string | null): ShelfView {
  const parsed = text === null ? undefined : parseShelf(text, { strict: false });
  if (!parsed?.ok) return { starred: [], read: new Set() };
  return {
    starred: starredPapers(parsed.shelf).map(([slug, paper]) => ({ slug, title: paper.title, starred: paper.starred! })),
    read: new Set(Object.entries(parsed.shelf.papers).flatMap(([slug, paper]) => (paper.read === undefined ? [] : [slug]))),
  };
}
