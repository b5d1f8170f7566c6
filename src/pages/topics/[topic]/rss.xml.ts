import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { BASE } from '../../../lib/shared/base.ts';
import { withCacheKeys } from '../../../lib/site/cache-key.ts';
import { topicFeeds } from '../../../lib/catalog/collections.ts';
import { rssOptions, type Feed } from '../../../lib/site/feeds.ts';

export const getStaticPaths = (() => withCacheKeys([...topicFeeds].map(([topic, feed]) => ({ params: { topic }, props: { feed } })))) satisfies GetStaticPaths;

/** A topic's newest papers as RSS. */
export const GET: APIRoute<{ feed: Feed }> = ({ props, site }) => rss(rssOptions(props.feed, { site: site!, base: BASE }));
