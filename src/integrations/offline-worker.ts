import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeOfflineFiles } from '../search/offline/write-worker.ts';
import { formatMegabytes } from '../search/messages.ts';

/**
 * After the search index: writes the papers' offline copies, `sw.js` and `offline-manifest.json` (src/search/offline/).
 * The worker keeps the shell and Pagefind's runtime on a first visit, and the manifest lists the whole index and the
 * copies for readers who keep the catalog offline. Register it after `searchIndex`: the worker plans with the index's files.
 */
export default function offlineWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'papershelf-offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { build, plan } = await writeOfflineFiles(fileURLToPath(dir), base);
        logger.info(
          `service worker for build ${build}: a first visit keeps ${plan.precache.length + plan.precacheIndex.length} files, ` +
            `${formatMegabytes(plan.firstVisitBytes)}; keeping the whole catalog offline downloads ${plan.manifest.files.length} files (the index and every paper's copy), ${formatMegabytes(plan.manifest.bytes)}`,
        );
      },
    },
  };
}
