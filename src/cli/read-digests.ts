import { readDigests } from '../ingest/seeds.ts';
import { formatProblem } from '../ingest/problems.ts';
import type { DigestEntry } from '../lib/digest/types.ts';

/** The entries of every digest in some folders, and how many problems they had; for measuring, not for publishing. */
export interface FolderEntries {
  entries: DigestEntry[];
  /** Digests read. */
  digests: number;
  /** Problems the digests had (entries rejected, text that could not be placed, files unread), `file:line: message`. */
  problems: string[];
}

/**
 * Reads every digest of the folders (text copies and API answers, with their sidecars) as the ingest reads a seeds
 * folder; `today` bounds dates as there. A folder that cannot be read throws: a measurement of nothing would be wrong.
 */
export function readDigestFolders(folders: readonly string[], today: string): FolderEntries {
  const result: FolderEntries = { entries: [], digests: 0, problems: [] };
  for (const folder of folders) {
    const read = readDigests({ seedsDir: folder, today }, (path) => path, new Map());
    result.digests += read.digests.length;
    for (const digest of read.digests) result.entries.push(...digest.entries);
    result.problems.push(...read.problems.map(formatProblem));
  }
  return result;
}
