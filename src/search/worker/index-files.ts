import { INDEX_CACHE, OFFLINE_CHANNEL, type NeedsNetwork, type OfflineStatus } from '../protocol.ts';
import { indexFileHash, indexFileKind, indexKey } from '../../lib/shared/search-shards.ts';
import { keepIfCurrent } from './locks.ts';
import { scope, type WorkerState } from './scope.ts';

// Kept here rather than borrowed: Workbox caches by URL (or a revision fixed at build time), while an index file is
// kept under the content hash its build's manifest lists, checked on its bytes, so two builds' files never mix.

/** This build's index files, path → [hash, bytes], from the manifest precached on install. */
type Listed = Map<string, [hash: string, bytes: number]>;

/**
 * The index files of one build's worker, and its papers' offline copies: served and kept under the content hashes the
 * build's manifest lists.
 */
export class IndexFiles {
  private listed: Promise<Listed> | undefined;
  private readonly channel = new BroadcastChannel(OFFLINE_CHANNEL);

  constructor(private readonly state: WorkerState) {}

  /** Answers a search's request: the kept file under this build's hash, else the network's (kept when its bytes match). */
  async serve(path: string): Promise<Response> {
    const listed = (await this.files()).get(path);
    const current = listed && !this.state.superseded;
    if (current) {
      const kept = await caches.match(this.key(path, listed[0]), { cacheName: INDEX_CACHE });
      if (kept) return kept;
    }
    let response: Response;
    try {
      response = await fetch(path);
    } catch {
      // Only a search's own files are news to the search page; a paper's copy is fetched by "keep the catalog".
      const kind = indexFileKind(path);
      if (kind) {
        const notice: NeedsNetwork = { type: 'needs-network', kind, path };
        this.channel.postMessage(notice);
      }
      return Response.error();
    }
    if (current && response.ok) await this.keepVerified(path, listed[0], response.clone());
    return response;
  }

  /** The kept file of this build at `path`, never the network's; `undefined` when this device does not keep it. */
  async kept(path: string): Promise<Response | undefined> {
    const listed = (await this.files()).get(path);
    return listed && caches.match(this.key(path, listed[0]), { cacheName: INDEX_CACHE });
  }

  /** Fetches and keeps an index file every search starts with; fails the install when it is not this build's. */
  async keepRequired(path: string): Promise<void> {
    const listed = (await this.files()).get(path);
    if (!listed) throw new Error(`${path} is not in this build's manifest`);
    if (await caches.match(this.key(path, listed[0]), { cacheName: INDEX_CACHE })) return;
    const response = await fetch(path);
    if (!response.ok || !(await this.keepVerified(path, listed[0], response))) throw new Error(`${path} does not have this build's content`);
  }

  /** Drops the kept index files this build does not list (on activate, holding the exclusive lock). */
  async dropOthers(): Promise<void> {
    const wanted = new Set([...(await this.files())].map(([path, [hash]]) => this.key(path, hash)));
    const cache = await caches.open(INDEX_CACHE);
    const stale = (await cache.keys()).filter((request) => !wanted.has(request.url));
    await Promise.all(stale.map((request) => cache.delete(request)));
  }

  /** How much of this build's index this device keeps, for the search page's "keep the whole catalog". */
  async status(): Promise<OfflineStatus> {
    const kept = new Set((await (await caches.open(INDEX_CACHE)).keys()).map((request) => request.url));
    const answer: OfflineStatus = { type: 'offline-status', build: this.state.settings.build, files: 0, bytes: 0, kept: 0, keptBytes: 0, missing: [] };
    for (const [path, [hash, bytes]] of await this.files()) {
      answer.files += 1;
      answer.bytes += bytes;
      if (kept.has(this.key(path, hash))) {
        answer.kept += 1;
        answer.keptBytes += bytes;
      } else {
        answer.missing.push(path);
      }
    }
    return answer;
  }

  private files(): Promise<Listed> {
    this.listed ??= caches
      .match(this.state.settings.manifest, { cacheName: this.state.cache })
      .then((response) => (response ? (response.json() as Promise<{ files: [string, number, string][] }>) : { files: [] }))
      .then((manifest) => new Map(manifest.files.map(([path, bytes, hash]) => [path, [hash, bytes]])));
    return this.listed;
  }

  /** The absolute URL the index cache keys a file by. */
  private key(path: string, hash: string): string {
    return new URL(indexKey(path, hash), scope.location.origin).href;
  }

  /** Keeps an index file only when its bytes have the hash this build lists for it. */
  private async keepVerified(path: string, hash: string, response: Response): Promise<boolean> {
    const bytes = await response.arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    if (indexFileHash(btoa(String.fromCharCode(...digest))) !== hash) return false;
    const headers = { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' };
    return keepIfCurrent(this.state.cache, INDEX_CACHE, this.key(path, hash), new Response(bytes, { headers }));
  }
}
