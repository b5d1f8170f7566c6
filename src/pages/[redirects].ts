import type { APIRoute, GetStaticPaths } from 'astro';
import { BASE } from '../lib/shared/base.ts';
import { movedPages } from '../lib/catalog/collections.ts';
import { redirectsFile } from '../lib/site/redirects.ts';

// `_redirects`, for hosts that read one: every moved page with a permanent redirect. (A file whose name starts with
// `_` is not a route in src/pages, so the name comes in as a parameter.)
export const getStaticPaths = (() => [{ params: { redirects: '_redirects' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = () => new Response(redirectsFile(movedPages, BASE), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
