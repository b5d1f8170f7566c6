import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveSite } from '../browser/browser.ts';

const root = new URL('../..', import.meta.url).pathname;

/** The build the quality gates check: the seed catalog in dist/, and the base path it was built for. */
export interface BuiltSite {
  dist: string;
  base: string;
}

/**
 * The seed build in dist/, made with `npm run build` only when dist/ has none, so that every gate of one CI run checks
 * one build. The base is PAPERSHELF_BASE, as for the build itself.
 */
export function builtSite(): BuiltSite {
  const dist = join(root, 'dist');
  const base = process.env.PAPERSHELF_BASE || '/';
  if (!existsSync(join(dist, 'index.html'))) {
    console.log('dist/ has no build: running npm run build first');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  return { dist, base };
}

/** Serves the built site on 127.0.0.1 under its base for the length of `use`, then stops the server. */
export async function withServedSite<T>(site: BuiltSite, use: (url: string) => Promise<T>): Promise<T> {
  const server = await serveSite(site.dist, site.base);
  try {
    return await use(server.url);
  } finally {
    await server.close();
  }
}
