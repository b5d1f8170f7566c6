import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { digestsFeed } from '../../lib/catalog.ts';
import { digestsRssOptions } from '../../lib/feeds.ts';

/** The newest listing days as RSS, one item a day. */
export const GET: APIRoute = ({ site }) => rss(digestsRssOptions(digestsFeed, { site: site!, base: import.meta.env.BASE_URL }));
