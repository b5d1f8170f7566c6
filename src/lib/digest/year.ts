import { isIsoDate, toIsoDate, writtenDate, type RawDate } from './date.ts';
import type { DatedLine, Note, Read } from './readers.ts';
import type { YearSource } from './types.ts';

/** What dates are checked against, and the evidence of the year a digest's year-less dates are in. */
export interface DateLimits {
  /** The digest's file name, to name its capture-date sidecar. */
  file: string;
  /** `YYYY-MM-DD`; no listed paper can be dated after it. */
  today: string;
  /** `YYYY-MM-DD`, from the sidecar; no listed paper can be dated after it either, and it gives year-less dates their year. */
  capturedOn?: string;
  /** The year recorded the first time this digest was ingested (see digestYearRecord): it keeps a re-ingest's dates. */
  recordedYear?: number;
}


/** The year of a digest's year-less dates, where it came from and why, or why it could not be decided. */
export type YearlessYear = { year: number; source: YearSource; reason: string } | { year?: undefined; why: string };

/** A `YYYY-MM-DD` in a digest's file name (`real-2024-05-27.txt`): the day it was captured, as docs/operating.md recommends. */
export function dateInFileName(file: string): string | undefined {
  for (const match of file.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) {
    if (isIsoDate(match[0])) return match[0];
  }
  return undefined;
}

/**
 * The year of the digest's year-less dates. A Hugging Face listing writes the year of older papers only, so year-less
 * dates are the listing's own year. The evidence, in order: the capture date an operator stated in a sidecar; a date
 * in the file's name; the year recorded when the digest was first ingested; the year after the latest year the digest
 * states; and last the day of the build: the latest year in which the listing's day (or its latest year-less date) is
 * not after today. A stated date after today is a typo, not evidence; and no year after today's is ever chosen.
 */
export function yearForYearlessDates(dates: readonly RawDate[], limits: DateLimits, listing?: RawDate): YearlessYear {
  if (limits.capturedOn) return { year: yearOf(limits.capturedOn), source: 'sidecar', reason: `the year of the capture date ${limits.capturedOn}` };
  const named = dateInFileName(limits.file);
  if (named) return { year: yearOf(named), source: 'file-name', reason: `the year of the date ${named} in the file's name` };
  if (limits.recordedYear !== undefined) return { year: limits.recordedYear, source: 'recorded', reason: `the year recorded when the digest was first ingested` };
  const stated = yearAfterStatedYears(dates, limits);
  if ('year' in stated) return stated;
  return yearOfBuildDay([...dates, ...(listing ? [listing] : [])], limits) ?? stated;
}

/** The year after the latest year the digest states (not after today), or why there is none. */
function yearAfterStatedYears(dates: readonly RawDate[], limits: DateLimits): YearlessYear {
  let latest: number | undefined;
  let ignored = false;
  for (const date of dates) {
    if (date.year === undefined) continue;
    if (isAfterToday(date, limits)) ignored = true;
    else latest = Math.max(latest ?? date.year, date.year); // no spread: a digest may list 100,000
  }
  if (latest === undefined) {
    return { why: ignored ? `the digest's only dates with a year are after today (${limits.today})` : 'the digest has no date with a year' };
  }
  const year = latest + 1;
  if (year > yearOf(limits.today)) {
    return { why: `the latest year the digest states is ${latest}, and ${year} would be after today (${limits.today})` };
  }
  return { year, source: 'stated-years', reason: `the year after ${latest}, the latest year the digest states` };
}

/**
 * The latest year in which every year-less date (the listing's day among them) is not after today: a listing is
 * read as the most recent one it can be. Undefined when the digest has no year-less date that names a real month.
 */
function yearOfBuildDay(dates: readonly RawDate[], limits: DateLimits): YearlessYear | undefined {
  const todayYear = yearOf(limits.today);
  let latest: { day: string; date: RawDate } | undefined;
  for (const date of dates) {
    if (date.year !== undefined) continue;
    const read = toIsoDate(date.monthName, date.day, 2000); // a leap year, so that Feb 29 is a day
    if ('iso' in read && (latest === undefined || read.iso.slice(5) > latest.day)) latest = { day: read.iso.slice(5), date };
  }
  if (latest === undefined) return undefined;
  const year = latest.day <= limits.today.slice(5) ? todayYear : todayYear - 1;
  return { year, source: 'build-day', reason: `${year}, the latest year in which "${writtenDate(latest.date)}" is not after the day of the build (${limits.today})` };
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Gives a date line its ISO date, or says why it has none: no year, no such day, or a day after today or the capture. */
export function resolveDate(dated: DatedLine, yearless: YearlessYear, limits: DateLimits): Omit<Read<string>, 'next'> {
  const { date, line } = dated;
  const written = writtenDate(date);
  const fail = (message: string) => ({ value: undefined, problems: [{ line, message }] satisfies Note[] });
  const year = date.year ?? yearless.year;
  if (year === undefined) {
    return fail(`cannot tell the year of "${written}": ${'why' in yearless ? yearless.why : ''}; ${statedDayHint(limits.file)}`);
  }
  const result = toIsoDate(date.monthName, date.day, year);
  if ('error' in result) return fail(result.error);
  const limit = latestPossibleDay(limits);
  if (result.iso > limit.day) {
    const read = date.year === undefined ? ` (read as ${result.iso}: year-less dates take ${'reason' in yearless ? yearless.reason : year})` : '';
    const hint = date.year !== undefined
      ? 'is the year a typo?'
      : limits.capturedOn || dateInFileName(limits.file) ? 'is the date a typo?' : statedDayHint(limits.file);
    return fail(`date "${written}"${read} is after ${limit.name}; ${hint}`);
  }
  return { value: result.iso, problems: [] };
}

/** What an operator can do to state a digest's day: name the file by it, or write a sidecar. */
function statedDayHint(file: string): string {
  return `name the digest by its day (e.g. ${file.replace(/\.txt$/, '')}-2024-05-27.txt) or state its capture date in ${sidecarName(file)} ("captured: YYYY-MM-DD")`;
}

/** The sidecar file that states a digest's capture date. */
export function sidecarName(file: string): string {
  return file.replace(/\.txt$/, '') + '.meta.yaml';
}

function isAfterToday(date: RawDate, limits: DateLimits): boolean {
  const result = toIsoDate(date.monthName, date.day, date.year!);
  return 'iso' in result ? result.iso > limits.today : date.year! > Number(limits.today.slice(0, 4));
}

/** The last day a listed paper can have: today, or the capture day (stated, or in the file's name) when it is earlier. */
export function latestPossibleDay(limits: DateLimits): { day: string; name: string } {
  const { today, capturedOn } = limits;
  if (capturedOn && capturedOn < today) return { day: capturedOn, name: `the capture date ${capturedOn} stated in ${sidecarName(limits.file)}` };
  const named = capturedOn ? undefined : dateInFileName(limits.file);
  if (named && named < today) return { day: named, name: `the date ${named} in the file's name` };
  return { day: today, name: `today (${today})` };
}
