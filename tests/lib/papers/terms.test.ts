import { describe, expect, test } from 'vitest';
import { createTermTable, indexTerms } from '../../../src/lib/papers/terms.ts';

describe('indexTerms', () => {
  test('returns stems without stop words when the text is English', () => {
    expect(indexTerms('We propose serving the LLMs that are served')).toEqual(['serv', 'llm', 'serv']);
  });

  test('returns words with digits or other scripts as they are, accents dropped', () => {
    expect(indexTerms('6G and FP8 in 東京, a naïve café')).toEqual(['6g', 'fp8', '東京', 'naiv', 'cafe']);
  });

  test('returns no bare numbers, single characters or URL scaffolding, but keeps a repository\'s names', () => {
    expect(indexTerms('Code: https://github.com/hao-ai-lab/DistServe (42 x)')).toEqual(['hao', 'ai', 'lab', 'distserv']);
  });

  test('returns nothing when the text is empty or only punctuation', () => {
    expect(indexTerms('')).toEqual([]);
    expect(indexTerms(' -- , . ')).toEqual([]);
  });
});

describe('createTermTable', () => {
  test('returns one number for the words of one stem, and another for a tag of the same spelling', () => {
    const table = createTermTable();
    const seen: number[] = [];
    table.forEachTerm('Serving served; SERVE', (term) => seen.push(term));
    expect(seen).toEqual([0, 0, 0]);
    expect(table.idOf('#serv')).toBe(1);
    expect(table.idOf('#serv')).toBe(1);
    expect(table.size).toBe(2);
  });
});
