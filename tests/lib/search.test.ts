import { describe, expect, test } from 'vitest';
import { authorBucket, differsBeyondQuery, searchFacetsOf, searchParamsFromState, stateFromSearchParams } from '../../src/lib/search.ts';

describe('stateFromSearchParams', () => {
  test('reads the query, several values of a filter and the sort', () => {
    const state = stateFromSearchParams(new URLSearchParams('q=spiking&topic=Speech+and+audio&topic=Surveys&range=2%E2%80%933&sort=newest'));
    expect(state).toEqual({ query: 'spiking', filters: { topic: ['Speech and audio', 'Surveys'], 'author range': ['2–3'] }, sort: 'newest' });
  });

  test('falls back to relevance and no filters for an empty or unknown URL', () => {
    expect(stateFromSearchParams(new URLSearchParams('sort=random&foo=bar'))).toEqual({ query: '', filters: {}, sort: 'relevance' });
    expect(stateFromSearchParams(new URLSearchParams('sort=constructor')).sort).toBe('relevance');
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
    const params = searchParamsFromState({ query: 'rag', filters: { topic: ['B', 'A'], code: ['yes'] }, sort: 'relevance' });
    expect(params.toString()).toBe('q=rag&topic=A&topic=B&code=yes');
    expect(stateFromSearchParams(params)).toEqual({ query: 'rag', filters: { topic: ['A', 'B'], code: ['yes'] }, sort: 'relevance' });
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
      filters: [['topic', 'Speech and audio'], ['topic', 'Surveys'], ['year', '2025'], ['authors', '5'], ['author range', '4–6'], ['code', 'yes']],
      sorts: [['date', '2025-03-04'], ['upvotes', '7']],
      meta: [['date', '4 March 2025'], ['topics', 'Speech and audio, Surveys']],
    });
  });

  test('files an organisation paper without code under "organisation" and "no"', () => {
    const facets = searchFacetsOf({ byline: { kind: 'organization', handle: 'nvidia', name: 'NVIDIA' }, date: '2025-11-24', upvotes: 0, code: [] }, []);
    expect(facets.filters).toEqual([['year', '2025'], ['authors', 'organisation'], ['author range', 'organisation'], ['code', 'no']]);
    expect(facets.sorts).toEqual([['date', '2025-11-24'], ['upvotes', '0']]);
  });
});
