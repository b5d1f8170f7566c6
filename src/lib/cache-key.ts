import { createHash } from 'node:crypto';

/**
 * Gives each static path a `cacheKey`: a hash of everything the page shows (its props, and `site`, what every page
 * shows besides), so an incremental build re-renders only pages whose papers or lists changed. A collection entry
 * (an `entry` key) counts by its editors' body, not as a whole: its data is already in the props.
 */
export function withCacheKeys<T extends { props: unknown }>(paths: readonly T[], site: string): (T & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: cacheKeyOf(path.props, site) }));
}

/** The hash of a page's props and the site-wide part of the page. */
export function cacheKeyOf(props: unknown, site: string): string {
  const json = JSON.stringify(props, (key, value) => (key === 'entry' ? ((value as { body?: string } | undefined)?.body ?? '') : value));
  return createHash('sha256').update(site).update('\n').update(json).digest('base64url');
}
