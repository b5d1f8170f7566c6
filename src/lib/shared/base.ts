import { absoluteUrl, belowBase, withBase } from './paths.ts';

// The one module that reads the deployment's base: pages and components link with `href(paths.x())` and never read
// `import.meta.env.BASE_URL` themselves (as Starlight's `pathWithBase`). The pure modules take the base as an argument.

/** The deployment's base, `/` or a subpath such as `/shelf/` (PAPERSHELF_BASE, through Astro's `base`). */
export const BASE: string = import.meta.env.BASE_URL;

/** A site path (one of `paths`) as a link under the base: `href(paths.paper(slug))` is `/shelf/papers/<slug>/`. */
export function href(path: string): string {
  return withBase(BASE, path);
}

/** The absolute URL of a site path on the site's origin, for canonical links, feeds and the dump. */
export function absoluteHref(site: URL | string, path: string): string {
  return absoluteUrl(site, BASE, path);
}

/** The site path of a URL path under the base: the inverse of `href` (a paginated page's `page.url.current`). */
export function pathOf(url: string): string {
  return belowBase(BASE, url);
}
