import type { APIRoute } from 'astro';
import { catalogDate, listingDates, papers, topicsWithPapers } from '../lib/catalog/collections.ts';
import { byteStream, dumpJson } from '../lib/site/dump.ts';
import { absoluteHref } from '../lib/shared/base.ts';

/** Every paper's data and URL, in the versioned shape of src/lib/site/dump.ts; streamed, as it is large. */
export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => absoluteHref(site!, path);
  const json = dumpJson({ generated: catalogDate, topics: topicsWithPapers, papers, listingDates }, url);
  return new Response(byteStream(json), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
