import { createHash } from 'node:crypto';

/**
 * Gives each static path a `cacheKey`: a hash of its props, so an incremental build re-renders only pages whose props
 * changed. A page restored by its key must show nothing but its props and the build's code: every value a page or its
 * components show comes in its props (a list's sidebar, a paper's topic names), never from the catalog directly. A
 * collection entry (an `entry` key) counts by its editors' body, not as a whole: its data is already in the props.
 */
export function withCacheKeys<T extends { props: unknown }>(paths: readonly T[], keyed = KEYED): (T & { cacheKey?: string })[] {
  if (!keyed) return [...paths];
  return paths.map((path) => ({ ...path, cacheKey: cacheKeyOf(path.props) }));
}

/**
 * Whether pages get keys: only a build reads them. The dev server renders each request afresh and computes every
 * route's paths again after an edit, where hashing 10,000 papers' props cost a second of the wait for the edit to show.
 */
const KEYED = import.meta.env.MODE !== 'development';

/** The hash of a page's props. */
export function cacheKeyOf(props: unknown): string {
  return createHash('sha256').update(digestOf(props)).digest('base64url');
}

/**
 * What stands for an object or array in its parents' keys, by identity: the catalog's objects are built once per build
 * and never changed after, and one paper appears on many pages (its own, its lists', others' related papers), so each
 * is written out and hashed once, not once per page: at 10,000 papers, hashing every page's props in full with a
 * JSON.stringify replacer took longer than restoring the pages.
 */
const digests = new WeakMap<object, string>();

/** A text that changes whenever `value`'s JSON would (with an `entry` read as its body): short values as they are. */
function digestOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const known = digests.get(value);
  if (known !== undefined) return known;
  const json = (value as { toJSON?: () => unknown }).toJSON;
  let text: string;
  if (typeof json === 'function') text = digestOf(json.call(value));
  else if (Array.isArray(value)) text = `[${value.map((item) => (item === undefined || typeof item === 'function' ? 'null' : digestOf(item))).join(',')}]`;
  else {
    const fields: string[] = [];
    for (const [key, field] of Object.entries(value)) {
      if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
      fields.push(`${JSON.stringify(key)}:${key === 'entry' ? JSON.stringify((field as { body?: string } | null)?.body ?? '') : digestOf(field)}`);
    }
    text = `{${fields.join(',')}}`;
  }
  // Long texts stand in by their hash (marked, so no short text can be taken for one).
  const digest = text.length > 64 ? `#${createHash('sha256').update(text).digest('base64url')}` : text;
  digests.set(value, digest);
  return digest;
}
