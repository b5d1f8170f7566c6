import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, createFixtureSite } from '../helpers/fixture-site.ts';
import { serveSite } from './browser.ts';

export const BASE = '/shelf/';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    /** The fixture site's folder: seeds/, content/ and dist/, which is served. */
    siteRoot: string;
  }
}

let close: (() => Promise<void>) | undefined;

/** Builds the seed catalog plus an older digest (another day, two papers re-listed) and the hostile digest (the seed's
 * listing date: two digests of one day) once, and serves it on 127.0.0.1 under /shelf/. */
export async function setup(project: TestProject): Promise<void> {
  const site = await createFixtureSite({ digests: ['seeds/000_b521cd4bf3e07176.txt', 'tests/fixtures/site/seeds/001_first.txt', 'tests/fixtures/site/seeds/003_hostile.txt'] });
  const dist = join(site.dir, 'dist');
  const build = await buildSite(site, dist, { PAPERSHELF_BASE: BASE });
  if (build.code !== 0) throw new Error(`the fixture build failed:\n${build.output}`);
  const server = await serveSite(dist, BASE);
  close = server.close;
  project.provide('siteUrl', server.url);
  project.provide('siteRoot', site.dir);
}

export async function teardown(): Promise<void> {
  await close?.();
}
