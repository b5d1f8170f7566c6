import { withBase } from '../../lib/shared/paths.ts';
import { MANIFEST_FILE, type ManifestFile, type OfflineManifest } from '../protocol.ts';
import { BUNDLE_FOLDER as BUNDLE, indexFileHash, shardBundle } from '../../lib/shared/search-shards.ts';
import { isCopyFile } from '../paper-copy.ts';

/** A file of the built site, as the build found it: its path below `dist/` (with `/`), size and content hash. */
export interface BuiltFile {
  path: string;
  bytes: number;
  /** The full SHA-256 of the file, base64 (the form subresource integrity uses). */
  sha256: string;
}

/**
 * What a file of the built site is to the worker:
 * - `shell`: a page or asset every visit needs (home, search, 404, favicon, `_astro/`), precached;
 * - `runtime`: Pagefind's code and each bundle's entry file, precached;
 * - `start`: the index files every search needs before it looks up a word (the meta file and the filters), precached;
 * - `index`: the rest of the index (word chunks and result fragments), fetched when a search needs them;
 * - `copy`: the papers' offline copies (src/search/paper-copy.ts), kept only with the whole catalog;
 * - `unused`: what the site never loads (Pagefind's older UIs, the index for pages without a language, and a shard's
 *   copy of Pagefind's code);
 * - `page`: everything else, kept when a reader opens it.
 */
export type FileRole = 'shell' | 'runtime' | 'start' | 'index' | 'copy' | 'unused' | 'page';

/** The pages and files a first visit keeps, below the base. */
export const SHELL_PAGES = ['index.html', 'search/index.html', '404.html', 'favicon.svg'];

// Shards other than the first are bundles of their own (see shards.ts), merged into the first: of a shard's copy of
// Pagefind's runtime, only the entry file is read.
const ENTRY = new RegExp(`^${BUNDLE}/pagefind-entry\\.json$`);
// Pagefind's runtime is read from the first shard's bundle only.
const RUNTIME = new RegExp(`^${shardBundle(0)}(pagefind\\.js|pagefind-worker\\.js|pagefind-component-ui\\.(js|css)|wasm\\.(?!unknown\\.)[a-z-]+\\.pagefind)$`);
const START = new RegExp(`^${BUNDLE}/(filter/[^/]+\\.pf_filter|pagefind\\.[^/]+\\.pf_meta)$`);
const INDEX = new RegExp(`^${BUNDLE}/(index/[^/]+\\.pf_index|fragment/[^/]+\\.pf_fragment)$`);
const OTHER_PAGEFIND = new RegExp(`^${BUNDLE}/`);

/** The role of a file of the built site, by its path below `dist/`. */
export function roleOf(path: string): FileRole {
  if (ENTRY.test(path) || RUNTIME.test(path)) return 'runtime';
  if (START.test(path)) return 'start';
  if (INDEX.test(path)) return 'index';
  if (OTHER_PAGEFIND.test(path)) return 'unused';
  if (isCopyFile(path)) return 'copy';
  if (SHELL_PAGES.includes(path) || path.startsWith('_astro/')) return 'shell';
  return 'page';
}

/** Whether a file is a bundle's `pagefind-entry.json`, which names the rest of that bundle's index. */
export function isEntry(path: string): boolean {
  return ENTRY.test(path);
}

/** The URL a file is served at: `search/index.html` is `search/`, as the site links it. */
export function urlOf(base: string, path: string): string {
  return withBase(base, path === 'index.html' ? '' : path.replace(/(^|\/)index\.html$/, '$1'));
}

/** Where the worker of one build stands: what it precaches and what the manifest lists. */
export interface OfflinePlan {
  /** URLs fetched into the build's cache on install: the shell and Pagefind's runtime. */
  precache: string[];
  /** Index files fetched into the index cache on install: what every search needs first. */
  precacheIndex: string[];
  /** Every index file of the build and the papers' offline copies, for "keep the whole catalog". */
  manifest: OfflineManifest;
  /** The bytes a first visit downloads in the background: precache, start files and the manifest itself. */
  firstVisitBytes: number;
}

/**
 * Sorts a build's files into what a first visit downloads and what only "keep the whole catalog" does. Takes the
 * files the build wrote (any order) and returns a plan whose lists are sorted, so equal builds give equal plans.
 */
export function offlinePlan(files: readonly BuiltFile[], base: string, build: string): OfflinePlan {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byRole = (role: FileRole) => sorted.filter((file) => roleOf(file.path) === role);
  const indexFiles = [...byRole('start'), ...byRole('index'), ...byRole('copy')].sort((a, b) => (a.path < b.path ? -1 : 1));
  const manifestFiles: ManifestFile[] = indexFiles.map((file) => [urlOf(base, file.path), file.bytes, indexFileHash(file.sha256)]);
  const manifest: OfflineManifest = { build, bytes: sum(indexFiles), files: manifestFiles };
  const shell = [...byRole('shell'), ...byRole('runtime')];
  const manifestBytes = new TextEncoder().encode(manifestText(manifest)).length;
  return {
    precache: [...shell.map((file) => urlOf(base, file.path)), withBase(base, MANIFEST_FILE)],
    precacheIndex: byRole('start').map((file) => urlOf(base, file.path)),
    manifest,
    firstVisitBytes: sum(shell) + sum(byRole('start')) + manifestBytes,
  };
}

/** The text of `offline-manifest.json`: one file a line, so a diff between two builds reads as a list. */
export function manifestText(manifest: OfflineManifest): string {
  const files = manifest.files.map((file) => JSON.stringify(file)).join(',\n');
  return `{"build":${JSON.stringify(manifest.build)},"bytes":${manifest.bytes},"files":[\n${files}\n]}\n`;
}

function sum(files: readonly BuiltFile[]): number {
  return files.reduce((total, file) => total + file.bytes, 0);
}
