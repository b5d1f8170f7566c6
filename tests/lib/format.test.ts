import { describe, expect, test } from 'vitest';
import { formatPaperCount } from '../../src/lib/format.ts';

describe('formatPaperCount', () => {
  test('uses the singular for one', () => {
    expect([formatPaperCount(0), formatPaperCount(1), formatPaperCount(8)]).toEqual(['0 papers', '1 paper', '8 papers']);
  });
});
