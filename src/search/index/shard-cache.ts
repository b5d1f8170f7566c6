import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The build cache of Pagefind bundles, one entry per shard whose pages did not change. An entry is written whole under
 * a temporary name and renamed into place, and lists every file it holds with its hash; before reuse, every listed
 * file is checked. A build killed while it copied a bundle therefore leaves a temporary folder (removed later) or no
 * entry, never an entry that passes for whole. Kept here rather than borrowed: the check is over Pagefind's own
 * output folder, which no caching library knows.
 */

/** The file in each entry that lists the entry's files and their SHA-256 hashes. */
const ENTRY_LIST = 'papershelf-cache-entry.json';

/** What happened when an entry was looked up: reused, absent, or found broken (and removed) with the reason. */
export type Lookup = { reused: true } | { reused: false; broken?: string };

/** Copies the cached bundle into `bundle` when the entry is whole; removes a broken entry and says why. */
export async function restoreBundle(entry: string, bundle: string): Promise<Lookup> {
  if (!existsSync(entry)) return { reused: false };
  const broken = await checkEntry(entry);
  if (broken) {
    await rm(entry, { recursive: true, force: true });
    return { reused: false, broken };
  }
  await rm(bundle, { recursive: true, force: true });
  await cp(entry, bundle, { recursive: true, filter: (source) => basename(source) !== ENTRY_LIST });
  return { reused: true };
}

/** Stores a freshly written bundle as the cache entry `entry`: copied under a temporary name, listed, then renamed. */
export async function storeBundle(bundle: string, entry: string): Promise<void> {
  const temporary = `${entry}.${process.pid}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(dirname(entry), { recursive: true });
  await cp(bundle, temporary, { recursive: true });
  const files: Record<string, string> = {};
  for (const file of await filesBelow(temporary)) files[file] = await hashOf(join(temporary, file));
  await writeFile(join(temporary, ENTRY_LIST), JSON.stringify({ files }));
  await rm(entry, { recursive: true, force: true });
  await rename(temporary, entry);
}

/** Removes every entry and temporary folder of the cache but those in `keep`. */
export async function pruneCache(dir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!keep.has(name)) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/** Why an entry cannot be reused, or undefined when every file it lists is there with its hash. */
async function checkEntry(entry: string): Promise<string | undefined> {
  let listed: Record<string, string>;
  try {
    listed = (JSON.parse(await readFile(join(entry, ENTRY_LIST), 'utf8')) as { files: Record<string, string> }).files;
  } catch {
    return `it has no readable ${ENTRY_LIST}`;
  }
  if (!listed || typeof listed !== 'object' || !Object.keys(listed).includes('pagefind-entry.json')) return 'it lists no Pagefind entry file';
  for (const [file, hash] of Object.entries(listed)) {
    const actual = await hashOf(join(entry, file)).catch(() => undefined);
    if (actual === undefined) return `${file} is missing`;
    if (actual !== hash) return `${file} is not the file it lists`;
  }
  return undefined;
}

/** Every file below `dir`, by its path from there with `/`. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

async function hashOf(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('base64url');
}
