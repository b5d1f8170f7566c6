import { formatWait } from './report.ts';

const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);
const UNREACHABLE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ETIMEDOUT', 'ENETDOWN', 'EHOSTDOWN']);
const CUT = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** Why asking `url` failed without an answer (timeout, DNS, refused, cut mid-body), naming the host; from fetch's error. */
export function describeNetworkError(error: unknown, url: URL, timeoutMs: number): string {
  const host = url.host;
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no complete answer from ${host} within ${formatWait(timeoutMs)} (the timeout: --timeout, PAPERSHELF_FETCH_TIMEOUT_MS)`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? (error as { code?: string } | undefined)?.code ?? '';
  if (UNRESOLVED.has(code)) return `cannot reach ${host}: its name does not resolve (${code}; offline, or a wrong --api / PAPERSHELF_API)`;
  if (code === 'ECONNREFUSED') return `cannot reach ${host}: connection refused (offline, or a wrong --api / PAPERSHELF_API)`;
  if (UNREACHABLE.has(code)) return `cannot reach ${host}: the network is unreachable (${code}; offline)`;
  if (CUT.has(code) || (error as Error | undefined)?.message === 'terminated') {
    return `the connection to ${host} closed before the answer was complete`;
  }
  return `cannot reach ${host}: ${cause?.message ?? (error as Error | undefined)?.message ?? String(error)}`;
}
