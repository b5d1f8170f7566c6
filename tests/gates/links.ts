// `npm run gate:links`: checks every internal link and fragment of the built site (dist/, built first if missing),
// served on 127.0.0.1 under its base path, with linkinator. Every page is a starting point, so a page no link reaches
// is checked too; links to other origins are skipped (the gate runs offline). Fails on any broken link or fragment.
import { readdirSync } from 'node:fs';
import { LinkChecker, LinkState } from 'linkinator';
import { builtSite, withServedSite } from './built-site.ts';

const site = builtSite();
const pages = readdirSync(site.dist, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.html'))
  .map((name) => name.replace(/(^|\/)index\.html$/, '$1'))
  .sort();

const { links, broken } = await withServedSite(site, async (url) => {
  const origin = new URL(url).origin;
  const result = await new LinkChecker().check({
    path: pages.map((page) => new URL(page, url).href),
    recurse: true,
    checkFragments: true,
    checkCss: true,
    // Internal links only: anything on another origin (or not http at all) is not this site's to break.
    linksToSkip: async (link) => !URL.canParse(link) || new URL(link).origin !== origin,
    concurrency: 8,
  });
  return { links: result.links, broken: result.links.filter((link) => link.state === LinkState.BROKEN) };
});

for (const link of broken) console.log(`BROKEN ${link.status ?? '-'} ${link.url}  (on ${link.parent ?? 'a start page'})`);
const checked = links.filter((link) => link.state === LinkState.OK).length;
const skipped = links.filter((link) => link.state === LinkState.SKIPPED).length;
console.log(`linkinator: ${pages.length} pages, ${checked} internal links and fragments OK, ${broken.length} broken, ${skipped} external skipped`);
process.exitCode = broken.length === 0 && checked > 0 ? 0 : 1;
