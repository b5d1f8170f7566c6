import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MANIFEST_FILE } from '../protocol.ts';
import { isBundleFolder } from '../../lib/shared/search-shards.ts';
import { bundleWorker } from './bundle.ts';
import { roleOf, SHELL_PAGES, type BuiltFile } from './plan.ts';
import { pageFrame } from '../offline-html.ts';
import { copyFile } from '../paper-copy.ts';
import { writePaperCopies } from './paper-copies.ts';
import { offlineFiles, type OfflineFiles } from './worker-settings.ts';

/** The service worker's file below `dist/`. */
export const WORKER_FILE = 'sw.js';

/**
 * Writes the papers' offline copies, `sw.js` and `offline-manifest.json` for the built site in `out`. Pagefind files
 * the site never loads (its older UIs, and each shard's own copy of Pagefind's code) leave `dist/` first: at 100,000
 * papers they would take some 50 files of its budget, and half a megabyte a shard.
 */
export async function writeOfflineFiles(out: string, base: string): Promise<OfflineFiles> {
  await writePaperCopies(out);
  const paths = await offlinePaths(out);
  await Promise.all(paths.filter((path) => roleOf(path) === 'unused').map((path) => rm(join(out, path))));
  const offline = await readOfflineFiles(out, base, paths);
  await writeFile(join(out, MANIFEST_FILE), offline.manifest);
  await writeFile(join(out, WORKER_FILE), await bundleWorker(offline.settings));
  return offline;
}

/**
 * The worker's settings, manifest and plan for a built site, as `writeOfflineFiles` writes them (tests read a build's
 * plan); the pages the worker draws are framed by the built 404 page.
 */
export async function readOfflineFiles(out: string, base: string, paths?: readonly string[]): Promise<OfflineFiles> {
  const used = (paths ?? (await offlinePaths(out))).filter((path) => roleOf(path) !== 'unused');
  return offlineFiles(await builtFiles(out, used), base, pageFrame(await readFile(join(out, '404.html'), 'utf8')));
}

/** The files the worker plans with, below `dist/`: the shell pages, `_astro/`, every Pagefind bundle's and the copies. */
async function offlinePaths(out: string): Promise<string[]> {
  const below = async (folder: string) =>
    (await readdir(join(out, folder), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(out.length).split('\\').join('/').replace(/^\/+/, ''));
  const copies = dirname(copyFile(0));
  const bundles = (await readdir(out)).filter((name) => isBundleFolder(name) || name === copies);
  return [...SHELL_PAGES, ...(await below('_astro')), ...(await Promise.all(bundles.map(below))).flat()].sort();
}

/** The files at `paths` below `dist/`, with their sizes and hashes. */
function builtFiles(out: string, paths: readonly string[]): Promise<BuiltFile[]> {
  return Promise.all(
    paths.map(async (path) => {
      const bytes = await readFile(join(out, path));
      return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('base64') };
    }),
  );
}
