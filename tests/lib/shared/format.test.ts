import { describe, expect, test } from 'vitest';
import { displayUrl, formatDayTitle, formatPaperCount } from '../../../src/lib/shared/format.ts';

describe('formatPaperCount', () => {
  test('uses the singular for one', () => {
    expect([formatPaperCount(0), formatPaperCount(1), formatPaperCount(8)]).toEqual(['0 papers', '1 paper', '8 papers']);
  });
});

describe('displayUrl', () => {
  test('drops the scheme and one trailing slash, and nothing else', () => {
    expect(displayUrl('https://github.com/owner/repo/')).toBe('github.com/owner/repo');
    expect(displayUrl('HTTP://example.org/a?b=c#d')).toBe('example.org/a?b=c#d');
    expect(displayUrl('ftp://example.org/')).toBe('ftp://example.org');
  });
});

describe('formatDayTitle', () => {
  test("names a digest day by its date as readers see it", () => {
    expect(formatDayTitle('2024-05-27')).toBe('Papers of 27 May 2024');
  });
});
