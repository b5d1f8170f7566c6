import type { APIRoute } from 'astro';
import { OPENSEARCH_TYPE, openSearchDescription } from '../lib/opensearch.ts';
import { absoluteUrl, paths } from '../lib/paths.ts';

/** The OpenSearch description: lets a browser search the catalog from its address bar. */
export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => absoluteUrl(site!, import.meta.env.BASE_URL, path);
  const description = openSearchDescription({
    name: 'Papershelf',
    description: 'Search the papers of Papershelf by title and abstract.',
    search: url(paths.searchFor('{searchTerms}')),
    self: url(paths.openSearch()),
    icon: { url: url('favicon.svg'), type: 'image/svg+xml' },
  });
  return new Response(description, { headers: { 'Content-Type': OPENSEARCH_TYPE } });
};
