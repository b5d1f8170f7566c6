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
 * The URL path below the base (with a leading `/`) of a file a build wrote, given relative to its output folder: a
 * page's `x/index.html` is `/x/`, the home page `/`, any other file is itself (`/rss.xml`); undefined for what is
 * no published URL (the 404 page, a host's `_redirects`).
 */
export function publishedPath(file: string): string | undefined {
  // The 404 page has no address of its own; `_redirects` and the like are instructions to the host, not pages.
  if (file === '404.html' || file.startsWith('_')) return undefined;
  if (file === 'index.html') return '/';
  return `/${file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file}`;
}
