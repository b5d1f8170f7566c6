import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareRecord, formatRecord, parseRecord, publishedPath } from '../lib/url-record.ts';

/** The record's file name in the content folder. */
export const RECORD_FILE = 'published-urls.txt';

/** What a build did to the record (see src/lib/url-record.ts). */
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
 * its first page, is the promise.
 */
export function publishedPaths(outDir: string, assets: ReadonlyMap<string, readonly URL[]>): Set<string> {
  const published = new Set<string>();
  for (const [pattern, files] of assets) {
    const firstPageDepth = pattern.includes('[...page]') ? segments(pattern.replace('[...page]', '')) : undefined;
    for (const url of files) {
      const path = publishedPath(relative(outDir, fileURLToPath(url)));
      if (path === undefined || (firstPageDepth !== undefined && segments(path) > firstPageDepth)) continue;
      published.add(path);
    }
  }
  return published;
}

const segments = (path: string) => path.split('/').filter(Boolean).length;

/**
 * Checks a build's output against the record in the content folder. `record()` then writes what the build published
 * for the first time (to a temporary file, renamed; nothing when nothing was added): the caller does it once the
 * build has wholly succeeded, so a build that fails later records nothing.
 */
export function checkRecord(contentDir: string, published: ReadonlySet<string>): RecordOutcome & { record: () => void } {
  const file = join(contentDir, RECORD_FILE);
  const exists = existsSync(file);
  const recorded = exists ? parseRecord(readFileSync(file, 'utf8')) : [];
  const { dropped, added } = compareRecord(recorded, published);
  const record = () => {
    if (dropped.length > 0 || (added.length === 0 && exists)) return;
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, formatRecord([...recorded, ...added]));
    renameSync(temporary, file);
  };
  return { file, dropped, added, record };
}
