import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { shardBundle, shardCount } from '../../../src/lib/shared/search-shards.ts';
import { buildSite, createFixtureSite } from '../../helpers/fixture-site.ts';

// Real builds and a real Pagefind: a new day's papers join the last young shard, and every other shard of the index
// comes unchanged from the last build (the shards follow the listings: src/lib/shared/search-shards.ts).

/** Every file of a shard's bundle with the hash of its bytes. */
async function bundleFiles(dist: string, shard: number): Promise<Map<string, string>> {
  const dir = join(dist, shardBundle(shard));
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), createHash('sha256').update(await readFile(join(entry.parentPath, entry.name))).digest('hex'));
  }
  return files;
}

const reusedOf = (output: string) => /indexed (\d+) paper pages for search in (\d+) shards(?: \((\d+) of \d+ unchanged since the last build, reused\))?/.exec(output);

test('a new day re-indexes only the young shard its papers join; the other shards are the same files', async () => {
  const site = await createFixtureSite({ fillers: 30 });
  const dist = join(site.dir, 'dist');
  // Shards of 16 papers, young shards of 2.
  const env = { PAPERSHELF_SHARD_SIZE: '16' };
  const first = await buildSite(site, dist, env);
  expect(first.code, first.output).toBe(0);
  const [, pages, shards] = reusedOf(first.output)!;
  expect(Number(shards)).toBe(shardCount(Number(pages), 16));
  const before = await Promise.all(Array.from({ length: Number(shards) }, (_, i) => bundleFiles(dist, i)));

  // One paper listed on a later day than every other (the fixture's newest digest is of 13 April 2026).
  await writeFile(join(site.seedsDir, '009_next_day.txt'), 'Daily Papers\n\nNov 2, 2026\n\nA Paper of the Next Day\n\nAbout looms.\n\n  • 2 authors\n·\nOct 30, 2026 3\n');
  const second = await buildSite(site, dist, env);
  expect(second.code, second.output).toBe(0);
  const [, pagesNow, shardsNow, reused] = reusedOf(second.output)!;
  expect(Number(pagesNow)).toBe(Number(pages) + 1);
  const count = Number(shardsNow);
  // Either the last young shard had room, or a new young shard opened: every shard before stays.
  const unchanged = count === Number(shards) ? count - 1 : Number(shards);
  expect(Number(reused)).toBe(unchanged);
  for (let i = 0; i < unchanged; i++) expect(await bundleFiles(dist, i)).toEqual(before[i]);
}, 300_000);
