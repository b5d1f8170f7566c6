import type { WorkerSettings } from '../protocol.ts';

declare const self: ServiceWorkerGlobalScope;

/** The worker's global scope, typed: `self` in a service worker. */
export const scope = self;

/** One build's worker as its parts see it: the settings the build handed in, and what it learns while it runs. */
export interface WorkerState {
  settings: WorkerSettings;
  /** The build's cache: its precached shell, Pagefind's runtime, its manifest and the pages read with it. */
  cache: string;
  /** Set when the network's entry file of a bundle is not this build's: a page is reading a newer index. */
  superseded: boolean;
}
