import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { catalogFeed, topicsById } from '../lib/catalog.ts';
import { rssOptions } from '../lib/feeds.ts';

/** The catalog's newest papers as RSS. */
export const GET: APIRoute = ({ site }) => rss(rssOptions(catalogFeed, { site: site!, base: import.meta.env.BASE_URL, topics: topicsById }));
