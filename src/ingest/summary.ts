import type { YearSource } from '../lib/digest/types.ts';
import type { Merge } from '../lib/papers/model.ts';
import { printable } from '../lib/shared/printable.ts';
import { formatProblem, type Problem } from './problems.ts';

// What one ingest did, and its report for a terminal or a build log.

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
    /** Unchanged papers whose item is the file the last run left: neither read nor written out again (memo.ts). */
    upToDate?: number;
  };
  /** Entries that joined another listing's paper. */
  merges: Merge[];
  /** Generated items whose paper is in no digest any more: kept, so their URLs keep working. */
  orphans: string[];
  /** Each digest with year-less dates: the year they were given, and where it came from. */
  years: { file: string; year: number; source: YearSource; reason: string }[];
  problems: Problem[];
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
/** How many digests each line of year-less dates names: a catalog of 7,000 days would otherwise log every file name. */
const YEARS_LISTED = 10;

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
    info(
      `papers: ${papers.new} new, ${papers.changed} changed, ${papers.unchanged} unchanged${papers.upToDate ? ` (${papers.upToDate} as the last run left them, not read again)` : ''}, ${papers.kept} kept as an editor wrote them, ${papers.held} held back`,
    ),
  );
  for (const merge of summary.merges.slice(0, MERGES_LISTED)) {
    lines.push(info(`  merged: ${merge.file}:${merge.line} into ${merge.into.file}:${merge.into.line} (${merge.because}) at /papers/${merge.slug}/`));
  }
  if (summary.merges.length > MERGES_LISTED) lines.push(info(`  … and ${summary.merges.length - MERGES_LISTED} more merges`));
  lines.push(summary.problems.length > 0 ? warn(`problems: ${summary.problems.length}`) : info('problems: 0'));
  for (const problem of summary.problems) lines.push({ level: problem.kind === 'warning' ? 'info' : 'warn', text: `  ${problem.kind === 'entry' ? 'rejected' : problem.kind}: ${formatProblem(problem)}` });
  const bySource = Map.groupBy(summary.years, (year) => year.source);
  for (const [source, years] of bySource) {
    const named = years.slice(0, YEARS_LISTED).map((year) => `${year.file} ${year.year}`);
    if (years.length > YEARS_LISTED) named.push(`… and ${years.length - YEARS_LISTED} more`);
    lines.push(info(`year-less dates, ${YEAR_SOURCES[source]} (${years.length}): ${named.join(', ')}`));
  }
  if (summary.orphans.length > 0) {
    lines.push(info(`kept ${summary.orphans.length} item(s) no digest lists any more, so their URLs keep working:`));
    lines.push(...summary.orphans.map((path) => info(`  ${path}`)));
  }
  return lines;
}
