import type { APIRoute } from 'astro';
import { OPENSEARCH_TYPE, openSearchDescription } from '../lib/site/opensearch.ts';
import { absoluteHref } from '../lib/shared/base.ts';
import { paths } from '../lib/shared/paths.ts';
import { SITE_NAME } from '../lib/shared/site-config.ts';

/** The OpenSearch description: lets a browser search the catalog from its address bar. */
export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => absoluteHref(site!, path);
  const description = openSearchDescription({
    name: SITE_NAME,
    description: `Search the papers of ${SITE_NAME} by title and abstract.`,
    search: url(paths.searchFor('{searchTerms}')),
    self: url(paths.openSearch()),
    icon: { url: url(paths.favicon()), type: 'image/svg+xml' },
  });
  return new Response(description, { headers: { 'Content-Type': OPENSEARCH_TYPE } });
};
