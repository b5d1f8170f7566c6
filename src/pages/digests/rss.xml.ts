import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { BASE } from '../../lib/shared/base.ts';
import { digestsFeed } from '../../lib/catalog/collections.ts';
import { digestsRssOptions } from '../../lib/site/feeds.ts';

/** The newest listing days as RSS, one item a day. */
export const GET: APIRoute = ({ site }) => rss(digestsRssOptions(digestsFeed, { site: site!, base: BASE }));
