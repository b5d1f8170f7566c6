import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { BASE } from '../../lib/base.ts';
import { digestsFeed } from '../../lib/catalog/index.ts';
import { digestsRssOptions } from '../../lib/feeds.ts';

/** The newest listing days as RSS, one item a day. */
export const GET: APIRoute = ({ site }) => rss(digestsRssOptions(digestsFeed, { site: site!, base: BASE }));
