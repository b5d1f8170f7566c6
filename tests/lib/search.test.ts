import { describe, expect, test } from 'vitest';
import { differsBeyondQuery, searchParamsFromState, stateFromSearchParams } from '../../src/lib/search.ts';

describe('stateFromSearchParams', () => {
  test('reads the query, several values of a filter and the sort', () => {
    const state = stateFromSearchParams(new URLSearchParams('q=spiking&topic=Speech+and+audio&topic=Surveys&range=2%E2%80%933&sort=newest'));
    expect(state).toEqual({ query: 'spiking', filters: { topic: ['Speech and audio', 'Surveys'], 'author range': ['2–3'] }, sort: 'newest' });
  });

  test('falls back to relevance and no filters for an empty or unknown URL', () => {
    expect(stateFromSearchParams(new URLSearchParams('sort=random&foo=bar'))).toEqual({ query: '', filters: {}, sort: 'relevance' });
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
