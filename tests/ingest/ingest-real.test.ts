import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeSummary, ingest } from '../../src/ingest/ingest.ts';
import { readSettings } from '../../src/ingest/settings.ts';
import { createFixtureSite, siteEnv, snapshot, type FixtureSite } from '../helpers/fixture-site.ts';
import { realDayFiles, realDaysDir } from '../helpers/real-days.ts';

const quiet = { write: () => {} };
const settingsOf = (site: FixtureSite, extra: Record<string, string> = {}) => readSettings(siteEnv(site, extra));

/** A fixture site whose seeds are the given real days, copied as they are (no sidecar). */
async function realSite(files: readonly string[], rename: (file: string) => string = (file) => file): Promise<FixtureSite> {
  const site = await createFixtureSite({ digests: [] });
  await mkdir(site.seedsDir, { recursive: true });
  for (const file of files) await cp(join(realDaysDir, file), join(site.seedsDir, rename(file)));
  return site;
}

describe('ingest of the real days of 2024', () => {
  test('makes every listing a page or a reported merge, with no problem and no sidecar', async () => {
    const files = realDayFiles();
    const site = await realSite(files);
    const summary = await ingest(settingsOf(site, { PAPERSHELF_TODAY: '2026-12-05' }), quiet);
    expect(summary.problems).toEqual([]);
    expect(summary).toMatchObject({ digests: 157, entries: 2202, rejected: 0, papers: { held: 0, kept: 0 } });
    const written = summary.papers.new + summary.papers.changed + summary.papers.unchanged;
    expect(written + summary.merges.length).toBe(2202);
    expect((await snapshot(site)).size).toBe(written);
    // Every merge names both listings, so that none is lost in silence.
    for (const merge of summary.merges) expect(merge.file).toMatch(/^.*real-2024-\d\d-\d\d\.txt$/);
    // The report says where each day's year came from.
    const report = describeSummary(summary).map((line) => line.text);
    expect(report).toContainEqual(expect.stringMatching(/^year-less dates, year of the date in the file's name \(157\): \S*real-2024-05-27\.txt 2024, (\S+ 2024, ){9}… and 147 more$/));
    // Each day is listed on its own date.
    const index = JSON.parse(await readFile(join(site.contentDir, 'digests.json'), 'utf8')) as { id: string; listedOn: string; year: number }[];
    expect(index.map((row) => row.listedOn)).toEqual(files.map((file) => file.slice(5, 15)));
    expect(index.every((row) => row.year === 2024)).toBe(true);
  }, 120_000);
});

describe('identity on the real days of 2024', () => {
  test('a real day listed again, with revised abstracts and restyled titles, merges every listing; the year\'s 2,202 distinct papers merge none', async () => {
    // The 157 days list 2,202 papers with 2,202 arXiv ids (../shared/real/api-2024): no listing of them is another's.
    const year = await ingest(settingsOf(await realSite(realDayFiles()), { PAPERSHELF_TODAY: '2026-12-05' }), quiet);
    expect(year.merges).toEqual([]);
    // The same day captured again two days later: each title restyled, each abstract revised (a sentence added).
    const site = await realSite(['real-2024-05-27.txt']);
    const lines = (await readFile(join(realDaysDir, 'real-2024-05-27.txt'), 'utf8')).split('\n');
    const again = lines.map((line, at) => {
      if (line === 'May 27') return 'May 29';
      if (line.length > 200) return `${line} We also release the code.`;
      const isTitle = at > 11 && lines[at - 1] === '' && lines[at + 1] === '' && (lines[at + 2]?.length ?? 0) > 200;
      return isTitle ? line.toUpperCase().replaceAll(': ', ' - ') : line;
    });
    await writeFile(join(site.seedsDir, 'real-2024-05-29.txt'), again.join('\n'));
    const summary = await ingest(settingsOf(site, { PAPERSHELF_TODAY: '2026-12-05' }), quiet);
    expect(summary.problems).toEqual([]);
    expect(summary.entries).toBeGreaterThan(20);
    expect(summary.merges).toHaveLength(summary.entries / 2);
    expect(summary.merges.every((merge) => merge.because === 'same title and date')).toBe(true);
  }, 120_000);
});

describe('ingest records the year it chose', () => {
  // A real day saved under a name with no date: only the day of the build can give it a year.
  const undated = () => 'day-undated.txt';

  test('a re-ingest a year later changes no byte of any item, and says the year was recorded', async () => {
    const site = await realSite(['real-2024-05-27.txt'], undated);
    const first = await ingest(settingsOf(site, { PAPERSHELF_TODAY: '2024-06-01' }), quiet);
    expect(first.problems).toEqual([]);
    expect(first.years).toMatchObject([{ year: 2024, source: 'build-day' }]);
    const before = await snapshot(site);
    expect([...before.values()].some((item) => item.includes('date: "2024-05-24"'))).toBe(true);

    const later = await ingest(settingsOf(site, { PAPERSHELF_TODAY: '2025-06-01' }), quiet);
    expect(later.years).toMatchObject([{ year: 2024, source: 'recorded' }]);
    expect(later.papers).toMatchObject({ new: 0, changed: 0 });
    expect(await snapshot(site)).toEqual(before);
    expect(describeSummary(later).map((line) => line.text)).toContainEqual(expect.stringMatching(/^year-less dates, year recorded when the digest was first ingested \(1\): \S*day-undated\.txt 2024$/));

    // Without the record, the day of the build would move every date a year on: the record is what keeps them.
    await rm(join(site.contentDir, 'digests.json'));
    const unrecorded = await ingest(settingsOf(site, { PAPERSHELF_TODAY: '2025-06-01' }), quiet);
    expect(unrecorded.years).toMatchObject([{ year: 2025, source: 'build-day' }]);
    expect(unrecorded.papers.changed).toBeGreaterThan(0);
  });

  test('a digest index that cannot be read stops the ingest, naming it', async () => {
    const site = await realSite(['real-2024-05-27.txt']);
    await writeFile(join(site.contentDir, 'digests.json'), '[{"id": 3}]\n');
    await expect(ingest(settingsOf(site), quiet)).rejects.toThrow(/digests\.json is not a digest index/);
  });
});
