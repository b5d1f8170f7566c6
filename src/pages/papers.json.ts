import type { APIRoute } from 'astro';
import { catalogDate, listingDates, papers, topicsWithPapers } from '../lib/catalog.ts';
import { byteStream, dumpJson } from '../lib/dump.ts';
import { absoluteUrl } from '../lib/paths.ts';

/** Every paper's data and URL, in the versioned shape of src/lib/dump.ts; streamed, as it is large. */
export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => absoluteUrl(site!, import.meta.env.BASE_URL, path);
  const json = dumpJson({ generated: catalogDate, topics: topicsWithPapers, papers, listingDates }, url);
  return new Response(byteStream(json), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
