import { createHash } from 'node:crypto';
import { withBase } from '../../lib/shared/paths.ts';
import { MANIFEST_FILE, type WorkerSettings } from '../protocol.ts';
import { shardBundle } from '../../lib/shared/search-shards.ts';
import type { PageFrame } from '../offline-html.ts';
import { isCopyFile } from '../paper-copy.ts';
import { isEntry, manifestText, offlinePlan, urlOf, type BuiltFile, type OfflinePlan } from './plan.ts';

/** What the build writes for offline use, and what it reports. */
export interface OfflineFiles {
  build: string;
  /** What `sw.js` is bundled with (see bundle.ts). */
  settings: WorkerSettings;
  /** The text of `offline-manifest.json`. */
  manifest: string;
  plan: OfflinePlan;
}

/**
 * The worker's settings and the manifest for a built site's files, with the frame of the pages the worker draws (cut
 * from the built 404 page, see `pageFrame`). The build's identity is a hash of those files, so an unchanged build gets
 * a byte-identical worker and readers keep their caches.
 */
export function offlineFiles(files: readonly BuiltFile[], base: string, frame: PageFrame): OfflineFiles {
  const identity = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) identity.update(`${file.path} ${file.sha256}\n`);
  const build = identity.digest('hex').slice(0, 12);
  const plan = offlinePlan(files, base, build);
  const manifest = manifestText(plan.manifest);
  const entries = files.filter((file) => isEntry(file.path));
  if (!entries.some((file) => file.path === `${shardBundle(0)}pagefind-entry.json`)) throw new Error('Pagefind wrote no pagefind-entry.json');
  // The entries and the manifest must be this build's bytes: an entry never meets another build's index.
  const integrity = new Map([
    [withBase(base, MANIFEST_FILE), `sha256-${createHash('sha256').update(manifest).digest('base64')}`],
    ...entries.map((file) => [urlOf(base, file.path), `sha256-${file.sha256}`] as const),
  ]);
  const settings: WorkerSettings = {
    build,
    base,
    precache: plan.precache.map((url) => (integrity.has(url) ? { url, revision: null, integrity: integrity.get(url)! } : { url, revision: null })),
    precacheIndex: plan.precacheIndex,
    entries: entries.map((file) => urlOf(base, file.path)),
    manifest: withBase(base, MANIFEST_FILE),
    frame,
    copyFiles: files.filter((file) => isCopyFile(file.path)).length,
  };
  return { build, settings, manifest, plan };
}
