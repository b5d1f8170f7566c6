import { parseArgs } from 'node:util';
import { dayProblem, dayRange } from './days.ts';

/** The API answering when neither --api nor PAPERSHELF_API names another. */
export const DEFAULT_API = 'https://huggingface.co';

/** What one `npm run fetch` does: which days, from where, how patiently. */
export interface FetchOptions {
  /** The days to fetch, `YYYY-MM-DD`, in order. */
  days: string[];
  /** Fetch a day again although `seeds/<day>.json` exists. */
  force: boolean;
  /** The API's base URL (`https://huggingface.co`); the answer is at `<api>/api/daily_papers?date=<day>`. */
  api: URL;
  /** How long one request may take, answer included (ms). */
  timeoutMs: number;
  /** How many times a 429 or 5xx is asked again. */
  retries: number;
  /** The first retry's wait (ms), doubled at each next one, unless the server sends Retry-After. */
  backoffMs: number;
  /** The day of the run (`YYYY-MM-DD`): an answer's papers are checked against it as the ingest checks them. */
  today: string;
}

/** How to call it, printed with a wrong argument and for --help. */
export const USAGE = `Usage: npm run fetch -- --date YYYY-MM-DD | --from YYYY-MM-DD [--to YYYY-MM-DD]
  [--force] [--api URL] [--timeout MS] [--retries N] [--backoff MS]
  Saves each day's Daily Papers answer as seeds/<day>.json (PAPERSHELF_SEEDS names another folder).
  --to defaults to today. Settings also come from PAPERSHELF_API, PAPERSHELF_FETCH_TIMEOUT_MS (30000),
  PAPERSHELF_FETCH_RETRIES (3) and PAPERSHELF_FETCH_BACKOFF_MS (1000); a flag wins over its variable.`;

const NUMBERS = [
  ['timeout', 'PAPERSHELF_FETCH_TIMEOUT_MS', 30_000, 1],
  ['retries', 'PAPERSHELF_FETCH_RETRIES', 3, 0],
  ['backoff', 'PAPERSHELF_FETCH_BACKOFF_MS', 1000, 0],
] as const;

/** Reads the command line and the environment (both passed in) into options, or the problem to show with USAGE. */
export function readFetchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, today: string): { options: FetchOptions } | { help: true } | { problem: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        date: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' },
        api: { type: 'string' }, timeout: { type: 'string' }, retries: { type: 'string' }, backoff: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { problem: (error as Error).message };
  }
  if (values.help) return { help: true };

  const days = readDays(values.date, values.from, values.to, today);
  if ('problem' in days) return days;
  const api = readApi(values.api ?? env.PAPERSHELF_API ?? DEFAULT_API, values.api ? '--api' : 'PAPERSHELF_API');
  if ('problem' in api) return api;
  const numbers: Record<string, number> = {};
  for (const [flag, variable, fallback, least] of NUMBERS) {
    const [text, source] = values[flag] !== undefined ? [values[flag], `--${flag}`] : [env[variable] || undefined, variable];
    const value = text === undefined ? fallback : Number(text);
    if (!Number.isInteger(value) || value < least) return { problem: `${source} is "${text}"; expected a whole number of at least ${least}` };
    numbers[flag] = value;
  }
  return { options: { days: days.days, force: values.force ?? false, api: api.url, timeoutMs: numbers.timeout!, retries: numbers.retries!, backoffMs: numbers.backoff!, today } };
}

/** Where one day's answer is asked for: `<api>/api/daily_papers?date=<day>`, keeping a path the base may have. */
export function answerUrl(api: URL, day: string): URL {
  const base = api.href.endsWith('/') ? api.href : `${api.href}/`;
  const url = new URL('api/daily_papers', base);
  url.searchParams.set('date', day);
  return url;
}

function readDays(date: string | undefined, from: string | undefined, to: string | undefined, today: string): { days: string[] } | { problem: string } {
  if (date !== undefined) {
    if (from !== undefined || to !== undefined) return { problem: '--date names one day; use --from and --to for a range, not both' };
    const problem = dayProblem(date, today);
    return problem ? { problem: `--date ${problem}` } : { days: [date] };
  }
  if (from === undefined) return { problem: to === undefined ? 'which day? Give --date, or --from (and --to)' : '--to needs --from' };
  return dayRange(from, to ?? today, today);
}

function readApi(text: string, source: string): { url: URL } | { problem: string } {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return { problem: `${source} is "${text}"; expected an http(s) URL such as ${DEFAULT_API}` };
  return { url };
}
