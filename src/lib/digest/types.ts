/** Where the year of a digest's year-less dates came from, in the order the evidence is weighed (see year.ts). */
export type YearSource = 'sidecar' | 'file-name' | 'recorded' | 'stated-years' | 'build-day';

/** Who wrote a paper, as the digest states it: an author count or an organisation. */
export type Byline =
  | { kind: 'authors'; count: number }
  | { kind: 'organization'; handle: string; name: string };

/** Lines of a digest, 1-based and inclusive: `{ from: 13, to: 19 }` is a title through its date line. */
export interface LineSpan {
  from: number;
  to: number;
}

/** One paper as a digest lists it, with the lines it covers. */
export interface DigestEntry {
  /** The digest's file name, e.g. `000_b521cd4bf3e07176.txt`. */
  file: string;
  /** 1-based line of the title (`lines.from`). */
  line: number;
  /** The entry's lines, title through date line. */
  lines: LineSpan;
  title: string;
  /** Paragraphs of the abstract; wrapped lines are joined with a space. */
  abstract: string[];
  byline: Byline;
  /** ISO date, `YYYY-MM-DD`. */
  date: string;
  upvotes: number;
  /** The arXiv id, when the digest states it (the API's answer does; a text copy does not). */
  arxiv?: string;
  /** The authors' names in order, hidden authors left out, when the digest names them (the API's answer does). */
  authorNames?: string[];
}

/**
 * What a problem cost, so that a caller can choose how loudly to report it:
 * - `entry`: an entry (a title block) was read and rejected; exactly one such problem per rejected entry;
 * - `text`: lines that belong to no entry (a stray "·") were skipped;
 * - `file`: the whole file was rejected;
 * - `warning`: something is wrong, but no paper was rejected for it (e.g. the listing's own date).
 */
export type ProblemKind = 'entry' | 'text' | 'file' | 'warning';

interface ProblemBase {
  /** The file, as named to the parser (a digest, or another file a caller reports on). */
  file: string;
  /** The 1-based line to look at first. */
  line: number;
  /** The 1-based column on that line, when one character is the cause. */
  column?: number;
  /** In a JSON digest, the entry's number in the list (the first is 1), which `line` holds too. */
  entry?: number;
  /** What is wrong and, when it is not obvious, what to do about it. */
  message: string;
}

/** A malformed part of a digest, reported as `<file>:<line>: <message>`. Rejected lines are always named by `lines`. */
export type DigestProblem =
  | (ProblemBase & { kind: 'entry' | 'text'; lines: LineSpan })
  | (ProblemBase & { kind: 'file' | 'warning'; lines?: LineSpan });

/** What parsing one digest yields: its entries, its problems, and the listing's own date. */
export interface ParsedDigest {
  file: string;
  /** The listing's date (`Apr 13` in the header) as ISO, when the header has one and its year is known. */
  listedOn?: string;
  /** The year given to year-less dates, or undefined when it could not be decided. */
  year?: number;
  /** Where the year of the digest's year-less dates came from, when it has any (see yearForYearlessDates). */
  yearFrom?: { source: YearSource; reason: string };
  /** The header's lines ("Daily Papers", the listing's date), when the digest has a header. */
  header?: LineSpan;
  entries: DigestEntry[];
  /** Sorted by line. */
  problems: DigestProblem[];
}

/** Formats a problem the way every report prints it. */
export function formatProblem(problem: DigestProblem): string {
  return `${placeOf(problem)}: ${problem.message}`;
}

/**
 * Where a problem is: `seeds/x.txt:19` for a line of a text digest; a JSON digest's file alone
 * (`seeds/2024-05-27.json`), since its message names the entry (`entry 3: paper.title: …`).
 */
export function placeOf(problem: { file: string; line: number; entry?: number }): string {
  return problem.entry === undefined ? `${problem.file}:${problem.line}` : problem.file;
}
