import { join, resolve } from 'node:path';
import { isIsoDate } from '../lib/digest/date.ts';

/** The topic vocabulary's file name in the content folder. */
export const VOCABULARY_FILE = 'topics.yaml';

/** Where the catalog's inputs live, how strict the ingest is, and what day it is; read once from the environment. */
export interface Settings {
  /** The project folder: messages name files relative to it (`seeds/x.txt:19`). */
  root: string;
  /** Folder of digests, `seeds/` unless PAPERSHELF_SEEDS names another. */
  seedsDir: string;
  /** Folder of content, `content/` unless PAPERSHELF_CONTENT names another. */
  contentDir: string;
  /** PAPERSHELF_ALLOW_INVALID=1 publishes the valid entries when some digest has problems (each is still listed). */
  allowInvalid: boolean;
  /** The day of the build, `YYYY-MM-DD` (UTC), or PAPERSHELF_TODAY: no paper may be dated after it. */
  today: string;
  /**
   * PAPERSHELF_NEW_CATALOG=1: the operator says this catalog is new, so a build may start its record of published URLs
   * although items exist (see url-record.ts readRecordAtStart).
   */
  newCatalog: boolean;
  /** The topic vocabulary, `<content>/topics.yaml`: the one spelling of its path. */
  vocabularyFile: string;
  /** The build's cache folder, PAPERSHELF_CACHE or Astro's `node_modules/.astro` (astro.config.mjs): the ingest's memo lives there. */
  cacheDir: string;
}

/**
 * Reads the settings from an environment (process.env by default), resolving folders against `root`. The one place
 * that reads the clock: everything after it takes "today" as an argument.
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env, root = process.cwd(), now = new Date()): Settings {
  const contentDir = resolve(root, env.PAPERSHELF_CONTENT || 'content');
  const today = env.PAPERSHELF_TODAY || now.toISOString().slice(0, 10);
  if (!isIsoDate(today)) throw new Error(`PAPERSHELF_TODAY is "${today}"; expected a date as YYYY-MM-DD`);
  return {
    root,
    seedsDir: resolve(root, env.PAPERSHELF_SEEDS || 'seeds'),
    contentDir,
    allowInvalid: ['1', 'true', 'yes'].includes((env.PAPERSHELF_ALLOW_INVALID ?? '').toLowerCase()),
    today,
    newCatalog: ['1', 'true', 'yes'].includes((env.PAPERSHELF_NEW_CATALOG ?? '').toLowerCase()),
    vocabularyFile: join(contentDir, VOCABULARY_FILE),
    cacheDir: resolve(root, env.PAPERSHELF_CACHE || 'node_modules/.astro'),
  };
}
