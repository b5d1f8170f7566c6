import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, renameSync, rmdirSync } from 'node:fs';
import { join, relative } from 'node:path';

// Astro empties dist/ before every build, and its incremental build then copies every unchanged page back from its
// cache: at 100,000 papers, 128,000 files copied to make a day's build. A page already in dist/ is kept as it is
// ("cached" in Astro's log) when it is the one the last build wrote. So the build keeps dist/ (vite's emptyOutDir is
// off) when, and only when, dist/ is what the last finished build left: a note in the cache folder says which build
// (the hash of Astro's incremental manifest) finished into which folder. Anything else (no note, another folder,
// another manifest, a build that stopped halfway, which removed the note when it started) empties dist/ as before.
// At the end, what this build did not write or keep is removed, so dist/ holds what a build from nothing would.

/** The note of the last finished build, in the cache folder (never in dist/, which is published). */
const NOTE = 'papershelf-output.json';
/** Astro's incremental manifest (node_modules/astro/dist/core/build/incremental.js), in the same cache folder. */
const ASTRO_MANIFEST = 'incremental-build.json';

/** What `keepOrEmpty` decided, for the end of the build. */
export interface KeptOutput {
  /** Whether dist/ was kept from the last build (false: emptied, or there was none). */
  kept: boolean;
  /** The modification time of a file written when this build started: an older file was not written by it. */
  since: number;
}

const hashOf = (file: string) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : undefined);

/**
 * Called when a build starts, before Astro writes anything: keeps `outDir` when the note says the last finished build
 * left it (with the incremental manifest Astro will read now), else empties it. Removes the note either way: a build
 * that stops halfway leaves none, and the next build starts from an empty dist/.
 */
export function keepOrEmpty(outDir: string, cacheDir: string): KeptOutput {
  const notePath = join(cacheDir, NOTE);
  let kept = false;
  try {
    const note = JSON.parse(readFileSync(notePath, 'utf8')) as { outDir?: unknown; manifest?: unknown };
    kept = note.outDir === outDir && typeof note.manifest === 'string' && note.manifest === hashOf(join(cacheDir, ASTRO_MANIFEST));
  } catch {
    kept = false;
  }
  rmSync(notePath, { force: true });
  if (!kept && existsSync(outDir)) {
    for (const name of readdirSync(outDir)) if (name !== '.git') rmSync(join(outDir, name), { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
  // The file system's own clock, as every file this build writes will carry it (it may lag the process's clock).
  const stamp = join(outDir, `.papershelf-started-${process.pid}`);
  writeFileSync(stamp, '');
  const since = statSync(stamp).mtimeMs;
  unlinkSync(stamp);
  return { kept, since };
}

/**
 * Called when a build has finished: removes from `outDir` every file older than the build that it did not keep
 * (`kept`: paths relative to `outDir`, the pages Astro left in place), and folders left empty; then notes that this
 * folder is the finished output of the current incremental manifest. Returns how many files were removed.
 */
export function finishOutput(outDir: string, cacheDir: string, since: number, kept: ReadonlySet<string>): number {
  let removed = 0;
  const sweep = (folder: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (folder === outDir && entry.name === '.git') {
          empty = false;
          continue;
        }
        if (sweep(path)) rmdirSync(path);
        else empty = false;
      } else if (statSync(path).mtimeMs < since && !kept.has(relative(outDir, path))) {
        unlinkSync(path);
        removed++;
      } else {
        empty = false;
      }
    }
    return empty;
  };
  sweep(outDir);
  const manifest = hashOf(join(cacheDir, ASTRO_MANIFEST));
  if (manifest !== undefined) {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = join(cacheDir, `${NOTE}.${process.pid}.tmp`);
    writeFileSync(temporary, JSON.stringify({ outDir, manifest }));
    renameSync(temporary, join(cacheDir, NOTE));
  }
  return removed;
}
