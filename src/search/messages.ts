import type { OfflineStatus } from './protocol.ts';

/** "0.8 MB", "12.4 MB": sizes of the catalog a reader downloads. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** "1 file", "1,242 files". */
export function formatFiles(count: number): string {
  return count === 1 ? '1 file' : `${count.toLocaleString('en')} files`;
}

/** The progress of keeping the catalog: "12 of 1,242 files". */
export function keepProgress(done: number, total: number): string {
  return `${done.toLocaleString('en')} of ${formatFiles(total)}`;
}

/** What the keep section says about the index this device keeps, before and after a download. */
export function keepSummary(status: Pick<OfflineStatus, 'files' | 'bytes' | 'kept' | 'keptBytes'>): string {
  if (status.kept >= status.files) return `This device keeps the whole catalog for offline use: ${formatFiles(status.files)}, ${formatMegabytes(status.bytes)}.`;
  const left = formatMegabytes(status.bytes - status.keptBytes);
  if (status.kept === 0) return `Downloads ${left}: the search index, and a copy of every paper to read offline.`;
  return `This device keeps ${keepProgress(status.kept, status.files)} of the search index and the papers' copies; ${left} more to download.`;
}

/** What the keep section says when a download ended with files it could not keep. */
export function keepFailed(failed: number): string {
  return `${formatFiles(failed)} could not be downloaded. Keeping the catalog needs the network: try again when you are online.`;
}

/** What a search page knows about its search and the network. */
export interface OfflineSearchState {
  /** The browser is offline, or the worker could not reach the network for a file the search needed. */
  offline: boolean;
  /** This device keeps every file of the search index. */
  kept: boolean;
  /** The words of the current search. */
  term: string;
  /** A word index file the current search needed is neither reachable nor kept: results may be missing. */
  wordsNeedNetwork: boolean;
}

/** The two notices of the search page: a banner on the whole search, and one on the current search's words. */
export interface OfflineNotices {
  banner: string | null;
  words: string | null;
  /**
   * Whether a search that finds nothing may say that no papers match: only when it saw the whole index. Offline
   * without it, finding nothing says only what the notices say, that the search needs the network.
   */
  noneMatch: boolean;
}

/** What the search page tells the reader about searching offline; `null` when it has nothing to say. */
export function offlineNotices(state: OfflineSearchState): OfflineNotices {
  const partial = state.wordsNeedNetwork || (state.offline && !state.kept);
  const banner = partial
    ? 'You are offline, and search covers only the part of the catalog this device keeps: the searches and pages you opened before. Results that need the network say so.'
    : state.offline
      ? 'You are offline. This device keeps the whole catalog, so search works as usual.'
      : null;
  const words = state.wordsNeedNetwork
    ? `Searching ${state.term.trim() ? `for “${state.term.trim()}” ` : ''}needs the network: part of the index it uses is not kept on this device, so results may be missing. Connect, or keep the whole catalog for offline use.`
    : null;
  return { banner, words, noneMatch: !partial };
}

/** The result Pagefind shows in place of one whose text (its fragment file) needs the network. */
export const NEEDS_NETWORK_RESULT = {
  url: '',
  excerpt: '',
  content: '',
  word_count: 0,
  filters: {},
  anchors: [],
  sub_results: [],
  meta: { title: '', needs_network: 'true' },
};
