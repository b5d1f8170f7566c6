import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { decodeDigest } from '../lib/digest/decode.ts';
import { parseDigest, sidecarName } from '../lib/digest/parse.ts';
import type { DigestEntry } from '../lib/digest/types.ts';

/** The entries of every digest in some folders, and how many problems they had; for measuring, not for publishing. */
export interface FolderEntries {
  entries: DigestEntry[];
  /** Digests read. */
  digests: number;
  /** Problems the parser reported (entries it rejected, text it could not place), `file:line: message`. */
  problems: string[];
}

/**
 * Reads every `.txt` digest of the folders, in name order, with its sidecar's capture date; the parser takes the year
 * from a `YYYY-MM-DD` in the file's name, as the ingest does (the real corpus names files by day, with no sidecars);
 * `today` bounds dates as in the ingest. A folder that cannot be read throws: a measurement of nothing would be a wrong one.
 */
export function readDigestFolders(folders: readonly string[], today: string): FolderEntries {
  const result: FolderEntries = { entries: [], digests: 0, problems: [] };
  for (const folder of folders) {
    const names = readdirSync(folder).sort();
    for (const name of names.filter((file) => file.endsWith('.txt'))) {
      const decoded = decodeDigest(readFileSync(join(folder, name)), name);
      if ('problem' in decoded) {
        result.problems.push(`${join(folder, name)}:${decoded.problem.line}: ${decoded.problem.message}`);
        continue;
      }
      const digest = parseDigest(decoded.text, { file: name, today, capturedOn: captureDate(folder, name, names) });
      result.digests++;
      result.entries.push(...digest.entries);
      result.problems.push(...digest.problems.map((problem) => `${join(folder, problem.file)}:${problem.line}: ${problem.message}`));
    }
  }
  return result;
}

/** The digest's capture date stated in its sidecar, or none (the parser takes the year from the name or infers it). */
function captureDate(folder: string, name: string, names: readonly string[]): string | undefined {
  const sidecar = sidecarName(name);
  if (names.includes(sidecar)) {
    const captured = (parseYaml(readFileSync(join(folder, sidecar), 'utf8')) as { captured?: unknown } | null)?.captured;
    if (captured instanceof Date) return captured.toISOString().slice(0, 10);
    if (typeof captured === 'string') return captured;
  }
  return undefined;
}
