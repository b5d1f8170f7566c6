import { outputPath } from './paths.ts';

/**
 * The record of published URLs (`content/published-urls.txt`): every path below the base that a build has published,
 * one a line, sorted. A URL is a promise: a build that would drop a recorded URL fails, unless the URL now redirects
 * (a redirect page is published at it). The record only grows, and a build adds what it published first.
 */

const HEADER = [
  '# Every URL path (below the site base, from its /) this catalog has published; a build that would drop one fails.',
  '# Written by the build, which only ever adds lines. Review the additions like any other change; to retire a URL,',
  '# make it redirect (see README, "Permanent URLs").',
];

/** The paths a record lists (comments and blank lines skipped). */
export function parseRecord(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
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
    dropped: recorded.filter((path) => !published.has(path)),
    added: [...published].filter((path) => !known.has(path)).sort(),
  };
}

/**
 * The record's path (below the base, from its `/`) of a file a build wrote, given relative to its output folder:
 * `papers/a/index.html` is `/papers/a/`, `rss.xml` is `/rss.xml` (see outputPath); undefined for what is no published
 * URL: the 404 page, and a host's instructions such as `_redirects`.
 */
export function publishedPath(file: string): string | undefined {
  const path = outputPath(file);
  return path === '404/' || path.startsWith('_') ? undefined : `/${path}`;
}
