import { describe, expect, test } from 'vitest';
import { digestDays, neighboursOf, paperListings, papersByListing } from '../../../src/lib/catalog/digest-days.ts';
import type { DigestData } from '../../../src/lib/schema.ts';

const digest = (id: string, listedOn: string | null, papers: string[]): DigestData => ({ id, listedOn, papers });

describe('digestDays', () => {
  test('returns no days for no digests', () => {
    expect(digestDays([])).toEqual({ days: [], undated: [] });
  });

  test('lists one day per listing date, newest first, each keeping its digest order', () => {
    const { days } = digestDays([digest('000_a.txt', '2026-04-13', ['c', 'a', 'b']), digest('001_b.txt', '2026-04-14', ['z', 'y'])]);
    expect(days).toEqual([
      { date: '2026-04-14', digests: ['001_b.txt'], papers: ['z', 'y'] },
      { date: '2026-04-13', digests: ['000_a.txt'], papers: ['c', 'a', 'b'] },
    ]);
  });

  test('merges two digests of one date into one day, in file-name order, each paper once at its first place', () => {
    const { days } = digestDays([digest('005_later.txt', '2026-04-13', ['b', 'd', 'e']), digest('002_first.txt', '2026-04-13', ['a', 'b', 'c'])]);
    expect(days).toEqual([{ date: '2026-04-13', digests: ['002_first.txt', '005_later.txt'], papers: ['a', 'b', 'c', 'd', 'e'] }]);
  });

  test('keeps a day at its date whatever the order the digests come in', () => {
    const a = digest('000_a.txt', '2026-04-13', ['x']);
    const b = digest('001_b.txt', '2026-04-13', ['y']);
    expect(digestDays([a, b])).toEqual(digestDays([b, a]));
  });

  test('gives a digest without a listing date no day, and counts it apart', () => {
    const result = digestDays([digest('009_undated.txt', null, ['p', 'q', 'p']), digest('000_a.txt', '2026-04-13', ['p'])]);
    expect(result.days).toEqual([{ date: '2026-04-13', digests: ['000_a.txt'], papers: ['p'] }]);
    expect(result.undated).toEqual([{ id: '009_undated.txt', papers: ['p', 'q'] }]);
  });

  test('leaves out papers the catalog does not have', () => {
    const { days } = digestDays([digest('000_a.txt', '2026-04-13', ['kept', 'held-back'])], (slug) => slug === 'kept');
    expect(days[0]!.papers).toEqual(['kept']);
  });

  test('groups 3,000 digests of 100,000 listings, two digests a day', () => {
    const digests = Array.from({ length: 3000 }, (_, i) =>
      digest(`${String(i).padStart(4, '0')}.txt`, new Date(Date.UTC(2020, 0, 1 + (i >> 1))).toISOString().slice(0, 10), Array.from({ length: 34 }, (_, j) => `p-${i}-${j}`)),
    );
    const { days } = digestDays(digests);
    const { dates } = paperListings(days);
    expect(days).toHaveLength(1500);
    expect(days[0]!.papers).toHaveLength(68);
    expect(dates.size).toBe(102_000);
  });
});

describe('neighboursOf', () => {
  test('returns the newer and older items of a newest-first list, none past either end', () => {
    expect(neighboursOf(['c', 'b', 'a'], 1)).toEqual({ newer: 'c', older: 'a' });
    expect(neighboursOf(['c', 'b', 'a'], 0)).toEqual({ older: 'b' });
    expect(neighboursOf(['c', 'b', 'a'], 2)).toEqual({ newer: 'b' });
    expect(neighboursOf(['only'], 0)).toEqual({});
  });
});

describe('paperListings', () => {
  const { days } = digestDays([
    digest('000_a.txt', '2026-04-13', ['a', 'b', 'c']),
    digest('001_b.txt', '2026-04-14', ['d', 'b']),
  ]);
  const { dates, places } = paperListings(days);

  test("returns each paper's listing dates, newest first", () => {
    expect(dates.get('b')).toEqual(['2026-04-14', '2026-04-13']);
    expect(dates.get('a')).toEqual(['2026-04-13']);
  });

  test('places a paper in the newest day that lists it, between the papers listed before and after it', () => {
    expect(places.get('b')).toEqual({ date: '2026-04-14', previous: 'd' });
    expect(places.get('a')).toEqual({ date: '2026-04-13', next: 'b' });
    expect(places.get('c')).toEqual({ date: '2026-04-13', previous: 'b' });
    expect(places.get('d')).toEqual({ date: '2026-04-14', next: 'b' });
  });

  test('knows nothing of a paper no dated digest lists', () => {
    expect(dates.get('unlisted')).toBeUndefined();
    expect(places.get('unlisted')).toBeUndefined();
  });
});

describe('papersByListing', () => {
  const paper = (slug: string, date: string) => ({ slug, date });
  const [old, a, b, c] = [paper('old', '2011-06-01'), paper('a', '2026-04-01'), paper('b', '2026-03-01'), paper('c', '2026-02-01')];

  test('returns nothing for no papers', () => {
    expect(papersByListing([], [])).toEqual([]);
  });

  test("puts the newest day first, each day's papers in the digest's order whatever their dates, each under its day", () => {
    const days = [
      { date: '2026-04-14', papers: [old, b] },
      { date: '2026-04-13', papers: [c, a] },
    ];
    expect(papersByListing(days, [a, b, c, old])).toEqual([
      { paper: old, listed: '2026-04-14' },
      { paper: b, listed: '2026-04-14' },
      { paper: c, listed: '2026-04-13' },
      { paper: a, listed: '2026-04-13' },
    ]);
  });

  test('lists a paper of several days once, at its newest day', () => {
    const days = [
      { date: '2026-04-14', papers: [b] },
      { date: '2026-04-13', papers: [a, b] },
    ];
    expect(papersByListing(days, [a, b])).toEqual([
      { paper: b, listed: '2026-04-14' },
      { paper: a, listed: '2026-04-13' },
    ]);
  });

  test('puts papers no dated day lists last, in the order given, under their own date', () => {
    expect(papersByListing([{ date: '2026-04-14', papers: [old] }], [a, c, old])).toEqual([
      { paper: old, listed: '2026-04-14' },
      { paper: a, listed: '2026-04-01' },
      { paper: c, listed: '2026-02-01' },
    ]);
  });
});
