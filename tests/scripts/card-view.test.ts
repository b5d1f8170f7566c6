import { describe, expect, test } from 'vitest';
import { CARD_VIEW_EARLY, CARD_VIEW_KEY, cardViewOf } from '../../src/scripts/card-view.ts';

describe('cardViewOf', () => {
  test('returns roomy only for a stored "roomy"', () => {
    expect(cardViewOf('roomy')).toBe('roomy');
  });

  test('returns compact, the default, for nothing stored, a refused storage or anything else', () => {
    for (const stored of [null, undefined, '', 'compact', 'Roomy']) expect(cardViewOf(stored)).toBe('compact');
  });
});

describe('CARD_VIEW_EARLY', () => {
  test('reads the same key the toggle writes', () => {
    expect(CARD_VIEW_EARLY).toContain(JSON.stringify(CARD_VIEW_KEY));
  });
});
