import { linkSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Writing whole files: a reader, or an interrupted run, never sees one half-written. Kept here rather than borrowed
// (write-file-atomic): creating must never replace a file that appeared meanwhile, which a rename would.

/** Removes the temporary files of a run that was killed between writing and renaming. */
export async function removeLeftovers(papersDir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (name.endsWith('.tmp')) await rm(join(papersDir, name), { force: true });
  }
}

/** Replaces a file so that a reader, or an interrupted run, never sees it half-written. */
export async function replaceAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Creates a file whole, and never over one that exists: a hard link fails where `rename` would replace, so a file
 * that appeared since the folder was read (an editor's, another run's) is never overwritten.
 */
export async function createAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    linkSync(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}
