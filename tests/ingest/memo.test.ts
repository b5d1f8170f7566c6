import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { readSettings } from '../../src/ingest/settings.ts';
import { createFixtureSite, siteEnv, snapshot, type FixtureSite } from '../helpers/fixture-site.ts';
import { realDayFiles, realDaysDir } from '../helpers/real-days.ts';

// The ingest's memo (src/ingest/memo.ts) on real days: a daily run does the day's work, and never gives another
// result than a run that remembers nothing.

const quiet = { write: () => {} };
const settingsOf = (site: FixtureSite, cache = join(site.dir, 'cache')) => readSettings(siteEnv(site, { PAPERSHELF_TODAY: '2026-12-05', PAPERSHELF_CACHE: cache }));
const DAYS = realDayFiles().slice(0, 20);
const NEXT_DAY = realDayFiles()[20]!;

async function realSite(files: readonly string[]): Promise<FixtureSite> {
  const site = await createFixtureSite({ digests: [] });
  await mkdir(site.seedsDir, { recursive: true });
  for (const file of files) await cp(join(realDaysDir, file), join(site.seedsDir, file));
  return site;
}

/** The same content folder ingested again from nothing: what the memo's run must equal. */
async function withoutMemo(site: FixtureSite): Promise<Map<string, string>> {
  const twin = await createFixtureSite({ digests: [] });
  await cp(site.seedsDir, twin.seedsDir, { recursive: true });
  await ingest(settingsOf(twin), quiet);
  return snapshot(twin);
}

describe('the ingest memo', () => {
  test('a new day: every unchanged item is neither read nor written again, and the items are what a run from nothing writes', async () => {
    const site = await realSite(DAYS);
    const first = await ingest(settingsOf(site), quiet);
    const papers = first.papers.new;
    expect(first.papers.upToDate).toBe(0);
    await cp(join(realDaysDir, NEXT_DAY), join(site.seedsDir, NEXT_DAY));
    const second = await ingest(settingsOf(site), quiet);
    expect(second.problems).toEqual([]);
    expect(second.papers.new).toBeGreaterThan(0);
    expect(second.papers.upToDate).toBe(papers);
    expect(second.papers.unchanged).toBe(papers);
    expect(await snapshot(site)).toEqual(await withoutMemo(site));
  }, 240_000);

  test('an item changed since the last run, even to the same size, is read again', async () => {
    const site = await realSite(DAYS.slice(0, 3));
    await ingest(settingsOf(site), quiet);
    const dir = join(site.contentDir, 'papers');
    const name = (await readdir(dir))[0]!;
    const text = await readFile(join(dir, name), 'utf8');
    // One letter of the generated title changed in place: the same number of bytes.
    const edited = text.replace(/^title: "(.)/m, (_line, first: string) => `title: "${first === 'X' ? 'Y' : 'X'}`);
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    await writeFile(join(dir, name), edited);
    const again = await ingest(settingsOf(site), quiet);
    expect(again.papers.upToDate).toBe(again.papers.unchanged + again.papers.changed - 1);
    // Read again, its generated title is the digest's once more.
    expect(again.papers.changed).toBe(1);
    expect(await readFile(join(dir, name), 'utf8')).toBe(text);
  }, 120_000);

  test('a broken memo, or one of another vocabulary, is not used: the run reads everything and writes the same', async () => {
    const site = await realSite(DAYS.slice(0, 3));
    const cache = join(site.dir, 'cache');
    await ingest(settingsOf(site), quiet);
    const expected = await snapshot(site);
    await writeFile(join(cache, 'papershelf-ingest-memo.json'), '{"version":1,"code":');
    const broken = await ingest(settingsOf(site), quiet);
    expect(broken.papers.upToDate).toBe(0);
    expect(await snapshot(site)).toEqual(expected);
    // Another vocabulary (one more term): every paper's topics are worked out again.
    const vocabulary = join(site.contentDir, 'topics.yaml');
    await writeFile(vocabulary, (await readFile(vocabulary, 'utf8')).replace('terms: [vocabulary,', 'terms: [vocabulary, knitting,'));
    const other = await ingest(settingsOf(site), quiet);
    expect(other.papers.upToDate).toBe(0);
    await rm(site.dir, { recursive: true, force: true });
  }, 120_000);
});
