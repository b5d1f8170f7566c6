import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

/** The URL paths of every file the build's routes wrote (Astro's `assets`: route → output files, restored ones too). */
export function publishedPaths(outDir: string, assets: ReadonlyMap<string, readonly URL[]>): Set<string> {
  const published = new Set<string>();
  for (const files of assets.values()) {
    for (const url of files) {
      const path = publishedPath(relative(outDir, fileURLToPath(url)).split(sep).join('/'));
      if (path !== undefined) published.add(path);
    }
  }
  return published;
}

/**
 * Checks a build's output against the record in the content folder, and records what it published for the first
 * time (written to a temporary file and renamed; untouched when nothing was added). A build that dropped a recorded
 * path records nothing.
 */
export function updateRecord(contentDir: string, published: ReadonlySet<string>): RecordOutcome {
  const file = join(contentDir, RECORD_FILE);
  const recorded = existsSync(file) ? parseRecord(readFileSync(file, 'utf8')) : [];
  const { dropped, added } = compareRecord(recorded, published);
  if (dropped.length === 0 && (added.length > 0 || !existsSync(file))) {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, formatRecord([...recorded, ...added]));
    renameSync(temporary, file);
  }
  return { file, dropped, added };
}
