import type { APIRoute, GetStaticPaths } from 'astro';
import { relatedBuckets } from '../../lib/catalog/collections.ts';
import { withCacheKeys } from '../../lib/site/cache-key.ts';
import { bucketText } from '../../lib/similar/buckets.ts';

// `related/<n>.json`: bucket n of every paper's related list (src/lib/similar/buckets.ts), which the "more like your
// shelf" page fetches for the papers a reader starred. The build's own data, not a published URL (url-record.ts).
export const getStaticPaths = (() =>
  withCacheKeys(relatedBuckets().map((bucket, n) => ({ params: { bucket: String(n) }, props: { text: bucketText(bucket) } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { text: string }).text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
