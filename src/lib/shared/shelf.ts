/**
 * The reader's shelf: the papers they starred or marked read, kept in their browser only (src/scripts/shelf/store.ts
 * keeps it in localStorage under `papershelf-shelf`). This module is the shelf's format, its checks and its changes,
 * pure; the exports are in shelf-export.ts, the share link in shelf-share.ts.
 *
 * The format is a contract other code reads too:
 * `{"version":1,"papers":{"<slug>":{"title":"…","starred":"<ISO time>","read":"<ISO time>","year":"2024",…}}}`,
 * `starred` and `read` present only when set. Papers are keyed by slug, which is permanent (a merged paper's slug
 * redirects), so a shelf survives every new build of the catalog.
 */

export const SHELF_VERSION = 1;

/** The localStorage key the shelf lives under (src/scripts/shelf/store.ts writes it; "More like your shelf" reads it). */
export const SHELF_KEY = 'papershelf-shelf';

/** What the shelf keeps of a paper, so that its list, its exports and its share link need no catalog. */
export interface ShelfPaper {
  title: string;
  /** When the reader starred it (ISO time); absent when not starred. */
  starred?: string;
  /** When the reader marked it read (ISO time); absent when not read. */
  read?: string;
  /** The paper's year, `2024`. */
  year?: string;
  /** The paper's page in the catalog, absolute. */
  url?: string;
  /** The authors by name, only when the catalog names them. */
  authors?: string[];
  /** The arXiv id, only when the catalog knows it. */
  arxiv?: string;
}

/** The whole shelf, as stored, exported as JSON, and imported back. */
export interface Shelf {
  version: typeof SHELF_VERSION;
  papers: Record<string, ShelfPaper>;
}

/** What a card tells the shelf about its paper when it is starred or marked read: everything but the two marks. */
export type ShelfDetails = Omit<ShelfPaper, 'starred' | 'read'>;

/** The result of checking a value that claims to be a shelf: the shelf, or why it is not one. */
export type ShelfCheck = { ok: true; shelf: Shelf } | { ok: false; message: string };

/** An empty shelf. */
export function emptyShelf(): Shelf {
  return { version: SHELF_VERSION, papers: {} };
}

// The catalog's slugs: lower-case ASCII words joined by hyphens (src/lib/papers/slug.ts), at most a few hundred long.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// The arXiv ids the item schema accepts (ARXIV_ID in src/lib/digest/api.ts, which would bring zod into the page).
const ARXIV = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;
const YEAR = /^\d{4}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
/** Longest title, author name and URL a shelf holds: a real one is far shorter; anything longer is not a shelf. */
const MAX_TEXT = 2000;
/** Most authors a paper on the shelf names: the catalog's longest author lists stay well below it. */
const MAX_AUTHORS = 5000;

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TEXT;

function httpUrl(value: unknown): value is string {
  if (!isText(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Checks one paper of a shelf; returns it with only the fields a shelf knows, or what is wrong with it. */
function checkPaper(slug: string, value: unknown): { paper: ShelfPaper } | { problem: string } {
  const where = `the paper "${slug.slice(0, 100)}"`;
  if (!SLUG.test(slug) || slug.length > 300) return { problem: `"${slug.slice(0, 100)}" is not a paper's address on this site` };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: `${where} is not an object` };
  const entry = value as Record<string, unknown>;
  if (!isText(entry.title)) return { problem: `${where} has no title` };
  const paper: ShelfPaper = { title: entry.title };
  for (const mark of ['starred', 'read'] as const) {
    if (entry[mark] === undefined) continue;
    if (typeof entry[mark] !== 'string' || !ISO_TIME.test(entry[mark]) || Number.isNaN(Date.parse(entry[mark]))) return { problem: `${where}: "${mark}" is not a time` };
    paper[mark] = entry[mark];
  }
  if (entry.year !== undefined) {
    if (typeof entry.year !== 'string' || !YEAR.test(entry.year)) return { problem: `${where}: "year" is not a year` };
    paper.year = entry.year;
  }
  if (entry.url !== undefined) {
    if (!httpUrl(entry.url)) return { problem: `${where}: "url" is not a web address` };
    paper.url = entry.url;
  }
  if (entry.authors !== undefined) {
    if (!Array.isArray(entry.authors) || entry.authors.length > MAX_AUTHORS || !entry.authors.every(isText)) return { problem: `${where}: "authors" is not a list of names` };
    paper.authors = [...entry.authors];
  }
  if (entry.arxiv !== undefined) {
    if (typeof entry.arxiv !== 'string' || !ARXIV.test(entry.arxiv)) return { problem: `${where}: "arxiv" is not an arXiv id` };
    paper.arxiv = entry.arxiv;
  }
  if (paper.starred === undefined && paper.read === undefined) return { problem: `${where} is neither starred nor read` };
  return { paper };
}

/**
 * Checks a value that claims to be a shelf (an imported file, a share link, what storage holds). `strict` (an import)
 * refuses the whole shelf at its first bad paper, naming it; otherwise (storage) a bad paper is left out and the rest
 * kept, so one damaged entry never costs the reader their shelf.
 */
export function checkShelf(value: unknown, { strict = true } = {}): ShelfCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'It is not a shelf: a shelf is a JSON object with "version" and "papers".' };
  const { version, papers } = value as Record<string, unknown>;
  if (version !== SHELF_VERSION) return { ok: false, message: `It is not a shelf this site reads: its "version" is ${JSON.stringify(version)?.slice(0, 20) ?? 'missing'}, not ${SHELF_VERSION}.` };
  if (typeof papers !== 'object' || papers === null || Array.isArray(papers)) return { ok: false, message: 'It is not a shelf: its "papers" is not an object of papers by address.' };
  const shelf = emptyShelf();
  for (const [slug, entry] of Object.entries(papers)) {
    const checked = checkPaper(slug, entry);
    if ('paper' in checked) shelf.papers[slug] = checked.paper;
    else if (strict) return { ok: false, message: `It is not a valid shelf: ${checked.problem}.` };
  }
  return { ok: true, shelf };
}

/** Reads a shelf from JSON text: an imported file, or what storage holds (`strict: false`). */
export function parseShelf(text: string, options: { strict?: boolean } = {}): ShelfCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'It is not a shelf: the file is not JSON.' };
  }
  return checkShelf(value, options);
}

/** Sets or clears one mark of a paper; a paper left with neither mark leaves the shelf. `details` refresh what it keeps. */
export function toggleMark(shelf: Shelf, slug: string, mark: 'starred' | 'read', details: ShelfDetails, now: string): Shelf {
  const current = shelf.papers[slug];
  const papers = { ...shelf.papers };
  const next: ShelfPaper = { ...current, ...details };
  if (current?.[mark] !== undefined) delete next[mark];
  else next[mark] = now;
  if (next.starred === undefined && next.read === undefined) delete papers[slug];
  else papers[slug] = next;
  return { version: SHELF_VERSION, papers };
}

/** Whether a paper carries a mark on the shelf. */
export function hasMark(shelf: Shelf, slug: string, mark: 'starred' | 'read'): boolean {
  return shelf.papers[slug]?.[mark] !== undefined;
}

/** The starred papers, most recently starred first (then by slug, so the order is stable). */
export function starredPapers(shelf: Shelf): [string, ShelfPaper][] {
  return Object.entries(shelf.papers)
    .filter(([, paper]) => paper.starred !== undefined)
    .sort(([slugA, a], [slugB, b]) => b.starred!.localeCompare(a.starred!) || slugA.localeCompare(slugB));
}

/**
 * Adds another shelf to the reader's own (an import): papers it lacks come in whole; for a paper on both, the reader's
 * marks stay as they are and a mark only the other shelf has is added, with what it knows of the paper filling gaps.
 */
export function mergeShelves(own: Shelf, other: Shelf): { shelf: Shelf; added: number } {
  const papers = { ...own.papers };
  let added = 0;
  for (const [slug, paper] of Object.entries(other.papers)) {
    const mine = papers[slug];
    if (!mine) added += 1;
    papers[slug] = { ...paper, ...mine };
  }
  return { shelf: { version: SHELF_VERSION, papers }, added };
}
