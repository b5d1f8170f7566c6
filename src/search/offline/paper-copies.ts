import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { gunzipSync, gzipSync } from 'node:zlib';
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
  return gzipText(JSON.stringify(copies));
}

const gzipText = (json: string): Buffer => gzipSync(json, { level: 9 });

/**
 * Writes the copies of every paper of the built site in `out` (read from its `papers.json`) into `out/offline/`,
 * removing files an earlier build left there that this one has not. A file whose copies are what the one already
 * there holds (an earlier build's, in a kept `dist/`) is left as it was, only touched as this build's: a day's papers
 * change the few files they fall in, and gzipping all of them again took 15 s of a 100,000-paper daily build.
 * Resolves with the number of papers.
 */
export async function writePaperCopies(out: string): Promise<number> {
  const copies = await readDumpCopies(out, join(out, paths.dump()));
  const folder = dirname(copyFile(0));
  if (copies.length === 0) {
    await rm(join(out, folder), { recursive: true, force: true });
    return 0;
  }
  const files = copyFiles(copies);
  await mkdir(join(out, folder), { recursive: true });
  const stale = (await readdir(join(out, folder))).filter((name) => !files.has(`${folder}/${name}`));
  await Promise.all(stale.map((name) => rm(join(out, folder, name), { recursive: true, force: true })));
  const now = new Date();
  await Promise.all(
    [...files].map(async ([path, file]) => {
      const json = JSON.stringify(file);
      if (await holds(join(out, path), json)) await utimes(join(out, path), now, now);
      else await writeFile(join(out, path), gzipText(json));
    }),
  );
  return copies.length;
}

/** Whether the gzipped file at `path` exists and unpacks to `json`. */
async function holds(path: string, json: string): Promise<boolean> {
  try {
    return gunzipSync(await readFile(path)).toString('utf8') === json;
  } catch {
    return false;
  }
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
