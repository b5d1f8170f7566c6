import { describe, expect, test } from 'vitest';
import { alsoListedOn, dayViews } from '../../../src/lib/catalog/days.ts';
import { PAGE_SIZE } from '../../../src/lib/shared/paths.ts';
import { digest } from './fake-collection.ts';

const papersOf = (...slugs: string[]) => new Map(slugs.map((slug) => [slug, { slug }]));
const none = new Map<string, string>();

describe('dayViews', () => {
  test('makes one page a listing date, newest first, with its papers and the newer and older days', () => {
    const views = dayViews([digest('001.txt', '2026-01-09', ['a', 'b']), digest('002.txt', '2026-01-10', ['c']), digest('003.txt', '2025-12-31', ['d'])], papersOf('a', 'b', 'c', 'd'), none);
    expect(views.digestDayPages).toEqual([
      { date: '2026-01-10', label: '10 January 2026', papers: [{ slug: 'c' }], older: { date: '2026-01-09', label: '9 January 2026' } },
      {
        date: '2026-01-09',
        label: '9 January 2026',
        papers: [{ slug: 'a' }, { slug: 'b' }],
        newer: { date: '2026-01-10', label: '10 January 2026' },
        older: { date: '2025-12-31', label: '31 December 2025' },
      },
      { date: '2025-12-31', label: '31 December 2025', papers: [{ slug: 'd' }], newer: { date: '2026-01-09', label: '9 January 2026' } },
    ]);
    expect(views.digestYears).toEqual([
      { year: '2026', days: [{ date: '2026-01-10', label: '10 January 2026', count: 1 }, { date: '2026-01-09', label: '9 January 2026', count: 2 }] },
      { year: '2025', days: [{ date: '2025-12-31', label: '31 December 2025', count: 1 }] },
    ]);
  });

  test('lists a merged item as the paper it was merged into, once a day, and leaves out slugs of no paper', () => {
    const views = dayViews([digest('001.txt', '2026-01-10', ['a', 'merged', 'held-back', 'b'])], papersOf('a', 'b'), new Map([['merged', 'a']]));
    expect(views.digestDayPages[0]!.papers).toEqual([{ slug: 'a' }, { slug: 'b' }]);
  });

  test('counts the digests without a listing date and their papers apart', () => {
    const views = dayViews([digest('001.txt', null, ['a', 'b']), digest('002.txt', null, ['b']), digest('003.txt', '2026-01-10', ['c'])], papersOf('a', 'b', 'c'), none);
    expect(views.undatedDigests).toEqual({ digests: 2, papers: 2 });
    expect([...views.undatedPapers]).toEqual(['a', 'b']);
    expect(views.digestDayPages.map((day) => day.date)).toEqual(['2026-01-10']);
  });

  test("gives the home page the newest day's first page of papers and the day's count", () => {
    const slugs = Array.from({ length: PAGE_SIZE + 3 }, (_, i) => `p${i}`);
    const views = dayViews([digest('001.txt', '2026-01-10', slugs)], papersOf(...slugs), none);
    expect(views.newestDayFirstPage).toMatchObject({ date: '2026-01-10', label: '10 January 2026', total: PAGE_SIZE + 3 });
    expect(views.newestDayFirstPage!.papers).toHaveLength(PAGE_SIZE);
  });

  test("gives the home page the day before the newest (its \"yesterday\" link), and none when there is one day", () => {
    const days = [digest('001.txt', '2026-01-08', ['a']), digest('002.txt', '2026-01-10', ['b']), digest('003.txt', '2026-01-09', ['c'])];
    expect(dayViews(days, papersOf('a', 'b', 'c'), none).newestDayFirstPage!.older).toEqual({ date: '2026-01-09', label: '9 January 2026' });
    expect(dayViews(days.slice(1, 2), papersOf('b'), none).newestDayFirstPage).not.toHaveProperty('older');
  });

  test("names, for each re-listed paper of a day, the other days that list it, newest first; the home page gets the newest day's", () => {
    const views = dayViews(
      [digest('001.txt', '2026-01-08', ['a', 'b']), digest('002.txt', '2026-01-10', ['a', 'c']), digest('003.txt', '2026-01-09', ['a', 'b'])],
      papersOf('a', 'b', 'c'),
      none,
    );
    const [newest, middle, oldest] = views.digestDayPages;
    expect(newest!.alsoListed).toEqual({ a: [{ date: '2026-01-09', label: '9 January 2026' }, { date: '2026-01-08', label: '8 January 2026' }] });
    expect(middle!.alsoListed).toEqual({ a: [{ date: '2026-01-10', label: '10 January 2026' }, { date: '2026-01-08', label: '8 January 2026' }], b: [{ date: '2026-01-08', label: '8 January 2026' }] });
    expect(oldest!.alsoListed).toEqual({ a: [{ date: '2026-01-10', label: '10 January 2026' }, { date: '2026-01-09', label: '9 January 2026' }], b: [{ date: '2026-01-09', label: '9 January 2026' }] });
    expect(views.newestDayFirstPage!.alsoListed).toEqual(newest!.alsoListed);
  });

  test('gives a day whose papers no other day lists no "also listed" at all', () => {
    const views = dayViews([digest('001.txt', '2026-01-08', ['a']), digest('002.txt', '2026-01-10', ['b'])], papersOf('a', 'b'), none);
    for (const day of views.digestDayPages) expect(day).not.toHaveProperty('alsoListed');
    expect(views.newestDayFirstPage).not.toHaveProperty('alsoListed');
  });

  test('has no day pages and no newest day without dated digests', () => {
    const views = dayViews([], papersOf('a'), none);
    expect([views.digestDayPages, views.digestYears, views.newestDayFirstPage, views.undatedDigests]).toEqual([[], [], undefined, { digests: 0, papers: 0 }]);
  });
});

describe('alsoListedOn', () => {
  test('returns the other listing dates of each paper, leaving out the day itself and papers listed once', () => {
    const dates = new Map([['a', ['2026-01-10', '2026-01-08']], ['b', ['2026-01-10']]]);
    expect(alsoListedOn('2026-01-10', ['a', 'b', 'unknown'], dates)).toEqual({ a: [{ date: '2026-01-08', label: '8 January 2026' }] });
  });

  test('returns nothing for an empty day', () => {
    expect(alsoListedOn('2026-01-10', [], new Map())).toEqual({});
  });
});
