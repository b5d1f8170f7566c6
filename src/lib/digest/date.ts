/** Month names a digest may use, keyed by their lower-case spelling. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['jan', 'january'],
    ['feb', 'february'],
    ['mar', 'march'],
    ['apr', 'april'],
    ['may', 'may'],
    ['jun', 'june'],
    ['jul', 'july'],
    ['aug', 'august'],
    ['sep', 'september', 'sept'],
    ['oct', 'october'],
    ['nov', 'november'],
    ['dec', 'december'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

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
  const date = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || date.getUTCMonth() !== month - 1) {
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
  return `unknown month "${name}", expected one of Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec`;
}

/** Whether text is a `YYYY-MM-DD` date that exists in the calendar. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
