import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { listingDates, papers } from '../../lib/catalog/collections.ts';
import { byteStream, dumpPartJson, dumpParts } from '../../lib/site/dump.ts';
import { absoluteHref } from '../../lib/shared/base.ts';
import { paths } from '../../lib/shared/paths.ts';
import { withCacheKeys } from '../../lib/site/cache-key.ts';

// A part of the data dump, `dump/papers-<n>.json` (paths.dumpPart): a full part's papers never change as new ones
// arrive, so its cache key keeps it from being written again.
export const getStaticPaths = (() =>
  withCacheKeys(
    dumpParts(papers.length).map(({ part, start, end }) => {
      const slice = papers.slice(start, end);
      // The route's file is dump/[part].json: the parameter is what paths.dumpPart puts between them.
      return { params: { part: paths.dumpPart(part).slice('dump/'.length, -'.json'.length) }, props: { part, papers: slice, digests: slice.map((paper) => listingDates(paper.slug)) } };
    }),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** Streamed, as a part is large. */
export const GET: APIRoute<Props> = ({ props, site }) => {
  const url = (path: string) => absoluteHref(site!, path);
  const digests = new Map(props.papers.map((paper, index) => [paper.slug, props.digests[index]!]));
  return new Response(byteStream(dumpPartJson(props.part, props.papers, (slug) => digests.get(slug) ?? [], url)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
