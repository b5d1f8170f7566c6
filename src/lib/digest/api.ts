import { z } from 'astro/zod';
import { isIsoDate } from './date.ts';
import type { Byline, DigestEntry, DigestProblem, ParsedDigest } from './types.ts';
import { dateInFileName, latestPossibleDay } from './year.ts';

// The second digest format: the Daily Papers API's answer for one day (`/api/daily_papers?date=YYYY-MM-DD`), saved as
// `seeds/<day>.json`. Read into the same entries as a text digest, plus the arXiv id and the authors' names.

/** An arXiv id: `2405.15738` (with a version, `2405.15738v2`), or an old-style `hep-th/9901001`. */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;

const STRING = { error: 'expected a string' };
/** `2024-05-24T17:34:15.000Z`: a day, then anything (the API's time of day). */
const timestamp = z.string(STRING).refine((text) => isIsoDate(text.slice(0, 10)) && (text.length === 10 || text[10] === 'T'), 'expected a date as YYYY-MM-DDThh:mm:ssZ');

/** One entry of the API's answer: only the fields the catalog reads; any other field is dropped unread. */
const apiEntrySchema = z.object(
  {
    /** The title as the listing shows it (it may differ from arXiv's, e.g. with LaTeX). */
    title: z.string(STRING).optional(),
    paper: z.object(
      {
        id: z.string(STRING).regex(ARXIV_ID, 'expected an arXiv id such as 2405.15738'),
        title: z.string(STRING).refine((title) => title.trim() !== '', 'expected a title, not an empty string'),
        summary: z.string(STRING),
        publishedAt: timestamp,
        upvotes: z.number({ error: 'expected a number' }).int('expected a whole number').nonnegative('expected 0 or more').optional(),
        submittedOnDailyAt: timestamp.optional(),
        authors: z.array(z.object({ name: z.string(STRING), hidden: z.boolean({ error: 'expected true or false' }).optional() }, { error: 'expected an author: { name, hidden }' }), { error: 'expected a list of authors' }),
        organization: z.object({ name: z.string(STRING), fullname: z.string(STRING).optional() }, { error: 'expected an organization: { name, fullname }' }).nullish(),
      },
      { error: 'expected the paper: { id, title, summary, publishedAt, authors, … }' },
    ),
  },
  { error: 'expected an entry: { paper: { … }, … }' },
);
type ApiEntry = z.infer<typeof apiEntrySchema>;

/** What the caller knows about an answer besides its text. */
export interface ApiParseOptions {
  /** The file's name (`2024-05-27.json`), used in every entry and problem; a `YYYY-MM-DD` in it is the listing's day. */
  file: string;
  /** The day of the build (`YYYY-MM-DD`): no paper is dated after it. */
  today: string;
}

/**
 * Reads the Daily Papers API's answer for one day into entries and problems. Pure. The JSON is parsed and then checked
 * field by field with a schema: it is data, never run. An entry's `line` is its number in the list (the first is 1),
 * and its problems say so (`entry 3: paper.title: expected a string`); a file that is no JSON list is one problem.
 */
export function parseApiDigest(text: string, options: ApiParseOptions): ParsedDigest {
  const { file, today } = options;
  if (!isIsoDate(today)) throw new TypeError(`parseApiDigest: options.today is ${JSON.stringify(today)}; expected a date as YYYY-MM-DD`);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const line = lineOfPosition(body, /position (\d+)/.exec((error as Error).message)?.[1]);
    return fileProblem(file, line, `not JSON (${(error as Error).message.split('\n')[0]}): expected the Daily Papers API's answer, a list of entries`);
  }
  if (!Array.isArray(data)) return fileProblem(file, 1, "expected a list of entries, the Daily Papers API's answer for one day ([{ \"paper\": { … } }, …])");

  const latest = latestPossibleDay({ file, today });
  const entries: DigestEntry[] = [];
  const problems: DigestProblem[] = [];
  const listingDays: string[] = [];
  data.forEach((raw: unknown, index) => {
    const number = index + 1;
    const reject = (message: string) => problems.push({ file, kind: 'entry', line: number, entry: number, lines: { from: number, to: number }, message: `entry ${number}: ${message}` });
    const read = apiEntrySchema.safeParse(raw);
    if (!read.success) return void reject(issueMessage(read.error.issues[0]));
    const { paper } = read.data;
    const date = paper.publishedAt.slice(0, 10);
    if (date > latest.day) return void reject(`paper.publishedAt: ${date} is after ${latest.name}; is the date a typo?`);
    if (paper.authors.length === 0 && !paper.organization) return void reject('paper.authors: expected at least one author, or an organization');
    if (paper.submittedOnDailyAt) listingDays.push(paper.submittedOnDailyAt.slice(0, 10));
    entries.push(entryOf(read.data, file, number, date));
  });
  return { file, listedOn: dateInFileName(file) ?? mostCommon(listingDays), entries, problems };
}

/** An entry of the answer as a digest entry: title and abstract as the text digests have them, with the new fields. */
function entryOf(entry: ApiEntry, file: string, number: number, date: string): DigestEntry {
  const { paper } = entry;
  const names = paper.authors.filter((author) => !author.hidden).map((author) => oneLine(author.name)).filter((name) => name !== '');
  return {
    file,
    line: number,
    lines: { from: number, to: number },
    title: oneLine(entry.title !== undefined && entry.title.trim() !== '' ? entry.title : paper.title),
    abstract: paragraphs(paper.summary),
    byline: bylineOf(paper),
    date,
    upvotes: paper.upvotes ?? 0,
    arxiv: paper.id,
    authorNames: names,
  };
}

/** The listing's byline: its organisation when it names one (as the text digests' organisation line), else the author count, hidden authors included. */
function bylineOf(paper: ApiEntry['paper']): Byline {
  const organization = paper.organization;
  if (organization) return { kind: 'organization', handle: oneLine(organization.name), name: oneLine(organization.fullname ?? organization.name) };
  return { kind: 'authors', count: paper.authors.length };
}

/** arXiv's text with its line wraps joined: a line break and the spaces around it are one space. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * arXiv's abstract as paragraphs: a new paragraph starts at a line indented by spaces; any other line break is a wrap,
 * read as one space (the spaces beside it kept, as the text digests have them).
 */
function paragraphs(summary: string): string[] {
  return summary.split(/\n[ \t]+/).map((paragraph) => paragraph.replace(/\r?\n/g, ' ').trim()).filter((paragraph) => paragraph !== '');
}

/** Where in the entry a schema found the first fault, and what it is: `paper.authors[2].name: expected a string`. */
function issueMessage(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'entry could not be read'; // zod reports every failure with an issue; this is a guard
  const path = issue.path.map((part, at) => (typeof part === 'number' ? `[${part}]` : `${at === 0 ? '' : '.'}${String(part)}`)).join('');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

function fileProblem(file: string, line: number, message: string): ParsedDigest {
  return { file, entries: [], problems: [{ file, kind: 'file', line, message }] };
}

/** The 1-based line of a character position, or 1 when the position is unknown. */
function lineOfPosition(text: string, position: string | undefined): number {
  if (position === undefined) return 1;
  return text.slice(0, Number(position)).split('\n').length;
}

/** The day most entries were listed on (the earliest of a tie), or undefined for none. */
function mostCommon(days: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const day of days) counts.set(day, (counts.get(day) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const [day, count] of counts) if (!best || count > best[1] || (count === best[1] && day < best[0])) best = [day, count];
  return best?.[0];
}
