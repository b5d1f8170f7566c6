import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareRecord, formatRecord, publishedPath, readRecord } from '../lib/site/url-record.ts';

/** The record's file name in the content folder. */
export const RECORD_FILE = 'published-urls.txt';

/** What a build did to the record (see src/lib/site/url-record.ts). */
export interface RecordOutcome {
  file: string;
  /** Recorded paths the build does not publish: the build must fail. */
  dropped: string[];
  /** Paths published for the first time, now recorded. */
  added: string[];
}

/**
 * The URL paths of every file the build's routes wrote (Astro's `assets`: route pattern → output files, restored ones
 * too), but a paginated list's later pages: `paginate` routes (`[...page]`) publish their first page at the pattern's
 * depth and page n deeper, and what page n holds shifts with every paper that arrives or leaves. The list's own URL,
 * its first page, is the promise. The year lists' legacy later-page URLs are left out for the same reason.
 */
export function publishedPaths(outDir: string, assets: ReadonlyMap<string, readonly URL[]>): Set<string> {
  const published = new Set<string>();
  for (const [pattern, files] of assets) {
    if (pattern === LEGACY_YEAR_PAGES) continue;
    const firstPageDepth = pattern.includes('[...page]') ? segments(pattern.replace('[...page]', '')) : undefined;
    for (const url of files) {
      const path = publishedPath(relative(outDir, fileURLToPath(url)));
      if (path === undefined || (firstPageDepth !== undefined && segments(path) > firstPageDepth)) continue;
      published.add(path);
    }
  }
  return published;
}

/** The route of year lists' old later-page URLs (see isLegacyYearPage): redirects to pages that shift, not recorded. */
const LEGACY_YEAR_PAGES = '/dates/[year]/[legacy]';

const segments = (path: string) => path.split('/').filter(Boolean).length;

/** The record as a build read it when it started: its paths, and whether the file existed. */
export interface Recorded {
  paths: readonly string[];
  exists: boolean;
}

/**
 * Checks a build's output against the record it read when it started (see readRecordAtStart: read once, checked
 * there). `record()` then writes what the build published for the first time (to a temporary file, renamed; nothing
 * when nothing was added): the caller does it once the build has wholly succeeded, so a build that fails later records
 * nothing.
 */
export function checkRecord(contentDir: string, recorded: Recorded, published: ReadonlySet<string>): RecordOutcome & { record: () => void } {
  const file = join(contentDir, RECORD_FILE);
  const { dropped, added } = compareRecord(recorded.paths, published);
  const record = () => {
    if (dropped.length > 0 || (added.length === 0 && recorded.exists)) return;
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, formatRecord([...recorded.paths, ...added]));
    renameSync(temporary, file);
  };
  return { file, dropped, added, record };
}

/** What the record says before a build: its paths, or a problem that must stop the build before anything is built. */
export type RecordAtStart = Recorded | { problem: string; hint: string };

/**
 * Reads the record when a build starts. A record that is a folder or unreadable, or has a line that is no path, is a
 * problem. So is a missing or empty record of a catalog that has items, unless the operator says this is a new
 * catalog (`newCatalog`): rebuilding the record from the build would accept every URL the build dropped.
 */
export function readRecordAtStart(contentDir: string, options: { items: number; newCatalog: boolean; shown: (file: string) => string }): RecordAtStart {
  const file = join(contentDir, RECORD_FILE);
  const name = options.shown(file);
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return { problem: `${name} is a folder; the record of published URLs is a text file`, hint: `Move the folder away and restore the file (git checkout -- ${name}).` };
    if (code !== 'ENOENT') return { problem: `cannot read ${name}: ${(error as Error).message}`, hint: 'Give this user read access to the file, then build again.' };
  }
  const read = text === undefined ? { paths: [], problems: [] } : readRecord(text);
  if (read.problems.length > 0) {
    return {
      problem: `${name}: ${read.problems.length} line(s) are not URL paths:\n${read.problems.slice(0, 20).map((problem) => `  ${name}:${problem.line}: ${problem.message}`).join('\n')}`,
      hint: `The record is written by the build; restore it (git checkout -- ${name}) or remove the lines named.`,
    };
  }
  if (read.paths.length === 0 && options.items > 0 && !options.newCatalog) {
    return {
      problem: `${name} is ${text === undefined ? 'missing' : 'empty'}, but the catalog has ${options.items} item(s): without the record, a URL this build drops would go unnoticed`,
      hint: `Restore the record (git checkout -- ${name}). If this really is a new catalog, build once with PAPERSHELF_NEW_CATALOG=1.`,
    };
  }
  return { paths: read.paths, exists: text !== undefined };
}
