import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { lockFileOf } from '../../src/integrations/build-lock.ts';
import { buildSite, createFixtureSite, repoRoot, siteEnv, type FixtureSite } from '../helpers/fixture-site.ts';

// Real `astro build`s of the fixture digests (plus 30 fillers), started, paused and killed by these tests: a build is
// whole when its dist is byte for byte that of a build that ran alone. Waits are on log lines and exits, never a clock.
const FILLERS = 30;
/** The line a build logs once it holds its locks (build-lock.ts `lockProject`). */
const HOLDS_LOCK = /taken for astro build \(pid (\d+)\)/;

let lone: Map<string, string>;
let loneSite: FixtureSite;

beforeAll(async () => {
  loneSite = await createFixtureSite({ fillers: FILLERS });
  const built = await buildSite(loneSite, join(loneSite.dir, 'dist'));
  expect(built.code, built.output).toBe(0);
  lone = await hashTree(join(loneSite.dir, 'dist'));
}, 240_000);

/** Every file below `dir`, by its path there, with its SHA-256. */
async function hashTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), createHash('sha256').update(await readFile(path)).digest('hex'));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** The lock files of a fixture site's build into `dist`, as they exist. */
function lockFiles(site: FixtureSite, dist: string): string[] {
  return [lockFileOf(site.contentDir), lockFileOf(dist)].filter((file) => existsSync(file));
}

/** A running build: the process, a promise for the first log line matching a pattern, and one for its exit. */
interface RunningBuild {
  child: ChildProcess;
  until: (pattern: RegExp) => Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

/** Starts `astro build` on a fixture site exactly as `buildSite` runs it (same folder, same environment). */
async function startBuild(site: FixtureSite, outDir: string): Promise<RunningBuild> {
  const cwd = join(repoRoot, 'node_modules/.cache/papershelf-builds', basename(site.dir));
  await mkdir(cwd, { recursive: true });
  const args = [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', repoRoot, '--outDir', outDir];
  const child = spawn(process.execPath, args, { cwd, env: siteEnv(site), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waiting: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
    for (const wait of [...waiting]) {
      const match = output.match(wait.pattern);
      if (match) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(match);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
  const until = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const match = output.match(pattern);
      if (match) return resolve(match);
      waiting.push({ pattern, resolve });
      void exited.then(({ code, signal }) => reject(new Error(`the build ended (${code ?? signal}) before ${pattern}:\n${output}`)));
    });
  return { child, until, exited };
}

describe('builds that are not whole', () => {
  test("two builds at once: the second stops and names the running one; the first's dist is whole", async () => {
    const site = await createFixtureSite({ fillers: FILLERS });
    const dist = join(site.dir, 'dist');
    const first = await startBuild(site, dist);
    const [, pid] = await first.until(HOLDS_LOCK);
    expect(Number(pid)).toBe(first.child.pid);
    // Paused, the first build still holds its locks, and the second surely starts while it runs, however busy the
    // machine is.
    first.child.kill('SIGSTOP');
    const second = await buildSite(site, dist);
    first.child.kill('SIGCONT');

    expect(second.code, second.output).not.toBe(0);
    expect(second.output).toContain(`Another build is running in this project: astro build, pid ${pid}, since `);
    expect(second.output).toContain(`It holds ${lockFileOf(site.contentDir)}.`);
    expect(second.output).toContain(`Wait for it to finish or stop it (kill ${pid})`);
    // A message and a hint, no stack trace.
    expect(second.output).not.toMatch(/Stack trace|^\s+at /m);
    expect(second.output).not.toMatch(/unhandled error/i);

    const done = await first.exited;
    expect(done.code, done.output).toBe(0);
    expect(await hashTree(dist)).toEqual(lone);
    expect(lockFiles(site, dist)).toEqual([]);
  }, 300_000);

  test('a lock left by a killed build does not block the next', async () => {
    const site = await createFixtureSite({ fillers: FILLERS });
    const dist = join(site.dir, 'dist');
    const killed = await startBuild(site, dist);
    const [, pid] = await killed.until(HOLDS_LOCK);
    killed.child.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    expect(lockFiles(site, dist)).toEqual([lockFileOf(site.contentDir), lockFileOf(dist)]);

    const next = await buildSite(site, dist);
    expect(next.code, next.output).toBe(0);
    expect(next.output).toContain(`took over ${lockFileOf(site.contentDir)}, left by astro build (pid ${pid}), which is no longer running`);
    expect(next.output).toContain(`took over ${lockFileOf(dist)}, left by astro build (pid ${pid}), which is no longer running`);
    expect(await hashTree(dist)).toEqual(lone);
    expect(lockFiles(site, dist)).toEqual([]);
  }, 300_000);

  test('a build releases its locks when it fails or is interrupted', async () => {
    const bad = await createFixtureSite();
    await writeFile(join(bad.seedsDir, '007_bad.txt'), 'Apr 13\n\nBad One\n\nText.\n\n  • x authors\n·\nJan 1, 2025\n');
    const failed = await buildSite(bad, join(bad.dir, 'dist'));
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(HOLDS_LOCK);
    expect(lockFiles(bad, join(bad.dir, 'dist'))).toEqual([]);

    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const site = await createFixtureSite();
      const dist = join(site.dir, 'dist');
      const build = await startBuild(site, dist);
      await build.until(HOLDS_LOCK);
      build.child.kill(signal);
      const ended = await build.exited;
      expect(ended.code === 0, ended.output).toBe(false);
      expect(lockFiles(site, dist), signal).toEqual([]);
    }
  }, 300_000);

  test('two builds of the same seeds give a byte-identical dist', async () => {
    // Fresh content in another folder, built in another working folder.
    const other = await createFixtureSite({ fillers: FILLERS });
    const built = await buildSite(other, join(other.dir, 'dist'));
    expect(built.code, built.output).toBe(0);
    const fresh = await hashTree(join(other.dir, 'dist'));
    expect([...fresh.keys()]).toEqual([...lone.keys()]);
    expect(fresh).toEqual(lone);

    // Again over the first build's content, dist and caches: nothing changed, so readers' offline caches stay valid.
    const again = await buildSite(loneSite, join(loneSite.dir, 'dist'));
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain('papers: 0 new, 0 changed, 36 unchanged');
    const rebuilt = await hashTree(join(loneSite.dir, 'dist'));
    expect(rebuilt.get('sw.js')).toBe(lone.get('sw.js'));
    expect(rebuilt).toEqual(lone);
  }, 300_000);
});
