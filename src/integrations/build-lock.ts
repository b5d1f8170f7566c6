import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, isAbsolute, relative } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { onExit } from 'signal-exit';
import { busyMessage, formatDuration, isStale, locksFor, lockFileOf, parseOwner, STALE_AFTER_MS, HEARTBEAT_MS, takeOverMessage, type LockFacts, type LockOwner } from '../lib/site/lock-owner.ts';
import { inputError } from '../lib/shared/input-error.ts';

export { busyMessage, formatDuration, isStale, lockFileOf, locksFor, parseOwner, STALE_AFTER_MS, HEARTBEAT_MS, takeOverMessage, type LockFacts, type LockOwner } from '../lib/site/lock-owner.ts';

/*
 * One build at a time per project. A build writes two folders: the content folder (the ingest's items) and its
 * outDir (Astro empties it, renders into it, then Pagefind and the service worker are written into it). Two builds
 * sharing either one leave a folder that is neither's, so each folder has a lock, a file beside it named
 * `<folder>.lock` (`content.lock`, `dist.lock`), and a build holds both from its first hook until its process exits.
 * Beside the folder, not in it: Astro empties the outDir at the start of a build, and the content folder holds only
 * items. Per folder, not per machine: two projects (or the tests' fixture sites) never block each other.
 *
 * The lock file says who holds it (pid, host, command, since), written whole before it is linked into place, so a
 * lock file that names no holder (empty after a crash mid-write on a disk, or damaged) is nobody's and is taken over
 * at once. Its holder touches it every HEARTBEAT_MS. A build
 * killed outright (SIGKILL, a power cut) cannot remove its lock; the next one takes it over at once when the holder's
 * pid is gone on this machine, and otherwise (a reused pid, another machine on a shared disk) once the lock has gone
 * STALE_AFTER_MS without a heartbeat. Any other end of the process (success, a failure, Ctrl-C, SIGTERM) removes it.
 *
 * Not proper-lockfile: its lock is an empty directory removed with rmdir, so it cannot say who holds it (the message
 * names the running build), and it judges staleness by age alone, so a killed build would block the next one for the
 * whole stale period; its own small fix for either would be as long as this file's taking and judging of a lock.
 */

/** How `takeLocks` names lock files and tells what happened besides taking them. */
export interface LockReporter {
  /** Lock files are named relative to this folder when inside it. */
  root: string;
  /** A lock left by a dead holder was taken over. */
  onTakeOver?: (text: string) => void;
  /** Another process took a held lock over (this one's heartbeat stopped for STALE_AFTER_MS): the output may be mixed. */
  onLost?: (text: string) => void;
}

/** Locks held by this process. On `globalThis`, because Astro may load this module more than once in one process. */
interface Held {
  text: string;
  heartbeat: ReturnType<typeof setInterval>;
}
const registry = globalThis as { [key: symbol]: Map<string, Held> | undefined };
const HELD = Symbol.for('papershelf.build-lock');

function heldLocks(): Map<string, Held> {
  let held = registry[HELD];
  if (!held) {
    held = registry[HELD] = new Map();
    // Every way out but SIGKILL: a normal exit, an uncaught error, SIGINT, SIGTERM, SIGHUP.
    onExit(() => {
      for (const file of [...held!.keys()]) releaseOne(file);
    });
  }
  return held;
}

/**
 * Takes the locks of `folders` for `command`, in order, or none of them: throws an AstroError (no stack) naming the
 * build that holds one. A lock this process already holds is not taken again (Astro's dev server runs its hooks again
 * when it restarts): `taken` lists the lock files this call took, and `release` releases those.
 */
export function takeLocks(folders: readonly string[], command: string, reporter: LockReporter): { taken: string[]; release: () => void } {
  const files = folders.map(lockFileOf);
  const taken: string[] = [];
  try {
    for (const file of files) {
      if (heldLocks().has(file)) continue;
      takeOne(file, command, reporter);
      taken.push(file);
    }
  } catch (error) {
    for (const file of taken) releaseOne(file);
    throw error;
  }
  return { taken, release: () => taken.forEach(releaseOne) };
}

/** Creates `file` exclusively; a stale lock in the way is removed first, a live one throws. */
function takeOne(file: string, command: string, reporter: LockReporter): void {
  const host = hostname();
  const text = `${JSON.stringify({ pid: process.pid, host, command, since: new Date().toISOString() } satisfies LockOwner)}\n`;
  const name = displayPath(file, reporter.root);
  mkdirSync(dirname(file), { recursive: true });
  // A stale lock removed in one round is taken in the next, unless another run took it in between.
  for (let round = 1; round <= 3; round++) {
    try {
      createWhole(file, text);
      const heartbeat = setInterval(() => touch(file, text, name, reporter), HEARTBEAT_MS);
      heartbeat.unref();
      heldLocks().set(file, { text, heartbeat });
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw cannotLock(name, dirname(file), code);
      if (code !== 'EEXIST') throw error;
    }
    const found = readLock(file);
    if (!found) continue;
    const owner = parseOwner(found.text);
    const facts: LockFacts = { host, alive: owner ? owner.pid !== process.pid && isAlive(owner.pid) : true, heartbeatAge: Date.now() - found.mtimeMs, text: found.text };
    if (!isStale(owner, facts) || round === 3) throw busyError(busyMessage(owner, name, host, new Date()));
    // Only the lock judged: if another run replaced it meanwhile, the next round judges that one.
    if (readLock(file)?.text === found.text) removeFile(file);
    reporter.onTakeOver?.(takeOverMessage(owner, name, facts));
  }
  throw busyError(busyMessage(undefined, name, host, new Date()));
}

/**
 * Creates `file` with `text` in one step, or throws EEXIST: the text is written to a temporary file beside it, then
 * hard-linked into place, so that no other run ever reads the lock empty. Where the file system has no hard links,
 * an exclusive create and write.
 */
function createWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  writeFileSync(temporary, text, { flag: 'wx' });
  try {
    linkSync(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    writeFileSync(file, text, { flag: 'wx' });
  } finally {
    removeFile(temporary);
  }
}

/** The lock file cannot be created: the folder that holds it is not writable. Named, with what to do; no stack. */
function cannotLock(name: string, folder: string, code: string): AstroError {
  const why = code === 'EROFS' ? 'the file system is read-only' : 'permission denied';
  return inputError(
    `Cannot create the lock ${name}: ${why}. A build writes this file beside the folder it writes, so that two builds never mix.`,
    `Give this user write access to ${folder} (e.g. chmod u+w), or build from a writable copy of the project.`,
  );
}

/** A path as messages name it: relative to the project when inside it (`dist.lock`), else absolute. */
function displayPath(file: string, root: string): string {
  const path = relative(root, file);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? file : path;
}

/** A lock file's text and when it was last touched, or undefined when there is none. */
function readLock(file: string): { text: string; mtimeMs: number } | undefined {
  try {
    return { mtimeMs: statSync(file).mtimeMs, text: readFileSync(file, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether a process with this pid exists (EPERM: it does, as another user's). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The heartbeat: touches a held lock, or reports it lost when another process has replaced or removed it. */
function touch(file: string, text: string, name: string, reporter: LockReporter): void {
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) {
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      // Still ours: the next beat tries again.
    }
    return;
  }
  const held = heldLocks().get(file);
  if (held) clearInterval(held.heartbeat);
  heldLocks().delete(file);
  const by = current === undefined ? undefined : parseOwner(current);
  reporter.onLost?.(
    `lost ${name}${by ? ` to ${by.command} (pid ${by.pid})` : ''}: it was taken over after going ${formatDuration(STALE_AFTER_MS)} without this build's heartbeat; this build's output may be mixed with another's, so build again once nothing else is running`,
  );
}

/** Removes a lock this process holds, if it still holds it. */
function releaseOne(file: string): void {
  const held = heldLocks().get(file);
  if (!held) return;
  clearInterval(held.heartbeat);
  heldLocks().delete(file);
  if (readLock(file)?.text === held.text) removeFile(file);
}

function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** A message and a hint, printed by Astro without a stack: finding another build running is not a bug. */
function busyError({ message, hint }: { message: string; hint: string }): AstroError {
  return inputError(message, hint, 'BuildLocked');
}

/**
 * The papershelf integration's lock (see `locksFor`): takes it, logs what it took, and returns `ingested`, which
 * releases a lock held only for the ingest. Throws the AstroError of `takeLocks` when another build holds it.
 */
export function lockProject(
  command: string,
  folders: { root: string; contentDir: string; outDir: string },
  logger: AstroIntegrationLogger,
): { ingested: () => void } {
  const plan = locksFor(command, folders);
  const lock = takeLocks(plan.folders, `astro ${command}`, {
    root: folders.root,
    onTakeOver: (text) => logger.warn(text),
    onLost: (text) => logger.error(text),
  });
  const names = lock.taken.map((file) => displayPath(file, folders.root)).join(' and ');
  if (names) logger.info(`${names} taken for astro ${command} (pid ${process.pid}), until it ${plan.until === 'exit' ? 'exits' : 'has ingested'}`);
  return { ingested: () => (plan.until === 'ingest' ? lock.release() : undefined) };
}
