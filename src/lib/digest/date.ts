/** The months, January first: the one table every date in the project is read and written with. */
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ABBREVIATIONS = MONTH_NAMES.map((name) => name.slice(0, 3));

/** Month numbers by the lower-case names a digest may use: full, three letters, or "Sept" (each starts with its three). */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [...MONTH_NAMES, ...ABBREVIATIONS, 'Sept'].map((name) => [name.toLowerCase(), ABBREVIATIONS.indexOf(name.slice(0, 3)) + 1]),
);

/** "January" for "01"; the label of a month on every page. */
export function monthName(month: string): string {
  return MONTH_NAMES[Number(month) - 1] ?? month;
}

/** Whether a day exists in the calendar (month 1–12). */
function exists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date line as written: `Jan 9, 2024`, `Feb 12 1` (year-less, 1 upvote). */
export interface RawDate {
  monthName: string;
  day: number;
  year?: number;
  upvotes: number;
}

const DATE_LINE = /^(\p{L}+)\.?\s+(\d{1,2})(?:,\s*(\d{4}))?(?:\s+(\d+))?$/u;

/** Reads a line shaped like a date, or returns undefined when the line is not date-shaped at all. */
export function readDateLine(line: string): RawDate | undefined {
  const match = DATE_LINE.exec(line.trim());
  if (!match) return undefined;
  const [, monthName, day, year, upvotes] = match;
  return {
    monthName: monthName!,
    day: Number(day),
    year: year === undefined ? undefined : Number(year),
    upvotes: upvotes === undefined ? 0 : Number(upvotes),
  };
}

/** Turns a month, day and year into `YYYY-MM-DD`, or explains why that date cannot exist. */
export function toIsoDate(monthName: string, day: number, year: number): { iso: string } | { error: string } {
  const month = MONTHS.get(monthName.toLowerCase());
  if (month === undefined) return { error: unknownMonth(monthName) };
  if (!exists(year, month, day)) {
    return { error: `impossible date "${monthName} ${day}, ${year}": that month has no day ${day}` };
  }
  return { iso: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Whether a month name is one a digest may use. */
export function isMonthName(name: string): boolean {
  return MONTHS.has(name.toLowerCase());
}

/** The problem message for a month name no digest uses. */
export function unknownMonth(name: string): string {
  return `unknown month "${name}", expected one of ${ABBREVIATIONS.join(', ')}`;
}

/** Whether text is a `YYYY-MM-DD` date that exists in the calendar. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return exists(year, month, day);
}

/** A date as the digest wrote it, without its upvotes: `Jan 9, 2024`, `Feb 12`. */
export function writtenDate(date: RawDate): string {
  return `${date.monthName} ${date.day}${date.year === undefined ? '' : `, ${date.year}`}`;
}
