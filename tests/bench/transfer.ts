import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';

/** Bytes (headers and bodies, as sent) and requests that reached the server. */
export interface Traffic {
  bytes: number;
  requests: number;
}

/** What a reader's browser downloads from a fresh start. */
export interface Transfer {
  /** The home page, up to its `load` event. */
  homePage: Traffic;
  /** The home page and everything its service worker fetches until it is activated and controls the page. */
  firstVisit: Traffic;
  /** A reader without a service worker: the search page, then a first search. */
  searchPage: Traffic;
  firstSearch: Traffic;
  /** The same first search on the search page, after the first visit's worker took over. */
  searchAfterVisit: Traffic;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.xml': 'application/xml', '.txt': 'text/plain', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm',
};
/** Compressed on the fly, as a static host does; Pagefind's index files are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.webmanifest']);
const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Guards against a worker that never activates; the measurement itself waits on events, not on this. */
const GIVE_UP_MS = 180_000;

/** The Chromium on PATH, or undefined when there is none. */
export function chromiumPath(): string | undefined {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves a built site on 127.0.0.1 (gzip for text, like a static host) and measures in Chromium what a first visit to
 * the home page transfers, service worker included, and what a first search transfers with and without it.
 */
export async function measureTransfer(dist: string, query: string, executablePath: string): Promise<Transfer> {
  const server = await serveCounting(dist);
  const browser = await chromium.launch({ executablePath, args: BROWSER_ARGS });
  try {
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    const start = server.snapshot();
    await page.goto(server.url, { waitUntil: 'load' });
    const homePage = server.since(start);
    await page.evaluate(untilControlled, GIVE_UP_MS);
    await server.idle();
    const firstVisit = server.since(start);
    const afterVisit = server.snapshot();
    await search(page, `${server.url}search/`, query, server);
    const searchAfterVisit = server.since(afterVisit);
    await visitor.close();

    const searcher = await browser.newContext({ serviceWorkers: 'block' });
    const searchPage = await searcher.newPage();
    const beforePage = server.snapshot();
    await searchPage.goto(`${server.url}search/`, { waitUntil: 'load' });
    await server.idle();
    const pageTraffic = server.since(beforePage);
    const beforeSearch = server.snapshot();
    await search(searchPage, undefined, query, server);
    await searcher.close();
    return { homePage, firstVisit, searchPage: pageTraffic, firstSearch: server.since(beforeSearch), searchAfterVisit };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** How long a search may take before the bench gives up on it. */
const SEARCH_TIMEOUT_MS = 300_000;

/** Runs in the page: resolves once the service worker is activated and controls the page. */
async function untilControlled(giveUpMs: number): Promise<void> {
  const controlled = (async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state !== 'activated') {
      await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    }
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  })();
  const giveUp = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no active service worker after ${giveUpMs / 1000} s`)), giveUpMs));
  await Promise.race([controlled, giveUp]);
}

/** Types a query into the search page (opening it first when `url` is given) and waits for the results to load. */
async function search(page: Page, url: string | undefined, query: string, server: CountingServer): Promise<void> {
  if (url) await page.goto(url, { waitUntil: 'load' });
  await page.locator('pagefind-input input').fill(query);
  // A benchmark, not a test: at 100,000 papers (five shards, merged) a first search can take longer than Playwright's
  // default 30 s on a busy machine, and its figure is wanted all the same.
  await page.locator('.search-hit').first().waitFor({ timeout: SEARCH_TIMEOUT_MS });
  // The first hit renders once its fragment arrived; the other results' fragments were requested with it.
  await server.idle();
}

interface CountingServer {
  url: string;
  snapshot(): Traffic;
  since(start: Traffic): Traffic;
  /** Resolves when no response is in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** A static file server that counts the bytes it writes to its sockets and the requests it answers. */
async function serveCounting(dist: string): Promise<CountingServer> {
  const sockets: Socket[] = [];
  const gzipped = new Map<string, Buffer>();
  let requests = 0;
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const done = () => {
    inFlight--;
    if (inFlight === 0) waiters.splice(0).forEach((resolve) => resolve());
  };
  const server = createServer((request, response) => {
    requests++;
    inFlight++;
    response.on('close', done);
    serveFile(dist, request, response, gzipped);
  });
  server.on('connection', (socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const snapshot = () => ({ bytes: sockets.reduce((sum, socket) => sum + socket.bytesWritten, 0), requests });
  return {
    url: `http://127.0.0.1:${port}/`,
    snapshot,
    since: (start) => {
      const now = snapshot();
      return { bytes: now.bytes - start.bytes, requests: now.requests - start.requests };
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    close: () => {
      waiters = [];
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers one request from the built site: `dir/` is `dir/index.html`, a missing file is 404.html. */
function serveFile(dist: string, request: IncomingMessage, response: ServerResponse, gzipped: Map<string, Buffer>): void {
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  let path = join(dist, normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
  if (pathname.endsWith('/')) path = join(path, 'index.html');
  let status = 200;
  if (!isFile(path)) {
    status = 404;
    path = join(dist, '404.html');
  }
  const type = extname(path);
  const stat = statSync(path, { throwIfNoEntry: false });
  // Revalidation as static hosts do it: an ETag, and 304 when the browser already holds the same file.
  const etag = `"${stat?.size ?? 0}-${Math.floor(stat?.mtimeMs ?? 0)}"`;
  if (status === 200 && request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag }).end();
    return;
  }
  const headers: Record<string, string> = { 'content-type': TYPES[type] ?? 'application/octet-stream', etag };
  let body: Buffer = stat ? readFileSync(path) : Buffer.from('not found');
  if (COMPRESSIBLE.has(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    if (!gzipped.has(path)) gzipped.set(path, gzipSync(body));
    body = gzipped.get(path)!;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  response.writeHead(status, headers).end(request.method === 'HEAD' ? undefined : body);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
