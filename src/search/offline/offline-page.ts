import { paths, withBase } from '../../lib/shared/paths.ts';
import { SITE_NAME } from '../../lib/shared/site-config.ts';

/**
 * The page the worker shows, offline, in place of a page this device does not keep: plain HTML without scripts,
 * styled by the site's own stylesheets, pointing to what works offline.
 */
export function offlinePageHtml(base: string, stylesheets: readonly string[]): string {
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${escapeAttribute(href)}">`).join('');
  const home = escapeAttribute(withBase(base, paths.home()));
  const search = escapeAttribute(withBase(base, paths.search()));
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">',
    `<title>Offline · ${SITE_NAME}</title>${links}</head><body>`,
    `<header class="site-header"><a class="site-name" href="${home}">${SITE_NAME}</a></header>`,
    '<main id="main"><h1>This page needs the network</h1>',
    '<p class="notice">You are offline, and this device does not keep this page: it keeps the pages you opened before.',
    ` The <a href="${search}">search</a> works offline with what this device keeps.</p></main></body></html>`,
  ].join('');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
