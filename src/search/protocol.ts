import type { IndexFileKind } from '../lib/shared/search-shards.ts';
import type { PageFrame } from './offline-html.ts';

/**
 * Names and shapes the service worker, the search page and the build share. The worker (src/search/worker/) is bundled
 * with them, and the page's scripts import them, so the three never disagree.
 */

/** Every cache the site owns starts with this; a new worker deletes any of them it does not use. */
export const CACHE_PREFIX = 'papershelf-';

/** The cache of one build: its shell, Pagefind's runtime, its manifest and the pages read with it. */
export function buildCacheName(build: string): string {
  return `${CACHE_PREFIX}build-${build}`;
}

/**
 * The cache of Pagefind's index files, shared by every build. Each entry is keyed by its path and the content hash
 * the build's manifest lists, so an unchanged file carries over to the next build and a changed one never does.
 */
export const INDEX_CACHE = `${CACHE_PREFIX}index`;

/** The channel on which the worker says that a search needed an index file it could neither fetch nor find cached. */
export const OFFLINE_CHANNEL = 'papershelf-offline';

/** The manifest of the whole index, written next to `sw.js`. */
export const MANIFEST_FILE = 'offline-manifest.json';

/**
 * Pagefind's `metaCacheTag`: a fixed query on `pagefind-entry.json` in place of a timestamp, for pages the worker
 * controls. The worker fetches that file with `cache: 'no-cache'`, so a fixed tag never serves a stale entry.
 */
export const META_CACHE_TAG = 'offline';

/** One index file: its absolute path, its size in bytes and its content hash (see `indexFileHash` in shards.ts). */
export type ManifestFile = [path: string, bytes: number, hash: string];

/**
 * `offline-manifest.json`: every file of one build's search index and of its papers' offline copies, which "keep the
 * whole catalog" downloads.
 */
export interface OfflineManifest {
  build: string;
  /** The sum of the files' sizes. */
  bytes: number;
  files: ManifestFile[];
}

/** What the worker answers to `{ type: 'offline-status' }`: how much of its build's index this device keeps. */
export interface OfflineStatus {
  type: 'offline-status';
  build: string;
  files: number;
  bytes: number;
  kept: number;
  keptBytes: number;
  /** The paths of the index files not kept yet. */
  missing: string[];
}

/** Posted on `OFFLINE_CHANNEL` when a search needed an index file that is neither reachable nor kept. */
export interface NeedsNetwork {
  type: 'needs-network';
  kind: IndexFileKind;
  path: string;
}

/** A file the worker precaches on install, in the shape of Workbox's precache manifest (`self.__WB_MANIFEST`). */
export interface PrecacheEntry {
  url: string;
  /** `null`: the file is named by its build, whose cache is new for every build (see `buildCacheName`). */
  revision: null;
  /** Subresource integrity (`sha256-…`) of a file that must be this build's bytes: the entries and the manifest. */
  integrity?: string;
}

/** What the build hands the service worker: bundled into `sw.js` as a constant, never read back. */
export interface WorkerSettings {
  /** Identifies the build: its cache is named after it, and a worker of another build deletes that cache. */
  build: string;
  /** The site's base path, `/` or `/sub/`. */
  base: string;
  /** Fetched into the build's cache on install: the shell, Pagefind's runtime and the manifest. */
  precache: PrecacheEntry[];
  /** Absolute paths of the index files fetched into the index cache on install: the meta files and the filters. */
  precacheIndex: string[];
  /** Absolute paths of the entry file of each Pagefind bundle (one per shard of the index), which name the rest. */
  entries: string[];
  /** The absolute path of this build's `offline-manifest.json`. */
  manifest: string;
  /**
   * The site's frame for the pages the worker draws offline (src/search/paper-copy.ts): the offline copy of a paper,
   * and the page that says a page needs the network. Cut from the built 404 page.
   */
  frame: PageFrame;
  /** How many files the papers' offline copies are spread over (0 for an empty catalog); see `copyFileOf`. */
  copyFiles: number;
}
