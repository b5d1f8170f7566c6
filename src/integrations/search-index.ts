import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexPapers } from '../search/index/pagefind.ts';
import { SHARD_SIZE } from '../lib/shared/search-shards.ts';

/** The route of a paper's page, as Astro's build names it. */
const PAPER_ROUTE = '/papers/[slug]';

/**
 * After `astro build`: indexes the paper pages with Pagefind (src/search/index/). Fails the build when indexing fails
 * or indexes fewer papers than the build rendered. The offline worker is written after it, by `offlineWorker`.
 */
export default function searchIndex(options: { shardSize?: number } = {}): AstroIntegration {
  const shardSize = options.shardSize ?? SHARD_SIZE;
  let cacheDir = '';
  return {
    name: 'papershelf-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        // The pages of the paper route (papers/<slug>/), rendered or restored; redirects of merged items are another route.
        const papers = assets.get(PAPER_ROUTE)?.length ?? 0;
        const indexed = await indexPapers(fileURLToPath(dir), cacheDir, shardSize, (message) => logger.warn(message));
        if (indexed.pages < papers) throw new Error(`Pagefind indexed ${indexed.pages} paper pages, but the build rendered ${papers}`);
        const shards = indexed.shards === 1 ? '' : ` in ${indexed.shards} shards`;
        const reused = indexed.reused === 0 ? '' : ` (${indexed.reused} of ${indexed.shards} unchanged since the last build, reused)`;
        logger.info(`indexed ${indexed.pages} paper pages for search${shards}${reused}`);
      },
    },
  };
}
