/** Who wrote a paper, as the digest states it: an author count or an organisation. */
export type Byline =
  | { kind: 'authors'; count: number }
  | { kind: 'organization'; handle: string; name: string };

/** One paper as a digest lists it, with the line it starts on. */
export interface DigestEntry {
  /** The digest's file name, e.g. `000_b521cd4bf3e07176.txt`. */
  file: string;
  /** 1-based line of the title. */
  line: number;
  title: string;
  /** Paragraphs of the abstract; wrapped lines are joined with a space. */
  abstract: string[];
  byline: Byline;
  /** ISO date, `YYYY-MM-DD`. */
  date: string;
  upvotes: number;
}

/** A malformed part of a digest, reported as `<file>:<line>: <message>`. */
export interface DigestProblem {
  file: string;
  line: number;
  message: string;
}

/** What parsing one digest yields: its entries, its problems, and the listing's own date. */
export interface ParsedDigest {
  file: string;
  /** The listing's date (`Apr 13` in the header) as ISO, when the header has one and its year is known. */
  listedOn?: string;
  /** The year given to year-less dates, or undefined when no entry needed one or it could not be inferred. */
  year?: number;
  entries: DigestEntry[];
  problems: DigestProblem[];
}

/** Formats a problem the way every report prints it. */
export function formatProblem(problem: DigestProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
