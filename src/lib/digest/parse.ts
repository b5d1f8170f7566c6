import { isMonthName, readDateLine, toIsoDate, unknownMonth, type RawDate } from './date.ts';
import type { Byline, DigestEntry, DigestProblem, ParsedDigest } from './types.ts';

/** What the caller knows about a digest besides its text. */
export interface ParseOptions {
  /** The digest's file name, used in every entry and problem. */
  file: string;
  /** The day the listing was captured (`YYYY-MM-DD`), when the operator stated it; gives year-less dates their year. */
  capturedOn?: string;
}

/** Lines of the listing's header that come before the first paper. */
const HEADER_LINES = new Set([
  'new',
  'get trending papers in your email inbox!',
  'subscribe',
  'daily papers',
  'byak and the research community',
]);

const AUTHORS_LINE = /^•\s*(.*?)\s*\bauthors?$/iu;
const BULLET = '•';
const DOT_LINE = '·';
/** An organisation line is a handle and a short name, never a wrapped abstract line. */
const MAX_ORGANIZATION_LENGTH = 120;

interface Line {
  number: number;
  text: string;
}

/** An entry whose date still lacks the year that year-less dates get from the whole digest. */
interface PendingEntry {
  line: number;
  title: string;
  abstract: string[];
  byline: Byline;
  dateLine: number;
  date: RawDate;
}

/**
 * Parses one digest's text into entries and problems. Pure: the file name and capture date come in as options.
 * A malformed entry is reported and skipped; parsing resumes with the next entry.
 */
export function parseDigest(text: string, options: ParseOptions): ParsedDigest {
  const { file } = options;
  const lines = splitLines(text);
  const problems: DigestProblem[] = [];
  const report = (line: number, message: string) => problems.push({ file, line, message });

  const { listing, start } = readHeader(lines);
  const pending: PendingEntry[] = [];
  let block: Line[] = []; // title and abstract lines of the entry being read, blank lines included
  let index = start;

  const nextNonBlank = (from: number) => {
    let i = from;
    while (i < lines.length && lines[i]!.text === '') i++;
    return i;
  };

  while (index < lines.length) {
    const line = lines[index]!;
    if (line.text === '') {
      if (block.length > 0) block.push(line);
      index++;
      continue;
    }
    const afterLine = nextNonBlank(index + 1);
    const followedByDot = lines[afterLine]?.text === DOT_LINE;
    const authors = AUTHORS_LINE.exec(line.text);

    if (line.text === DOT_LINE) {
      report(line.number, 'found "·" without a byline before it; expected "• N authors" or an organisation line, then "·"');
      block = [];
      index++;
      continue;
    }
    const strayDate = !authors && !followedByDot && block.some((entry) => entry.text !== '') ? readDateLine(line.text) : undefined;
    if (strayDate && isMonthName(strayDate.monthName)) {
      // A date where the abstract should go on: this entry lost its byline and "·". Report it and start afresh.
      const content = readBlock(block)!;
      report(line.number, `entry "${clip(content.title)}": expected "• N authors" (or an organisation) and "·" before the date "${line.text}"`);
      block = [];
      index++;
      continue;
    }
    if (!authors && !followedByDot && !line.text.startsWith(BULLET)) {
      block.push(line);
      index++;
      continue;
    }

    // `line` is a byline: it closes the title and abstract gathered in `block`.
    const content = readBlock(block);
    block = [];
    const problemsBefore = problems.length;
    let byline: Byline | undefined;
    if (authors) {
      const count = authors[1]!;
      if (!/^\d+$/.test(count)) report(line.number, `author count "${count}" is not a number; expected "• N authors"`);
      else if (Number(count) < 1) report(line.number, `author count ${count} is not possible; expected "• N authors" with N at least 1`);
      else byline = { kind: 'authors', count: Number(count) };
    } else if (line.text.startsWith(BULLET)) {
      report(line.number, `expected "• N authors", found "${clip(line.text)}"`);
    } else if (line.text.length > MAX_ORGANIZATION_LENGTH) {
      report(line.number, 'expected "• N authors" or an organisation line (a handle and a name) before "·", found a long text line');
    } else {
      byline = readOrganization(line.text);
    }
    if (!content) {
      report(line.number, 'expected a title and an abstract before the byline');
    } else if (content.abstract.length === 0) {
      report(content.line, `entry "${content.title}" has no abstract; expected the abstract after the title`);
    }

    // Expect "·", then the date.
    index = afterLine;
    if (followedByDot) {
      index = nextNonBlank(index + 1);
    } else {
      report(line.number, 'expected a line "·" after the byline');
    }
    const dateLine = lines[index];
    const date = dateLine ? readDateLine(dateLine.text) : undefined;
    if (!dateLine || !date) {
      const found = dateLine ? `found "${clip(dateLine.text)}"` : 'found the end of the file';
      const entry = content ? `entry "${clip(content.title)}": ` : '';
      report(dateLine?.number ?? line.number, `${entry}expected a date such as "Jan 9, 2024" or "Feb 12", ${found}`);
      continue; // the line, if any, starts the next entry
    }
    index++;
    if (!isMonthName(date.monthName)) {
      report(dateLine.number, unknownMonth(date.monthName));
      continue;
    }
    // An entry with any problem is skipped whole: it is reported, never published half-read.
    if (content && byline && problems.length === problemsBefore) {
      pending.push({ ...content, byline, dateLine: dateLine.number, date });
    }
  }

  const leftover = readBlock(block);
  if (leftover) {
    report(leftover.line, `entry "${clip(leftover.title)}" ends without a byline, "·" and date; expected "• N authors", "·" and a date after the abstract`);
  }

  const year = yearForYearlessDates(pending, listing, options, report);
  const entries: DigestEntry[] = [];
  for (const entry of pending) {
    const entryYear = entry.date.year ?? year;
    if (entryYear === undefined) continue; // reported by yearForYearlessDates
    const result = toIsoDate(entry.date.monthName, entry.date.day, entryYear);
    if ('error' in result) {
      report(entry.dateLine, result.error);
      continue;
    }
    entries.push({
      file,
      line: entry.line,
      title: detach(entry.title),
      abstract: entry.abstract.map(detach),
      byline: entry.byline,
      date: result.iso,
      upvotes: entry.date.upvotes,
    });
  }

  let listedOn: string | undefined;
  if (listing) {
    const listingYear = listing.date.year ?? year;
    if (listingYear !== undefined) {
      const result = toIsoDate(listing.date.monthName, listing.date.day, listingYear);
      if ('iso' in result) listedOn = result.iso;
      else report(listing.line, result.error);
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { file, listedOn, year, entries, problems };
}

/** Splits text into numbered lines, tolerating a BOM, CRLF or CR line ends and surrounding spaces. */
function splitLines(text: string): Line[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Splitting on a string is several times faster than on a pattern, and most digests have no CR.
  const raws = withoutBom.includes('\r') ? withoutBom.split(/\r\n|\r|\n/) : withoutBom.split('\n');
  return raws.map((raw, i) => ({ number: i + 1, text: raw.trim() }));
}

/** Skips the listing's header and returns its date line, if any. */
function readHeader(lines: Line[]): { listing?: { line: number; date: RawDate }; start: number } {
  let listing: { line: number; date: RawDate } | undefined;
  let index = 0;
  for (; index < lines.length; index++) {
    const text = lines[index]!.text.trim();
    if (text === '' || HEADER_LINES.has(text.toLowerCase())) continue;
    const date = readDateLine(text);
    if (date && isMonthName(date.monthName) && date.upvotes === 0 && !listing) {
      listing = { line: lines[index]!.number, date };
      continue;
    }
    break;
  }
  return { listing, start: index };
}

/** Splits an entry's lines into its title and abstract paragraphs. */
function readBlock(block: Line[]): { line: number; title: string; abstract: string[] } | undefined {
  const first = block.findIndex((line) => line.text !== '');
  if (first === -1) return undefined;
  const abstract: string[] = [];
  let paragraph: string[] = [];
  for (const line of block.slice(first + 1)) {
    if (line.text === '') {
      if (paragraph.length > 0) abstract.push(paragraph.join(' '));
      paragraph = [];
    } else {
      paragraph.push(line.text.trim());
    }
  }
  if (paragraph.length > 0) abstract.push(paragraph.join(' '));
  return { line: block[first]!.number, title: block[first]!.text.trim(), abstract };
}

/** Reads `nvidia NVIDIA` or `AlibabaTongyiLab TongyiLab`: a handle, then a display name. */
function readOrganization(text: string): Byline {
  const [handle, ...name] = text.trim().split(/\s+/);
  return { kind: 'organization', handle: handle!, name: name.length > 0 ? name.join(' ') : handle! };
}

/**
 * The year of the digest's year-less dates: the stated capture year, else the year after the latest explicit year.
 * Reports each year-less date when neither is available.
 */
function yearForYearlessDates(
  pending: PendingEntry[],
  listing: { line: number; date: RawDate } | undefined,
  options: ParseOptions,
  report: (line: number, message: string) => void,
): number | undefined {
  if (options.capturedOn) return Number(options.capturedOn.slice(0, 4));
  const explicit = pending.flatMap((entry) => (entry.date.year === undefined ? [] : [entry.date.year]));
  if (listing?.date.year !== undefined) explicit.push(listing.date.year);
  if (explicit.length > 0) return explicit.reduce((latest, year) => Math.max(latest, year)) + 1; // no spread: a digest may list 100,000
  for (const entry of pending) {
    if (entry.date.year === undefined) {
      report(
        entry.dateLine,
        `cannot tell the year of "${entry.date.monthName} ${entry.date.day}": the digest has no date with a year; expected a capture date in ${sidecarName(options.file)} ("captured: YYYY-MM-DD")`,
      );
    }
  }
  return undefined;
}

/** The sidecar file that states a digest's capture date. */
export function sidecarName(file: string): string {
  return file.replace(/\.txt$/, '') + '.meta.yaml';
}

/**
 * A copy of a piece of the digest's text that does not keep the whole text alive, as V8 does for every slice of a
 * string; and one byte a character when it can be, where the text of a digest (with its "•" bylines) takes two. At
 * 100,000 papers, keeping every digest's text was the largest part of an ingest's memory.
 */
function detach(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string; // exact for any string, unpaired surrogates too
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
