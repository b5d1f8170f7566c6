import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildSite, createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';
import { serveSite } from './browser.ts';
import { BASE } from './global-setup.ts';

/** A safety net for a build, not a wait: a build on a busy machine may take minutes. */
export const BUILD_TIMEOUT = 600_000;

/** A test file's own catalog, built and served under BASE: the site, its `dist/`, its URL, and a build into it again. */
export interface OwnSite {
  site: FixtureSite;
  dist: string;
  url: string;
  /** Builds the site again into the same `dist/` (the server keeps serving it), as an operator's next build does. */
  rebuild: () => ReturnType<typeof buildSite>;
}

/**
 * For a file that rebuilds its catalog: builds and serves a fixture catalog of its own before its tests (the other
 * files share the global one, which must stay as it is) and stops the server after them. The returned object is filled
 * in once the file's `beforeAll` has run.
 */
export function useOwnSite(options: Parameters<typeof createFixtureSite>[0] = {}): OwnSite {
  const own = {} as OwnSite;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    own.site = await createFixtureSite(options);
    own.dist = join(own.site.dir, 'dist');
    own.rebuild = () => buildSite(own.site, own.dist, { PAPERSHELF_BASE: BASE });
    const build = await own.rebuild();
    if (build.code !== 0) throw new Error(`the fixture build failed:\n${build.output}`);
    const server = await serveSite(own.dist, BASE);
    own.url = server.url;
    close = server.close;
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    await close?.();
  });
  return own;
}
