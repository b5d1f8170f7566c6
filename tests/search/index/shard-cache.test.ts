import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pruneCache, restoreBundle, storeBundle } from '../../../src/search/index/shard-cache.ts';
import { buildSite, createFixtureSite } from '../../helpers/fixture-site.ts';

/** A folder shaped like a Pagefind bundle. */
async function fakeBundle(dir: string): Promise<void> {
  await mkdir(join(dir, 'index'), { recursive: true });
  await writeFile(join(dir, 'pagefind-entry.json'), '{"languages":{"en":{"page_count":2}}}');
  await writeFile(join(dir, 'pagefind.js'), 'export {}');
  await writeFile(join(dir, 'index/en_1.pf_index'), 'index bytes');
}

describe('restoreBundle and storeBundle', () => {
  test('reuse an entry only when every file it lists is there with its hash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'papershelf-cache-'));
    await fakeBundle(join(dir, 'fresh'));
    await storeBundle(join(dir, 'fresh'), join(dir, 'cache/0-abc'));
    expect(await restoreBundle(join(dir, 'cache/0-abc'), join(dir, 'out'))).toEqual({ reused: true });
    expect(await readFile(join(dir, 'out/index/en_1.pf_index'), 'utf8')).toBe('index bytes');
    // The cache's own list is not part of the bundle a site serves.
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['index', 'pagefind-entry.json', 'pagefind.js']);

    await rm(join(dir, 'cache/0-abc/pagefind.js'));
    expect(await restoreBundle(join(dir, 'cache/0-abc'), join(dir, 'out2'))).toEqual({ reused: false, broken: 'pagefind.js is missing' });
    expect(existsSync(join(dir, 'cache/0-abc'))).toBe(false);
  });

  test('a changed file or an entry with no list is broken, never reused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'papershelf-cache-'));
    await fakeBundle(join(dir, 'fresh'));
    await storeBundle(join(dir, 'fresh'), join(dir, 'cache/0-abc'));
    await writeFile(join(dir, 'cache/0-abc/index/en_1.pf_index'), 'truncated');
    expect(await restoreBundle(join(dir, 'cache/0-abc'), join(dir, 'out'))).toMatchObject({ reused: false, broken: 'index/en_1.pf_index is not the file it lists' });
    // What a recursive copy killed halfway leaves: Pagefind's entry file, but no list of the cache's own.
    await fakeBundle(join(dir, 'cache/0-def'));
    expect(await restoreBundle(join(dir, 'cache/0-def'), join(dir, 'out'))).toMatchObject({ reused: false, broken: expect.stringContaining('no readable') });
  });

  test('pruneCache removes what a killed build left under a temporary name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'papershelf-cache-'));
    await fakeBundle(join(dir, '0-abc'));
    await fakeBundle(join(dir, '0-abc.123.tmp'));
    await pruneCache(dir, new Set(['0-abc']));
    expect(await readdir(dir)).toEqual(['0-abc']);
  });
});

describe('a killed build can break search for good', () => {
  test('a search cache entry that a killed copy left incomplete is rebuilt, the log says so, and search ships whole', async () => {
    const site = await createFixtureSite();
    const first = await buildSite(site, join(site.dir, 'dist'));
    expect(first.code, first.output).toBe(0);
    const shards = join(site.dir, 'cache/pagefind-shards');
    const [entry] = await readdir(shards);
    // What a build killed during the copy left before: Pagefind's entry file, but not its runtime or its index.
    await rm(join(shards, entry!, 'pagefind.js'));
    await rm(join(shards, entry!, 'index'), { recursive: true });
    const second = await buildSite(site, join(site.dir, 'dist'));
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/the search index cache of shard 1 was broken \(.+\): indexing it again/);
    expect(second.output).not.toContain('unchanged since the last build, reused');
    expect(existsSync(join(site.dir, 'dist/pagefind/pagefind.js'))).toBe(true);
    expect((await readdir(join(site.dir, 'dist/pagefind/index'))).length).toBeGreaterThan(0);
    // The repaired entry is whole again: a third build reuses it.
    const third = await buildSite(site, join(site.dir, 'dist'));
    expect(third.output).toContain('1 of 1 unchanged since the last build, reused');
    expect(existsSync(join(site.dir, 'dist/pagefind/pagefind.js'))).toBe(true);
  }, 360_000);
});
