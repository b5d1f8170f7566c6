import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { arxivLinks } from '../../lib/papers/arxiv.ts';
import { bylineFact, displayUrl, formatDate } from '../../lib/shared/format.ts';
import { paths } from '../../lib/shared/paths.ts';
import type { DumpIndex, DumpPaper } from '../../lib/site/dump.ts';
import { copyFile, copyFileCount, copyFileOf, type PaperCopy } from '../paper-copy.ts';

/**
 * The offline copies of the papers, written after the pages from the build's own `papers.json` (the dump, one paper a
 * line): the build reads what it published, as Pagefind reads the pages, so the copies say what the pages say.
 */

/** A paper of the dump as its offline copy holds it; `topicLabels` names the dump's topics by id. */
export function paperCopy(paper: DumpPaper, topicLabels: ReadonlyMap<string, string>): PaperCopy {
  return {
    slug: paper.slug,
    title: paper.title,
    date: paper.date,
    dateLabel: formatDate(paper.date),
    byline: bylineFact(paper.byline),
    ...(paper.authorNames?.length && { authors: [...paper.authorNames] }),
    abstract: [...paper.abstract],
    topics: paper.topics.map((id) => ({ slug: id, label: topicLabels.get(id) ?? id })),
    links: [
      ...(paper.arxiv === undefined ? [] : arxivLinks(paper.arxiv).map((link) => ({ kind: link.label, href: link.href, text: displayUrl(link.href) }))),
      ...paper.code.map((href) => ({ kind: 'Code', href, text: displayUrl(href) })),
      ...paper.links.map((href) => ({ kind: 'Project', href, text: displayUrl(href) })),
    ],
  };
}

/** The copies spread over their files (path below the base → copies, by slug), as `copyFileOf` finds them again. */
export function copyFiles(copies: readonly PaperCopy[]): Map<string, PaperCopy[]> {
  const count = copyFileCount(copies.length);
  const files = new Map(Array.from({ length: count }, (_, i) => [copyFile(i), [] as PaperCopy[]]));
  for (const copy of [...copies].sort((a, b) => (a.slug < b.slug ? -1 : 1))) files.get(copyFileOf(copy.slug, count))!.push(copy);
  return files;
}

/** The bytes of one file of copies: its JSON, gzipped (the worker unpacks it with `DecompressionStream`). */
export function copyFileBytes(copies: readonly PaperCopy[]): Buffer {
  return gzipSync(JSON.stringify(copies), { level: 9 });
}

/**
 * Writes the copies of every paper of the built site in `out` (read from its `papers.json`) into `out/offline/`,
 * replacing what an earlier build left there. Resolves with the number of papers.
 */
export async function writePaperCopies(out: string): Promise<number> {
  const copies = await readDumpCopies(out, join(out, paths.dump()));
  await rm(join(out, dirname(copyFile(0))), { recursive: true, force: true });
  if (copies.length === 0) return 0;
  await mkdir(join(out, dirname(copyFile(0))), { recursive: true });
  await Promise.all([...copyFiles(copies)].map(([path, file]) => writeFile(join(out, path), copyFileBytes(file))));
  return copies.length;
}

/** The copies of the papers of the dump whose index is `file` (papers.json): each part read a line at a time. */
async function readDumpCopies(out: string, file: string): Promise<PaperCopy[]> {
  const index = JSON.parse(await readFile(file, 'utf8')) as DumpIndex;
  const topics = new Map(index.topics.map((topic) => [topic.id, topic.name]));
  const copies: PaperCopy[] = [];
  for (const { part } of index.parts) {
    // One paper a line, after the part's opening line (src/lib/site/dump.ts).
    for await (const line of createInterface({ input: createReadStream(join(out, paths.dumpPart(part)), 'utf8'), crlfDelay: Infinity })) {
      if (line.startsWith('{"url"')) copies.push(paperCopy(JSON.parse(line.replace(/,$/, '')) as DumpPaper, topics));
    }
  }
  return copies;
}
