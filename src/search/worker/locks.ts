import type { WorkboxPlugin } from 'workbox-core/types.js';
import { scope } from './scope.ts';

// Kept here rather than borrowed: Workbox writes a cache wherever a strategy ends, and has no way to stop a worker
// whose build is gone from bringing its cache back.

/** The Web Lock that keeps a newer worker's clean-up (exclusive) apart from this worker's cache writes (shared). */
const LOCK = 'papershelf-caches';

/** Runs `task` holding the caches lock; without Web Locks, runs it as it is. */
export function withCacheLock<T>(mode: LockMode, task: () => Promise<T>): Promise<T> {
  const locks = scope.navigator.locks;
  return locks ? locks.request(LOCK, { mode }, task) : task();
}

/**
 * Keeps `response` in `cacheName` under `key` only while this build's cache exists: a newer build's worker deletes it,
 * and with it this worker's right to write. The body is read before the lock, so a slow body never holds up a newer
 * worker's clean-up.
 */
export async function keepIfCurrent(buildCache: string, cacheName: string, key: string, response: Response): Promise<boolean> {
  const copy = await readWhole(response);
  return withCacheLock('shared', async () => {
    if (!(await caches.has(buildCache))) return false;
    await (await caches.open(cacheName)).put(key, copy);
    return true;
  });
}

/**
 * A Workbox plugin for the strategies that write the build's cache: a response is written only when it is ok and this
 * build's cache still exists, holding the shared lock from that check until the write is done.
 */
export function currentBuildOnly(buildCache: string): WorkboxPlugin {
  const release = (state: { release?: () => void } | undefined) => state?.release?.();
  return {
    cacheWillUpdate: async ({ response, state }) => {
      if (!response.ok) return null;
      const copy = await readWhole(response);
      const unlock = await holdSharedLock();
      if (!(await caches.has(buildCache))) {
        unlock();
        return null;
      }
      if (state) state.release = unlock;
      return copy;
    },
    cacheDidUpdate: async ({ state }) => release(state),
    // A write that failed never reaches cacheDidUpdate.
    handlerDidComplete: async ({ state }) => release(state),
  };
}

/** Waits for the shared lock and resolves with the function that releases it. */
function holdSharedLock(): Promise<() => void> {
  const locks = scope.navigator.locks;
  if (!locks) return Promise.resolve(() => undefined);
  return new Promise((granted) => {
    void locks.request(LOCK, { mode: 'shared' }, () => new Promise<void>((done) => granted(() => done())));
  });
}

async function readWhole(response: Response): Promise<Response> {
  const body = await response.arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
