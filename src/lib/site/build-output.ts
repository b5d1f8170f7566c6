import { shardBundle } from '../shared/search-shards.ts';

/**
 * What a finished build's `dist/` holds besides the routes' pages: the search index's entry and runtime, the service
 * worker and its manifest, the sitemap. A build that exits without them must not report success.
 */
export const FINISHED_BUILD_FILES = ['sw.js', 'offline-manifest.json', `${shardBundle(0)}pagefind.js`, `${shardBundle(0)}pagefind-entry.json`, 'sitemap-index.xml'] as const;

/** The files of a build's output that are missing: every page the routes wrote, and FINISHED_BUILD_FILES. */
export function missingOutput(written: Iterable<string>, exists: (file: string) => boolean): string[] {
  return [...FINISHED_BUILD_FILES, ...written].filter((file) => !exists(file));
}

const RENDERING = Symbol.for('papershelf.rendering');
const slot = globalThis as { [RENDERING]?: string };

/**
 * Notes which item's page is being rendered, so that a build ended by an editor's MDX (an item's body may run code:
 * `{process.exit(1)}`) can name the item. On `globalThis`: the pages run in Astro's bundle, the check in the integration.
 */
export function renderingItem(file: string | undefined): void {
  slot[RENDERING] = file;
}

/** The item whose page was being rendered last, if any. */
export function lastRenderedItem(): string | undefined {
  return slot[RENDERING];
}
