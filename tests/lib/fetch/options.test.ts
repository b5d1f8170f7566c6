import { describe, expect, test } from 'vitest';
import { dayRange, MAX_DAYS } from '../../../src/lib/fetch/days.ts';
import { answerUrl, readFetchOptions } from '../../../src/lib/fetch/options.ts';

const today = '2024-12-31';
const read = (argv: string[], env: Record<string, string> = {}) => readFetchOptions(argv, env, today);

describe('dayRange', () => {
  test('returns every day from --from to --to, both included, across a month and a leap day', () => {
    expect(dayRange('2024-02-28', '2024-03-01', today)).toEqual({ days: ['2024-02-28', '2024-02-29', '2024-03-01'] });
  });

  test('returns one day when --from is --to', () => {
    expect(dayRange('2024-05-27', '2024-05-27', today)).toEqual({ days: ['2024-05-27'] });
  });

  test('returns a problem when --from is after --to, a date is not a day, or a day is after today', () => {
    expect(dayRange('2024-05-28', '2024-05-27', today)).toEqual({ problem: '--from 2024-05-28 is after --to 2024-05-27' });
    expect(dayRange('2023-02-29', '2023-03-01', today)).toEqual({ problem: '--from "2023-02-29" is not a date (expected YYYY-MM-DD, a day of the calendar)' });
    expect(dayRange('2024-12-30', '2025-01-02', today)).toEqual({ problem: '--to 2025-01-02 is after today (2024-12-31): its listing does not exist yet' });
  });

  test(`returns a problem for more than ${MAX_DAYS} days, and accepts exactly ${MAX_DAYS}`, () => {
    expect(dayRange('2023-01-01', '2024-12-31', today)).toEqual({ problem: `2023-01-01 to 2024-12-31 is more than ${MAX_DAYS} days; fetch it in parts` });
    expect((dayRange('2024-01-01', '2024-12-31', today) as { days: string[] }).days).toHaveLength(366);
  });
});

describe('readFetchOptions', () => {
  test('returns one day and the defaults for --date alone', () => {
    expect(read(['--date', '2024-05-27'])).toEqual({
      options: { days: ['2024-05-27'], force: false, api: new URL('https://huggingface.co'), timeoutMs: 30_000, retries: 3, backoffMs: 1000, today },
    });
  });

  test('reads the settings from the environment, and a flag wins over its variable', () => {
    const env = { PAPERSHELF_API: 'http://127.0.0.1:9999', PAPERSHELF_FETCH_TIMEOUT_MS: '200', PAPERSHELF_FETCH_RETRIES: '0', PAPERSHELF_FETCH_BACKOFF_MS: '1' };
    expect(read(['--date', '2024-05-27', '--force'], env)).toMatchObject({ options: { force: true, api: new URL(env.PAPERSHELF_API), timeoutMs: 200, retries: 0, backoffMs: 1 } });
    expect(read(['--date', '2024-05-27', '--api', 'https://mirror.example/hf/', '--timeout', '5000'], env)).toMatchObject({
      options: { api: new URL('https://mirror.example/hf/'), timeoutMs: 5000 },
    });
  });

  test('takes --to as today when only --from is given', () => {
    expect(read(['--from', '2024-12-30'])).toMatchObject({ options: { days: ['2024-12-30', '2024-12-31'] } });
  });

  test('returns a problem for a missing day, --date with a range, an unknown flag, a bad number or URL', () => {
    expect(read([])).toEqual({ problem: 'which day? Give --date, or --from (and --to)' });
    expect(read(['--to', '2024-05-27'])).toEqual({ problem: '--to needs --from' });
    expect(read(['--date', '2024-05-27', '--from', '2024-05-26'])).toEqual({ problem: '--date names one day; use --from and --to for a range, not both' });
    expect(read(['--date', '27/05/2024'])).toEqual({ problem: '--date "27/05/2024" is not a date (expected YYYY-MM-DD, a day of the calendar)' });
    expect(read(['--date', '2024-05-27', '--retry', '2'])).toMatchObject({ problem: expect.stringContaining("'--retry'") });
    expect(read(['--date', '2024-05-27', '--timeout', '0'])).toEqual({ problem: '--timeout is "0"; expected a whole number of at least 1' });
    expect(read(['--date', '2024-05-27'], { PAPERSHELF_FETCH_RETRIES: 'three' })).toEqual({ problem: 'PAPERSHELF_FETCH_RETRIES is "three"; expected a whole number of at least 0' });
    expect(read(['--date', '2024-05-27'], { PAPERSHELF_API: 'huggingface.co' })).toEqual({ problem: 'PAPERSHELF_API is "huggingface.co"; expected an http(s) URL such as https://huggingface.co' });
  });

  test('returns help for --help', () => {
    expect(read(['--help'])).toEqual({ help: true });
  });
});

describe('answerUrl', () => {
  test('asks <api>/api/daily_papers?date=<day>, keeping a path the base URL has', () => {
    expect(answerUrl(new URL('https://huggingface.co'), '2024-05-27').href).toBe('https://huggingface.co/api/daily_papers?date=2024-05-27');
    expect(answerUrl(new URL('http://127.0.0.1:8080/mirror'), '2024-05-27').href).toBe('http://127.0.0.1:8080/mirror/api/daily_papers?date=2024-05-27');
  });
});
