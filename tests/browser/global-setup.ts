import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import type { TestProject } from 'vitest/node';
import { buildSite, createFixtureSite } from '../helpers/fixture-site.ts';

export const BASE = '/shelf/';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    /** The fixture site's folder: seeds/, content/ and dist/, which is served. */
    siteRoot: string;
  }
}

let server: Server | undefined;

/** Builds the seed catalog plus the hostile digest once, and serves it on 127.0.0.1 under /shelf/. */
export async function setup(project: TestProject): Promise<void> {
  const site = await createFixtureSite({ digests: ['seeds/000_b521cd4bf3e07176.txt', 'tests/fixtures/site/seeds/003_hostile.txt'] });
  const dist = join(site.dir, 'dist');
  const build = await buildSite(site, dist, { PAPERSHELF_BASE: BASE });
  if (build.code !== 0) throw new Error(`the fixture build failed:\n${build.output}`);
  const serve = sirv(dist, { dev: true, etag: true });
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(BASE)) {
      response.statusCode = 404;
      response.end('not under the base path');
      return;
    }
    request.url = url.slice(BASE.length - 1);
    serve(request, response, () => {
      response.statusCode = 404;
      response.end('not found');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no port');
  project.provide('siteUrl', `http://127.0.0.1:${address.port}${BASE}`);
  project.provide('siteRoot', site.dir);
}

export async function teardown(): Promise<void> {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
