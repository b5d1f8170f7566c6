// Who holds a build lock, whether it is abandoned, and what to say about it: pure (the clock and the facts about the
// holder come in as arguments). The taking and releasing is src/integrations/build-lock.ts.

/** How often a holder touches its lock file. */
export const HEARTBEAT_MS = 10_000;
/**
 * A lock untouched for this long is abandoned even if its pid seems alive (reused, or on another machine): six missed
 * heartbeats, where a busy machine delays a timer by seconds.
 */
export const STALE_AFTER_MS = 60_000;

/** Who holds a lock: the lock file's content. */
export interface LockOwner {
  pid: number;
  host: string;
  /** What is running, as a person would type it: `astro build`. */
  command: string;
  /** When the lock was taken, as an ISO date. */
  since: string;
}

/** What the process finding a lock knows about it besides its content. */
export interface LockFacts {
  /** This machine's host name. */
  host: string;
  /** Whether a process other than the one looking has the owner's pid. */
  alive: boolean;
  /** Milliseconds since the holder last touched the lock file. */
  heartbeatAge: number;
  /** The lock file's text, as read. */
  text?: string;
}

/** The lock file of a folder: `<folder>.lock`, beside it. */
export function lockFileOf(folder: string): string {
  return `${folder.replace(/[\\/]+$/, '')}.lock`;
}

/** The owner recorded in a lock file's text, or undefined when it is not one (being written, or damaged). */
export function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    const valid = Number.isInteger(owner.pid) && typeof owner.host === 'string' && typeof owner.command === 'string' && typeof owner.since === 'string';
    return valid ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a lock someone else holds is abandoned: it names no holder (a lock is linked into place with its owner
 * written, so no run is still writing it), its holder's pid is gone on this machine, or it has gone STALE_AFTER_MS
 * without a heartbeat.
 */
export function isStale(owner: LockOwner | undefined, facts: LockFacts): boolean {
  if (owner === undefined || facts.heartbeatAge > STALE_AFTER_MS) return true;
  return owner.host === facts.host && !facts.alive;
}

/** A duration as a person reads it: "12 s", "4 min", "2 h 5 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return minutes % 60 === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A lock's start as a person reads it: "2026-11-25 18:08:51 UTC (35 s ago)". */
function formatSince(since: string, now: Date): string {
  const time = new Date(since);
  if (Number.isNaN(time.getTime())) return since;
  return `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC (${formatDuration(now.getTime() - time.getTime())} ago)`;
}

/**
 * What a command that finds `lock` held tells the person who ran it: who holds it, since when, and what to do.
 * `lock` is the lock file as the person knows it (relative to the project), `host` this machine's name.
 */
export function busyMessage(owner: LockOwner | undefined, lock: string, host: string, now: Date): { message: string; hint: string } {
  if (!owner) {
    return {
      message: `Another build is running in this project: it is taking ${lock} right now.`,
      hint: 'Wait for it to finish, then run this again.',
    };
  }
  const where = owner.host === host ? '' : ` on ${owner.host}`;
  const stop = owner.host === host ? `stop it (kill ${owner.pid})` : `stop it on ${owner.host}`;
  const takeover =
    owner.host === host
      ? 'A lock whose process has ended is taken over by the next run, so there is nothing to delete.'
      : `A lock from another machine is taken over once it has gone ${formatDuration(STALE_AFTER_MS)} without a heartbeat.`;
  return {
    message: `Another build is running in this project: ${owner.command}, pid ${owner.pid}${where}, since ${formatSince(owner.since, now)}. It holds ${lock}.`,
    hint: `Wait for it to finish or ${stop}, then run this again. ${takeover}`,
  };
}

/** What the log says when a lock is taken over: whose it was and why it was abandoned. */
export function takeOverMessage(owner: LockOwner | undefined, lock: string, facts: LockFacts): string {
  if (!owner) {
    const what = facts.text === '' ? 'an empty file' : 'not a lock file this tool wrote';
    return `took over ${lock}, which named no holder (${what}): a run that stopped while taking it leaves one`;
  }
  const whose = `${owner.command} (pid ${owner.pid}${owner.host === facts.host ? '' : ` on ${owner.host}`})`;
  const why =
    owner.host === facts.host && !facts.alive
      ? 'which is no longer running'
      : `which has not touched it for ${formatDuration(facts.heartbeatAge)}`;
  return `took over ${lock}, left by ${whose}, ${why}`;
}

/**
 * The folders a command locks, and until when: a build its content and its outDir, a dev server its content, each
 * until the process exits; anything else that runs the ingest (preview, sync) its content while it ingests, so that
 * a preview server left open does not block the next build.
 */
export function locksFor(command: string, folders: { contentDir: string; outDir: string }): { folders: string[]; until: 'exit' | 'ingest' } {
  if (command === 'build') return { folders: [folders.contentDir, folders.outDir], until: 'exit' };
  return { folders: [folders.contentDir], until: command === 'dev' ? 'exit' : 'ingest' };
}
