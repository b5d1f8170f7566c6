import { keepFailed, keepProgress, keepSummary } from '../messages.ts';
import type { OfflineStatus } from '../protocol.ts';
import { controllingWorker, offlineStatus } from './offline-status.ts';

/** The search page's "keep the whole catalog" section. */
export interface KeepView {
  section: HTMLElement;
  button: HTMLButtonElement;
  progress: HTMLProgressElement;
  count: HTMLElement;
  status: HTMLElement;
}

/** Remembers that the reader asked to keep the whole catalog, so a later build's new index files follow. */
const WANTED = 'papershelf-keep-catalog';
/** Downloads at once: what browsers open to one server over HTTP/1.1. */
const PARALLEL = 6;

/**
 * Shows the keep section once a worker controls the page, and on the button downloads every index file this device
 * does not keep, through the worker (which checks and keeps each), with its progress. A reader who kept the catalog
 * keeps it: when a new build's worker takes over, the files its index adds follow. `onStatus` hears every change.
 */
export async function offerToKeepCatalog(view: KeepView, onStatus: (status: OfflineStatus) => void): Promise<void> {
  let status: OfflineStatus;
  let downloading = false;
  const show = (next: OfflineStatus) => {
    status = next;
    view.section.dataset.build = status.build;
    view.status.textContent = keepSummary(status);
    view.button.hidden = status.kept >= status.files;
    view.section.hidden = false;
    onStatus(status);
  };
  const keep = async () => {
    downloading = true;
    remember();
    view.button.disabled = true;
    const { build, kept, files, missing } = status;
    view.progress.max = files;
    view.progress.hidden = false;
    const progress = (done: number) => {
      view.progress.value = kept + done;
      view.count.textContent = keepProgress(kept + done, files);
    };
    progress(0);
    const failed = await download(missing, progress);
    show(await offlineStatus(await controllingWorker()));
    view.button.disabled = false;
    downloading = false;
    // A new build's worker took over during the download: keep its index instead.
    if (status.build !== build) await refresh();
    else if (failed > 0 || status.kept < status.files) view.status.textContent = keepFailed(Math.max(failed, status.files - status.kept));
  };
  const refresh = async () => {
    show(await offlineStatus(await controllingWorker()));
    if (!downloading && wanted() && status.kept < status.files && navigator.onLine) await keep();
  };

  view.button.addEventListener('click', () => void keep());
  // A new build's worker took over: it lists a new index.
  navigator.serviceWorker.addEventListener('controllerchange', () => void refresh());
  await refresh();
}

/** Fetches every path through the worker, a few at a time; resolves with how many failed. */
async function download(paths: readonly string[], onProgress: (done: number) => void): Promise<number> {
  let next = 0;
  let done = 0;
  let failed = 0;
  const fetchInTurn = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      try {
        const response = await fetch(path);
        if (!response.ok) failed++;
        await response.body?.cancel();
      } catch {
        failed++;
      }
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, fetchInTurn));
  return failed;
}

function remember(): void {
  try {
    localStorage.setItem(WANTED, 'yes');
  } catch {
    // Storage may be off; the catalog is still kept this time.
  }
}

function wanted(): boolean {
  try {
    return localStorage.getItem(WANTED) === 'yes';
  } catch {
    return false;
  }
}
