import { describe, expect, test } from 'vitest';
import { authorBucket, compareFilterNames, compareFilterValues, differsBeyondQuery, formatFiltersButton, filterLabel, filterValue, searchFacetsOf, searchParamsFromState, stateFromSearchParams } from '../../../src/lib/shared/search-state.ts';

describe('stateFromSearchParams', () => {
  test('reads the query, several values of a filter and the sort', () => {
    const state = stateFromSearchParams(new URLSearchParams('q=spiking&topic=Speech+and+audio&topic=Surveys&range=2%E2%80%933&sort=newest'));
    expect(state).toEqual({ query: 'spiking', filters: { topic: ['Speech and audio', 'Surveys'], 'author range': ['2–3 authors'] }, sort: 'newest' });
  });

  test('falls back to relevance and no filters for an empty or unknown URL', () => {
    expect(stateFromSearchParams(new URLSearchParams('sort=random&foo=bar'))).toEqual({ query: '', filters: {}, sort: 'relevance' });
    expect(stateFromSearchParams(new URLSearchParams('sort=constructor')).sort).toBe('relevance');
    expect(stateFromSearchParams(new URLSearchParams('authors=0&authors=many&range=5&code=maybe&year=99')).filters).toEqual({});
  });

  test('reads the short values of the URL as the labels the filters show, and a label typed by hand', () => {
    const state = stateFromSearchParams(new URLSearchParams('authors=7&authors=organisation&range=11%2B&range=1+author&code=yes&year=2025'));
    expect(state.filters).toEqual({ year: ['2025'], authors: ['7 authors', 'Organisation'], 'author range': ['11+ authors', '1 author'], code: ['With code'] });
  });
});

describe('topics in the URL', () => {
  const topics = [
    { id: 'speech-audio', label: 'Speech and audio' },
    { id: 'surveys', label: 'Surveys' },
  ];

  test('carry the topic id, which survives a renamed label, and filter by the label', () => {
    const params = searchParamsFromState({ query: '', filters: { topic: ['Surveys', 'Speech and audio'] }, sort: 'relevance' }, topics);
    expect(params.toString()).toBe('topic=speech-audio&topic=surveys');
    const renamed = [{ id: 'speech-audio', label: 'Speech & audio' }, topics[1]!];
    expect(stateFromSearchParams(params, renamed).filters).toEqual({ topic: ['Speech & audio', 'Surveys'] });
  });

  test('accept a label for a link made by hand and drop an unknown topic', () => {
    expect(stateFromSearchParams(new URLSearchParams('topic=Surveys&topic=nope'), topics).filters).toEqual({ topic: ['Surveys'] });
  });
});

describe('searchParamsFromState', () => {
  test('round-trips a state in a stable order and leaves defaults out', () => {
    const params = searchParamsFromState({ query: 'rag', filters: { topic: ['B', 'A'], code: ['With code'], authors: ['Organisation', '12 authors'] }, sort: 'relevance' });
    expect(params.toString()).toBe('q=rag&topic=A&topic=B&authors=12&authors=organisation&code=yes');
    expect(stateFromSearchParams(params)).toEqual({ query: 'rag', filters: { topic: ['A', 'B'], authors: ['12 authors', 'Organisation'], code: ['With code'] }, sort: 'relevance' });
  });
});

describe('differsBeyondQuery', () => {
  test('returns true for a filter or sort change and false for new words alone', () => {
    const base = { query: 'a', filters: { topic: ['X'] }, sort: 'relevance' as const };
    expect(differsBeyondQuery(base, { ...base, query: 'ab' })).toBe(false);
    expect(differsBeyondQuery(base, { ...base, filters: {} })).toBe(true);
    expect(differsBeyondQuery(base, { ...base, sort: 'newest' })).toBe(true);
  });
});

describe('authorBucket', () => {
  test('puts each author count in its range and organisations apart', () => {
    const of = (count: number) => authorBucket({ byline: { kind: 'authors', count } });
    expect([1, 2, 3, 4, 6, 7, 10, 11, 36].map(of)).toEqual(['1', '2–3', '2–3', '4–6', '4–6', '7–10', '7–10', '11+', '11+']);
    expect(authorBucket({ byline: { kind: 'organization', handle: 'nvidia', name: 'NVIDIA' } })).toBe('organisation');
  });
});

describe('searchFacetsOf', () => {
  test('returns every filter, both sort keys and the result metadata of a paper', () => {
    const facets = searchFacetsOf({ byline: { kind: 'authors', count: 5 }, date: '2025-03-04', upvotes: 7, code: ['https://github.com/a/b'] }, ['Speech and audio', 'Surveys']);
    expect(facets).toEqual({
      filters: [['topic', 'Speech and audio'], ['topic', 'Surveys'], ['year', '2025'], ['authors', '5 authors'], ['author range', '4–6 authors'], ['code', 'With code']],
      sorts: [['date', '2025-03-04'], ['upvotes', '7']],
      meta: [['date', '4 March 2025'], ['byline', '5 authors'], ['topic1', 'Speech and audio'], ['topic2', 'Surveys'], ['upvotes', '7 upvotes'], ['code', 'Code']],
    });
  });

  test('files an organisation paper without code under "Organisation" and "Without code", and shows no upvotes and no code when none', () => {
    const facets = searchFacetsOf({ byline: { kind: 'organization', handle: 'nvidia', name: 'NVIDIA' }, date: '2025-11-24', upvotes: 0, code: [] }, []);
    expect(facets.filters).toEqual([['year', '2025'], ['authors', 'Organisation'], ['author range', 'Organisation'], ['code', 'Without code']]);
    expect(facets.sorts).toEqual([['date', '2025-11-24'], ['upvotes', '0']]);
    expect(facets.meta).toEqual([['date', '24 November 2025'], ['byline', 'NVIDIA']]);
  });

  test('shows a named paper\'s short byline and its arXiv, PDF and Hugging Face addresses as result metadata', () => {
    const facets = searchFacetsOf({ byline: { kind: 'authors', count: 36 }, date: '2024-08-30', upvotes: 0, code: [], arxiv: '2408.16500', authorNames: ['Wenyi Hong'] }, []);
    expect(facets.meta).toEqual([
      ['date', '30 August 2024'],
      ['byline', 'Wenyi Hong and 35 others'],
      ['arxiv', 'https://arxiv.org/abs/2408.16500'],
      ['pdf', 'https://arxiv.org/pdf/2408.16500'],
      ['hf', 'https://huggingface.co/papers/2408.16500'],
    ]);
  });
});

describe('filterLabel and filterValue', () => {
  test('label every value a paper can be filed under, and read each label back to its URL value', () => {
    const cases = [
      ['authors', '1', '1 author'],
      ['authors', '36', '36 authors'],
      ['authors', 'organisation', 'Organisation'],
      ['range', '1', '1 author'],
      ['range', '2–3', '2–3 authors'],
      ['range', '11+', '11+ authors'],
      ['range', 'organisation', 'Organisation'],
      ['code', 'yes', 'With code'],
      ['code', 'no', 'Without code'],
      ['year', '2025', '2025'],
    ] as const;
    for (const [param, value, label] of cases) {
      expect(filterLabel(param, value)).toBe(label);
      expect(filterValue(param, label)).toBe(value);
    }
  });

  test('return undefined for what the filter does not have', () => {
    expect(filterLabel('authors', '0')).toBeUndefined();
    expect(filterLabel('range', '2-3')).toBeUndefined();
    expect(filterLabel('code', 'constructor')).toBeUndefined();
    expect(filterValue('authors', '1 authors')).toBeUndefined();
    expect(filterValue('authors', '07 authors')).toBeUndefined();
    expect(filterValue('code', 'yes')).toBeUndefined();
  });
});

describe('compareFilterValues', () => {
  test('orders author counts and ranges by number, words after them', () => {
    expect(['10 authors', 'Organisation', '2 authors', '1 author', '3 authors'].sort(compareFilterValues)).toEqual(['1 author', '2 authors', '3 authors', '10 authors', 'Organisation']);
    expect(['11+ authors', '2–3 authors', 'Organisation', '7–10 authors', '1 author', '4–6 authors'].sort(compareFilterValues)).toEqual([
      '1 author',
      '2–3 authors',
      '4–6 authors',
      '7–10 authors',
      '11+ authors',
      'Organisation',
    ]);
    expect(['Without code', 'With code'].sort(compareFilterValues)).toEqual(['With code', 'Without code']);
    expect(['Surveys', 'agents', 'Speech and audio'].sort(compareFilterValues)).toEqual(['agents', 'Speech and audio', 'Surveys']);
  });
});

describe('compareFilterNames', () => {
  test('orders the filter groups as the search page lists them, unknown ones last by name', () => {
    expect(['code', 'year', 'zeta', 'author range', 'authors', 'alpha', 'topic'].sort(compareFilterNames)).toEqual([
      'topic',
      'year',
      'authors',
      'author range',
      'code',
      'alpha',
      'zeta',
    ]);
  });
});

describe('formatFiltersButton', () => {
  test('counts every chosen value, and says only "Filters" when none is', () => {
    expect(formatFiltersButton({})).toBe('Filters');
    expect(formatFiltersButton({ topic: [] })).toBe('Filters');
    expect(formatFiltersButton({ topic: ['Surveys'] })).toBe('Filters (1)');
    expect(formatFiltersButton({ topic: ['Surveys', 'Speech and audio'], code: ['With code'] })).toBe('Filters (3)');
  });
});
