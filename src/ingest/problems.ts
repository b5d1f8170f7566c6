import { relative, sep } from 'node:path';
import { placeOf, type DigestProblem } from '../lib/digest/types.ts';
import { printable } from '../lib/shared/printable.ts';

// What the ingest could not use, and how it says so: problems at `file:line`, the errors that stop it, and the
// file-system refusals said in words with what to do.

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
  /** In a JSON digest, the entry's number (see DigestProblem). */
  entry?: number;
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
  return printable(`${placeOf(problem)}: ${problem.message}`);
}

/** Orders problems by file, then line. */
export function byPlace(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** What to say when the file system refuses: the file, the reason in words, and what to do. */
export function fileError(error: NodeJS.ErrnoException, path: string, action: 'read' | 'write' | 'create'): Error {
  const reasons: Record<string, [string, string]> = {
    EACCES: ['permission denied', `Give this user ${action === 'read' ? 'read' : 'write'} access to ${path}${action === 'read' ? '' : ' and its folder'} (e.g. chmod u+rw), then run again.`],
    EPERM: ['operation not permitted', `Check the permissions and attributes of ${path}, then run again.`],
    EROFS: ['the file system is read-only', 'Build from a copy of the project on a writable disk.'],
    ENOSPC: ['the disk is full', 'Free some space, then run again.'],
    EISDIR: ['it is a folder', `Move or rename ${path}; a digest is a .txt or .json file.`],
    ENOTFILE: ['it is not a regular file (a folder, a named pipe, a socket or a device)', `Move or rename ${path}; a digest is a .txt or .json file.`],
    ENOTDIR: ['a part of the path is not a folder', `Check the path ${path}.`],
    ENOENT: ['it does not exist', `Check the path ${path}.`],
    EMFILE: ['too many open files', 'Raise the open-file limit (ulimit -n), then run again.'],
  };
  const [reason, hint] = reasons[error.code ?? ''] ?? [error.message, 'Check the file and run again.'];
  const done = action === 'read' ? 'Nothing was written.' : 'Items written before it are complete; nothing is half-written.';
  return new IngestFileError(printable(`cannot ${action} ${path}: ${reason}. ${done}`), hint, { cause: error });
}

/** A path as messages name it: from the project root when it is inside it, with `/`. */
export function displayPath(root: string, path: string): string {
  const inside = relative(root, path);
  return inside.startsWith('..') || inside === '' ? path : inside.split(sep).join('/');
}
