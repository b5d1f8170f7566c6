import { isIsoDate } from './date.ts';
import { DOT_LINE, skipBlank, splitLines } from './lines.ts';
import { readEntry, readHeader, readStray, type EntryRead, type Note } from './readers.ts';
import type { DigestEntry, DigestProblem, LineSpan, ParsedDigest } from './types.ts';
import { resolveDate, yearForYearlessDates } from './year.ts';

export { sidecarName } from './year.ts';

/** What the caller knows about a digest besides its text. */
export interface ParseOptions {
  /** The digest's file name, used in every entry and problem. */
  file: string;
  /** The day of the build (`YYYY-MM-DD`): no paper is dated after it, and no year-less date is given a later year. */
  today: string;
  /** The day the listing was captured (`YYYY-MM-DD`), when the operator stated it; gives year-less dates their year. */
  capturedOn?: string;
  /** The year recorded when this digest was first ingested, so that a later ingest gives its dates the same year. */
  recordedYear?: number;
}

/**
 * Parses one digest's text into entries and problems. Pure: the file name and the days come in as options.
 * Every entry read is either returned or rejected with exactly one problem of kind `entry`; parsing resumes after it.
 * Every non-blank line is in the header, in one entry's or rejected entry's `lines`, or in a `text` problem's.
 */
export function parseDigest(text: string, options: ParseOptions): ParsedDigest {
  const { file, today, capturedOn } = options;
  // The caller's days, not the digest's: a wrong one is a bug in the caller, so it throws.
  if (!isIsoDate(today)) throw new TypeError(`parseDigest: options.today is ${JSON.stringify(today)}; expected a date as YYYY-MM-DD`);
  if (capturedOn !== undefined && !isIsoDate(capturedOn)) throw new TypeError(`parseDigest: options.capturedOn is ${JSON.stringify(capturedOn)}; expected a date as YYYY-MM-DD`);
  const lines = splitLines(text);
  const problems: DigestProblem[] = [];

  const header = readHeader(lines);
  const reads: EntryRead[] = [];
  for (let index = skipBlank(lines, header.next); index < lines.length; ) {
    if (lines[index]!.text === DOT_LINE) {
      const stray = readStray(lines, index);
      problems.push(...stray.problems.map((note) => ({ file, kind: 'text' as const, ...note, lines: stray.lines })));
      index = skipBlank(lines, stray.next);
    } else {
      const read = readEntry(lines, index);
      reads.push(read);
      index = skipBlank(lines, read.next);
    }
  }

  const listing = header.value!.listing;
  const dates = reads.flatMap((read) => (read.date ? [read.date.date] : []));
  const yearless = yearForYearlessDates(dates, options, listing?.date);
  const entries: DigestEntry[] = [];
  for (const read of reads) {
    const date = read.date && resolveDate(read.date, yearless, options);
    if (read.value && date?.value) {
      const { title, abstract, byline } = read.value;
      entries.push({
        file,
        line: read.lines.from,
        lines: read.lines,
        title: detach(title.text),
        abstract: abstract.map(detach),
        byline,
        date: date.value,
        upvotes: read.value.date.date.upvotes,
      });
      problems.push(...[...read.problems, ...date.problems].map((note) => ({ file, kind: 'warning' as const, ...note, lines: read.lines })));
    } else {
      problems.push(rejectedEntry(file, read.lines, [...read.problems, ...(date?.problems ?? [])]));
    }
  }

  let listedOn: string | undefined;
  if (listing && (listing.date.year !== undefined || yearless.year !== undefined)) {
    // A listing date whose year is unknown is left out silently: the year-less entries already report that.
    const date = resolveDate(listing, yearless, options);
    listedOn = date.value;
    problems.push(...date.problems.map((note) => ({ file, kind: 'warning' as const, ...note, message: `the listing's date: ${note.message}` })));
  }
  problems.sort((a, b) => a.line - b.line);
  const hasYearless = [...dates, ...(listing ? [listing.date] : [])].some((date) => date.year === undefined);
  const yearFrom = hasYearless && 'source' in yearless ? { source: yearless.source, reason: yearless.reason } : undefined;
  return { file, listedOn, year: yearless.year, yearFrom, header: header.value!.span, entries, problems };
}

/** The one problem of a rejected entry: at its first faulty line, with every reason it was rejected for. */
function rejectedEntry(file: string, lines: LineSpan, notes: readonly Note[]): DigestProblem {
  const [first, ...rest] = [...notes].sort((a, b) => a.line - b.line);
  if (!first) return { file, kind: 'entry', line: lines.from, lines, message: 'entry could not be read' }; // every reader says why; this is a guard
  const message = [first.message, ...rest.map((note) => (note.line === first.line ? note.message : `line ${note.line}: ${note.message}`))].join('; ');
  return { file, kind: 'entry', line: first.line, lines, message };
}

/**
 * A copy of a piece of the digest's text that does not keep the whole text alive, as V8 does for every slice of a
 * string; and one byte a character when it can be, where the text of a digest (with its "•" bylines) takes two. At
 * 100,000 papers, keeping every digest's text was the largest part of an ingest's memory.
 */
function detach(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string; // exact for any string, unpaired surrogates too
}
