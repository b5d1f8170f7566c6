import { createHash } from 'node:crypto';

/**
 * Gives each static path a `cacheKey`: a hash of its props, so an incremental build re-renders only pages whose props
 * changed. A page restored by its key must show nothing but its props and the build's code: every value a page or its
 * components show comes in its props (a list's sidebar, a paper's topic names), never from the catalog directly. A
 * collection entry (an `entry` key) counts by its editors' body, not as a whole: its data is already in the props.
 */
export function withCacheKeys<T extends { props: unknown }>(paths: readonly T[]): (T & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: cacheKeyOf(path.props) }));
}

/** The hash of a page's props. */
export function cacheKeyOf(props: unknown): string {
  const json = JSON.stringify(props, (key, value) => (key === 'entry' ? ((value as { body?: string } | undefined)?.body ?? '') : value));
  return createHash('sha256').update(json).digest('base64url');
}
