import { describe, expect, test } from 'vitest';
import { backoffDelay, isRetryable, planRetry, readRetryAfter } from '../../../src/lib/fetch/retry.ts';

const now = new Date('2024-05-27T12:00:00Z');
const settings = { retries: 3, backoffMs: 1000 };

describe('isRetryable', () => {
  test('returns true for 429 and 5xx only', () => {
    expect([429, 500, 502, 503, 599].map(isRetryable)).toEqual([true, true, true, true, true]);
    expect([200, 400, 404, 410, 600].map(isRetryable)).toEqual([false, false, false, false, false]);
  });
});

describe('readRetryAfter', () => {
  test('reads seconds and HTTP dates, and returns undefined for nothing or nonsense', () => {
    expect(readRetryAfter('2', now)).toBe(2000);
    expect(readRetryAfter(' 0 ', now)).toBe(0);
    expect(readRetryAfter('Mon, 27 May 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(readRetryAfter('Mon, 27 May 2024 11:00:00 GMT', now)).toBe(0); // a date already past: no wait
    expect([null, undefined, '', 'soon', '-1', '1.5'].map((header) => readRetryAfter(header, now))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('backoffDelay', () => {
  test('doubles from the base at each retry', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });
});

describe('planRetry', () => {
  test('returns the backoff for a 5xx while retries remain, then stops, counting the tries', () => {
    const answer = { status: 503, statusText: 'Service Unavailable' };
    expect([0, 1, 2].map((done) => planRetry(answer, done, settings))).toEqual([{ waitMs: 1000 }, { waitMs: 2000 }, { waitMs: 4000 }]);
    expect(planRetry(answer, 3, settings)).toEqual({ stop: 'the API answered 503 Service Unavailable (4 tries)' });
    expect(planRetry(answer, 0, { retries: 0, backoffMs: 1 })).toEqual({ stop: 'the API answered 503 Service Unavailable (1 try)' });
  });

  test("returns the server's Retry-After rather than the backoff, and stops when it is longer than a minute", () => {
    expect(planRetry({ status: 429, statusText: 'Too Many Requests', retryAfterMs: 5000 }, 2, settings)).toEqual({ waitMs: 5000 });
    expect(planRetry({ status: 429, statusText: '', retryAfterMs: 120_000 }, 0, settings)).toEqual({
      stop: 'the API answered 429 and asks to wait 120 s (Retry-After), longer than the 60 s this waits; try later',
    });
  });

  test('stops at once for a status that another try will not change', () => {
    expect(planRetry({ status: 404, statusText: 'Not Found' }, 0, settings)).toEqual({ stop: 'the API answered 404 Not Found' });
  });
});
