import { describe, expect, test } from 'vitest';
import { describeNetworkError } from '../../../src/lib/fetch/network-error.ts';
import { describeDay, describeRun, formatWait } from '../../../src/lib/fetch/report.ts';

const url = new URL('https://huggingface.co/api/daily_papers?date=2024-05-27');
/** An error shaped as Node's fetch throws it: `fetch failed`, the system's error as its cause. */
const fetchFailed = (code: string, message = `${code} huggingface.co`) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });

describe('describeDay', () => {
  test('returns the one summary line of each outcome', () => {
    expect(describeDay({ day: '2024-05-27', kind: 'saved', papers: 14, file: 'seeds/2024-05-27.json' })).toBe('2024-05-27: 14 papers, saved seeds/2024-05-27.json');
    expect(describeDay({ day: '2024-05-27', kind: 'saved', papers: 1, file: 'seeds/2024-05-27.json' })).toBe('2024-05-27: 1 paper, saved seeds/2024-05-27.json');
    expect(describeDay({ day: '2024-05-27', kind: 'skipped', file: 'seeds/2024-05-27.json' })).toBe('2024-05-27: already saved, skipped (seeds/2024-05-27.json; --force fetches it again)');
    expect(describeDay({ day: '2024-06-01', kind: 'empty' })).toBe('2024-06-01: no papers listed, nothing saved');
    expect(describeDay({ day: '2024-05-27', kind: 'failed', reason: 'the answer is empty' })).toBe('2024-05-27: failed: the answer is empty; nothing was written');
  });
});

describe('describeRun', () => {
  test('counts the days by outcome', () => {
    expect(describeRun([{ day: '2024-06-01', kind: 'empty' }])).toBe('1 day: 0 saved, 0 already saved, 1 with no papers, 0 failed');
    expect(describeRun([])).toBe('0 days: 0 saved, 0 already saved, 0 with no papers, 0 failed');
  });
});

describe('formatWait', () => {
  test('returns milliseconds under a second, else seconds', () => {
    expect([1, 200, 1000, 1500, 30_000].map(formatWait)).toEqual(['1 ms', '200 ms', '1 s', '1.5 s', '30 s']);
  });
});

describe('describeNetworkError', () => {
  test('names the host and says "offline" when its name does not resolve or the network is down', () => {
    expect(describeNetworkError(fetchFailed('ENOTFOUND'), url, 30_000)).toBe('cannot reach huggingface.co: its name does not resolve (ENOTFOUND; offline, or a wrong --api / PAPERSHELF_API)');
    expect(describeNetworkError(fetchFailed('EAI_AGAIN'), url, 30_000)).toContain('(EAI_AGAIN; offline');
    expect(describeNetworkError(fetchFailed('ENETUNREACH'), url, 30_000)).toBe('cannot reach huggingface.co: the network is unreachable (ENETUNREACH; offline)');
  });

  test('names the timeout setting when the answer did not come in time', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(describeNetworkError(timeout, url, 30_000)).toBe('no complete answer from huggingface.co within 30 s (the timeout: --timeout, PAPERSHELF_FETCH_TIMEOUT_MS)');
  });

  test("falls back on the cause's own words for an error it does not know", () => {
    expect(describeNetworkError(fetchFailed('ERR_TLS_CERT_ALTNAME_INVALID', 'certificate does not match'), url, 1000)).toBe('cannot reach huggingface.co: certificate does not match');
  });
});
