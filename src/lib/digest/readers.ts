import { isBylineShaped, readBylineText } from './byline.ts';
import { isMonthName, readDateLine, unknownMonth, type RawDate } from './date.ts';
import { clip, DOT_LINE, lastNonBlank, skipBlank, type Line } from './lines.ts';
import type { Byline, LineSpan } from './types.ts';

/** Something wrong at a line of a digest. */
export interface Note {
  line: number;
  message: string;
}

/**
 * What every reader returns: what it read, or undefined when the text there is not what it reads; why (a reader that
 * returns no value always says why); and the index of the line where the next reader starts.
 */
export interface Read<T> {
  value: T | undefined;
  problems: Note[];
  next: number;
}

/** A date line and where it is. */
export interface DatedLine {
  line: number;
  date: RawDate;
}

/** Lines of the listing's header that come before the first paper. */
const HEADER_LINES = new Set([
  'new',
  'get trending papers in your email inbox!',
  'subscribe',
  'daily papers',
  'byak and the research community',
]);

/** The listing's header: its lines and its date line (`Apr 13`), either of which may be absent. */
export interface Header {
  span?: LineSpan;
  listing?: DatedLine;
}

/** Reads the listing's header: its fixed lines and its first date line without upvotes. Never fails; it may be empty. */
export function readHeader(lines: readonly Line[]): Read<Header> {
  let listing: DatedLine | undefined;
  let index = skipBlank(lines, 0);
  const start = index;
  for (; index < lines.length; index = skipBlank(lines, index + 1)) {
    const { text, number } = lines[index]!;
    if (HEADER_LINES.has(text.toLowerCase())) continue;
    const date = listing ? undefined : readDateLine(text);
    if (date && isMonthName(date.monthName) && date.upvotes === 0) {
      listing = { line: number, date };
      continue;
    }
    break;
  }
  const to = lastNonBlank(lines, start, index);
  return { value: { span: to === undefined ? undefined : { from: lines[start]!.number, to }, listing }, problems: [], next: index };
}

/** A whole entry, before its date is given a year. */
export interface EntryParts {
  title: Line;
  abstract: string[];
  byline: Byline;
  date: DatedLine;
}

/** What `readEntry` read: the entry's parts when they are all there; the lines it covers and its date line either way. */
export interface EntryRead extends Read<EntryParts> {
  lines: LineSpan;
  /** The date line, when one was read: a rejected entry's date still tells the digest's year, and may be wrong too. */
  date?: DatedLine;
}

/**
 * Reads one entry from its first line: title, abstract paragraphs, byline, "·" and date. The entry has a value only
 * when every part of it was read; otherwise its problems say which were not, and reading resumes at `next`.
 */
export function readEntry(lines: readonly Line[], start: number): EntryRead {
  const title = readTitle(lines, start);
  const abstract = title.value ? readAbstract(lines, title.next, title.value) : { value: undefined, problems: [], next: title.next };
  const tail = readTail(lines, abstract.next, title.value);
  const value = title.value && abstract.value && tail.value ? { title: title.value, abstract: abstract.value, ...tail.value } : undefined;
  const problems = [...title.problems, ...abstract.problems, ...tail.problems];
  return { value, problems, next: tail.next, lines: { from: lines[start]!.number, to: lastNonBlank(lines, start, tail.next)! }, date: tail.date };
}

/** Reads the title: the entry's first line, unless that line is already a byline. */
export function readTitle(lines: readonly Line[], index: number): Read<Line> {
  const line = lines[index]!;
  if (isByline(lines, index)) return { value: undefined, problems: [{ line: line.number, message: 'expected a title and an abstract before the byline' }], next: index };
  return { value: line, problems: [], next: index + 1 };
}

/** Reads the abstract's paragraphs, separated by blank lines, wrapped lines joined with a space, up to the byline. */
export function readAbstract(lines: readonly Line[], from: number, title: Line): Read<string[]> {
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  let index = from;
  for (; index < lines.length; index++) {
    const { text } = lines[index]!;
    if (text !== '') {
      if (endsAbstract(lines, index)) break;
      paragraph.push(text);
    } else if (paragraph.length > 0) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
  if (paragraphs.length === 0) {
    const message = `entry "${clip(title.text)}" has no abstract; expected the abstract after the title`;
    return { value: undefined, problems: [{ line: title.number, message }], next: index };
  }
  return { value: paragraphs, problems: [], next: index };
}

/**
 * Reads what ends an entry: byline, "·" and date; or reports that the abstract ends without them. Its date line, when
 * it has one, is returned even when the byline or "·" is missing.
 */
function readTail(lines: readonly Line[], index: number, title: Line | undefined): Read<{ byline: Byline; date: DatedLine }> & { date?: DatedLine } {
  const subject = title ? `entry "${clip(title.text)}": ` : '';
  const line = lines[index];
  if (!line) {
    const message = `${title ? `entry "${clip(title.text)}" ` : ''}ends without a byline, "·" and date; expected "• N authors", "·" and a date after the abstract`;
    return { value: undefined, problems: [{ line: title?.number ?? lines.length, message }], next: index };
  }
  if (!isByline(lines, index)) {
    // A date where the abstract should go on (see endsAbstract): the entry lost its byline and "·".
    const message = `${subject}expected "• N authors" (or an organisation) and "·" before the date "${line.text}"`;
    return { value: undefined, problems: [{ line: line.number, message }], next: index + 1 };
  }
  const byline = readByline(lines, index, subject);
  const dot = readDotLine(lines, byline.next, line);
  const date = readDate(lines, dot.next, subject, line);
  const value = byline.value && dot.value && date.value ? { byline: byline.value, date: date.value } : undefined;
  return { value, problems: [...byline.problems, ...dot.problems, ...date.problems], next: date.next, date: date.value };
}

/** Reads a byline: `• N authors`, or an organisation line followed by "·". */
export function readByline(lines: readonly Line[], index: number, subject = ''): Read<Byline> {
  const line = lines[index]!;
  const read = readBylineText(line.text);
  if ('error' in read) {
    // An organisation line that is not one is an abstract's last paragraph: name the entry that lost its byline.
    const message = read.error.startsWith('the byline is missing') ? subject + read.error : read.error;
    return { value: undefined, problems: [{ line: line.number, message }], next: index + 1 };
  }
  return { value: read.byline, problems: [], next: index + 1 };
}

/** Reads the "·" line after a byline. */
export function readDotLine(lines: readonly Line[], from: number, byline: Line): Read<Line> {
  const index = skipBlank(lines, from);
  if (lines[index]?.text === DOT_LINE) return { value: lines[index], problems: [], next: index + 1 };
  return { value: undefined, problems: [{ line: byline.number, message: 'expected a line "·" after the byline' }], next: index };
}

/** Reads a date line: `Jan 9, 2024 3`. A line that is not date-shaped is left for the next entry. */
export function readDate(lines: readonly Line[], from: number, subject: string, byline: Line): Read<DatedLine> {
  const index = skipBlank(lines, from);
  const line = lines[index];
  const date = line && readDateLine(line.text);
  if (!line || !date) {
    const found = line ? `found "${clip(line.text)}"` : 'found the end of the file';
    const message = `${subject}expected a date such as "Jan 9, 2024" or "Feb 12", ${found}`;
    return { value: undefined, problems: [{ line: line?.number ?? byline.number, message }], next: index };
  }
  if (!isMonthName(date.monthName)) return { value: undefined, problems: [{ line: line.number, message: unknownMonth(date.monthName) }], next: index + 1 };
  return { value: { line: line.number, date }, problems: [], next: index + 1 };
}

/**
 * Reads a "·" that follows no byline, with the date line after it if there is one: lines of no entry. It has no
 * value; its problem names the lines skipped.
 */
export function readStray(lines: readonly Line[], index: number): Read<never> & { lines: LineSpan } {
  const line = lines[index]!;
  const after = skipBlank(lines, index + 1);
  const date = after < lines.length ? readDateLine(lines[after]!.text) : undefined;
  const next = date && isMonthName(date.monthName) ? after + 1 : index + 1;
  const message = 'found "·" without a byline before it; expected "• N authors" or an organisation line, then "·"';
  return { value: undefined, problems: [{ line: line.number, message }], next, lines: { from: line.number, to: lines[next - 1]!.number } };
}

/** Whether the line at `index` is a byline: shaped like one, or followed by "·". */
function isByline(lines: readonly Line[], index: number): boolean {
  return isBylineShaped(lines[index]!.text) || lines[skipBlank(lines, index + 1)]?.text === DOT_LINE;
}

/** Whether a line ends the abstract: a byline, or a date, which means the entry lost its byline and "·". */
function endsAbstract(lines: readonly Line[], index: number): boolean {
  if (isByline(lines, index)) return true;
  const date = readDateLine(lines[index]!.text);
  return date !== undefined && isMonthName(date.monthName);
}
