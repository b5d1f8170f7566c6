import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';
import { realDayFiles, realDaysDir } from '../helpers/real-days.ts';

// What a new user does: drop the 157 real days of 2024 into seeds/ as they are (no sidecar, no year in their dates)
// and run the README's build. One real `astro build` of 2,202 listings; every test reads its dist.
let site: FixtureSite;
let dist: string;
let build: { code: number; output: string };
const files = realDayFiles();

beforeAll(async () => {
  site = await createFixtureSite({ digests: [] });
  await mkdir(site.seedsDir, { recursive: true });
  for (const file of files) await cp(join(realDaysDir, file), join(site.seedsDir, file));
  dist = join(site.dir, 'dist');
  build = await buildSite(site, dist, { PAPERSHELF_TODAY: '2026-12-05' });
}, 600_000);

describe('astro build of the 157 real days of 2024', () => {
  test('succeeds with zero problems, every listing a page or a reported merge', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('problems: 0');
    const read = /entries read: 2202 = (\d+) papers written \+ 0 held back \+ (\d+) merged into another listing's paper \+ 0 rejected/.exec(build.output);
    expect(read, build.output).not.toBeNull();
    expect(Number(read![1]) + Number(read![2])).toBe(2202);
  });

  test('publishes a page for every paper written and a page for every day, on its own date', async () => {
    const read = /entries read: 2202 = (\d+) papers written/.exec(build.output)!;
    const papers = (await readdir(join(dist, 'papers'), { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== 'page');
    expect(papers.length).toBeGreaterThanOrEqual(Number(read[1]));
    const index = await readFile(join(dist, 'digests/index.html'), 'utf8');
    for (const file of files) {
      const day = file.slice('real-'.length, 'real-'.length + 10);
      expect(index, day).toContain(`href="/digests/${day}/"`);
      expect(await readFile(join(dist, 'digests', day, 'index.html'), 'utf8'), day).toContain('<h1>Papers of ');
    }
  });
});
