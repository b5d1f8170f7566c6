import { describe, expect, test } from 'vitest';
import { similarStatus } from '../../../src/lib/similar/status.ts';

describe('similarStatus', () => {
  test('asks for stars on an empty shelf', () => {
    expect(similarStatus({ starred: 0, used: 0, unreachable: 0, suggestions: 0 })).toMatch(/^You have not starred any paper yet/);
  });

  test('counts the suggestions and says what they come from', () => {
    expect(similarStatus({ starred: 1, used: 1, unreachable: 0, suggestions: 1 })).toBe('1 paper like the paper you starred, most similar first; papers you starred or read are left out.');
    expect(similarStatus({ starred: 2, used: 2, unreachable: 0, suggestions: 7 })).toMatch(/^7 papers like the 2 papers you starred/);
    expect(similarStatus({ starred: 80, used: 50, unreachable: 0, suggestions: 20 })).toMatch(/^20 papers like your 50 most recently starred papers/);
  });

  test('says when related lists need the network, never that nothing is related while all of them do', () => {
    expect(similarStatus({ starred: 2, used: 2, unreachable: 1, suggestions: 3 })).toMatch(/The related papers of 1 starred paper need the network/);
    const offline = similarStatus({ starred: 2, used: 2, unreachable: 2, suggestions: 0 });
    expect(offline).toBe('The related papers of 2 starred papers need the network: this device has not kept them yet.');
    expect(similarStatus({ starred: 2, used: 2, unreachable: 0, suggestions: 0 })).toMatch(/^No paper you have not starred or read is related to the 2 papers you starred\.$/);
  });
});
