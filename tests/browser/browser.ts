import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll } from 'vitest';

/** Debian's Chromium, headless, with nothing that reaches out to the network on its own. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = execFileSync('which', ['chromium']).toString().trim();
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that records every console error, page error and dialog, so a test can assert there were none. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  problems: string[];
  dialogs: string[];
}

/** Opens a new context and page and starts recording what went wrong on it. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    // The source is the file that logged, or for a failed load the resource that failed.
    if (message.type() === 'error') problems.push(`console: ${message.text()} [${message.location().url}] (${page.url()})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message} (${page.url()})`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, page, problems, dialogs };
}

/**
 * Chromium for one test file: launched before its tests and closed after them. `watched()` opens a page that records
 * its problems (`defaults` are the contexts' options unless a call gives others); `opened` lists every such page, for
 * a file's closing check that none of them reported a problem.
 */
export function useChromium(defaults: BrowserContextOptions = {}): { watched: (options?: BrowserContextOptions) => Promise<WatchedPage>; opened: WatchedPage[] } {
  let browser: Browser | undefined;
  const opened: WatchedPage[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const watched = async (options: BrowserContextOptions = defaults) => {
    const page = await openPage(browser!, options);
    opened.push(page);
    return page;
  };
  return { watched, opened };
}

/** Serves a built site's `dist/` under `base` on 127.0.0.1; resolves with its URL and a way to stop it. */
export async function serveSite(dist: string, base: string): Promise<{ url: string; close: () => Promise<void> }> {
  const serve = sirv(dist, { dev: true, etag: true });
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.statusCode = 404;
      response.end('not under the base path');
      return;
    }
    request.url = url.slice(base.length - 1);
    serve(request, response, () => {
      response.statusCode = 404;
      response.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Resolves once a service worker controls the page and has finished activating (its caches are set up): waits on
 * `navigator.serviceWorker.ready`, then `controllerchange` if the worker has not claimed the page yet, then the
 * worker's `statechange` to `activated`. Events only, however long installing takes.
 */
export async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // Checked and listened to in one task after `ready`, so the event cannot slip between the two.
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    const worker = navigator.serviceWorker.controller!;
    await new Promise<void>((resolve) => {
      const settled = () => worker.state === 'activated' && (worker.removeEventListener('statechange', settled), resolve(), true);
      if (!settled()) worker.addEventListener('statechange', settled);
    });
  });
}

/**
 * Resolves once the page is controlled by the worker of the given build and that worker has finished activating.
 * A worker of the same site takes over pages its predecessor controlled as soon as it starts activating, so this
 * waits on `controllerchange` until the controller answers with that build, then on its `statechange`.
 */
export async function untilControlledBy(page: Page, build: string): Promise<void> {
  await page.evaluate(async (wanted) => {
    await navigator.serviceWorker.ready;
    const buildOf = (worker: ServiceWorker) =>
      new Promise<string>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data.build);
        worker.postMessage({ type: 'offline-status' }, [channel.port2]);
      });
    for (;;) {
      // Listen before asking, so a worker that takes over while we ask is not missed.
      const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      const worker = navigator.serviceWorker.controller;
      if (worker && (await buildOf(worker)) === wanted) break;
      await changed;
    }
  }, build);
  await untilControlled(page);
}

/** The URLs each of the site's caches holds, by cache name. */
export function cacheContents(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const contents: Record<string, string[]> = {};
    for (const name of await caches.keys()) contents[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    return contents;
  });
}

/**
 * The titles of the results once a search has settled: the summary announces the results, and every result shown
 * has been drawn from its fragment (or marked as needing the network).
 */
export async function resultTitles(page: Page): Promise<string[]> {
  await page.locator('pagefind-summary').filter({ hasText: /result/ }).waitFor();
  // Pagefind draws a result when its placeholder scrolls into view: bring each into view until none is left, so the
  // list does not depend on the viewport or on what else the page shows above the results (an offline banner).
  for (;;) {
    const remaining = await page.evaluate(() => {
      const placeholders = document.querySelectorAll('pagefind-results .pf-skeleton');
      placeholders[0]?.scrollIntoView();
      return placeholders.length;
    });
    if (remaining === 0) break;
    await page.waitForFunction((count) => document.querySelectorAll('pagefind-results .pf-skeleton').length < count, remaining);
  }
  return page.locator('.search-hit-title').allTextContents();
}
