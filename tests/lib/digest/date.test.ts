import { describe, expect, test } from 'vitest';
import { isIsoDate, monthName, readDateLine, toIsoDate, unknownMonth } from '../../../src/lib/digest/date.ts';

describe('toIsoDate', () => {
  test('reads three-letter, full and "Sept" month names in any case', () => {
    expect(toIsoDate('Sep', 9, 2024)).toEqual({ iso: '2024-09-09' });
    expect(toIsoDate('september', 9, 2024)).toEqual({ iso: '2024-09-09' });
    expect(toIsoDate('Sept', 9, 2024)).toEqual({ iso: '2024-09-09' });
    expect(toIsoDate('FEB', 29, 2024)).toEqual({ iso: '2024-02-29' });
  });

  test('explains an impossible day and an unknown month', () => {
    expect(toIsoDate('Feb', 29, 2025)).toEqual({ error: 'impossible date "Feb 29, 2025": that month has no day 29' });
    expect(toIsoDate('Smarch', 1, 2025)).toEqual({ error: unknownMonth('Smarch') });
    expect(unknownMonth('Smarch')).toBe('unknown month "Smarch", expected one of Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec');
  });
});

describe('readDateLine', () => {
  test('reads the year and the upvotes when present', () => {
    expect(readDateLine('Jan 10, 2025 8')).toEqual({ monthName: 'Jan', day: 10, year: 2025, upvotes: 8 });
    expect(readDateLine('Feb 12')).toEqual({ monthName: 'Feb', day: 12, year: undefined, upvotes: 0 });
    expect(readDateLine('Counted In Words')).toBeUndefined();
  });
});

describe('isIsoDate', () => {
  test('accepts only dates that exist', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
  });
});

describe('monthName', () => {
  test('names a two-digit month', () => {
    expect([monthName('01'), monthName('12')]).toEqual(['January', 'December']);
  });
});
