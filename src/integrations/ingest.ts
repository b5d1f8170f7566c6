import { closeSync, constants, fstatSync, linkSync, openSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isIsoDate } from '../lib/digest/date.ts';
import { decodeDigest } from '../lib/digest/decode.ts';
import { parseDigest, sidecarName } from '../lib/digest/parse.ts';
import type { DigestProblem, ParsedDigest } from '../lib/digest/types.ts';
import type { YearSource } from '../lib/digest/types.ts';
import { readItemIdentity } from '../lib/mdx/read.ts';
import { ItemError } from '../lib/mdx/item.ts';
import { writeItem } from '../lib/mdx/write.ts';
import { compareDigests, mergeListings, type Merge, type Paper, type PublishedPaper } from '../lib/papers/model.ts';
import { compileVocabulary, type Topic } from '../lib/papers/topics.ts';
import { digestSchema, vocabularyProblem, type DigestData } from '../lib/schema.ts';

const digestIndexSchema = digestSchema.array();

export { vocabularyProblem };
import { printable } from '../lib/printable.ts';
import { createProgress, type ProgressOutput } from './progress.ts';
import type { Settings } from './settings.ts';

/**
 * Something the ingest could not use, at a file and line named from the project root (`seeds/x.txt:19`). Its kind
 * decides how it is reported: a digest's kinds (see DigestProblem), `item` for an item the ingest cannot read or must
 * not write, `held` for a paper not written because its item cannot be read.
 */
export interface Problem {
  file: string;
  line: number;
  message: string;
  kind: DigestProblem['kind'] | 'item' | 'held';
}

/** What one ingest did. The entries read add up: papers + merged + rejected. */
export interface IngestSummary {
  digests: number;
  /** Files in the seeds folder that are not digests, each with why: `notes.md`, `old/ (a folder)`. */
  ignored: string[];
  /** Entries read in all digests: published or merged ones, and rejected ones. */
  entries: number;
  /** Entries rejected: each has one problem of kind `entry`. */
  rejected: number;
  papers: {
    new: number;
    changed: number;
    unchanged: number;
    /** Papers whose item an editor owns (it has no `generated` key): never written. */
    kept: number;
    /** Papers not written because an item that may be theirs cannot be read: each is a problem. */
    held: number;
  };
  /** Entries that joined another listing's paper. */
  merges: Merge[];
  /** Generated items whose paper is in no digest any more: kept, so their URLs keep working. */
  orphans: string[];
  /** Each digest with year-less dates: the year they were given, and where it came from. */
  years: { file: string; year: number; source: YearSource; reason: string }[];
  problems: Problem[];
}

/** An ingest that must not publish: it carries every problem found. */
export class IngestError extends Error {
  readonly problems: Problem[];

  /** `written`: the problems were found while writing, and every other item was written. */
  constructor(problems: Problem[], written = false) {
    const outcome = written ? 'every other item was written' : 'nothing was written';
    super(`${problems.length} problem(s) in the digests or items; ${outcome}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'IngestError';
    this.problems = problems;
  }

  /** What the operator can do. */
  readonly hint = 'Fix each line named above, or set PAPERSHELF_ALLOW_INVALID=1 (npm run ingest -- --allow-invalid) to publish the valid entries and skip these.';
}

/** A file the ingest cannot read or write for a reason outside the digests: named, with what to do. */
export class IngestFileError extends Error {
  readonly hint: string;

  constructor(message: string, hint: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IngestFileError';
    this.hint = hint;
  }
}

/** A problem as every report prints it, with control characters escaped. */
export function formatProblem(problem: Problem): string {
  return printable(`${problem.file}:${problem.line}: ${problem.message}`);
}

/** How many items the ingest writes at a time: enough to keep the disk busy, never one per paper at once. */
const WRITES_AT_ONCE = 32;

/** Turns every digest in the seeds folder into an MDX item in `<content>/papers/`, writing only what changed. */
export async function ingest(settings: Settings, output: ProgressOutput): Promise<IngestSummary> {
  const where = (path: string) => displayPath(settings.root, path);
  const digestPath = (file: string) => where(join(settings.seedsDir, file));
  const indexPath = join(settings.contentDir, DIGEST_INDEX);
  const recordedYears = await readRecordedYears(indexPath, where);
  const { digests, problems, ignored } = readDigests(settings, where, recordedYears);
  const vocabulary = await readVocabulary(join(settings.contentDir, 'topics.yaml'));
  const papersDir = join(settings.contentDir, 'papers');
  const names = await readdir(papersDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw fileError(error, where(papersDir), 'read');
  });
  const items = readItems(papersDir, names ?? [], where, problems);
  if (problems.length > 0 && !settings.allowInvalid) throw new IngestError(problems);

  const { papers, merges, byDigest } = mergeListings(digests, {
    vocabulary: compileVocabulary(vocabulary),
    published: [...items.published.values()].map((item) => item.paper),
    reserved: items.reserved,
  });
  if (names === undefined) await mkdir(papersDir, { recursive: true }).catch((error) => Promise.reject(fileError(error, where(papersDir), 'create')));
  await removeLeftovers(papersDir, names ?? []);
  const counts = { new: 0, changed: 0, unchanged: 0, kept: 0, held: 0 };
  const progress = createProgress('ingest', papers.length, output);
  await forEachLimited(papers, WRITES_AT_ONCE, async (paper) => {
    const item = items.published.get(paper.slug);
    const heldBy = item ? items.clashes.get(paper.slug) : items.unreadable.map((broken) => mayBeItemOf(broken, paper)).find(Boolean);
    if (heldBy) {
      counts.held++;
      problems.push({ file: digestPath(paper.source.file), line: paper.source.line, kind: 'held', message: `"${clip(paper.title)}" is not written: ${heldBy}` });
    } else if (item && !item.generated) {
      counts.kept++; // an editor owns this item: not one byte of it is the ingest's
    } else {
      const path = item?.path ?? join(papersDir, `${paper.slug}.mdx`);
      const current = item && readItem(path);
      let next: string;
      try {
        next = writeItem(paper, current);
      } catch (error) {
        if (!(error instanceof ItemError)) throw error;
        // The writer would not give back an item that reads as the paper (an editor's YAML that leans on a generated
        // value): the item stays as it is, and the paper is held back, reported.
        counts.held++;
        problems.push({ file: where(path), line: error.line, kind: 'item', message: `${error.message}; the item is left as it is` });
        problems.push({ file: digestPath(paper.source.file), line: paper.source.line, kind: 'held', message: `"${clip(paper.title)}" is not written: its item ${where(path)} cannot be rewritten` });
        progress.tick();
        return;
      }
      if (current === next) counts.unchanged++;
      else {
        await (item ? replaceAtomically(path, next) : createAtomically(path, next)).catch((error) => Promise.reject(fileError(error, where(path), 'write')));
        counts[item ? 'changed' : 'new']++;
      }
    }
    progress.tick();
  });
  progress.done();
  const held = new Set(problems.filter((problem) => problem.kind === 'held').map((problem) => `${problem.file}:${problem.line}`));
  const unwritten = new Set(papers.filter((paper) => held.has(`${digestPath(paper.source.file)}:${paper.source.line}`)).map((paper) => paper.slug));
  await writeDigestIndex(indexPath, digests, byDigest, unwritten).catch((error) => Promise.reject(fileError(error, where(indexPath), 'write')));
  if (problems.length > 0 && !settings.allowInvalid) throw new IngestError(problems.sort(byPlace), true);

  const slugs = new Set(papers.map((paper) => paper.slug));
  const orphans = [...items.published].filter(([slug, item]) => !slugs.has(slug) && item.generated).map(([, item]) => where(item.path));
  const read = digests.reduce((sum, digest) => sum + digest.entries.length, 0);
  const rejected = problems.filter((problem) => problem.kind === 'entry').length;
  return {
    digests: digests.length,
    ignored,
    entries: read + rejected,
    rejected,
    papers: counts,
    merges: merges.map((merge) => ({ ...merge, file: digestPath(merge.file), into: { ...merge.into, file: digestPath(merge.into.file) } })),
    orphans,
    years: digests.flatMap((digest) => (digest.yearFrom && digest.year !== undefined ? [{ file: digestPath(digest.file), year: digest.year, ...digest.yearFrom }] : [])),
    problems: problems.sort(byPlace),
  };
}

/** The digests the catalog shows, with their papers in order: `content/digests.json` (see digestSchema). */
export const DIGEST_INDEX = 'digests.json';

/**
 * Writes the digest index: each digest's file, listing date and papers by slug in its own order, leaving out papers
 * that were not written. One JSON line per digest, so that a new digest is a one-line change; rewritten only when it
 * changed.
 */
async function writeDigestIndex(path: string, digests: readonly ParsedDigest[], byDigest: ReadonlyMap<string, string[]>, unwritten: ReadonlySet<string>): Promise<void> {
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
async function readRecordedYears(path: string, where: (path: string) => string): Promise<Map<string, number>> {
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

/** One line of a report, and how loud it is. */
export interface ReportLine {
  level: 'info' | 'warn';
  text: string;
}

/** How the report says where a digest's year came from. */
const YEAR_SOURCES: Record<YearSource, string> = {
  sidecar: 'year of the capture date in the sidecar',
  'file-name': "year of the date in the file's name",
  recorded: 'year recorded when the digest was first ingested',
  'stated-years': 'the year after the latest year the digest states',
  'build-day': 'the latest year in which the listing day is not after the day of the build',
};

/** How many merges a report lists one by one; the rest are counted. */
const MERGES_LISTED = 20;

/** The report of an ingest, for a terminal or a build log: each line's level follows from what it reports. */
export function describeSummary(summary: IngestSummary): ReportLine[] {
  const { papers } = summary;
  const written = papers.new + papers.changed + papers.unchanged + papers.kept;
  const info = (text: string): ReportLine => ({ level: 'info', text: printable(text) });
  const warn = (text: string): ReportLine => ({ level: 'warn', text: printable(text) });
  const lines: ReportLine[] = [info(`digests read: ${summary.digests}`)];
  if (summary.ignored.length > 0) lines.push(warn(`ignored in the seeds folder (not digests): ${summary.ignored.join(', ')}`));
  lines.push(
    info(
      `entries read: ${summary.entries} = ${written} papers written + ${papers.held} held back + ${summary.merges.length} merged into another listing's paper + ${summary.rejected} rejected`,
    ),
    info(`papers: ${papers.new} new, ${papers.changed} changed, ${papers.unchanged} unchanged, ${papers.kept} kept as an editor wrote them, ${papers.held} held back`),
  );
  for (const merge of summary.merges.slice(0, MERGES_LISTED)) {
    lines.push(info(`  merged: ${merge.file}:${merge.line} into ${merge.into.file}:${merge.into.line} (${merge.because}) at /papers/${merge.slug}/`));
  }
  if (summary.merges.length > MERGES_LISTED) lines.push(info(`  … and ${summary.merges.length - MERGES_LISTED} more merges`));
  lines.push(summary.problems.length > 0 ? warn(`problems: ${summary.problems.length}`) : info('problems: 0'));
  for (const problem of summary.problems) lines.push({ level: problem.kind === 'warning' ? 'info' : 'warn', text: `  ${problem.kind === 'entry' ? 'rejected' : problem.kind}: ${formatProblem(problem)}` });
  const bySource = Map.groupBy(summary.years, (year) => year.source);
  for (const [source, years] of bySource) {
    lines.push(info(`year-less dates, ${YEAR_SOURCES[source]} (${years.length}): ${years.map((year) => `${year.file} ${year.year}`).join(', ')}`));
  }
  if (summary.orphans.length > 0) {
    lines.push(info(`kept ${summary.orphans.length} item(s) no digest lists any more, so their URLs keep working:`));
    lines.push(...summary.orphans.map((path) => info(`  ${path}`)));
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

/**
 * Reads, decodes and parses every `*.txt` digest of the seeds folder, with its optional capture-date sidecar; names
 * every other file it ignores. Digest problems name the file from the project root.
 */
function readDigests(settings: Settings, where: (path: string) => string, recordedYears: ReadonlyMap<string, number>): { digests: ParsedDigest[]; problems: Problem[]; ignored: string[] } {
  const { seedsDir, today } = settings;
  let all: Dirent[];
  try {
    all = readdirSync(seedsDir, { withFileTypes: true });
  } catch (error) {
    throw fileError(error as NodeJS.ErrnoException, where(seedsDir), 'read');
  }
  const kinds = new Map(all.map((entry) => [entry.name, kindOf(seedsDir, entry)]));
  const files = new Set(all.filter((entry) => kinds.get(entry.name) === 'file').map((entry) => entry.name));
  const digests: ParsedDigest[] = [];
  const problems: Problem[] = [];
  const ignored: string[] = [];
  for (const entry of [...all].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const { name } = entry;
    const kind = kinds.get(name)!;
    if (kind !== 'file') {
      ignored.push(/\ba folder$/.test(kind) ? `${name}/ (${kind})` : `${name} (${kind})`);
      continue;
    }
    if (name.endsWith('.meta.yaml') && files.has(name.replace(/\.meta\.yaml$/, '.txt'))) continue; // a digest's sidecar
    if (!name.endsWith('.txt')) {
      ignored.push(name.endsWith('.meta.yaml') ? `${name} (a capture date for no digest)` : name);
      continue;
    }
    const path = join(seedsDir, name);
    let bytes: Buffer;
    try {
      // Synchronously, like the items: a large asynchronous read is decoded in chunks and joined, several times slower.
      bytes = readRegularFile(path);
    } catch (error) {
      throw fileError(error as NodeJS.ErrnoException, where(path), 'read');
    }
    const decoded = decodeDigest(bytes, name);
    if ('problem' in decoded) {
      problems.push({ ...decoded.problem, file: where(path) });
      continue;
    }
    if (decoded.text.trim() === '') {
      ignored.push(`${name} (empty)`);
      continue;
    }
    const sidecar = sidecarName(name);
    const capturedOn = files.has(sidecar) ? readCaptureDate(join(seedsDir, sidecar), where, problems) : undefined;
    const digest = parseDigest(decoded.text, { file: name, capturedOn, today, recordedYear: recordedYears.get(name) });
    digests.push(digest);
    problems.push(...digest.problems.map((problem) => ({ ...problem, file: where(join(seedsDir, problem.file)) })));
  }
  return { digests, problems, ignored };
}

/**
 * What a folder entry is: `file` for a file or a link to one, else what it is as the "ignored" line says it ("a
 * folder", "a named pipe", "a link to nothing", "a link loop", …). A named pipe is never opened: reading one waits
 * for a writer for ever.
 */
function kindOf(dir: string, entry: Dirent): string {
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return kindOfStats(entry);
  try {
    const target = kindOfStats(statSync(join(dir, entry.name)));
    return target === 'file' ? target : target.replace(/^an? /, (article) => `a link to ${article}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'a link to nothing' : code === 'ELOOP' ? 'a link loop' : `a link that cannot be followed (${code ?? 'error'})`;
  }
}

function kindOfStats(stats: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): string {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'a device';
  return 'not a file';
}

/**
 * A file's bytes, opened without waiting (`O_NONBLOCK`) and read only when it is a regular file: an entry replaced by
 * a named pipe after the folder was listed is an EISDIR-like error, never a read that hangs.
 */
function readRegularFile(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: 'ENOTFILE' });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The capture date an operator stated in a sidecar `<digest>.meta.yaml` (`captured: YYYY-MM-DD`), if any. */
function readCaptureDate(path: string, where: (path: string) => string, problems: Problem[]): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw fileError(error as NodeJS.ErrnoException, where(path), 'read');
  }
  const problem = (line: number) =>
    problems.push({ file: where(path), line, kind: 'file', message: 'expected "captured: YYYY-MM-DD", the day the listing was captured' });
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
  if (problem) throw new IngestFileError(`${path}: ${problem}`, 'Fix the topic vocabulary; each topic has an id, a name, a description and terms.');
  return data as Topic[];
}

/** An item of the papers folder that publishes a paper. */
interface PublishedItem {
  path: string;
  /** Whether the ingest generated it; an item without `generated` is an editor's, and never written. */
  generated: boolean;
  paper: PublishedPaper;
}

/** An item the ingest cannot read: its file name's slug, and the key its text seems to state, if any. */
interface UnreadableItem {
  stem: string;
  key?: string;
  /** Why a paper that may be this item's is held back. */
  reason: string;
}

/** What the papers folder holds, as far as the ingest is concerned. */
interface Items {
  /** Items that publish a paper, by slug. */
  published: Map<string, PublishedItem>;
  /** Slugs no new paper may take: every file's name, and every slug an item states. */
  reserved: Set<string>;
  unreadable: UnreadableItem[];
  /** Slugs stated by two items, with why their paper is held back. */
  clashes: Map<string, string>;
}

/**
 * Reads every item of the papers folder. An item it cannot read, or two items with one slug, is a problem; the files
 * stay as they are, and their slugs stay taken. Keeps no item's text: at 100,000 items that is hundreds of megabytes,
 * and the few items asked for their abstract are read again.
 */
function readItems(papersDir: string, files: readonly string[], where: (path: string) => string, problems: Problem[]): Items {
  const items: Items = { published: new Map(), reserved: new Set(), unreadable: [], clashes: new Map() };
  const slugOwners = new Map<string, string>();
  for (const name of files.filter((file) => file.endsWith('.mdx')).sort()) {
    const path = join(papersDir, name);
    const stem = name.slice(0, -'.mdx'.length);
    items.reserved.add(stem);
    let text: string;
    try {
      text = readItem(path);
    } catch (error) {
      throw fileError(error as NodeJS.ErrnoException, where(path), 'read');
    }
    let identity: ReturnType<typeof readItemIdentity>;
    try {
      identity = readItemIdentity(text);
    } catch (error) {
      const line = (error as { line?: number }).line ?? 1;
      const message = `${(error as Error).message}; the ingest leaves this item as it is until it can be read`;
      problems.push({ file: where(path), line, kind: 'item', message });
      items.unreadable.push({ stem, key: /^key: "([^"\\]*)"\s*$/m.exec(text)?.[1], reason: `its item ${where(path)} may be this paper's, and cannot be read (line ${line})` });
      continue;
    }
    if (identity.slug !== undefined) {
      items.reserved.add(identity.slug);
      const owner = slugOwners.get(identity.slug);
      if (owner !== undefined) {
        const message = `has the slug "${identity.slug}" of ${owner}; one URL cannot show two items: give one of them another slug, or merge them`;
        problems.push({ file: where(path), line: 1, kind: 'item', message });
        items.clashes.set(identity.slug, `two items state its slug "${identity.slug}": ${owner} and ${where(path)}`);
        continue;
      }
      slugOwners.set(identity.slug, where(path));
    }
    if (identity.paper) {
      const { paper } = identity;
      const { title } = identity;
      const stated = title === undefined ? () => readItemIdentity(readItem(path)).paper!.title() : () => title;
      items.published.set(paper.slug, { path, generated: identity.generated, paper: { ...paper, title: stated, abstract: () => readItemIdentity(readItem(path)).paper!.abstract() } });
    }
  }
  return items;
}

/** Whether a paper with no item yet may be the paper of an item the ingest cannot read: by its key, or its slug. */
function mayBeItemOf(item: UnreadableItem, paper: Paper): string | undefined {
  const suffixed = paper.slug.startsWith(`${item.stem}-`) && /^[0-9a-f]{8,}$/.test(paper.slug.slice(item.stem.length + 1));
  return item.key === paper.key || suffixed ? item.reason : undefined;
}

/** A path as messages name it: from the project root when it is inside it, with `/`. */
function displayPath(root: string, path: string): string {
  const inside = relative(root, path);
  return inside.startsWith('..') || inside === '' ? path : inside.split(sep).join('/');
}

/** Orders problems by file, then line. */
function byPlace(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** What to say when the file system refuses: the file, the reason in words, and what to do. */
function fileError(error: NodeJS.ErrnoException, path: string, action: 'read' | 'write' | 'create'): Error {
  const reasons: Record<string, [string, string]> = {
    EACCES: ['permission denied', `Give this user ${action === 'read' ? 'read' : 'write'} access to ${path}${action === 'read' ? '' : ' and its folder'} (e.g. chmod u+rw), then run again.`],
    EPERM: ['operation not permitted', `Check the permissions and attributes of ${path}, then run again.`],
    EROFS: ['the file system is read-only', 'Build from a copy of the project on a writable disk.'],
    ENOSPC: ['the disk is full', 'Free some space, then run again.'],
    EISDIR: ['it is a folder', `Move or rename ${path}; a digest is a .txt file.`],
    ENOTFILE: ['it is not a regular file (a folder, a named pipe, a socket or a device)', `Move or rename ${path}; a digest is a .txt file.`],
    ENOTDIR: ['a part of the path is not a folder', `Check the path ${path}.`],
    ENOENT: ['it does not exist', `Check the path ${path}.`],
    EMFILE: ['too many open files', 'Raise the open-file limit (ulimit -n), then run again.'],
  };
  const [reason, hint] = reasons[error.code ?? ''] ?? [error.message, 'Check the file and run again.'];
  const done = action === 'read' ? 'Nothing was written.' : 'Items written before it are complete; nothing is half-written.';
  return new IngestFileError(printable(`cannot ${action} ${path}: ${reason}. ${done}`), hint, { cause: error });
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

/** Replaces a file so that a reader, or an interrupted run, never sees it half-written. */
async function replaceAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Creates a file whole, and never over one that exists: a hard link fails where `rename` would replace, so a file
 * that appeared since the folder was read (an editor's, another run's) is never overwritten.
 */
async function createAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    linkSync(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}
