import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { BASE } from '../lib/base.ts';
import { catalogFeed } from '../lib/catalog/index.ts';
import { rssOptions } from '../lib/feeds.ts';

/** The catalog's newest papers as RSS. */
export const GET: APIRoute = ({ site }) => rss(rssOptions(catalogFeed, { site: site!, base: BASE }));
