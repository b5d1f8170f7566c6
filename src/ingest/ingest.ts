import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { ItemError } from '../lib/mdx/item.ts';
import { writeItem } from '../lib/mdx/write.ts';
import { mergeListings } from '../lib/papers/model.ts';
import { compileVocabulary } from '../lib/papers/topics.ts';
import { createProgress, type ProgressOutput } from './progress.ts';
import type { Settings } from './settings.ts';
import { DIGEST_INDEX, readRecordedYears, writeDigestIndex } from './digest-index.ts';
import { createAtomically, removeLeftovers, replaceAtomically } from './files.ts';
import { mayBeItemOf, readItem, readItems } from './items.ts';
import { byPlace, clip, displayPath, fileError, IngestError, type Problem } from './problems.ts';
import { readDigests } from './seeds.ts';
import type { IngestSummary } from './summary.ts';
import { readVocabulary } from './vocabulary.ts';
import { openMemo, paperHash } from './memo.ts';

// The ingest: seeds/*.txt and seeds/*.json → content/papers/*.mdx and content/digests.json. One module a job, in this folder; the
// Astro integration (src/integrations/papershelf.ts) and the CLI (src/cli/run-ingest.ts) are thin shells around it.

export { describeSummary, type IngestSummary, type ReportLine } from './summary.ts';
export { formatProblem, IngestError, IngestFileError, type Problem } from './problems.ts';
export { readVocabulary } from './vocabulary.ts';
export { DIGEST_INDEX } from './digest-index.ts';

/** How many items the ingest writes at a time: enough to keep the disk busy, never one per paper at once. */
const WRITES_AT_ONCE = 32;

/** Turns every digest in the seeds folder into an MDX item in `<content>/papers/`, writing only what changed. */
export async function ingest(settings: Settings, output: ProgressOutput): Promise<IngestSummary> {
  const where = (path: string) => displayPath(settings.root, path);
  const digestPath = (file: string) => where(join(settings.seedsDir, file));
  const indexPath = join(settings.contentDir, DIGEST_INDEX);
  const recordedYears = await readRecordedYears(indexPath, where);
  const { digests, problems, ignored } = readDigests(settings, where, recordedYears);
  const vocabulary = await readVocabulary(settings.vocabularyFile);
  const papersDir = join(settings.contentDir, 'papers');
  const names = await readdir(papersDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw fileError(error, where(papersDir), 'read');
  });
  // What earlier runs worked out, so that a daily run does the day's work (memo.ts).
  const memo = openMemo(settings.cacheDir, JSON.stringify(vocabulary));
  const items = readItems(papersDir, names ?? [], where, problems, memo);
  if (problems.length > 0 && !settings.allowInvalid) throw new IngestError(problems);

  const { papers, merges, byDigest } = mergeListings(digests, {
    derive: memo.derive,
    vocabulary: compileVocabulary(vocabulary),
    published: [...items.published.values()].map((item) => item.paper),
    reserved: items.reserved,
  });
  if (names === undefined) await mkdir(papersDir, { recursive: true }).catch((error) => Promise.reject(fileError(error, where(papersDir), 'create')));
  await removeLeftovers(papersDir, names ?? []);
  const counts = { new: 0, changed: 0, unchanged: 0, kept: 0, held: 0 };
  // Papers held back (each reported): the digest index leaves them out.
  const unwritten = new Set<string>();
  const hold = (paper: (typeof papers)[number], why: string) => {
    counts.held++;
    unwritten.add(paper.slug);
    problems.push({ file: digestPath(paper.source.file), line: paper.source.line, kind: 'held', message: `"${clip(paper.title)}" is not written: ${why}` });
  };
  const progress = createProgress('ingest', papers.length, output);
  // At most WRITES_AT_ONCE items in flight (a file handle and a buffer each); none started after one fails.
  const limit = pLimit(WRITES_AT_ONCE);
  const write = async (paper: (typeof papers)[number]) => {
    const item = items.published.get(paper.slug);
    const heldBy = item ? items.clashes.get(paper.slug) : items.unreadable.map((broken) => mayBeItemOf(broken, paper)).find(Boolean);
    if (heldBy) {
      hold(paper, heldBy);
    } else if (item && !item.generated) {
      counts.kept++; // an editor owns this item: not one byte of it is the ingest's
    } else {
      const path = item?.path ?? join(papersDir, `${paper.slug}.mdx`);
      const hash = paperHash(paper);
      if (item && memo.upToDate(path, hash)) {
        // The file the last run left, for the same paper: neither read nor written out again.
        counts.unchanged++;
        progress.tick();
        return;
      }
      const current = item && readItem(path);
      let next: string;
      try {
        next = writeItem(paper, current);
      } catch (error) {
        if (!(error instanceof ItemError)) throw error;
        // The writer would not give back an item that reads as the paper (an editor's YAML that leans on a generated
        // value): the item stays as it is, and the paper is held back, reported.
        problems.push({ file: where(path), line: error.line, kind: 'item', message: `${error.message}; the item is left as it is` });
        hold(paper, `its item ${where(path)} cannot be rewritten`);
        progress.tick();
        return;
      }
      if (current === next) counts.unchanged++;
      else {
        await (item ? replaceAtomically(path, next) : createAtomically(path, next)).catch((error) => Promise.reject(fileError(error, where(path), 'write')));
        counts[item ? 'changed' : 'new']++;
      }
      memo.note(path, hash);
    }
    progress.tick();
  };
  await Promise.all(papers.map((paper) => limit(() => write(paper).catch((error: unknown) => {
    limit.clearQueue();
    throw error;
  }))));
  progress.done();
  await writeDigestIndex(indexPath, digests, byDigest, unwritten).catch((error) => Promise.reject(fileError(error, where(indexPath), 'write')));
  memo.save();
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
    papers: { ...counts, upToDate: memo.reused.items },
    merges: merges.map((merge) => ({ ...merge, file: digestPath(merge.file), into: { ...merge.into, file: digestPath(merge.into.file) } })),
    orphans,
    years: digests.flatMap((digest) => (digest.yearFrom && digest.year !== undefined ? [{ file: digestPath(digest.file), year: digest.year, ...digest.yearFrom }] : [])),
    problems: problems.sort(byPlace),
  };
}
