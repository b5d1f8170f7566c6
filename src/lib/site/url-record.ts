import { outputPath } from '../shared/paths.ts';
import { isBucketPath } from '../similar/buckets.ts';
import { isDumpPartPath } from './dump.ts';

/**
 * The record of published URLs (`content/published-urls.txt`): every path below the base that a build has published,
 * one a line, sorted. A URL is a promise: a build that would drop a recorded URL fails, unless the URL now redirects
 * (a redirect page is published at it). The record only grows, and a build adds what it published first.
 */

const HEADER = [
  '# Every URL path (below the site base, from its /) this catalog has published; a build that would drop one fails.',
  '# Written by the build, which only ever adds lines. Review the additions like any other change; to retire a URL,',
  '# make it redirect (see docs/operating.md, "Permanent URLs").',
];

/** The paths a record lists (comments and blank lines skipped). */
export function parseRecord(text: string): string[] {
  return readRecord(text).paths;
}

/** A recorded path: from the base's `/`, no white space or control characters. */
const RECORDED_PATH = /^\/[^\s\p{Cc}]*$/u;

/**
 * The paths a record lists, and its lines that are neither a path, a comment nor blank: each such line is a problem
 * at its number (a damaged record must not be read as URLs "that would stop working").
 */
export function readRecord(text: string): { paths: string[]; problems: { line: number; message: string }[] } {
  const paths: string[] = [];
  const problems: { line: number; message: string }[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (RECORDED_PATH.test(line)) paths.push(line);
    else problems.push({ line: index + 1, message: `${JSON.stringify(line.length > 80 ? `${line.slice(0, 80)}…` : line)} is not a URL path (a line is a path from the base's "/", or a "#" comment)` });
  });
  return { paths, problems };
}

/**
 * Whether a path is an old URL of a year list's later page (`/dates/2025/2/`, before they moved under `page/`): such
 * aliases lead to pages that shift with every paper, and are no promise (records written before kept them).
 */
export function isLegacyYearPage(path: string): boolean {
  return /^\/dates\/\d{4}\/(?:[2-9]|1[3-9]|[2-9]\d|[1-9]\d{2,})\/$/.test(path);
}

/** A record's text: its header, then the paths sorted by code unit, each once. */
export function formatRecord(paths: Iterable<string>): string {
  const sorted = [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${[...HEADER, ...sorted].join('\n')}\n`;
}

/** What a build did to the record: recorded paths it no longer publishes, and paths it publishes for the first time. */
export function compareRecord(recorded: readonly string[], published: ReadonlySet<string>): { dropped: string[]; added: string[] } {
  const known = new Set(recorded);
  return {
    dropped: recorded.filter((path) => !published.has(path) && !isLegacyYearPage(path)),
    added: [...published].filter((path) => !known.has(path)).sort(),
  };
}

/**
 * The record's path (below the base, from its `/`) of a file a build wrote, given relative to its output folder:
 * `papers/a/index.html` is `/papers/a/`, `rss.xml` is `/rss.xml` (see outputPath); undefined for what is no published
 * URL: the 404 page, a host's instructions such as `_redirects`, and the related buckets (`related/<n>.json`), the
 * "more like your shelf" page's data, whose names change with the catalog's size.
 */
export function publishedPath(file: string): string | undefined {
  const path = outputPath(file);
  return path === '404/' || path.startsWith('_') || isBucketPath(path) || isDumpPartPath(path) ? undefined : `/${path}`;
}
