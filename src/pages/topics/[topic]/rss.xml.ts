import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { BASE } from '../../../lib/base.ts';
import { withCacheKeys } from '../../../lib/cache-key.ts';
import { topicFeeds } from '../../../lib/catalog/index.ts';
import { rssOptions, type Feed } from '../../../lib/feeds.ts';

export const getStaticPaths = (() => withCacheKeys([...topicFeeds].map(([topic, feed]) => ({ params: { topic }, props: { feed } })))) satisfies GetStaticPaths;

/** A topic's newest papers as RSS. */
export const GET: APIRoute<{ feed: Feed }> = ({ props, site }) => rss(rssOptions(props.feed, { site: site!, base: BASE }));
