import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, createFixtureSite } from '../helpers/fixture-site.ts';

// Real builds into one dist/: the second build keeps the pages the first one wrote (Astro's incremental build no longer
// empties dist/ and copies them back), and still leaves exactly what a build from nothing leaves.

/** Every file below `dir` with the hash of its bytes. */
async function contents(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), createHash('sha256').update(await readFile(path)).digest('hex'));
  }
  return files;
}

const NEW_DAY = 'Daily Papers\n\nMar 5, 2026\n\nKnitting Patterns of Old\n\nA study of knitting patterns.\n\n  • 2 authors\n·\nJun 3, 2019 1\n';

test('a daily build keeps unchanged pages in place, removes what is gone, and leaves what a build from nothing leaves', async () => {
  const site = await createFixtureSite({ digests: ['tests/fixtures/urls/001_first.txt'] });
  const dist = join(site.dir, 'dist');
  const first = await buildSite(site, dist);
  expect(first.code, first.output).toBe(0);
  // A file no build writes (left by hand, or by a route that is gone) must not outlive the next build.
  await writeFile(join(dist, 'left-behind.html'), 'stale');
  const aPaper = (await readdir(join(dist, 'papers'), { withFileTypes: true })).find((entry) => entry.isDirectory() && entry.name !== 'page')!.name;
  const before = await stat(join(dist, 'papers', aPaper, 'index.html'));

  await writeFile(join(site.seedsDir, '002_old.txt'), NEW_DAY);
  const second = await buildSite(site, dist);
  expect(second.code, second.output).toBe(0);
  expect(second.output).toContain('unchanged pages stay in place');
  // The old paper's page was neither rendered nor copied again: the same file, untouched.
  const after = await stat(join(dist, 'papers', aPaper, 'index.html'));
  expect(after.ino).toBe(before.ino);
  expect(after.mtimeMs).toBe(before.mtimeMs);
  expect(existsSync(join(dist, 'left-behind.html'))).toBe(false);

  // The same catalog built from nothing, into a fresh folder with a fresh cache: byte for byte the same files.
  const fresh = join(site.dir, 'fresh');
  const third = await buildSite(site, fresh, { PAPERSHELF_CACHE: join(site.dir, 'fresh-cache') });
  expect(third.code, third.output).toBe(0);
  expect(await contents(dist)).toEqual(await contents(fresh));
}, 360_000);

test('a build that stopped halfway leaves no note: the next build starts from an empty dist/', async () => {
  const site = await createFixtureSite({ digests: ['tests/fixtures/urls/001_first.txt'] });
  const dist = join(site.dir, 'dist');
  const first = await buildSite(site, dist);
  expect(first.code, first.output).toBe(0);
  // An editor's body ends the next build halfway through rendering.
  const items = join(site.contentDir, 'papers');
  const item = (await readdir(items)).find((name) => name.endsWith('.mdx'))!;
  const original = await readFile(join(items, item), 'utf8');
  await writeFile(join(items, item), `${original}\n{process.exit(0)}\n`);
  const stopped = await buildSite(site, dist);
  expect(stopped.code).not.toBe(0);
  await writeFile(join(items, item), original);
  await writeFile(join(dist, 'left-behind.html'), 'stale');
  const again = await buildSite(site, dist);
  expect(again.code, again.output).toBe(0);
  expect(again.output).not.toContain('unchanged pages stay in place');
  expect(existsSync(join(dist, 'left-behind.html'))).toBe(false);
  await rm(site.dir, { recursive: true, force: true });
}, 360_000);
