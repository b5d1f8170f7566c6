import { isIsoDate } from '../digest/date.ts';

/** The longest range one run asks for: a mistyped year would otherwise mean thousands of requests. */
export const MAX_DAYS = 366;

/** Every day from `from` to `to`, both included, as `YYYY-MM-DD`; a problem when a date is not a day or the range is wrong. */
export function dayRange(from: string, to: string, today: string): { days: string[] } | { problem: string } {
  for (const [flag, day] of [['--from', from], ['--to', to]] as const) {
    const problem = dayProblem(day, today);
    if (problem) return { problem: `${flag} ${problem}` };
  }
  if (from > to) return { problem: `--from ${from} is after --to ${to}` };
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); days.length <= MAX_DAYS; time += 86_400_000) {
    const day = new Date(time).toISOString().slice(0, 10);
    if (day > to) return { days };
    days.push(day);
  }
  return { problem: `${from} to ${to} is more than ${MAX_DAYS} days; fetch it in parts` };
}

/** Why a date cannot be asked for (not a calendar day, or after today), or undefined when it can. */
export function dayProblem(day: string, today: string): string | undefined {
  if (!isIsoDate(day)) return `"${day}" is not a date (expected YYYY-MM-DD, a day of the calendar)`;
  if (day > today) return `${day} is after today (${today}): its listing does not exist yet`;
  return undefined;
}
