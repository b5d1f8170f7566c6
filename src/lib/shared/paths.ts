/** Papers per page of every paginated list. */
export const PAGE_SIZE = 25;

/** Every URL of the site, relative to its base; one place, so a link and its page never disagree. */
export const paths = {
  home: () => '',
  paper: (slug: string) => `papers/${slug}/`,
  /**
   * Every paper, newest first; with n, its page n counted from the oldest (see anchoredPages), under `page/`, which no
   * paper slug can reach (one segment).
   */
  papers: (n?: number) => (n === undefined ? 'papers/' : `papers/page/${n}/`),
  topics: () => 'topics/',
  /** A topic's papers; with n, its page n counted from the oldest (see anchoredPages). */
  topic: (id: string, n?: number) => (n === undefined ? `topics/${id}/` : `topics/${id}/${n}/`),
  authors: () => 'authors/',
  /** The papers of an author count (or `organization`); with n, its page n counted from the oldest. */
  authorCount: (key: string, n?: number) => (n === undefined ? `authors/${key}/` : `authors/${key}/${n}/`),
  dates: () => 'dates/',
  /**
   * A year's papers; with n, its page n counted from the oldest, under `page/`, apart from the months'
   * `dates/<yyyy>/<mm>/`.
   */
  year: (year: string, n?: number) => (n === undefined ? `dates/${year}/` : `dates/${year}/page/${n}/`),
  /** A month's papers; with n, its page n counted from the oldest. */
  month: (year: string, month: string, n?: number) => (n === undefined ? `dates/${year}/${month}/` : `dates/${year}/${month}/${n}/`),
  /** Every digest day, newest first. */
  digests: () => 'digests/',
  /** Page n of one listing date's papers: one list per date, whatever number of digests list that day. */
  digest: (date: string, n = 1) => (n === 1 ? `digests/${date}/` : `digests/${date}/page/${n}/`),
  /** The newest listing days, one item a day, as RSS. */
  digestsFeed: () => 'digests/rss.xml',
  /** The weekly and monthly top pages, by year. */
  tops: () => 'top/',
  /** Page n of a week's (`2024-W22`) or a month's (`2024-05`) papers, most upvoted first. */
  top: (kind: 'week' | 'month', key: string, n = 1) => (n === 1 ? `top/${kind}/${key}/` : `top/${kind}/${key}/page/${n}/`),
  search: () => 'search/',
  /** The reader's shelf: the papers they starred, kept in their browser (src/scripts/shelf/). */
  shelf: () => 'shelf/',
  /** The search page with a query (src/lib/shared/search-state.ts reads `q`): `terms` URL-encoded, or OpenSearch's `{searchTerms}`. */
  searchFor: (terms: string) => `search/?q=${terms}`,
  /** The most recently listed papers of the catalog, as RSS. */
  feed: () => 'rss.xml',
  /** The most recently listed papers of one topic, as RSS. */
  topicFeed: (id: string) => `topics/${id}/rss.xml`,
  /** Every paper's data, as JSON (src/lib/site/dump.ts). */
  dump: () => 'papers.json',
  /** A part of the data dump, 1 for the oldest papers (src/lib/site/dump.ts). */
  dumpPart: (part: number) => `dump/papers-${part}.json`,
  /** The OpenSearch description, which lets browsers add the catalog's search. */
  openSearch: () => 'opensearch.xml',
  /** The papers most like the reader's starred ones, ranked in the browser (src/lib/similar/). */
  similar: () => 'shelf/similar/',
  /** The site's icon. */
  favicon: () => 'favicon.svg',
};

/** Joins a site path to the deployment's base (`/` or `/sub/`), keeping exactly one slash between them. */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}

/** The path below the base of a URL path that starts with the base: the inverse of `withBase`. */
export function belowBase(base: string, url: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!url.startsWith(prefix)) throw new Error(`${url} is not under the base ${prefix}`);
  return url.slice(prefix.length);
}

/** The absolute URL of a site path: the site's origin, the base, the path (`https://host/shelf/papers/x/`). */
export function absoluteUrl(site: URL | string, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}

/**
 * The URL path below the base of a file the build wrote, given relative to its output folder (either slash): a page's
 * `a/b/index.html` is `a/b/`, the home page's `index.html` is ``, another page's `404.html` is `404/`, any other file
 * is itself (`topics/x/rss.xml`).
 */
export function outputPath(file: string): string {
  const path = file.split('\\').join('/');
  if (path === 'index.html') return '';
  if (path.endsWith('/index.html')) return path.slice(0, -'index.html'.length);
  return path.replace(/\.html$/, '/');
}
