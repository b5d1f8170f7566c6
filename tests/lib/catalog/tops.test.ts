import { describe, expect, test } from 'vitest';
import { buildCatalog } from '../../../src/lib/catalog/build.ts';
import { isoWeekOf, monthOf, periodsOf, topViews, weekOf, weekSpan } from '../../../src/lib/catalog/tops.ts';
import { digest, item, VOCABULARY } from './fake-collection.ts';

const paper = (slug: string, upvotes: number) => ({ slug, upvotes });

describe('isoWeekOf', () => {
  test('gives the ISO week (Monday to Sunday) and its year, which near New Year may be the next or the last', () => {
    expect(isoWeekOf('2024-05-27')).toEqual({ year: 2024, week: 22 }); // a Monday
    expect(isoWeekOf('2024-06-02')).toEqual({ year: 2024, week: 22 }); // its Sunday
    expect(isoWeekOf('2024-06-03')).toEqual({ year: 2024, week: 23 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2026-01-01')).toEqual({ year: 2026, week: 1 });
  });
});

describe('weekOf, monthOf, weekSpan', () => {
  test('key a period by its listing dates alone, for readers named and spanned', () => {
    expect(weekOf('2024-05-29')).toEqual({ kind: 'week', key: '2024-W22', label: 'Week 22 of 2024', name: 'week 22 of 2024', topLabel: 'Top of week 22 of 2024' });
    expect(weekOf('2024-01-03')).toMatchObject({ key: '2024-W01', label: 'Week 1 of 2024' });
    expect(monthOf('2024-05-29')).toEqual({ kind: 'month', key: '2024-05', label: 'May 2024', name: 'May 2024', topLabel: 'Top of May 2024' });
    expect(periodsOf('2024-12-31')).toEqual({ week: weekOf('2024-12-30'), month: monthOf('2024-12-01') });
    expect(periodsOf('2024-12-31').week.key).toBe('2025-W01');
    expect(weekSpan('2024-05-29')).toBe('27 May – 2 June 2024');
    expect(weekSpan('2024-04-10')).toBe('8 – 14 April 2024');
    expect(weekSpan('2025-01-02')).toBe('30 December 2024 – 5 January 2025');
  });
});

describe('topViews', () => {
  const days = [
    { date: '2024-06-03', papers: [paper('e', 9)] },
    { date: '2024-05-31', papers: [paper('a', 2), paper('d', 7)] },
    { date: '2024-05-28', papers: [paper('b', 5), paper('a', 2), paper('c', 2)] },
    { date: '2024-04-30', papers: [paper('f', 1)] },
  ];
  const listings = new Map([
    ['a', ['2024-05-31', '2024-05-28']],
    ['b', ['2024-06-03', '2024-05-28']],
    ['c', ['2024-05-28']],
    ['d', ['2024-05-31']],
    ['e', ['2024-06-03']],
    ['f', ['2024-04-30']],
  ]);

  test('ranks the papers of a week by upvotes, each once, equal counts in listing order (newest day first)', () => {
    const { topWeeks } = topViews(days, listings);
    expect(topWeeks.map((week) => week.key)).toEqual(['2024-W23', '2024-W22', '2024-W18']);
    const week = topWeeks[1]!;
    expect(week).toMatchObject({ label: 'Week 22 of 2024', title: 'Top papers of week 22 of 2024', listedWhen: '27 May – 2 June 2024', asOf: { date: '2024-05-31', label: '31 May 2024' }, days: 2 });
    expect(week.papers.map((p) => p.slug)).toEqual(['d', 'b', 'a', 'c']);
    expect([week.newer?.key, week.older?.key]).toEqual(['2024-W23', '2024-W18']);
    expect(topWeeks[0]).not.toHaveProperty('newer');
    expect(topWeeks[2]).not.toHaveProperty('older');
  });

  test('says which papers owe their upvotes to a listing after the period, and as of which day', () => {
    const { topWeeks, topMonths } = topViews(days, listings);
    expect(topWeeks[1]!.upvotesAsOf).toEqual({ b: { date: '2024-06-03', label: '3 June 2024' } });
    expect(topWeeks[0]!.upvotesAsOf).toEqual({});
    expect(topMonths.find((month) => month.key === '2024-05')!.upvotesAsOf).toEqual({ b: { date: '2024-06-03', label: '3 June 2024' } });
  });

  test('ranks a month over all its days, a paper of two days once, and indexes weeks and months by year', () => {
    const { topMonths, topYears } = topViews(days, listings);
    expect(topMonths[1]).toMatchObject({ title: 'Top papers of May 2024', listedWhen: 'in May 2024' });
    expect(topMonths.map((month) => [month.key, month.label, month.asOf.date, month.papers.map((p) => p.slug).join('')])).toEqual([
      ['2024-06', 'June 2024', '2024-06-03', 'e'],
      ['2024-05', 'May 2024', '2024-05-31', 'dbac'],
      ['2024-04', 'April 2024', '2024-04-30', 'f'],
    ]);
    expect(topYears).toEqual([
      {
        year: '2024',
        weeks: [
          { kind: 'week', key: '2024-W23', label: 'Week 23 of 2024', count: 1 },
          { kind: 'week', key: '2024-W22', label: 'Week 22 of 2024', count: 4 },
          { kind: 'week', key: '2024-W18', label: 'Week 18 of 2024', count: 1 },
        ],
        months: [
          { kind: 'month', key: '2024-06', label: 'June 2024', count: 1 },
          { kind: 'month', key: '2024-05', label: 'May 2024', count: 4 },
          { kind: 'month', key: '2024-04', label: 'April 2024', count: 1 },
        ],
      },
    ]);
  });

  test('has no period without listing days', () => {
    expect(topViews([], new Map())).toEqual({ topWeeks: [], topMonths: [], topYears: [] });
  });

  test('the catalog ranks the papers its digests list, a merged item as the paper it was merged into', () => {
    const catalog = buildCatalog(
      {
        papers: [item('a', { upvotes: 3 }), item('b', { upvotes: 8 }), item('old-a', { merged_into: 'a' }), item('unlisted', { upvotes: 99 })],
        topics: VOCABULARY,
        digests: [digest('001.txt', '2026-01-05', ['old-a', 'b']), digest('002.txt', '2026-01-06', ['a'])],
      },
      { redirects: [], shardSize: 1000 },
    );
    expect(catalog.topWeeks.map((week) => [week.key, week.papers.map((p) => p.slug)])).toEqual([['2026-W02', ['b', 'a']]]);
    expect(catalog.topMonths.map((month) => [month.key, month.asOf.date])).toEqual([['2026-01', '2026-01-06']]);
  });
});
