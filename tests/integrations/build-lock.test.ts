import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AstroError } from 'astro/errors';
import { describe, expect, test, vi } from 'vitest';
import papershelf from '../../src/integrations/papershelf.ts';
import {
  busyMessage,
  formatDuration,
  isStale,
  lockFileOf,
  locksFor,
  parseOwner,
  STALE_AFTER_MS,
  takeLocks,
  takeOverMessage,
  type LockOwner,
} from '../../src/integrations/build-lock.ts';

const owner: LockOwner = { pid: 4242, host: 'here', command: 'astro build', since: '2026-11-25T18:08:51.826Z' };
const now = new Date('2026-11-25T18:09:26.826Z');

describe('lockFileOf', () => {
  test('returns the lock beside the folder, with or without a trailing slash', () => {
    expect(lockFileOf('/site/dist')).toBe('/site/dist.lock');
    expect(lockFileOf('/site/dist/')).toBe('/site/dist.lock');
  });
});

describe('parseOwner', () => {
  test('returns the owner written in a lock file', () => {
    expect(parseOwner(`${JSON.stringify(owner)}\n`)).toEqual(owner);
  });

  test('returns undefined for a lock being written, damaged, or missing a field', () => {
    expect(parseOwner('')).toBeUndefined();
    expect(parseOwner('{"pid": 42')).toBeUndefined();
    expect(parseOwner(JSON.stringify({ ...owner, pid: '4242' }))).toBeUndefined();
    expect(parseOwner(JSON.stringify({ pid: 4242 }))).toBeUndefined();
  });
});

describe('isStale', () => {
  const fresh = { host: 'here', alive: true, heartbeatAge: 10_000 };

  test('returns false for a live holder that keeps its heartbeat', () => {
    expect(isStale(owner, fresh)).toBe(false);
  });

  test("returns true when the holder's pid is gone on this machine, however fresh its heartbeat", () => {
    expect(isStale(owner, { ...fresh, alive: false, heartbeatAge: 0 })).toBe(true);
  });

  test('returns false for a holder on another machine (its pid says nothing here) until its heartbeat is stale', () => {
    expect(isStale({ ...owner, host: 'there' }, { ...fresh, alive: false })).toBe(false);
    expect(isStale({ ...owner, host: 'there' }, { ...fresh, alive: false, heartbeatAge: STALE_AFTER_MS + 1 })).toBe(true);
  });

  test('returns true for a lock untouched for longer than STALE_AFTER_MS, even when its pid is alive (reused)', () => {
    expect(isStale(owner, { ...fresh, heartbeatAge: STALE_AFTER_MS })).toBe(false);
    expect(isStale(owner, { ...fresh, heartbeatAge: STALE_AFTER_MS + 1 })).toBe(true);
  });

  test('returns true at once for a lock that names no holder: a lock is written whole, so nothing is taking it', () => {
    expect(isStale(undefined, { ...fresh, heartbeatAge: 0 })).toBe(true);
  });
});

describe('formatDuration', () => {
  test('returns seconds under a minute, minutes under an hour, then hours and minutes', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59_400)).toBe('59 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(59 * 60_000 + 59_000)).toBe('59 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(7_500_000)).toBe('2 h 5 min');
  });
});

describe('busyMessage', () => {
  test('names the running command, its pid, since when and the lock, and says what to do', () => {
    expect(busyMessage(owner, 'dist.lock', 'here', now)).toEqual({
      message: 'Another build is running in this project: astro build, pid 4242, since 2026-11-25 18:08:51 UTC (35 s ago). It holds dist.lock.',
      hint: 'Wait for it to finish or stop it (kill 4242), then run this again. A lock whose process has ended is taken over by the next run, so there is nothing to delete.',
    });
  });

  test('names the machine of a holder on another one, and when its lock is taken over', () => {
    const { message, hint } = busyMessage({ ...owner, host: 'there', command: 'astro dev' }, 'content.lock', 'here', now);
    expect(message).toBe('Another build is running in this project: astro dev, pid 4242 on there, since 2026-11-25 18:08:51 UTC (35 s ago). It holds content.lock.');
    expect(hint).toBe('Wait for it to finish or stop it on there, then run this again. A lock from another machine is taken over once it has gone 1 min without a heartbeat.');
  });

  test('still says what is going on when the lock names no holder yet', () => {
    expect(busyMessage(undefined, 'dist.lock', 'here', now).message).toBe('Another build is running in this project: it is taking dist.lock right now.');
  });
});

describe('takeOverMessage', () => {
  test('says whose lock it was and why it was abandoned', () => {
    expect(takeOverMessage(owner, 'dist.lock', { host: 'here', alive: false, heartbeatAge: 1000 })).toBe(
      'took over dist.lock, left by astro build (pid 4242), which is no longer running',
    );
    expect(takeOverMessage({ ...owner, host: 'there' }, 'dist.lock', { host: 'here', alive: false, heartbeatAge: 300_000 })).toBe(
      'took over dist.lock, left by astro build (pid 4242 on there), which has not touched it for 5 min',
    );
    expect(takeOverMessage(undefined, 'dist.lock', { host: 'here', alive: true, heartbeatAge: 120_000, text: '' })).toBe(
      'took over dist.lock, which named no holder (an empty file): a run that stopped while taking it leaves one',
    );
  });
});

describe('locksFor', () => {
  const folders = { contentDir: '/site/content', outDir: '/site/dist' };
  test('locks content and outDir for a build, content for a dev server, each until it exits', () => {
    expect(locksFor('build', folders)).toEqual({ folders: ['/site/content', '/site/dist'], until: 'exit' });
    expect(locksFor('dev', folders)).toEqual({ folders: ['/site/content'], until: 'exit' });
  });

  test('locks content only while it ingests for any other command, so a preview server does not block builds', () => {
    expect(locksFor('preview', folders)).toEqual({ folders: ['/site/content'], until: 'ingest' });
    expect(locksFor('sync', folders)).toEqual({ folders: ['/site/content'], until: 'ingest' });
  });
});

describe('takeLocks', () => {
  /** A project folder with its content and dist folders' paths (the folders need not exist). */
  async function project() {
    const root = await mkdtemp(join(tmpdir(), 'papershelf-lock-'));
    return { root, content: join(root, 'content'), dist: join(root, 'dist') };
  }
  /** Writes a lock file as another process would have. */
  function writeLock(folder: string, holder: Partial<LockOwner>): void {
    writeFileSync(lockFileOf(folder), JSON.stringify({ ...owner, host: hostname(), ...holder }));
  }
  /** The pid of a process that has ended. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

  test('takes free locks, writing who holds them, and removes them on release', async () => {
    const { root, content, dist } = await project();
    const lock = takeLocks([content, dist], 'astro build', { root });
    expect(lock.taken).toEqual([lockFileOf(content), lockFileOf(dist)]);
    expect(parseOwner(readFileSync(lockFileOf(dist), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), command: 'astro build' });
    lock.release();
    expect(existsSync(lockFileOf(content)) || existsSync(lockFileOf(dist))).toBe(false);
  });

  test('throws an AstroError without a stack naming a live holder, and keeps none of the locks', async () => {
    const { root, content, dist } = await project();
    // The process that runs the tests: alive, and not this one.
    writeLock(dist, { pid: process.ppid });
    const taking = () => takeLocks([content, dist], 'astro build', { root });
    expect(taking).toThrow(AstroError);
    expect(taking).toThrow(`astro build, pid ${process.ppid}, since 2026-11-25 18:08:51 UTC`);
    try {
      taking();
    } catch (error) {
      expect((error as AstroError).hint).toContain(`kill ${process.ppid}`);
      expect((error as Error).stack).toBe('');
    }
    expect(existsSync(lockFileOf(content))).toBe(false);
    expect(parseOwner(readFileSync(lockFileOf(dist), 'utf8'))?.pid).toBe(process.ppid);
  });

  test('takes over a lock whose holder has ended, and says so', async () => {
    const { root, content } = await project();
    const pid = deadPid();
    writeLock(content, { pid });
    const reports: string[] = [];
    const lock = takeLocks([content], 'astro build', { root, onTakeOver: (text) => reports.push(text) });
    expect(reports).toEqual([`took over content.lock, left by astro build (pid ${pid}), which is no longer running`]);
    expect(parseOwner(readFileSync(lockFileOf(content), 'utf8'))?.pid).toBe(process.pid);
    lock.release();
  });

  test('takes over a lock with a live pid that has gone STALE_AFTER_MS without a heartbeat', async () => {
    const { root, content } = await project();
    writeLock(content, { pid: process.ppid });
    const old = new Date(Date.now() - 2 * STALE_AFTER_MS);
    utimesSync(lockFileOf(content), old, old);
    const reports: string[] = [];
    const lock = takeLocks([content], 'astro build', { root, onTakeOver: (text) => reports.push(text) });
    expect(reports).toEqual([`took over content.lock, left by astro build (pid ${process.ppid}), which has not touched it for 2 min`]);
    lock.release();
  });

  test("takes over a lock with this process's pid that this process did not take (a dead predecessor's, in a container)", async () => {
    const { root, content } = await project();
    writeLock(content, { pid: process.pid });
    const lock = takeLocks([content], 'astro build', { root });
    expect(lock.taken).toEqual([lockFileOf(content)]);
    lock.release();
  });

  test('a 0-byte lock file (content.lock / dist.lock), or one that holds no owner, is taken over at once with a log line', async () => {
    const { root, content, dist } = await project();
    writeFileSync(lockFileOf(content), ''); // a crash between create and write
    writeFileSync(lockFileOf(dist), '{"pid": 42'); // damaged
    const reports: string[] = [];
    const started = Date.now();
    const lock = takeLocks([content, dist], 'astro build', { root, onTakeOver: (text) => reports.push(text) });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(reports).toEqual([
      'took over content.lock, which named no holder (an empty file): a run that stopped while taking it leaves one',
      'took over dist.lock, which named no holder (not a lock file this tool wrote): a run that stopped while taking it leaves one',
    ]);
    expect(parseOwner(readFileSync(lockFileOf(dist), 'utf8'))?.pid).toBe(process.pid);
    lock.release();
    expect(readdirSync(root)).toEqual([]); // no temporary file left beside the locks
  });

  test('does not take again a lock this process holds, and leaves it to its taker', async () => {
    const { root, content, dist } = await project();
    const first = takeLocks([content], 'astro build', { root });
    const again = takeLocks([content, dist], 'astro build', { root });
    expect(again.taken).toEqual([lockFileOf(dist)]);
    again.release();
    expect(existsSync(lockFileOf(content))).toBe(true);
    expect(existsSync(lockFileOf(dist))).toBe(false);
    first.release();
    expect(existsSync(lockFileOf(content))).toBe(false);
  });
});

describe('papershelf integration', () => {
  test('a second build is refused with a plain message naming the running build and a hint, not as an unhandled error', async () => {
    const root = await mkdtemp(join(tmpdir(), 'papershelf-lock-'));
    // The process that runs the tests holds the content folder's lock: alive, and not this one.
    writeFileSync(lockFileOf(join(root, 'content')), JSON.stringify({ ...owner, pid: process.ppid, host: hostname() }));
    const logged: string[] = [];
    const logger = { info: () => {}, warn: () => {}, error: (text: string) => logged.push(text) };
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    vi.stubEnv('PAPERSHELF_CONTENT', '');
    vi.stubEnv('PAPERSHELF_SEEDS', '');
    try {
      const setup = papershelf().hooks['astro:config:setup']!;
      const options = { command: 'build', config: { root: new URL(`file://${root}/`), outDir: new URL(`file://${root}/dist/`) }, logger, updateConfig: () => {} };
      // Astro prints anything a hook throws under "An unhandled error occurred while running the astro:config:setup hook".
      await expect(setup(options as never)).rejects.toThrow('exit 1');
    } finally {
      exit.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(`Another build is running in this project: astro build, pid ${process.ppid}, since 2026-11-25 18:08:51 UTC`);
    expect(logged[0]).toContain(`Hint:\n    Wait for it to finish or stop it (kill ${process.ppid})`);
  });
});
