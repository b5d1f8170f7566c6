import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isIsoDate } from '../lib/digest/date.ts';
import { parseDigest, sidecarName } from '../lib/digest/parse.ts';
import { formatProblem, type DigestProblem, type ParsedDigest } from '../lib/digest/types.ts';
import { readPublished } from '../lib/mdx/read.ts';
import { writeItem } from '../lib/mdx/write.ts';
import { buildPapers, type PublishedPaper } from '../lib/papers/model.ts';
import { SLUG_PATTERN } from '../lib/papers/slug.ts';
import { compileVocabulary, OTHER_TOPIC, type Topic } from '../lib/papers/topics.ts';
import { createProgress, type ProgressOutput } from './progress.ts';
import type { Settings } from './settings.ts';

/** What one ingest did. */
export interface IngestSummary {
  digests: number;
  entries: number;
  papers: { new: number; changed: number; unchanged: number };
  /** Generated items whose paper is in no digest any more: kept, so their URLs keep working. */
  orphans: string[];
  problems: DigestProblem[];
}

/** An ingest that must not publish: it carries every problem found. */
export class IngestError extends Error {
  readonly problems: DigestProblem[];

  constructor(problems: DigestProblem[]) {
    super(`${problems.length} problem(s) in the digests; nothing was written:\n${problems.map(formatProblem).join('\n')}\n` +
      'Fix them, or set PAPERSHELF_ALLOW_INVALID=1 to publish the valid entries and skip these.');
    this.name = 'IngestError';
    this.problems = problems;
  }
}

/** How many items the ingest writes at a time: enough to keep the disk busy, never one per paper at once. */
const WRITES_AT_ONCE = 32;

/** Turns every digest in the seeds folder into an MDX item in `<content>/papers/`, writing only what changed. */
export async function ingest(settings: Settings, output: ProgressOutput): Promise<IngestSummary> {
  const { digests, problems } = await readDigests(settings.seedsDir);
  const vocabulary = await readVocabulary(join(settings.contentDir, 'topics.yaml'));
  const papersDir = join(settings.contentDir, 'papers');
  const names = await readdir(papersDir).catch(() => undefined);
  const published = readPublishedItems(papersDir, names ?? [], settings.contentDir, problems);
  if (problems.length > 0 && !settings.allowInvalid) throw new IngestError(problems);

  const papers = buildPapers(digests, { vocabulary: compileVocabulary(vocabulary), published: [...published.values()] });
  if (names === undefined) await mkdir(papersDir, { recursive: true });
  await removeLeftovers(papersDir, names ?? []);
  const counts = { new: 0, changed: 0, unchanged: 0 };
  const progress = createProgress('ingest', papers.length, output);
  await forEachLimited(papers, WRITES_AT_ONCE, async (paper) => {
    const item = published.get(paper.slug);
    const path = item?.path ?? join(papersDir, `${paper.slug}.mdx`);
    const current = item && readItem(path);
    const next = writeItem(paper, current);
    if (current === next) counts.unchanged++;
    else {
      await writeAtomically(path, next);
      counts[item ? 'changed' : 'new']++;
    }
    progress.tick();
  });
  progress.done();

  const slugs = new Set(papers.map((paper) => paper.slug));
  const orphans = [...published].filter(([slug]) => !slugs.has(slug)).map(([, item]) => relative(settings.contentDir, item.path));
  return {
    digests: digests.length,
    entries: digests.reduce((sum, digest) => sum + digest.entries.length, 0),
    papers: counts,
    orphans,
    problems,
  };
}

/** One line per fact of a summary, for a terminal or a build log. */
export function describeSummary(summary: IngestSummary): string[] {
  const { papers } = summary;
  const lines = [
    `digests read: ${summary.digests}, entries: ${summary.entries}`,
    `papers: ${papers.new} new, ${papers.changed} changed, ${papers.unchanged} unchanged`,
    `problems: ${summary.problems.length}${summary.problems.length > 0 ? ' (entries skipped)' : ''}`,
    ...summary.problems.map((problem) => `  skipped: ${formatProblem(problem)}`),
  ];
  if (summary.orphans.length > 0) {
    lines.push(`kept ${summary.orphans.length} item(s) no digest lists any more, so their URLs keep working:`);
    lines.push(...summary.orphans.map((path) => `  ${path}`));
  }
  return lines;
}

/**
 * Runs `task` on every item, at most `limit` at a time (a file handle and a buffer each), and stops starting new ones
 * after one fails.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        await task(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Reads and parses every `*.txt` digest of a folder, with its optional capture-date sidecar. */
async function readDigests(seedsDir: string): Promise<{ digests: ParsedDigest[]; problems: DigestProblem[] }> {
  const all = await readdir(seedsDir);
  const present = new Set(all);
  const digests: ParsedDigest[] = [];
  const problems: DigestProblem[] = [];
  for (const file of all.filter((name) => name.endsWith('.txt')).sort()) {
    // Synchronously, like the items: a large asynchronous read is decoded in chunks and joined, several times slower.
    const text = readFileSync(join(seedsDir, file), 'utf8');
    const sidecar = sidecarName(file);
    const capturedOn = present.has(sidecar) ? readCaptureDate(seedsDir, sidecar, problems) : undefined;
    const digest = parseDigest(text, { file, capturedOn });
    digests.push(digest);
    problems.push(...digest.problems);
  }
  return { digests, problems };
}

/** The capture date an operator stated in a sidecar `<digest>.meta.yaml` (`captured: YYYY-MM-DD`), if any. */
function readCaptureDate(seedsDir: string, name: string, problems: DigestProblem[]): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(seedsDir, name), 'utf8');
  } catch {
    return undefined;
  }
  const problem = (line: number) => problems.push({ file: name, line, message: 'expected "captured: YYYY-MM-DD", the day the listing was captured' });
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    problem((error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1);
    return undefined;
  }
  const captured = (data as { captured?: unknown } | null)?.captured;
  const iso = captured instanceof Date ? captured.toISOString().slice(0, 10) : String(captured);
  if (isIsoDate(iso)) return iso;
  problem(1);
  return undefined;
}

/** Reads the topic vocabulary, failing with the file's name and what is wrong when it is not a valid list of topics. */
export async function readVocabulary(path: string): Promise<Topic[]> {
  const data: unknown = parseYaml(await readFile(path, 'utf8'));
  const problem = vocabularyProblem(data);
  if (problem) throw new Error(`${path}: ${problem}`);
  return data as Topic[];
}

/** What is wrong with a topic vocabulary, or undefined when nothing is. */
export function vocabularyProblem(data: unknown): string | undefined {
  if (!Array.isArray(data)) return 'expected a list of topics, each with id, name, description and terms';
  const ids = new Set<string>();
  for (const [index, topic] of data.entries()) {
    const where = `topic ${index + 1}`;
    if (typeof topic?.id !== 'string' || !SLUG_PATTERN.test(topic.id)) return `${where}: expected an id of lower-case words joined by hyphens`;
    if (ids.has(topic.id)) return `${where}: the id "${topic.id}" is used twice`;
    ids.add(topic.id);
    if (typeof topic.name !== 'string' || typeof topic.description !== 'string') return `${where} ("${topic.id}"): expected a name and a description`;
    if (!Array.isArray(topic.terms) || !topic.terms.every((term: unknown) => typeof term === 'string')) return `${where} ("${topic.id}"): expected terms, a list of words and phrases`;
  }
  if (!ids.has(OTHER_TOPIC)) return `expected a topic with the id "${OTHER_TOPIC}", where papers that match no term go`;
  return undefined;
}

interface PublishedItem extends PublishedPaper {
  path: string;
}

/**
 * Reads the generated items among the papers folder's files, by slug; unreadable ones become problems. Keeps no item's
 * text: at 100,000 items that is hundreds of megabytes, and the few items asked for a fingerprint are read again.
 */
function readPublishedItems(papersDir: string, files: readonly string[], contentDir: string, problems: DigestProblem[]): Map<string, PublishedItem> {
  const items = new Map<string, PublishedItem>();
  for (const name of files.filter((file) => file.endsWith('.mdx')).sort()) {
    const path = join(papersDir, name);
    try {
      const published = readPublished(readItem(path));
      if (published) items.set(published.slug, { key: published.key, slug: published.slug, path, fingerprint: () => readPublished(readItem(path))!.fingerprint() });
    } catch (error) {
      problems.push({ file: relative(contentDir, path), line: 1, message: (error as Error).message });
    }
  }
  return items;
}

/**
 * The text of an item. Read synchronously: an item is a few kilobytes, almost always in the page cache, and an
 * asynchronous read (a file handle and four trips to the thread pool) costs several times as much, 100,000 times over.
 */
function readItem(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Removes the temporary files of a run that was killed between writing and renaming. */
async function removeLeftovers(papersDir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (name.endsWith('.tmp')) await rm(join(papersDir, name), { force: true });
  }
}

/** Writes a file so that a reader, or an interrupted run, never sees it half-written. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
