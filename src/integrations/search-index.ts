import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { serviceWorkerSource } from '../lib/offline/service-worker.ts';
import { withBase } from '../lib/paths.ts';

/** Pagefind files the site never loads: the older UIs and the index for pages without a language. */
const UNUSED = /^pagefind-(ui|modular-ui|highlight)\.(js|css)$|^wasm\.unknown\.pagefind$/;

/**
 * After `astro build`: indexes the paper pages with Pagefind and writes `sw.js`, which caches the shell and the whole
 * index for offline use. Fails the build when indexing fails or indexes fewer papers than the build rendered.
 */
export default function searchIndex(): AstroIntegration {
  let base = '/';
  // Every build is new to readers' service workers, which keep only the pages of their own build.
  const build = createHash('sha256').update(`${Date.now()} ${Math.random()}`).digest('hex').slice(0, 12);
  return {
    name: 'papershelf-search',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.PAPERSHELF_BUILD': JSON.stringify(build) } } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        const papers = pages.filter((page) => page.pathname.startsWith('papers/')).length;
        const indexed = await indexPapers(out);
        if (indexed < papers) throw new Error(`Pagefind indexed ${indexed} paper pages, but the build rendered ${papers}`);
        logger.info(`indexed ${indexed} paper pages for search`);
        const precache = await shellFiles(out, base);
        await writeFile(join(out, 'sw.js'), serviceWorkerSource({ build, base, precache }));
        logger.info(`service worker for build ${build} precaches ${precache.length} files`);
      },
    },
  };
}

/** Indexes `papers/**` of a built site into `pagefind/`; returns how many pages the index holds. */
async function indexPapers(out: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
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

/** The URLs a reader needs offline before visiting anything: home, search, 404, assets and the search index. */
async function shellFiles(out: string, base: string): Promise<string[]> {
  const files = async (folder: string) =>
    (await readdir(join(out, folder), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && !UNUSED.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name).slice(out.length).split('\\').join('/').replace(/^\/+/, ''))
      .sort();
  const assets = [...(await files('_astro')), ...(await files('pagefind'))];
  return ['', 'search/', '404.html', 'favicon.svg', ...assets].map((path) => withBase(base, path));
}
