import type { APIRoute } from 'astro';
import { catalogDate, papers, topicsWithPapers } from '../lib/catalog/collections.ts';
import { dumpIndexJson } from '../lib/site/dump.ts';
import { absoluteHref } from '../lib/shared/base.ts';

/** The data dump's index, in the versioned shape of src/lib/site/dump.ts: the catalog, and its parts (dump/[part].json.ts). */
export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => absoluteHref(site!, path);
  return new Response(dumpIndexJson({ generated: catalogDate, topics: topicsWithPapers, papers }, url), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
