import type { APIRoute, GetStaticPaths } from 'astro';
import { relatedBuckets } from '../../lib/catalog/collections.ts';
import { withCacheKeys } from '../../lib/site/cache-key.ts';
import { bucketText, type RelatedBucket } from '../../lib/similar/buckets.ts';

// `related/<n>.json`: bucket n of every paper's related list (src/lib/similar/buckets.ts), which the "more like your
// shelf" page fetches for the papers a reader starred. The build's own data, not a published URL (url-record.ts).
export const getStaticPaths = (() =>
  withCacheKeys(relatedBuckets().map((bucket, n) => ({ params: { bucket: String(n) }, props: { bucket } })))) satisfies GetStaticPaths;

// The text is made as the file is written, not kept in every path's props: 10 MB at 10,000 papers, for the whole build.
export const GET: APIRoute = ({ props }) => new Response(bucketText((props as { bucket: RelatedBucket }).bucket), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
