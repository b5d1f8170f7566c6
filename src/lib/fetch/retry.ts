import { formatWait } from './report.ts';

/** The longest Retry-After honoured; a server asking for more is reported rather than waited on. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Whether a status is worth asking again: the API is busy (429) or failing for now (5xx). */
export function isRetryable(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Milliseconds a Retry-After header asks for (seconds, or an HTTP date read against `now`); undefined when absent or unreadable. */
export function readRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its weekday and month; without a letter, Date.parse would read "-1" or "1.5" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/** The exponential backoff before retry `retry` (1 for the first): base, 2 × base, 4 × base… */
export function backoffDelay(retry: number, backoffMs: number): number {
  return backoffMs * 2 ** (retry - 1);
}

/** A failed answer's status and what the server said about waiting. */
export interface FailedAnswer {
  status: number;
  statusText: string;
  /** From Retry-After, when the server sent one (see readRetryAfter). */
  retryAfterMs?: number;
}

/** After `retriesDone` retries, whether to wait and ask again (and how long), or stop and why. */
export function planRetry(answer: FailedAnswer, retriesDone: number, settings: { retries: number; backoffMs: number }): { waitMs: number } | { stop: string } {
  const said = `the API answered ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
  if (!isRetryable(answer.status)) return { stop: said };
  const tries = retriesDone + 1;
  if (retriesDone >= settings.retries) return { stop: `${said} (${tries === 1 ? '1 try' : `${tries} tries`})` };
  if (answer.retryAfterMs !== undefined && answer.retryAfterMs > MAX_RETRY_AFTER_MS) {
    return { stop: `${said} and asks to wait ${formatWait(answer.retryAfterMs)} (Retry-After), longer than the ${formatWait(MAX_RETRY_AFTER_MS)} this waits; try later` };
  }
  return { waitMs: answer.retryAfterMs ?? backoffDelay(retriesDone + 1, settings.backoffMs) };
}
