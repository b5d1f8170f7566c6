import { describeNetworkError } from '../lib/fetch/network-error.ts';

/** One request's result: the answer's bytes, a status other than 200, or no answer at all (and why). */
export type Attempt =
  | { kind: 'answer'; bytes: Uint8Array }
  | { kind: 'status'; status: number; statusText: string; retryAfter: string | null }
  | { kind: 'unreachable'; reason: string };

/**
 * Asks once, with Node's own fetch (no client library: one GET, and the retries need the status and Retry-After that
 * fetch already exposes). The timeout covers the whole answer, body included: a server that stalls mid-body times out.
 */
export async function askOnce(url: URL, timeoutMs: number): Promise<Attempt> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'status', status: response.status, statusText: response.statusText, retryAfter: response.headers.get('retry-after') };
    }
    return { kind: 'answer', bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    return { kind: 'unreachable', reason: describeNetworkError(error, url, timeoutMs) };
  }
}
