import { paths, withBase } from '../lib/shared/paths.ts';
import { shardOf } from '../lib/shared/search-shards.ts';
import { pageTitle } from '../lib/shared/site-config.ts';

/**
 * The offline copy of a paper: what the build keeps of each paper for "keep the whole catalog" (a few files of
 * gzipped JSON, src/search/offline/paper-copies.ts writes them), and the page the service worker draws from it when a
 * reader opens, offline, a paper this device never kept the page of. Shared by the build and the worker, like
 * protocol.ts; pure, so both run it the same.
 */

/** A paper as its offline copy holds it: what the top of its page shows, each value as text (escaped when drawn). */
export interface PaperCopy {
  slug: string;
  title: string;
  /** `YYYY-MM-DD`, and as the page shows it ("9 January 2024"). */
  date: string;
  dateLabel: string;
  /** The byline as the page's facts give it: "Authors" and "8 authors", or "Organisation" and its name. */
  byline: { label: string; value: string };
  /** The authors by name, when a digest names them. */
  authors?: string[];
  abstract: string[];
  topics: { slug: string; label: string }[];
  /** The paper on arXiv, PDF and Hugging Face, then its code and project links, as the page lists them. */
  links: { kind: string; href: string; text: string }[];
}

/** Papers a file of copies holds, until the catalog has `MAX_COPY_FILES` files of them. */
export const PAPERS_PER_COPY_FILE = 100;
/**
 * At most this many files: each is a line of the manifest a first visit downloads, so their number stays bounded
 * (256 lines, about 20 kB); beyond 25,600 papers the files grow instead (100,000 papers: 391 a file, about 200 kB).
 */
export const MAX_COPY_FILES = 256;

/** How many files the copies of `papers` papers are spread over. */
export function copyFileCount(papers: number): number {
  return Math.min(MAX_COPY_FILES, Math.max(1, Math.ceil(papers / PAPERS_PER_COPY_FILE)));
}

/** The path below the base of copy file `i`. Not `.gz`: a host would serve that with a `Content-Encoding` and the
 * browser would unpack it, so the kept bytes would no longer be the ones the manifest lists. */
export function copyFile(i: number): string {
  return `offline/papers-${i}.json.gzip`;
}

/** The copy file that holds a paper: by a hash of its slug, as shards are chosen. */
export function copyFileOf(slug: string, count: number): string {
  return copyFile(shardOf(slug, count));
}

const COPY_FILE = /(?:^|\/)offline\/papers-\d+\.json\.gzip$/;

/** Whether a path (below the base, or a URL path) is a file of paper copies. */
export function isCopyFile(path: string): boolean {
  return COPY_FILE.test(path);
}

/** The slug of a paper's page from a URL path under the base (`/shelf/papers/<slug>/`); `undefined` for other pages. */
export function paperSlugOf(base: string, pathname: string): string | undefined {
  const prefix = withBase(base, paths.papers());
  if (!pathname.startsWith(prefix)) return undefined;
  const slug = pathname.slice(prefix.length).replace(/\/$/, '');
  // One path segment, as paths.paper writes it; a segment that is no paper's slug finds no copy. `page` is the list's.
  return slug !== '' && !slug.includes('/') && slug !== 'page' && withBase(base, paths.paper(slug)) === pathname ? slug : undefined;
}

/**
 * One page of the site, cut around what changes from page to page: the HTML before the `<title>`'s text, between it
 * and the `<main>`'s content, and after that content. Cut from the built 404 page, so an offline page has the site's
 * own header, stylesheet, scripts and content security policy; its description and link-preview tags are dropped, as
 * they describe the 404 page.
 */
export type PageFrame = [head: string, middle: string, tail: string];

const PREVIEW_TAGS = /<meta (?:name|property)="(?:description|og:title|og:description|twitter:title|twitter:description)" content="[^"]*"\s*\/?>/g;

/** The frame of a built page (see PageFrame); throws when the page has no `<title>` or `<main>`. */
export function pageFrame(html: string): PageFrame {
  const page = html.replace(PREVIEW_TAGS, '');
  const title = /<title>[^<]*<\/title>/.exec(page);
  const main = /<main\b[^>]*>/.exec(page);
  const close = page.lastIndexOf('</main>');
  if (!title || !main || close < main.index) throw new Error('the page to frame offline pages with has no <title> or no <main>');
  const afterMain = main.index + main[0].length;
  return [page.slice(0, title.index + '<title>'.length), page.slice(title.index + title[0].length - '</title>'.length, afterMain), page.slice(close)];
}

/** A page in the site's frame: its title (as every page's, with the catalog's name) and the HTML of its `<main>`. */
export function framedPage(frame: PageFrame, title: string, main: string): string {
  return `${frame[0]}${escapeHtml(pageTitle(title))}${frame[1]}${main}${frame[2]}`;
}

/** The title and `<main>` of the page a reader gets offline for a page this device does not keep. */
export function needsNetworkPage(base: string): { title: string; main: string } {
  const search = escapeHtml(withBase(base, paths.search()));
  return {
    title: 'This page needs the network',
    main: [
      '<h1>This page needs the network</h1>',
      '<p class="notice">You are offline, and this device does not keep this page: it keeps the pages you opened before,',
      ' and every paper once you keep the whole catalog for offline use.',
      ` The <a href="${search}">search</a> works offline with what this device keeps.</p>`,
    ].join(''),
  };
}

/**
 * The `<main>` of a paper's offline copy: a note that it is the copy, then the top of the paper's page (title, date,
 * byline, authors, links, topics) and its abstract, with the classes of the paper's page. Every value is digest text,
 * so every value is escaped, and only http(s) addresses become links.
 */
export function paperCopyMain(paper: PaperCopy, base: string): string {
  const page = escapeHtml(withBase(base, paths.paper(paper.slug)));
  const facts = [
    `<div><dt class="visually-hidden">Published</dt><dd><time datetime="${escapeHtml(paper.date)}">${escapeHtml(paper.dateLabel)}</time></dd></div>`,
    `<div><dt class="visually-hidden">${escapeHtml(paper.byline.label)}</dt><dd>${escapeHtml(paper.byline.value)}</dd></div>`,
  ].join('');
  const authors = paper.authors?.length ? `<div class="paper-authors"><p><span class="visually-hidden">Authors: </span>${escapeHtml(paper.authors.join(', '))}</p></div>` : '';
  const links = paper.links.filter((link) => /^https?:\/\//i.test(link.href));
  const linkList = links.length
    ? `<ul class="paper-links" aria-label="Links">${links
        .map((link) => `<li><a class="paper-link${link.kind === 'Code' ? ' paper-link-code' : ''}" href="${escapeHtml(link.href)}" rel="noopener noreferrer"><span class="paper-link-kind">${escapeHtml(link.kind)}</span> <span class="paper-link-url">${escapeHtml(link.text)}</span></a></li>`)
        .join('')}</ul>`
    : '';
  const topics = paper.topics.length
    ? `<ul class="chips" aria-label="Topics">${paper.topics.map((topic) => `<li><a href="${escapeHtml(withBase(base, paths.topic(topic.slug)))}">${escapeHtml(topic.label)}</a></li>`).join('')}</ul>`
    : '';
  const abstract = paper.abstract.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('');
  return [
    '<article class="paper offline-copy">',
    `<p class="notice">You are offline: this is the copy of this paper this device keeps, its abstract and links. <a href="${page}">Open the paper again</a> when you are online for its whole page.</p>`,
    `<header class="paper-head"><h1>${escapeHtml(paper.title)}</h1><dl class="meta facts">${facts}</dl>${authors}${linkList}${topics}</header>`,
    `<div class="paper-body"><div class="paper-main"><h2>Abstract</h2><div class="abstract">${abstract}</div></div></div>`,
    '</article>',
  ].join('');
}

/** Text made safe in HTML text and in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
