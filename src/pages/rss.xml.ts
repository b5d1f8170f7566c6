import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { BASE } from '../lib/shared/base.ts';
import { catalogFeed } from '../lib/catalog/collections.ts';
import { rssOptions } from '../lib/site/feeds.ts';

/** The catalog's newest papers as RSS. */
export const GET: APIRoute = ({ site }) => rss(rssOptions(catalogFeed, { site: site!, base: BASE }));
