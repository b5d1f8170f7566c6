import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { closedPortUrl, recordedAnswer, replay, startApiServer, type ApiServer } from '../helpers/api-server.ts';
import { repoRoot } from '../helpers/fixture-site.ts';

// `npm run fetch` as a person runs it: a child process on the project's Node, its settings from the environment,
// a local server replaying the API's recorded answers. Backoff is 1 ms, so nothing waits on a clock.

const script = join(repoRoot, 'src/cli/fetch.ts');
let server: ApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  files: string[];
  seedsDir: string;
}

/** Runs the CLI in a fresh project folder (seeds in `seeds/`); `whileRunning` may act on the child before it ends. */
async function fetchCli(args: string[], api: string, whileRunning?: (child: ReturnType<typeof spawn>) => void): Promise<Run> {
  const root = await mkdtemp(join(tmpdir(), 'papershelf-fetch-cli-'));
  const seedsDir = join(root, 'seeds');
  const env = { ...process.env, PAPERSHELF_SEEDS: 'seeds', PAPERSHELF_API: api, PAPERSHELF_TODAY: '2024-12-31', PAPERSHELF_FETCH_BACKOFF_MS: '1' };
  const child = spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  whileRunning?.(child);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (...end) => resolve(end)));
  const files = await readdir(seedsDir).catch(() => []);
  return { code, signal, stdout, stderr, files, seedsDir };
}

describe('npm run fetch', () => {
  test('saves a range, reports one line a day and a total, and exits 1 when one day failed', async () => {
    server = await startApiServer((day, response, count) => (day === '2024-05-29' ? response.writeHead(500).end() : replay(day, response, count)));
    const run = await fetchCli(['--from', '2024-05-27', '--to', '2024-05-29', '--retries', '2'], server.url);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      '2024-05-27: 13 papers, saved seeds/2024-05-27.json\n2024-05-28: 15 papers, saved seeds/2024-05-28.json\n' +
        '3 days: 2 saved, 0 already saved, 0 with no papers, 1 failed\n',
    );
    expect(run.stderr).toBe(
      '2024-05-29: the API answered 500, asking again in 1 ms (try 2 of 3)\n2024-05-29: the API answered 500, asking again in 2 ms (try 3 of 3)\n' +
        '2024-05-29: failed: the API answered 500 Internal Server Error (3 tries); nothing was written\n',
    );
    expect(run.files.sort()).toEqual(['2024-05-27.json', '2024-05-28.json']);
    expect(await readFile(join(run.seedsDir, '2024-05-28.json'))).toEqual(recordedAnswer('2024-05-28'));
  });

  test('exits 0 when every day was saved or had no papers', async () => {
    server = await startApiServer();
    const run = await fetchCli(['--from', '2024-05-31', '--to', '2024-06-01'], server.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2024-06-01: no papers listed, nothing saved\n2 days: 1 saved, 0 already saved, 1 with no papers, 0 failed\n');
  });

  test('names the host and says nothing was written when offline (a closed port), with no stack trace', async () => {
    const api = await closedPortUrl();
    const run = await fetchCli(['--date', '2024-05-27'], api);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`2024-05-27: failed: cannot reach ${new URL(api).host}: connection refused (offline, or a wrong --api / PAPERSHELF_API); nothing was written\n`);
    expect(run.files).toEqual([]);
  });

  test('refuses an invalid date before asking anything, exit code 2, with the usage', async () => {
    server = await startApiServer();
    const run = await fetchCli(['--date', '2024-02-30'], server.url);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^npm run fetch: --date "2024-02-30" is not a date \(expected YYYY-MM-DD, a day of the calendar\)\nUsage: npm run fetch/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(server.asked).toEqual([]);
    expect(run.files).toEqual([]);
  });

  test('leaves nothing behind when killed while the answer arrives', async () => {
    const body = recordedAnswer('2024-05-27');
    let kill: () => void = () => {};
    server = await startApiServer((_, response) => {
      response.writeHead(200, { 'content-length': body.length });
      response.write(body.subarray(0, body.length / 2), () => kill());
    });
    const run = await fetchCli(['--date', '2024-05-27'], server.url, (child) => (kill = () => child.kill('SIGTERM')));
    expect(run.signal).toBe('SIGTERM');
    expect(run.files).toEqual([]);
  });
});
