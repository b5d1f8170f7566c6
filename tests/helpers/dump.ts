import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { paths } from '../../src/lib/shared/paths.ts';
import type { DumpIndex, DumpPaper, DumpPart } from '../../src/lib/site/dump.ts';

/** A built site's data dump read whole: its index (`papers.json`) and every paper of its parts, newest first. */
export async function readDump(dist: string): Promise<DumpIndex & { papers: number; all: DumpPaper[] }> {
  const index = JSON.parse(await readFile(join(dist, paths.dump()), 'utf8')) as DumpIndex;
  const all: DumpPaper[] = [];
  for (const { part } of index.parts) {
    const file = JSON.parse(await readFile(join(dist, paths.dumpPart(part)), 'utf8')) as DumpPart;
    all.push(...file.papers);
  }
  return { ...index, all };
}
