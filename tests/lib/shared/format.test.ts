import { describe, expect, test } from 'vitest';
import { displayUrl, formatDayTitle, formatPaperCount, shortByline } from '../../../src/lib/shared/format.ts';

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

describe('shortByline', () => {
  test('names the first author and counts the others, hidden ones included; falls back to the count or organisation', () => {
    expect(shortByline({ kind: 'authors', count: 36 }, ['Wenyi Hong', 'Weihan Wang'])).toBe('Wenyi Hong and 35 others');
    expect(shortByline({ kind: 'authors', count: 2 }, ['Ada Lovelace', 'Alan Turing'])).toBe('Ada Lovelace and Alan Turing');
    expect(shortByline({ kind: 'authors', count: 2 }, ['Ada Lovelace'])).toBe('Ada Lovelace and 1 other');
    expect(shortByline({ kind: 'authors', count: 1 }, ['Ada Lovelace'])).toBe('Ada Lovelace');
    expect(shortByline({ kind: 'authors', count: 4 }, undefined)).toBe('4 authors');
    expect(shortByline({ kind: 'authors', count: 4 }, [])).toBe('4 authors');
    expect(shortByline({ kind: 'organization', handle: 'nvidia', name: 'NVIDIA' }, ['Ada'])).toBe('NVIDIA');
  });
});
