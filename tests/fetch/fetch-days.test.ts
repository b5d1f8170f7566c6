import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { fetchDays } from '../../src/fetch/fetch-days.ts';
import type { FetchOptions } from '../../src/lib/fetch/options.ts';
import { describeDay, type DayOutcome } from '../../src/lib/fetch/report.ts';
import { closedPortUrl, recordedAnswer, replay, startApiServer, type ApiServer, type Handler } from '../helpers/api-server.ts';

// The fetch's shell against a real local server replaying the API's recorded answers, and misbehaving on purpose.
// No test waits on a clock beyond a 200 ms timeout against a server that never answers; backoff is 1 ms.

let server: ApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A project folder with an empty seeds folder: messages say `seeds/<day>.json`. */
async function tempRoot(): Promise<{ root: string; seedsDir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'papershelf-fetch-'));
  return { root, seedsDir: join(root, 'seeds') };
}

async function run(handle: Handler | string, days: string[], extra: Partial<FetchOptions> = {}, folder?: { root: string; seedsDir: string }) {
  let api = handle as string;
  if (typeof handle !== 'string') {
    server = await startApiServer(handle);
    api = server.url;
  }
  const where = folder ?? (await tempRoot());
  const retries: string[] = [];
  const waits: number[] = [];
  const options: FetchOptions = { days, force: false, api: new URL(api), timeoutMs: 5000, retries: 3, backoffMs: 1, today: '2026-12-05', ...extra };
  const outcomes = await fetchDays(options, { ...where, onRetry: (line) => retries.push(line), sleep: async (ms) => void waits.push(ms) });
  return { ...where, outcomes, lines: outcomes.map(describeDay), retries, waits, files: await readdir(where.seedsDir) };
}

const failure = (outcome: DayOutcome | undefined) => (outcome?.kind === 'failed' ? outcome.reason : `not failed: ${outcome?.kind}`);

describe('fetchDays', () => {
  test('saves each day of a range as the API sent it, byte for byte, and skips a saved day unless forced', async () => {
    const first = await run(replay, ['2024-05-27', '2024-05-28']);
    expect(first.lines).toEqual(['2024-05-27: 13 papers, saved seeds/2024-05-27.json', '2024-05-28: 15 papers, saved seeds/2024-05-28.json']);
    expect(first.files.sort()).toEqual(['2024-05-27.json', '2024-05-28.json']);
    expect(await readFile(join(first.seedsDir, '2024-05-27.json'))).toEqual(recordedAnswer('2024-05-27'));

    const again = await run(server!.url, ['2024-05-27', '2024-05-28', '2024-05-29'], {}, first);
    expect(again.lines.slice(0, 2)).toEqual([
      '2024-05-27: already saved, skipped (seeds/2024-05-27.json; --force fetches it again)',
      '2024-05-28: already saved, skipped (seeds/2024-05-28.json; --force fetches it again)',
    ]);
    expect(server!.asked).toEqual(['2024-05-27', '2024-05-28', '2024-05-29']); // the skipped days were not asked again

    await writeFile(join(first.seedsDir, '2024-05-27.json'), '[]');
    const forced = await run(server!.url, ['2024-05-27'], { force: true }, first);
    expect(forced.lines).toEqual(['2024-05-27: 13 papers, saved seeds/2024-05-27.json']);
    expect(await readFile(join(first.seedsDir, '2024-05-27.json'))).toEqual(recordedAnswer('2024-05-27'));
  });

  test('saves nothing for a day that lists no papers (a weekend), and does not count it as a failure', async () => {
    const result = await run(replay, ['2024-06-01']);
    expect(result.outcomes).toEqual([{ day: '2024-06-01', kind: 'empty' }]);
    expect(result.lines).toEqual(['2024-06-01: no papers listed, nothing saved']);
    expect(result.files).toEqual([]);
  });

  test('gives up on a server that never answers after the timeout, naming the host, and writes nothing', async () => {
    const result = await run(() => {}, ['2024-05-27'], { timeoutMs: 200 });
    expect(result.lines).toEqual([`2024-05-27: failed: no complete answer from ${new URL(server!.url).host} within 200 ms (the timeout: --timeout, PAPERSHELF_FETCH_TIMEOUT_MS); nothing was written`]);
    expect(result.files).toEqual([]);
    expect(server!.asked).toHaveLength(1); // a timeout is not retried: it would multiply the wait
  });

  test('times out a server that sends half an answer and then stalls', async () => {
    const body = recordedAnswer('2024-05-27');
    const result = await run((_, response) => {
      response.writeHead(200, { 'content-length': body.length });
      response.write(body.subarray(0, body.length / 2));
    }, ['2024-05-27'], { timeoutMs: 200 });
    expect(failure(result.outcomes[0])).toMatch(/^no complete answer from 127\.0\.0\.1:\d+ within 200 ms/);
    expect(result.files).toEqual([]);
  });

  test('asks again after a 500 and saves the answer that follows, after the backoff', async () => {
    const result = await run((day, response, count) => (count === 1 ? response.writeHead(500).end() : replay(day, response, count)), ['2024-05-27']);
    expect(result.lines).toEqual(['2024-05-27: 13 papers, saved seeds/2024-05-27.json']);
    expect(result.retries).toEqual(['2024-05-27: the API answered 500, asking again in 1 ms (try 2 of 4)']);
    expect(result.waits).toEqual([1]);
    expect(server!.asked).toEqual(['2024-05-27', '2024-05-27']);
  });

  test('doubles the wait at each retry and fails after the last, saying how many tries it made', async () => {
    const result = await run((_, response) => response.writeHead(503).end(), ['2024-05-27'], { retries: 3, backoffMs: 10 });
    expect(result.waits).toEqual([10, 20, 40]);
    expect(result.lines).toEqual(['2024-05-27: failed: the API answered 503 Service Unavailable (4 tries); nothing was written']);
    expect(result.files).toEqual([]);
  });

  test("waits as long as a 429's Retry-After says, rather than the backoff", async () => {
    const result = await run(
      (day, response, count) => (count === 1 ? response.writeHead(429, { 'retry-after': '2' }).end() : replay(day, response, count)),
      ['2024-05-28'],
    );
    expect(result.waits).toEqual([2000]);
    expect(result.lines).toEqual(['2024-05-28: 15 papers, saved seeds/2024-05-28.json']);
  });

  test('stops at once when Retry-After asks for longer than it waits', async () => {
    const result = await run((_, response) => response.writeHead(429, { 'retry-after': '3600' }).end(), ['2024-05-28']);
    expect(result.waits).toEqual([]);
    expect(failure(result.outcomes[0])).toBe('the API answered 429 Too Many Requests and asks to wait 3600 s (Retry-After), longer than the 60 s this waits; try later');
    expect(result.files).toEqual([]);
  });

  test('rejects truncated JSON (a whole HTTP answer holding half a file) and writes nothing', async () => {
    const half = recordedAnswer('2024-05-27').subarray(0, 4000);
    const result = await run((_, response) => response.writeHead(200, { 'content-length': half.length }).end(half), ['2024-05-27']);
    expect(failure(result.outcomes[0])).toMatch(/^the answer \(4000 bytes\) is not JSON, or is cut short: /);
    expect(result.files).toEqual([]);
  });

  test('rejects an answer that is not a list, quoting the error the API sent', async () => {
    const result = await run((_, response) => response.writeHead(200).end('{"error":"Invalid date"}'), ['2024-05-27']);
    expect(result.lines).toEqual(['2024-05-27: failed: the answer is not a list of papers but an error: "Invalid date"; nothing was written']);
    expect(result.files).toEqual([]);
  });

  test('rejects a list whose entries lack paper.id', async () => {
    const entries = JSON.parse(recordedAnswer('2024-05-29').toString()) as Array<{ paper: Record<string, unknown> }>;
    delete entries[2]!.paper.id;
    const result = await run((_, response) => response.writeHead(200).end(JSON.stringify(entries)), ['2024-05-29']);
    expect(failure(result.outcomes[0])).toBe('entry 3: paper.id: expected a string');
    expect(result.files).toEqual([]);
  });

  test('says the connection was refused, naming the host, when nothing listens', async () => {
    const url = await closedPortUrl();
    const result = await run(url, ['2024-05-27', '2024-05-28']);
    const host = new URL(url).host;
    expect(result.lines).toEqual(['2024-05-27', '2024-05-28'].map((day) => `${day}: failed: cannot reach ${host}: connection refused (offline, or a wrong --api / PAPERSHELF_API); nothing was written`));
    expect(result.files).toEqual([]);
  });

  test('says the connection closed mid-answer, and keeps the file a forced refetch was to replace', async () => {
    const body = recordedAnswer('2024-05-27');
    const folder = await tempRoot();
    const saved = await run(replay, ['2024-05-27'], {}, folder);
    await server!.close();
    const result = await run((_, response) => {
      response.writeHead(200, { 'content-length': body.length });
      response.write(body.subarray(0, body.length / 2), () => response.destroy());
    }, ['2024-05-27'], { force: true }, folder);
    expect(failure(result.outcomes[0])).toMatch(/^the connection to 127\.0\.0\.1:\d+ closed before the answer was complete$/);
    expect(result.files).toEqual(saved.files); // no temporary file left beside it
    expect(await readFile(join(folder.seedsDir, '2024-05-27.json'))).toEqual(body);
  });
});
