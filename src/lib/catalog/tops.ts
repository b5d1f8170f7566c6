import { monthName } from '../digest/date.ts';
import { formatDate } from '../shared/format.ts';
import { dayLink, type DayLink } from './days.ts';
import { neighboursOf } from './digest-days.ts';

/**
 * Weekly and monthly top pages: the papers listed in an ISO week (Monday to Sunday) or a calendar month, most upvoted
 * first. A period is keyed by its listing dates alone (`2024-W22`, `2024-05`), so its URL never moves. A paper listed
 * on several days of the period counts once. Its upvotes are the one count the catalog keeps: that of its newest
 * listing (the ingest takes a paper's data from there, and older counts are not kept), so a card whose count comes
 * from a listing after the period's last day says as of which day.
 */

/** Which kind of period a top page covers. */
export type PeriodKind = 'week' | 'month';

/** A period as a link shows it: its kind, its URL key and its name. */
export interface PeriodLink {
  kind: PeriodKind;
  /** `2024-W22` or `2024-05`: the page's URL key. */
  key: string;
  /** `Week 22 of 2024` or `May 2024`. */
  label: string;
  /** How a sentence names it: `week 22 of 2024`, `May 2024`. */
  name: string;
  /** A link to its top page: `Top of week 22 of 2024`, `Top of May 2024`. */
  topLabel: string;
}

/** One top page's list: the period, its listing days and its papers ranked. */
export interface TopPeriod<P> extends PeriodLink {
  /** The page's title: `Top papers of week 22 of 2024`, `Top papers of May 2024`. */
  title: string;
  /** When its papers were listed, for readers: `27 May – 2 June 2024`, `in May 2024`. */
  listedWhen: string;
  /** The period's last listing day: the upvotes are as of that day. */
  asOf: DayLink;
  /** How many listing days the period has. */
  days: number;
  /** Its papers, each once: most upvoted first, then in listing order (newest day first, each day in its order). */
  papers: P[];
  /** Papers whose upvotes come from a listing after `asOf`, by slug: the day their count is as of. */
  upvotesAsOf: Record<string, DayLink>;
  /** The next and the previous period of the same kind that have listing days, when there are. */
  newer?: PeriodLink;
  older?: PeriodLink;
}

/** The ISO week of a date (`YYYY-MM-DD`): its year, which may differ from the date's near New Year, and its number. */
export function isoWeekOf(date: string): { year: number; week: number } {
  const day = utcDay(date);
  // The ISO week is the week of its Thursday; its year is that Thursday's year.
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return { year, week };
}

/** The week a listing date falls in: `{ key: '2024-W22', label: 'Week 22 of 2024' }`. */
export function weekOf(date: string): PeriodLink {
  const { year, week } = isoWeekOf(date);
  const name = `week ${week} of ${year}`;
  return { kind: 'week', key: `${year}-W${String(week).padStart(2, '0')}`, label: `Week ${week} of ${year}`, name, topLabel: `Top of ${name}` };
}

/** The month a listing date falls in: `{ key: '2024-05', label: 'May 2024' }`. */
export function monthOf(date: string): PeriodLink {
  const label = `${monthName(date.slice(5, 7))} ${date.slice(0, 4)}`;
  return { kind: 'month', key: date.slice(0, 7), label, name: label, topLabel: `Top of ${label}` };
}

/** The week and the month of a listing day, for the day page's links to their top pages. */
export const periodsOf = (date: string): { week: PeriodLink; month: PeriodLink } => ({ week: weekOf(date), month: monthOf(date) });

/** The days of a week, for readers: `27 May – 2 June 2024`, `30 December 2024 – 5 January 2025`. */
export function weekSpan(date: string): string {
  const day = utcDay(date);
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
  const [first, last] = [monday, new Date(monday.getTime() + 6 * DAY)].map((d) => formatDate(d.toISOString().slice(0, 10)));
  const [firstDay, firstMonth, firstYear] = first!.split(' ');
  const [, lastMonth, lastYear] = last!.split(' ');
  if (firstYear !== lastYear) return `${first} – ${last}`;
  return firstMonth === lastMonth ? `${firstDay} – ${last}` : `${firstDay} ${firstMonth} – ${last}`;
}

/**
 * The top pages of every week and month that has a listing day, newest first. `days` are the listing days newest
 * first, each with its papers in listing order (the digest day pages); `listingDates` gives each paper's listing dates,
 * newest first (paperListings), which says as of which day its upvotes are.
 */
export function topViews<P extends { slug: string; upvotes: number }>(
  days: readonly { date: string; papers: readonly P[] }[],
  listingDates: ReadonlyMap<string, readonly string[]>,
) {
  const rank = (kind: PeriodKind, of: (date: string) => PeriodLink) => {
    const periods = new Map<string, { link: PeriodLink; days: (typeof days)[number][] }>();
    for (const day of days) {
      const link = of(day.date);
      const period = periods.get(link.key);
      if (period) period.days.push(day);
      else periods.set(link.key, { link, days: [day] });
    }
    // Days come newest first, so periods do too.
    const links = [...periods.values()].map((period) => period.link);
    return [...periods.values()].map(({ link, days: inPeriod }, index): TopPeriod<P> => {
      const asOf = inPeriod[0]!.date;
      const seen = new Set<string>();
      const papers: P[] = [];
      for (const day of inPeriod) {
        for (const paper of day.papers) {
          if (seen.has(paper.slug)) continue;
          seen.add(paper.slug);
          papers.push(paper);
        }
      }
      const upvotesAsOf: Record<string, DayLink> = {};
      for (const paper of papers) {
        const newest = listingDates.get(paper.slug)?.[0];
        if (newest !== undefined && newest > asOf) upvotesAsOf[paper.slug] = dayLink({ date: newest });
      }
      const { newer, older } = neighboursOf(links, index);
      return {
        ...link,
        ...(newer && { newer }),
        ...(older && { older }),
        title: `Top papers of ${link.name}`,
        listedWhen: kind === 'week' ? weekSpan(asOf) : `in ${link.label}`,
        asOf: dayLink({ date: asOf }),
        days: inPeriod.length,
        // Array.prototype.sort is stable: equal counts keep the listing order.
        papers: papers.sort((a, b) => b.upvotes - a.upvotes),
        upvotesAsOf,
      };
    });
  };
  const topWeeks = rank('week', weekOf);
  const topMonths = rank('month', monthOf);
  return {
    /** Every week with a listing day, newest first, its papers most upvoted first. */
    topWeeks,
    /** Every month with a listing day, newest first, its papers most upvoted first. */
    topMonths,
    /** The top pages' index: weeks and months by year, newest first, each with its number of papers. */
    topYears: topIndex(topWeeks, topMonths),
  };
}

/** A period in the index: its link and its number of papers. */
export interface IndexedPeriod extends Pick<PeriodLink, 'kind' | 'key' | 'label'> {
  count: number;
}

/** The weeks and months by year (the year of a week's key), newest first. */
function topIndex(weeks: readonly TopPeriod<unknown>[], months: readonly TopPeriod<unknown>[]): { year: string; weeks: IndexedPeriod[]; months: IndexedPeriod[] }[] {
  const years = new Map<string, { year: string; weeks: IndexedPeriod[]; months: IndexedPeriod[] }>();
  const yearOf = (year: string) => years.get(year) ?? years.set(year, { year, weeks: [], months: [] }).get(year)!;
  const indexed = (period: TopPeriod<unknown>): IndexedPeriod => ({ kind: period.kind, key: period.key, label: period.label, count: period.papers.length });
  for (const week of weeks) yearOf(week.key.slice(0, 4)).weeks.push(indexed(week));
  for (const month of months) yearOf(month.key.slice(0, 4)).months.push(indexed(month));
  return [...years.values()].sort((a, b) => (a.year < b.year ? 1 : a.year > b.year ? -1 : 0));
}

const DAY = 86_400_000;

const utcDay = (date: string) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
