import { belowBase } from '../shared/paths.ts';

/**
 * URLs per sitemap file. The protocol allows 50,000; files of 10,000 stay near 1 MB (a catalog of 10,000 papers has
 * some 12,000 pages, so two files; 100,000 papers, thirteen), and the index lists them.
 */
export const SITEMAP_ENTRY_LIMIT = 10_000;

/**
 * Whether a route's source renders the Redirect layout, a page that moved (meta refresh and noindex): the route imports
 * it. Its pages stay out of the sitemap.
 */
export function rendersRedirect(source: string): boolean {
  return /^\s*import\s+[\w$]+\s+from\s+(['"])[^'"]*\/layouts\/Redirect\.astro\1/m.test(source);
}

/**
 * The sitemap's filter: keeps every page URL but those whose path below the base is in `unlisted`. `base` is read when
 * the filter runs, once Astro has resolved its config.
 */
export function sitemapFilter(base: () => string, unlisted: ReadonlySet<string>): (url: string) => boolean {
  return (url) => !unlisted.has(decodeURI(belowBase(base(), new URL(url).pathname)));
}
