import { describe, expect, test } from 'vitest';
import type { RawDate } from '../../../src/lib/digest/date.ts';
import { parseDigest } from '../../../src/lib/digest/parse.ts';
import { dateInFileName, yearForYearlessDates } from '../../../src/lib/digest/year.ts';

const yearless = (monthName: string, day: number): RawDate => ({ monthName, day, upvotes: 0 });
const stated = (monthName: string, day: number, year: number): RawDate => ({ monthName, day, year, upvotes: 0 });

/** A digest with a year-less header date and the given date lines. */
function digest(listing: string, ...dates: string[]): string {
  const entries = dates.map((date, index) => `Paper ${index + 1}\n\nAn abstract.\n\n  • 2 authors\n·\n${date}\n`);
  return `Daily Papers\n\n${listing}\n\n${entries.join('\n')}`;
}

describe('dateInFileName', () => {
  test('returns the day a file is named by, anywhere in its name', () => {
    expect(dateInFileName('real-2024-05-27.txt')).toBe('2024-05-27');
    expect(dateInFileName('2025-01-02.txt')).toBe('2025-01-02');
    expect(dateInFileName('digest_2024-12-31_copy.txt')).toBe('2024-12-31');
  });

  test('returns undefined for names with no day, or with a day that does not exist', () => {
    expect(dateInFileName('000_b521cd4bf3e07176.txt')).toBeUndefined();
    expect(dateInFileName('2024-13-01.txt')).toBeUndefined();
    expect(dateInFileName('2023-02-29.txt')).toBeUndefined();
    expect(dateInFileName('12024-05-27.txt')).toBeUndefined();
  });
});

describe('yearForYearlessDates', () => {
  const dates = [stated('Dec 4', 4, 2023), yearless('May', 24)];

  test('weighs the evidence in order: sidecar, file name, recorded year, stated years, day of the build', () => {
    const today = '2026-12-05';
    expect(yearForYearlessDates(dates, { file: 'real-2024-05-27.txt', today, capturedOn: '2022-05-27', recordedYear: 2021 })).toMatchObject({ year: 2022, source: 'sidecar' });
    expect(yearForYearlessDates(dates, { file: 'real-2024-05-27.txt', today, recordedYear: 2021 })).toMatchObject({ year: 2024, source: 'file-name' });
    expect(yearForYearlessDates(dates, { file: 'day.txt', today, recordedYear: 2021 })).toMatchObject({ year: 2021, source: 'recorded' });
    expect(yearForYearlessDates(dates, { file: 'day.txt', today })).toMatchObject({ year: 2024, source: 'stated-years' });
    expect(yearForYearlessDates([yearless('May', 24)], { file: 'day.txt', today }, yearless('May', 27))).toMatchObject({ year: 2026, source: 'build-day' });
  });

  test('takes, on the day of the build, the latest year in which the listing day is not after it', () => {
    const limits = { file: 'day.txt', today: '2026-12-05' };
    expect(yearForYearlessDates([yearless('Dec', 4)], limits, yearless('Dec', 5))).toMatchObject({ year: 2026 });
    expect(yearForYearlessDates([yearless('Dec', 5)], limits, yearless('Dec', 6))).toMatchObject({ year: 2025 });
    // With no header, the latest year-less date of the entries decides.
    expect(yearForYearlessDates([yearless('Jan', 2), yearless('Dec', 30)], limits)).toMatchObject({ year: 2025 });
    // Feb 29 exists in some year; the rule does not fail on it.
    expect(yearForYearlessDates([yearless('Feb', 29)], { file: 'day.txt', today: '2026-03-01' })).toMatchObject({ year: 2026, source: 'build-day' });
  });

  test('falls back to the day of the build when the stated years would give a year after today\'s', () => {
    const year = yearForYearlessDates([stated('Mar', 3, 2026), yearless('Feb', 12)], { file: 'day.txt', today: '2026-11-25' }, yearless('Apr', 13));
    expect(year).toMatchObject({ year: 2026, source: 'build-day' });
  });

  test('says why when no evidence gives a year', () => {
    expect(yearForYearlessDates([stated('Jan', 9, 2204)], { file: 'day.txt', today: '2026-11-25' })).toEqual({ why: "the digest's only dates with a year are after today (2026-11-25)" });
  });
});

describe('parseDigest with the year in the file name', () => {
  test('reads a real day with no year anywhere, and reports where its year came from', () => {
    const parsed = parseDigest(digest('May 27', 'May 24 32', 'May 23 19'), { file: 'real-2024-05-27.txt', today: '2026-12-05' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.listedOn).toBe('2024-05-27');
    expect(parsed.entries.map((entry) => entry.date)).toEqual(['2024-05-24', '2024-05-23']);
    expect(parsed.yearFrom).toEqual({ source: 'file-name', reason: "the year of the date 2024-05-27 in the file's name" });
  });

  test('a date after the day in the file name is a problem naming it', () => {
    const parsed = parseDigest(digest('May 27', 'May 28', 'May 23'), { file: 'real-2024-05-27.txt', today: '2026-12-05' });
    expect(parsed.entries.map((entry) => entry.date)).toEqual(['2024-05-23']);
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      `date "May 28" (read as 2024-05-28: year-less dates take the year of the date 2024-05-27 in the file's name) is after the date 2024-05-27 in the file's name; is the date a typo?`,
    ]);
  });

  test('a digest with every year stated reports no year source', () => {
    const parsed = parseDigest(digest('Jan 2, 2025', 'Dec 30, 2024'), { file: 'day.txt', today: '2026-12-05' });
    expect(parsed.yearFrom).toBeUndefined();
    expect(parsed.entries[0]?.date).toBe('2024-12-30');
  });

  test('a recorded year keeps a re-read digest\'s dates a year later', () => {
    const text = digest('May 27', 'May 24');
    const first = parseDigest(text, { file: 'day.txt', today: '2026-06-01' });
    expect(first.entries[0]?.date).toBe('2026-05-24');
    const later = parseDigest(text, { file: 'day.txt', today: '2027-06-01', recordedYear: first.year });
    expect(later.entries).toEqual(first.entries);
    expect(later.yearFrom?.source).toBe('recorded');
    expect(parseDigest(text, { file: 'day.txt', today: '2027-06-01' }).entries[0]?.date).toBe('2027-05-24');
  });
});
