import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { readSettings } from '../../src/ingest/settings.ts';
import { parseDigest } from '../../src/lib/digest/parse.ts';
import { dateInFileName } from '../../src/lib/digest/year.ts';
import { identityKey } from '../../src/lib/papers/identity.ts';
import { createFixtureSite, siteEnv } from '../helpers/fixture-site.ts';
import { realDayFiles, realDaysDir } from '../helpers/real-days.ts';
import { replicateRealDays, reviseRealAbstract, shiftOfCopy } from './replicate.ts';

// The 157 real days of 2024 (2,202 papers); the newest (2024-12-31) is held out as the daily build's new day.
const days = realDayFiles().map((name) => ({ name, text: readFileSync(join(realDaysDir, name), 'utf8') }));
const parse = (file: { name: string; text: string }) => parseDigest(file.text, { file: file.name, today: '2026-12-05' });
const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;

describe('replicateRealDays', () => {
  // Past one copy of the year: the newest days come again as copy 1, a year earlier.
  const replica = replicateRealDays(days, 2500);
  const parsed = replica.files.map(parse);
  const entries = parsed.flatMap((digest) => digest.entries);

  test('returns exactly the papers asked, in whole real days but the oldest, which keeps its first papers', () => {
    expect(replica.papers).toBe(2500);
    expect(entries).toHaveLength(2500);
    expect(replica.copies).toBe(2);
    // Digest i copies the real day i of the catalog's days, newest first, round and round.
    const catalogDays = days.slice(0, -1).reverse().map(parse);
    const original = (i: number) => catalogDays[i % catalogDays.length]!;
    parsed.slice(0, -1).forEach((digest, i) => expect(digest.entries.length).toBe(original(i).entries.length));
    const oldest = parsed.length - 1;
    expect(parsed[oldest]!.entries.map((entry) => entry.title)).toEqual(
      original(oldest).entries.slice(0, parsed[oldest]!.entries.length).map((entry) => `${entry.title} (copy 1)`));
  });

  test('returns digests that parse with no problems, each on the day its name carries, one digest a day', () => {
    expect(parsed.flatMap((digest) => digest.problems)).toEqual([]);
    expect(parsed.map((digest) => digest.listedOn)).toEqual(replica.files.map((file) => dateInFileName(file.name)));
    expect(new Set(parsed.map((digest) => digest.listedOn)).size).toBe(parsed.length);
  });

  test('returns papers with distinct titles by the identity rule, the copies marked', () => {
    expect(new Set(entries.map((entry) => identityKey(entry.title))).size).toBe(entries.length);
    const copies = entries.filter((entry) => entry.title.endsWith(' (copy 1)'));
    expect(copies.length).toBe(2500 - 2202 + parse(days.at(-1)!).entries.length);
    expect(entries.filter((entry) => / \(copy \d+\)$/.test(entry.title))).toEqual(copies);
  });

  test('moves a copy\'s every date by whole weeks, the nearest to whole years, keeping the listing\'s weekday', () => {
    expect(shiftOfCopy(5)).toBe(daysBetween('2019-05-27', '2024-05-27'));
    for (const copy of [1, 2, 3, 10, 45]) {
      expect(shiftOfCopy(copy) % 7).toBe(0);
      expect(Math.abs(shiftOfCopy(copy) - copy * 365.2425)).toBeLessThanOrEqual(3.5);
    }
    const original = parse(days.at(-2)!); // the newest day of the catalog, 2024-12-30
    const copy = parsed[days.length - 1]!; // the same day as copy 1
    expect(copy.entries.map((entry) => entry.title)).toEqual(original.entries.map((entry) => `${entry.title} (copy 1)`));
    expect(daysBetween(copy.listedOn!, original.listedOn!)).toBe(shiftOfCopy(1));
    expect(new Date(copy.listedOn!).getUTCDay()).toBe(new Date(original.listedOn!).getUTCDay());
    copy.entries.forEach((entry, i) => {
      expect(daysBetween(entry.date, original.entries[i]!.date)).toBe(shiftOfCopy(1));
      expect(entry.abstract).toEqual(original.entries[i]!.abstract);
      expect(entry.upvotes).toBe(original.entries[i]!.upvotes);
    });
    // Papers of the year before the copy's listing day are written with their year, as the listing writes them.
    expect(replica.files.some((file) => /^(Dec \d+, 2023)( \d+)?$/m.test(file.text))).toBe(true);
  });

  test('holds out the newest real day, as it is, for the daily build', () => {
    expect(replica.nextDay).toEqual(days.at(-1));
    expect(replica.nextDayPapers).toBe(parse(days.at(-1)!).entries.length);
    expect(parsed.every((digest) => digest.listedOn! < '2024-12-31')).toBe(true);
    expect(replica.files[0]!.name).toBe(days.at(-2)!.name);
  });

  test('returns one paper of the newest day for one paper', () => {
    const one = replicateRealDays(days, 1);
    expect(one.files.map(parse).map((digest) => digest.entries.map((entry) => entry.title))).toEqual([[parse(days.at(-2)!).entries[0]!.title]]);
  });

  test('gives the ingest papers of which none merges into another', async () => {
    const site = await createFixtureSite({ digests: [] });
    await mkdir(site.seedsDir, { recursive: true });
    for (const file of replica.files) await writeFile(join(site.seedsDir, file.name), file.text);
    const summary = await ingest(readSettings(siteEnv(site, { PAPERSHELF_TODAY: '2026-12-05' })), { write: () => {} });
    expect(summary.problems).toEqual([]);
    expect(summary.merges).toEqual([]);
    expect(summary.papers.new).toBe(2500);
  }, 120_000);
});

describe('reviseRealAbstract', () => {
  test('changes the abstract of one paper and nothing else', () => {
    const day = days[3]!;
    const before = parse(day).entries;
    const after = parse(reviseRealAbstract(day, 2)).entries;
    expect(after.map((entry) => entry.title)).toEqual(before.map((entry) => entry.title));
    const changed = after.filter((entry, i) => entry.abstract.join() !== before[i]!.abstract.join());
    expect(changed.map((entry) => entry.title)).toEqual([before[2]!.title]);
  });
});
