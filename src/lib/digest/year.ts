import { toIsoDate, writtenDate, type RawDate } from './date.ts';
import type { DatedLine, Note, Read } from './readers.ts';

/** What dates are checked against: the day of the build and, when an operator stated it, the day of the capture. */
export interface DateLimits {
  /** The digest's file name, to name its capture-date sidecar. */
  file: string;
  /** `YYYY-MM-DD`; no listed paper can be dated after it. */
  today: string;
  /** `YYYY-MM-DD`, from the sidecar; no listed paper can be dated after it either, and it gives year-less dates their year. */
  capturedOn?: string;
}

/** The year of a digest's year-less dates and how it was decided, or why it could not be. */
export type YearlessYear = { year: number; reason: string } | { year?: undefined; why: string };

/**
 * The year of the digest's year-less dates. A Hugging Face listing writes the year of older papers only, so year-less
 * dates are the listing's own year: the stated capture year, else the year after the latest year the digest states.
 * A stated date after today is a typo, not evidence; and a year after today's cannot be right, so it is not guessed.
 */
export function yearForYearlessDates(dates: readonly RawDate[], limits: DateLimits): YearlessYear {
  if (limits.capturedOn) return { year: Number(limits.capturedOn.slice(0, 4)), reason: `the year of the capture date ${limits.capturedOn}` };
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
  if (year > Number(limits.today.slice(0, 4))) {
    return { why: `the latest year the digest states is ${latest}, and ${year} would be after today (${limits.today})` };
  }
  return { year, reason: `the year after ${latest}, the latest year the digest states` };
}

/** Gives a date line its ISO date, or says why it has none: no year, no such day, or a day after today or the capture. */
export function resolveDate(dated: DatedLine, yearless: YearlessYear, limits: DateLimits): Omit<Read<string>, 'next'> {
  const { date, line } = dated;
  const written = writtenDate(date);
  const fail = (message: string) => ({ value: undefined, problems: [{ line, message }] satisfies Note[] });
  const year = date.year ?? yearless.year;
  if (year === undefined) {
    return fail(`cannot tell the year of "${written}": ${'why' in yearless ? yearless.why : ''}; expected a capture date in ${sidecarName(limits.file)} ("captured: YYYY-MM-DD")`);
  }
  const result = toIsoDate(date.monthName, date.day, year);
  if ('error' in result) return fail(result.error);
  const limit = latestPossibleDay(limits);
  if (result.iso > limit.day) {
    const read = date.year === undefined ? ` (read as ${result.iso}: year-less dates take ${'reason' in yearless ? yearless.reason : year})` : '';
    const hint = date.year !== undefined
      ? 'is the year a typo?'
      : limits.capturedOn ? 'is the date a typo?' : `expected a capture date in ${sidecarName(limits.file)} ("captured: YYYY-MM-DD")`;
    return fail(`date "${written}"${read} is after ${limit.name}; ${hint}`);
  }
  return { value: result.iso, problems: [] };
}

/** The sidecar file that states a digest's capture date. */
export function sidecarName(file: string): string {
  return file.replace(/\.txt$/, '') + '.meta.yaml';
}

function isAfterToday(date: RawDate, limits: DateLimits): boolean {
  const result = toIsoDate(date.monthName, date.day, date.year!);
  return 'iso' in result ? result.iso > limits.today : date.year! > Number(limits.today.slice(0, 4));
}

/** The last day a listed paper can have: today, or the capture day when it is earlier. */
function latestPossibleDay(limits: DateLimits): { day: string; name: string } {
  const { today, capturedOn } = limits;
  if (capturedOn && capturedOn < today) return { day: capturedOn, name: `the capture date ${capturedOn} stated in ${sidecarName(limits.file)}` };
  return { day: today, name: `today (${today})` };
}
