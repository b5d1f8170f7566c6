import { paths } from './paths.ts';

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
export function resolveMerges(merged: readonly MergedItem[], isPaper: (slug: string) => boolean): { resolved: MergedItem[]; problems: string[] } {
  const into = new Map(merged.map((item) => [item.slug, item.mergedInto]));
  const resolved: MergedItem[] = [];
  const problems: string[] = [];
  for (const item of [...merged].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))) {
    const seen = new Set([item.slug]);
    let target = item.mergedInto;
    while (into.has(target) && !seen.has(target)) {
      seen.add(target);
      target = into.get(target)!;
    }
    if (seen.has(target)) problems.push(`papers/${item.slug}: merged_into leads round in a circle (${[...seen, target].join(' → ')})`);
    else if (!isPaper(target)) problems.push(`papers/${item.slug}: merged_into names "${target}", which is not a paper's slug`);
    else resolved.push({ slug: item.slug, mergedInto: target });
  }
  return { resolved, problems };
}

/** The move of a merged item's page: from its own URL to the paper's it was merged into. */
export function mergeMove(item: MergedItem): Moved {
  return { from: paths.paper(item.slug), to: paths.paper(item.mergedInto) };
}

/**
 * A `_redirects` file (Netlify, Cloudflare Pages and others read it): one `old new 301` line per moved page, with the
 * deployment's base, sorted so that the same redirects give the same bytes.
 */
export function redirectsFile(moved: readonly Moved[], base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const lines = moved.map((redirect) => `${prefix}${redirect.from} ${prefix}${redirect.to} 301`).sort();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The operator's redirects file, `content/redirects.yaml`: a list of `{ from, to }` URL paths below the base. */
export const REDIRECTS_FILE = 'redirects.yaml';

// A page (`/topics/old/`) or a file such as a feed (`/topics/old/rss.xml`): its last segment has an extension.
const retirable = /^\/(?:(?:[^/\s?#]+\/)+|(?:[^/\s?#]+\/)*[^/\s?#]+\.[a-z0-9]+)$/i;
const anyPath = /^\/[^\s?#]*$/;

/**
 * Reads the operator's redirects (YAML text: a list of `from: /old/page/` and `to: /new/place/`, paths below the
 * site's base) into moves, or problems naming the entry. `from` is a page's path (ending in `/`), which gets a
 * redirect page, or a file's (`/topics/old/rss.xml`), which only `_redirects` can send on; a `from` listed twice is a
 * problem. An empty file is no redirects.
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
    if (typeof from !== 'string' || !retirable.test(from)) problems.push(`${where}: from must be a page's or a file's path below the base, such as /topics/old/`);
    else if (typeof to !== 'string' || !anyPath.test(to)) problems.push(`${where}: to must be a path below the base, such as /topics/new/`);
    else if (from === to) problems.push(`${where}: leads to itself`);
    else if (seen.has(from)) problems.push(`${where}: ${from} is redirected twice`);
    else {
      seen.add(from);
      moved.push({ from: from.slice(1), to: to.slice(1) });
    }
  });
  return { moved, problems };
}
