import { resolve } from 'node:path';

/** Where the catalog's inputs live and how strict the ingest is; read once from the environment. */
export interface Settings {
  /** Folder of digests, `seeds/` unless PAPERSHELF_SEEDS names another. */
  seedsDir: string;
  /** Folder of content, `content/` unless PAPERSHELF_CONTENT names another. */
  contentDir: string;
  /** PAPERSHELF_ALLOW_INVALID=1 publishes the valid entries when some digest has problems (each is still listed). */
  allowInvalid: boolean;
}

/** Reads the settings from an environment (process.env by default), resolving folders against `root`. */
export function readSettings(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Settings {
  return {
    seedsDir: resolve(root, env.PAPERSHELF_SEEDS || 'seeds'),
    contentDir: resolve(root, env.PAPERSHELF_CONTENT || 'content'),
    allowInvalid: ['1', 'true', 'yes'].includes((env.PAPERSHELF_ALLOW_INVALID ?? '').toLowerCase()),
  };
}
