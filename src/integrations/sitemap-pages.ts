import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import astroSitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { outputPath } from '../lib/shared/paths.ts';
import { rendersRedirect, SITEMAP_ENTRY_LIMIT, sitemapFilter } from '../lib/site/sitemap.ts';

/**
 * `@astrojs/sitemap` (an index of sitemaps of SITEMAP_ENTRY_LIMIT URLs each) without the pages that are not the
 * catalog's own content: the pages of routes that render the Redirect layout (old URLs that lead on; noindex) and the
 * 404 page. Which pages those are comes from the build itself: the routes' sources say which render Redirect, and
 * Astro's `assets` lists the files each route wrote. The two integrations stay in this order: Astro runs a hook of
 * each in turn, so the pages are known before the sitemap's filter asks.
 */
export default function sitemap(): AstroIntegration[] {
  let base = '/';
  let root: URL;
  let unlistedRoutes: string[] = [];
  const unlisted = new Set<string>();
  const pages: AstroIntegration = {
    name: 'papershelf-unlisted-pages',
    hooks: {
      // Routes are resolved before the config is done: the root comes from the setup.
      'astro:config:setup': ({ config }) => {
        root = config.root;
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:routes:resolved': ({ routes }) => {
        unlistedRoutes = routes
          .filter((route) => route.type === 'page' && route.origin === 'project')
          .filter((route) => route.pattern === '/404' || rendersRedirect(readFileSync(new URL(route.entrypoint, root), 'utf8')))
          .map((route) => route.pattern);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        for (const pattern of unlistedRoutes) {
          for (const file of assets.get(pattern) ?? []) unlisted.add(outputPath(relative(out, fileURLToPath(file))));
        }
        logger.info(`the sitemap leaves out the pages of ${unlistedRoutes.join(', ')}: ${unlisted.size === 1 ? '1 page' : `${unlisted.size} pages`}`);
      },
    },
  };
  return [
    pages,
    astroSitemap({
      filter: sitemapFilter(() => base, unlisted),
      entryLimit: SITEMAP_ENTRY_LIMIT,
      // Plain URLs: no news, image, video or alternate-language entries, so no namespaces for them.
      namespaces: { news: false, xhtml: false, image: false, video: false },
    }),
  ];
}
