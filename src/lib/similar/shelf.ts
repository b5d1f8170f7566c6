/**
 * What the "more like your shelf" page reads of the reader's shelf: the shelf's storage is the shelf's own (key and
 * shape fixed with it, `{"version":1,"papers":{"<slug>":{"title","starred"?,"read"?,…}}}`); this page only reads it.
 */

/** The localStorage key the shelf keeps its papers under. */
export const SHELF_KEY = 'papershelf-shelf';

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
 * Reads the shelf's stored text (null when there is none). Anything it cannot read (not JSON, another version, a
 * paper without a starred time) counts as not starred, never as an error: the shelf is the shelf's to repair.
 */
export function readShelf(text: string | null): ShelfView {
  const empty: ShelfView = { starred: [], read: new Set() };
  if (text === null) return empty;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return empty;
  }
  const { version, papers } = (data ?? {}) as { version?: unknown; papers?: unknown };
  if (version !== 1 || typeof papers !== 'object' || papers === null || Array.isArray(papers)) return empty;
  const view: ShelfView = { starred: [], read: new Set() };
  for (const [slug, value] of Object.entries(papers as Record<string, unknown>)) {
    const { title, starred, read } = (value ?? {}) as { title?: unknown; starred?: unknown; read?: unknown };
    if (typeof read === 'string') view.read.add(slug);
    if (typeof starred === 'string') view.starred.push({ slug, title: typeof title === 'string' && title !== '' ? title : slug, starred });
  }
  view.starred.sort((a, b) => (a.starred !== b.starred ? (a.starred < b.starred ? 1 : -1) : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return view;
}
