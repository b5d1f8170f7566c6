import { checkShelf, SHELF_VERSION, starredPapers, type Shelf, type ShelfCheck, type ShelfPaper } from './shelf.ts';

/**
 * A shelf shared as a link: its starred papers, compressed (deflate) and base64url-encoded into the URL's fragment,
 * `shelf/#shared=…`. A fragment never reaches a server, so a shared shelf leaves the browser only as the link its
 * reader chose to send. The browser's CompressionStream does the compressing, here and in Node alike.
 */
export const SHARE_PARAMETER = 'shared';

/** Longest fragment and decompressed shelf a share link may carry: far above any real shelf, far below harm. */
const MAX_FRAGMENT = 2_000_000;
const MAX_JSON = 5_000_000;

async function streamBytes(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new Error('too long');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * The fragment that shares a shelf's starred papers: what they are (title, year, authors, arXiv id) and when they were
 * starred, not the reader's read marks, nor addresses (the link's own site has every paper at its slug).
 */
export async function encodeShare(shelf: Shelf): Promise<string> {
  const papers: Record<string, ShelfPaper> = {};
  for (const [slug, { url: _url, read: _read, ...paper }] of starredPapers(shelf)) papers[slug] = paper;
  const json = new TextEncoder().encode(JSON.stringify({ version: SHELF_VERSION, papers }));
  return `${SHARE_PARAMETER}=${toBase64Url(await streamBytes(json, new CompressionStream('deflate-raw')))}`;
}

/** Reads a share link's fragment (with or without its `#`) back into a shelf, or says why it cannot. */
export async function decodeShare(fragment: string): Promise<ShelfCheck> {
  const prefix = `${SHARE_PARAMETER}=`;
  const data = fragment.replace(/^#/, '');
  if (!data.startsWith(prefix)) return { ok: false, message: 'This link shares no shelf.' };
  const encoded = data.slice(prefix.length);
  if (encoded.length > MAX_FRAGMENT || !/^[A-Za-z0-9_-]*$/.test(encoded)) return { ok: false, message: 'This share link is damaged: it holds characters a shelf link never has.' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await streamBytes(fromBase64Url(encoded), new DecompressionStream('deflate-raw'), MAX_JSON));
  } catch {
    return { ok: false, message: 'This share link is damaged or cut short: it does not unpack into a shelf.' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This share link is damaged: it does not hold a shelf.' };
  }
  return checkShelf(value);
}
