import { createHash } from 'node:crypto';
import { createContext, runInContext } from 'node:vm';

/**
 * Runs the built `sw.js` in Node against a fake network and fake caches, so the worker's rules can be tested
 * without a browser: the Cache API, fetch (with subresource integrity), clients and the broadcast channel.
 */

type Handler = (event: unknown) => void;

/** One cache: keys are absolute URLs. */
class FakeCache {
  readonly entries = new Map<string, Response>();
  constructor(private readonly network: FakeNetwork) {}

  async match(request: RequestInfo, options: { ignoreSearch?: boolean } = {}): Promise<Response | undefined> {
    const url = urlOf(request);
    if (!options.ignoreSearch) return this.entries.get(url)?.clone();
    const bare = url.split('?')[0];
    for (const [key, response] of this.entries) if (key.split('?')[0] === bare) return response.clone();
    return undefined;
  }
  async put(request: RequestInfo, response: Response): Promise<void> {
    this.entries.set(urlOf(request), new Response(await response.arrayBuffer(), { status: response.status, headers: response.headers }));
  }
  async addAll(requests: Request[]): Promise<void> {
    const responses = await Promise.all(requests.map((request) => this.network.fetch(request)));
    if (responses.some((response) => !response.ok)) throw new TypeError('addAll: a response was not ok');
    for (const [i, response] of responses.entries()) await this.put(requests[i]!, response);
  }
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
  async delete(request: RequestInfo): Promise<boolean> {
    return this.entries.delete(urlOf(request));
  }
}

class FakeCacheStorage {
  readonly caches = new Map<string, FakeCache>();
  constructor(private readonly network: FakeNetwork) {}

  async open(name: string): Promise<FakeCache> {
    if (!this.caches.has(name)) this.caches.set(name, new FakeCache(this.network));
    return this.caches.get(name)!;
  }
  async has(name: string): Promise<boolean> {
    return this.caches.has(name);
  }
  async delete(name: string): Promise<boolean> {
    return this.caches.delete(name);
  }
  async keys(): Promise<string[]> {
    return [...this.caches.keys()];
  }
  async match(request: RequestInfo, options: { cacheName?: string; ignoreSearch?: boolean } = {}): Promise<Response | undefined> {
    const names = options.cacheName ? [options.cacheName] : [...this.caches.keys()];
    for (const name of names) {
      const found = await this.caches.get(name)?.match(request, options);
      if (found) return found;
    }
    return undefined;
  }
  /** The URLs a cache holds, without the origin. */
  paths(name: string): string[] {
    return [...(this.caches.get(name)?.entries.keys() ?? [])].map((url) => url.slice(ORIGIN.length)).sort();
  }
}

/** A server: path → body; offline, every request fails as a browser's does. */
export class FakeNetwork {
  files = new Map<string, string | Uint8Array<ArrayBuffer>>();
  online = true;
  requests: string[] = [];

  fetch = async (input: RequestInfo, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(urlOf(input));
    this.requests.push(url.pathname + url.search);
    if (!this.online) throw new TypeError('Failed to fetch');
    const body = this.files.get(url.pathname);
    if (body === undefined) return new Response('not found', { status: 404 });
    const integrity = init.integrity ?? (input instanceof Request ? input.integrity : '');
    if (integrity && integrity !== `sha256-${createHash('sha256').update(body).digest('base64')}`) throw new TypeError('integrity mismatch');
    return new Response(body, { status: 200, headers: { 'content-type': url.pathname.endsWith('/') ? 'text/html' : 'application/octet-stream' } });
  };
}

export const ORIGIN = 'https://shelf.example';

/** A worker running in the harness. */
export interface RunningWorker {
  network: FakeNetwork;
  caches: FakeCacheStorage;
  broadcasts: unknown[];
  install(): Promise<void>;
  activate(): Promise<void>;
  /** The worker's answer to a request, or `undefined` when it leaves the request to the browser. */
  fetch(path: string, mode?: RequestMode | 'navigate'): Promise<Response | undefined>;
  message(data: unknown): Promise<unknown>;
}

/** A navigation's request: the Fetch API refuses to make one, so the mode is only its label. */
class NavigationRequest extends Request {
  override get mode(): RequestMode {
    return 'navigate';
  }
}

/**
 * Runs a bundled `sw.js` in a context of its own whose global object plays the ServiceWorkerGlobalScope: the given
 * network, and its own caches or (to run a second build's worker) the first's.
 */
export function runWorker(source: string, network: FakeNetwork, shared?: FakeCacheStorage): RunningWorker {
  const handlers = new Map<string, Handler[]>();
  const caches = shared ?? new FakeCacheStorage(network);
  const broadcasts: unknown[] = [];
  class Channel {
    postMessage(message: unknown) {
      broadcasts.push(message);
    }
  }
  // A worker's relative URLs resolve against its own location.
  class WorkerRequest extends Request {
    constructor(input: RequestInfo, init?: RequestInit) {
      super(typeof input === 'string' ? new URL(input, ORIGIN) : input, init);
    }
  }
  class FetchEvent {}
  const location = new URL(`${ORIGIN}/sw.js`);
  const scope: Record<string, unknown> = {
    location,
    navigator: {},
    registration: { scope: `${ORIGIN}/`, update: async () => undefined },
    clients: { claim: async () => undefined, matchAll: async () => [] },
    skipWaiting: async () => undefined,
    addEventListener: (type: string, handler: Handler) => handlers.set(type, [...(handlers.get(type) ?? []), handler]),
    caches,
    fetch: network.fetch,
    BroadcastChannel: Channel,
    Request: WorkerRequest,
    Response,
    Headers,
    URL,
    FetchEvent,
    crypto: globalThis.crypto,
    DecompressionStream,
    btoa,
    setTimeout,
    clearTimeout,
    console,
  };
  scope.self = scope;
  runInContext(source, createContext(scope));

  /** Dispatches an event to the worker's listeners and waits for every promise they hand to `waitUntil`. */
  const dispatch = async (type: string, event: object) => {
    const pending: Promise<unknown>[] = [];
    Object.assign(event, { type, waitUntil: (promise: Promise<unknown>) => pending.push(promise) });
    for (const handler of handlers.get(type) ?? []) handler(event);
    // A promise may hand on more while it runs.
    for (let settled = 0; settled < pending.length; settled = pending.length) await Promise.all(pending);
  };
  return {
    network,
    caches,
    broadcasts,
    install: () => dispatch('install', {}),
    activate: () => dispatch('activate', {}),
    async fetch(path, mode = 'cors') {
      const url = `${ORIGIN}${path}`;
      let answer: Promise<Response> | undefined;
      const event = Object.assign(new FetchEvent(), {
        request: mode === 'navigate' ? new NavigationRequest(url) : new Request(url, { mode }),
        respondWith: (promise: Promise<Response>) => (answer = promise),
      });
      await dispatch('fetch', event);
      return answer;
    },
    async message(data) {
      const channel = new MessageChannel();
      const answered = new Promise((resolve) => (channel.port1.onmessage = (event) => resolve(event.data)));
      await dispatch('message', { data, ports: [channel.port2] });
      const answer = await answered;
      channel.port1.close();
      return answer;
    },
  };
}

function urlOf(request: RequestInfo): string {
  const url = typeof request === 'string' ? request : request.url;
  return new URL(url, ORIGIN).href;
}
