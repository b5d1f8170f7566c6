import { BUNDLE_FOLDER } from '../shared/search-shards.ts';
import { paths } from '../shared/paths.ts';
import { BUCKET_FOLDER } from '../similar/buckets.ts';

/** An old URL (a path below the base) that leads to a page's current one. */
export interface Moved {
  from: string;
  to: string;
}

/** An item an editor merged into another paper's item (`merged_into: <slug>` in its frontmatter). */
export interface MergedItem {
  slug: string;
  mergedInto: string;
}

/**
 * The merges as they resolve: each merged item with the paper it ends in, following chains (a → b → c resolves a to
 * c) so no redirect leads to another. A merge into a slug that is not a paper, or a cycle, is a problem naming the
 * item, and that item is left out.
 */
export function resolveMerges(merged: readonly MergedItem[], isPaper: (slug: string) => boolean): { resolved: MergedItem[]; problems: { slug: string; message: string }[] } {
  const into = new Map(merged.map((item) => [item.slug, item.mergedInto]));
  const resolved: MergedItem[] = [];
  const problems: { slug: string; message: string }[] = [];
  for (const item of [...merged].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))) {
    const seen = new Set([item.slug]);
    let target = item.mergedInto;
    while (into.has(target) && !seen.has(target)) {
      seen.add(target);
      target = into.get(target)!;
    }
    if (seen.has(target)) problems.push({ slug: item.slug, message: `merged_into leads round in a circle (${[...seen, target].join(' → ')})` });
    else if (!isPaper(target)) problems.push({ slug: item.slug, message: `merged_into names "${target}", which is not a paper's slug` });
    else resolved.push({ slug: item.slug, mergedInto: target });
  }
  return { resolved, problems };
}

/** The move of a merged item's page: from its own URL to the paper's it was merged into. */
export function mergeMove(item: MergedItem): Moved {
  return { from: paths.paper(item.slug), to: paths.paper(item.mergedInto) };
}

/**
 * The most rules a `_redirects` file holds: Cloudflare Pages reads 2,000 static rules and ignores the file beyond that.
 * Every moved page also has a page of its own that leads on (a redirect page with its canonical URL), so a move left
 * out of the file still works, one hop slower.
 */
export const HOST_RULE_LIMIT = 2_000;

/**
 * A `_redirects` file (Netlify, Cloudflare Pages and others read it): one `old new 301` line per moved page, with the
 * deployment's base, sorted so that the same redirects give the same bytes. `moved` comes most important first: beyond
 * `limit` rules, the last ones are left to their redirect pages.
 */
export function redirectsFile(moved: readonly Moved[], base: string, limit = HOST_RULE_LIMIT): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const lines = moved.slice(0, limit).map((redirect) => `${prefix}${redirect.from} ${prefix}${redirect.to} 301`).sort();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The operator's redirects file, `content/redirects.yaml`: a list of `{ from, to }` URL paths below the base. */
export const REDIRECTS_FILE = 'redirects.yaml';

/**
 * A path segment a redirect may name: letters, digits and `-`, `_`, `.`, `~`, starting with a letter or digit. Nothing
 * a host reads as a pattern (`*`, `:name`), no `..`, no percent-encoding (`%2e%2e`), no backslash, query or fragment:
 * `_redirects` lines are read by hosts as rules, and a redirect page's `to` is followed by browsers.
 */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;
/** Longer paths are no URL of this catalog; a message quotes at most this much of what it rejects. */
const MAX_PATH = 300;
const QUOTED = 80;

/** A path below the base, from its `/`: a page (`/topics/old/`), a file (`/topics/old/rss.xml`) or, for `to`, the home page `/`. */
function pathProblem(path: unknown, role: 'from' | 'to'): string | undefined {
  const example = role === 'from' ? '/topics/old/' : '/topics/new/';
  if (typeof path !== 'string') return `${role} must be a path below the base, such as ${example}`;
  if (path.length > MAX_PATH) return `${role} is ${path.length} characters long; a path below the base is at most ${MAX_PATH}`;
  const quoted = JSON.stringify(path.length > QUOTED ? `${path.slice(0, QUOTED)}…` : path);
  if (!path.startsWith('/')) return `${role} ${quoted} must start with "/": a path below the base, such as ${example}`;
  if (path === '/') return role === 'to' ? undefined : `from "/" would retire the home page`;
  const segments = path.slice(1).split('/');
  const page = segments.at(-1) === '';
  if (page) segments.pop();
  const bad = segments.find((segment) => !SEGMENT.test(segment) || segment === '.' || segment === '..' || /^\.+$/.test(segment));
  if (bad !== undefined) {
    return `${role} ${quoted} is not a plain path: each part between "/" is letters, digits, "-", "_", "." or "~" (no "*", ":", "..", "%", "\\", "?", "#" or empty part)`;
  }
  if (!page && !/\.[A-Za-z0-9]+$/.test(segments.at(-1)!)) return `${role} ${quoted} must end with "/" (a page) or name a file such as /topics/old/rss.xml`;
  return undefined;
}

/**
 * Files and folders the build writes outside its routes, which no redirect may retire: the search index, the service
 * worker, its manifest and the papers' offline copies, the sitemap, Astro's assets, the related buckets and the 404 page.
 * Their URLs are the site's own machinery.
 */
const BUILD_FILES = new RegExp(String.raw`^(?:sw\.js|offline-manifest\.json|sitemap-index\.xml|sitemap-\d+\.xml|404\.html|404/|_redirects)$|^(?:${BUNDLE_FOLDER}|_astro|offline|${BUCKET_FOLDER})/`);

/**
 * Reads the operator's redirects (YAML text: a list of `from: /old/page/` and `to: /new/place/`, paths below the
 * site's base) into moves, or problems naming the entry. `from` is a page's path (ending in `/`), which gets a
 * redirect page, or a file's (`/topics/old/rss.xml`), which only `_redirects` can send on. Checked before anything is
 * built: plain paths only, no `from` twice or among the build's own files, no cycle; a chain (a → b → c) resolves to
 * its end, so every redirect is one hop. An empty file is no redirects.
 */
export function readRedirects(text: string, parse: (text: string) => unknown): { moved: Moved[]; problems: string[] } {
  let data: unknown;
  try {
    data = parse(text) ?? [];
  } catch (error) {
    return { moved: [], problems: [`not YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (!Array.isArray(data)) return { moved: [], problems: ['expected a list of redirects, each with from and to'] };
  const moved: Moved[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  data.forEach((entry: unknown, index) => {
    const { from, to } = (entry ?? {}) as { from?: unknown; to?: unknown };
    const where = `redirect ${index + 1}`;
    const problem = pathProblem(from, 'from') ?? pathProblem(to, 'to');
    if (problem) problems.push(`${where}: ${problem}`);
    else if (BUILD_FILES.test((from as string).slice(1))) problems.push(`${where}: ${from as string} is written by every build (the search index, the service worker, the sitemap or Astro's assets) and cannot be retired`);
    else if (from === to) problems.push(`${where}: leads to itself`);
    else if (seen.has(from as string)) problems.push(`${where}: ${from as string} is redirected twice`);
    else {
      seen.add(from as string);
      moved.push({ from: (from as string).slice(1), to: (to as string).slice(1) });
    }
  });
  const chains = followChains(moved);
  return { moved: chains.moved, problems: [...problems, ...chains.problems] };
}

/**
 * Resolves each move to the end of its chain (a → b and b → c give a → c and b → c), through `also` (moves made
 * elsewhere, such as merged papers) too; a cycle is a problem naming its steps, and its moves are left out.
 */
export function followChains(moved: readonly Moved[], also: readonly Moved[] = []): { moved: Moved[]; problems: string[] } {
  const next = new Map([...also, ...moved].map((move) => [move.from, move.to]));
  const problems: string[] = [];
  const resolved: Moved[] = [];
  for (const move of moved) {
    const steps = [move.from];
    let to = move.to;
    while (next.has(to) && !steps.includes(to)) {
      steps.push(to);
      to = next.get(to)!;
    }
    if (steps.includes(to)) problems.push(`/${move.from} leads round in a circle: ${[...steps, to].map((step) => `/${step}`).join(' → ')}`);
    else resolved.push({ from: move.from, to });
  }
  return { moved: resolved, problems };
}

/** What the catalog publishes, for telling whether a redirect's `from` names a page that is still there. */
export interface LivePages {
  papers: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  years: ReadonlySet<string>;
  authors: ReadonlySet<string>;
  days: ReadonlySet<string>;
  /** The weekly and monthly top pages, as `week/2024-W22` and `month/2024-05`. */
  tops: ReadonlySet<string>;
}

/** All papers' numbered pages, `papers/page/<n>/` (paths.papers(n)). */
const LATER_PAPER_PAGES = paths.papers(2).slice(0, -'2/'.length);

/** The catalog's fixed pages and files, besides its papers' and facets'. */
const FIXED = new Set([paths.papers(), paths.topics(), paths.authors(), paths.dates(), paths.digests(), paths.tops(), paths.search(), paths.feed(), paths.dump(), paths.openSearch(), paths.digestsFeed()]);

/**
 * Whether a path (below the base, no leading `/`) is one the catalog serves: a fixed page or file, a paper's page, the
 * all-papers list's later pages, or anything under a topic, year, author count, digest day or top week or month the
 * catalog has.
 */
export function servesPath(path: string, live: LivePages): boolean {
  if (FIXED.has(path) || path.startsWith(LATER_PAPER_PAGES)) return true;
  const [folder, key, period] = path.split('/');
  if (folder === 'top') return period !== undefined && live.tops.has(`${key}/${period}`);
  if (key === undefined) return false;
  const keys = { papers: live.papers, topics: live.topics, dates: live.years, authors: live.authors, digests: live.days }[folder!];
  return keys?.has(key) ?? false;
}
