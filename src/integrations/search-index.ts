import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { offlineFiles, SHELL_PAGES, type BuiltFile } from '../lib/offline/plan.ts';
import { MANIFEST_FILE } from '../lib/offline/protocol.ts';

/**
 * The most result-fragment files Pagefind writes; beyond it, papers share fragment files. One file per paper would
 * put 100,000 files in `dist/` at 100,000 papers (and as many requests into keeping the catalog offline); the budget
 * is 2,000 files besides the HTML pages, and at 100,000 papers Pagefind already writes about 1,100 word-index chunks
 * and some 35 other files, which leaves room for 750 with some to spare. The price: a result loads its whole group,
 * about 13 papers' text (10 KB) at 10,000 papers and 130 (70 KB) at 100,000, against 1 KB for a file of its own.
 */
export const MAX_FRAGMENTS = 750;

/**
 * After `astro build`: indexes the paper pages with Pagefind and writes `sw.js` and `offline-manifest.json`: the
 * worker keeps the shell and Pagefind's runtime on a first visit, and the manifest lists the whole index for readers
 * who keep the catalog offline. Fails the build when indexing fails or indexes fewer papers than the build rendered.
 */
export default function searchIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'papershelf-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        const papers = pages.filter((page) => page.pathname.startsWith('papers/')).length;
        const indexed = await indexPapers(out);
        if (indexed < papers) throw new Error(`Pagefind indexed ${indexed} paper pages, but the build rendered ${papers}`);
        logger.info(`indexed ${indexed} paper pages for search`);
        const { build, worker, manifest, plan } = offlineFiles(await builtFiles(out), base);
        await writeFile(join(out, MANIFEST_FILE), manifest);
        await writeFile(join(out, 'sw.js'), worker);
        const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
        logger.info(
          `service worker for build ${build}: a first visit keeps ${plan.precache.length + plan.precacheIndex.length} files, ` +
            `${mb(plan.firstVisitBytes)}; keeping the whole catalog offline downloads ${plan.manifest.files.length} index files, ${mb(plan.manifest.bytes)}`,
        );
      },
    },
  };
}

/** Indexes `papers/**` of a built site into `pagefind/`; returns how many pages the index holds. */
async function indexPapers(out: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', maxFragments: MAX_FRAGMENTS });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: out, glob: 'papers/**/*.html' });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the papers: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const entry = JSON.parse(await readFile(join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** The files the worker plans with: the shell pages, `_astro/` and `pagefind/`, with their sizes and hashes. */
async function builtFiles(out: string): Promise<BuiltFile[]> {
  const below = async (folder: string) =>
    (await readdir(join(out, folder), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(out.length).split('\\').join('/').replace(/^\/+/, ''));
  const paths = [...SHELL_PAGES, ...(await below('_astro')), ...(await below('pagefind'))].sort();
  return Promise.all(
    paths.map(async (path) => {
      const bytes = await readFile(join(out, path));
      return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('base64') };
    }),
  );
}
