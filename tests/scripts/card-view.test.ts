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
  /** Runs the inline script against a stored value (or a storage that throws) and returns the view it set. */
  function runEarly(getItem: (key: string) => string | null): string | undefined {
    const document = { documentElement: { dataset: {} as Record<string, string> } };
    new Function('localStorage', 'document', CARD_VIEW_EARLY)({ getItem }, document);
    return document.documentElement.dataset.cards;
  }

  test('sets the roomy view before the list is drawn when the toggle stored it, under the toggle\'s key', () => {
    expect(runEarly((key) => (key === CARD_VIEW_KEY ? 'roomy' : null))).toBe('roomy');
  });

  test('leaves the compact default for nothing stored, another value, or a storage that refuses', () => {
    expect(runEarly(() => null)).toBeUndefined();
    expect(runEarly(() => 'compact')).toBeUndefined();
    expect(runEarly(() => {
      throw new Error('SecurityError');
    })).toBeUndefined();
  });
});
