import { NEEDS_NETWORK_RESULT, offlineNotices, type OfflineSearchState } from '../messages.ts';
import { META_CACHE_TAG, OFFLINE_CHANNEL, type NeedsNetwork, type OfflineStatus } from '../protocol.ts';
import type { PagefindInstance } from './search-page.ts';

/** The search page's two notices: one on searching offline at all, one on the current search's words. */
export interface OfflineNoticeView {
  banner: HTMLElement;
  words: HTMLElement;
  /** Lets the empty state say "no papers match", or not (see `offlineNotices`' `noneMatch`). */
  allowEmpty: (allowed: boolean) => void;
}

/**
 * Makes a search that runs without the network say what it cannot show: a result whose text is not kept reads
 * "This result needs the network", a word whose index is not kept gets a notice, and a banner says the search is
 * offline and partial. Call before the instance loads. Returns what to call when the kept part of the index changes.
 */
export function explainOfflineSearch(instance: PagefindInstance, view: OfflineNoticeView): (status: OfflineStatus) => void {
  // Under the worker, a fixed tag lets it serve the entry file offline (see META_CACHE_TAG).
  if (navigator.serviceWorker?.controller) window.PagefindComponents?.configureInstance('default', { metaCacheTag: META_CACHE_TAG });
  const state: OfflineSearchState = { offline: !navigator.onLine, kept: false, term: '', wordsNeedNetwork: false };
  const render = () => {
    const notices = offlineNotices(state);
    show(view.banner, notices.banner);
    show(view.words, notices.words);
    view.allowEmpty(notices.noneMatch);
  };

  instance.on('loading', () => {
    state.term = instance.searchTerm ?? '';
    state.wordsNeedNetwork = false;
    render();
  });
  // Pagefind shows a result as a placeholder until its fragment file loads, and forever when that fails.
  instance.on('results', (result) => {
    for (const hit of result.results ?? []) {
      const load = hit.data;
      hit.data = () =>
        load.call(hit).catch(() => {
          state.offline = true;
          render();
          return NEEDS_NETWORK_RESULT;
        });
    }
  });
  // Pagefind skips a word index file it cannot load without a word; the worker says when that happened.
  new BroadcastChannel(OFFLINE_CHANNEL).addEventListener('message', (event: MessageEvent<NeedsNetwork>) => {
    if (event.data?.type !== 'needs-network') return;
    state.offline = true;
    if (event.data.kind === 'index') state.wordsNeedNetwork = true;
    render();
  });
  addEventListener('offline', () => {
    state.offline = true;
    render();
  });
  addEventListener('online', () => {
    state.offline = false;
    render();
  });
  render();
  return (status) => {
    state.kept = status.kept >= status.files;
    render();
  };
}

function show(element: HTMLElement, text: string | null): void {
  element.hidden = text === null;
  element.textContent = text ?? '';
}
