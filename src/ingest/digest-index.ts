import { readFile } from 'node:fs/promises';
import type { ParsedDigest } from '../lib/digest/types.ts';
import { compareDigests } from '../lib/papers/model.ts';
import { digestSchema, type DigestData } from '../lib/schema.ts';
import { replaceAtomically } from './files.ts';
import { fileError, IngestFileError } from './problems.ts';

// The digest index, `content/digests.json`: the digests the catalog shows, and the year each year-less digest was
// given the first time it was ingested.

const digestIndexSchema = digestSchema.array();

/** The digests the catalog shows, with their papers in order: `content/digests.json` (see digestSchema). */
export const DIGEST_INDEX = 'digests.json';

/**
 * Writes the digest index: each digest's file, listing date and papers by slug in its own order, leaving out papers
 * that were not written. One JSON line per digest, so that a new digest is a one-line change; rewritten only when it
 * changed.
 */
export async function writeDigestIndex(path: string, digests: readonly ParsedDigest[], byDigest: ReadonlyMap<string, string[]>, unwritten: ReadonlySet<string>): Promise<void> {
  const rows: DigestData[] = [...digests]
    .sort(compareDigests)
    .map((digest) => ({
      id: digest.file,
      listedOn: digest.listedOn ?? null,
      ...(digest.yearFrom && digest.year !== undefined ? { year: digest.year } : {}),
      papers: (byDigest.get(digest.file) ?? []).filter((slug) => !unwritten.has(slug)),
    }));
  const text = `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current !== text) await replaceAtomically(path, text);
}

/**
 * The years recorded by earlier ingests, by digest file (see digestSchema's `year`). A missing index is a new
 * catalog; an index that cannot be read stops the ingest, since its years decide the dates of year-less digests.
 */
export async function readRecordedYears(path: string, where: (path: string) => string): Promise<Map<string, number>> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw fileError(error, where(path), 'read');
  });
  const years = new Map<string, number>();
  if (text === undefined) return years;
  const rows = digestIndexSchema.safeParse(parseJson(text));
  if (!rows.success) {
    throw new IngestFileError(
      `${where(path)} is not a digest index: ${rows.error.issues[0]?.message ?? 'unreadable'}`,
      `It is written by the ingest and records the year of each year-less digest; restore it from version control (git checkout -- ${where(path)}).`,
    );
  }
  for (const row of rows.data) if (row.year !== undefined) years.set(row.id, row.year);
  return years;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
