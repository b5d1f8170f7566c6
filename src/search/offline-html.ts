import { paths, withBase } from '../lib/shared/paths.ts';
import { pageTitle } from '../lib/shared/site-config.ts';
import type { PaperCopy } from './paper-copy.ts';

/**
 * The HTML of the pages the service worker draws offline, in the site's own frame: a paper's offline copy, and the
 * page that says a page needs the network. Pure, shared by the build (which cuts the frame) and the worker.
 */

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
  const abstract = paper.abstract.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('');
  return [
    '<article class="paper offline-copy">',
    '<p class="notice">You are offline: this is the copy of this paper this device keeps, its abstract and links.',
    ` <a href="${page}">Open the paper again</a> when you are online for its whole page.</p>`,
    `<header class="paper-head"><h1>${escapeHtml(paper.title)}</h1>${facts(paper)}${authors(paper)}${links(paper)}${topics(paper, base)}</header>`,
    `<div class="paper-body"><div class="paper-main"><h2>Abstract</h2><div class="abstract">${abstract}</div></div></div>`,
    '</article>',
  ].join('');
}

/** The date and the byline, as the paper's page states them. */
function facts(paper: PaperCopy): string {
  const date = `<time datetime="${escapeHtml(paper.date)}">${escapeHtml(paper.dateLabel)}</time>`;
  const fact = (label: string, value: string) => `<div><dt class="visually-hidden">${escapeHtml(label)}</dt><dd>${value}</dd></div>`;
  return `<dl class="meta facts">${fact('Published', date)}${fact(paper.byline.label, escapeHtml(paper.byline.value))}</dl>`;
}

function authors(paper: PaperCopy): string {
  if (!paper.authors?.length) return '';
  return `<div class="paper-authors"><p><span class="visually-hidden">Authors: </span>${escapeHtml(paper.authors.join(', '))}</p></div>`;
}

/** The outbound links as PaperLinks.astro draws them; an address that is not http(s) is left out. */
function links(paper: PaperCopy): string {
  const items = paper.links
    .filter((link) => /^https?:\/\//i.test(link.href))
    .map((link) => {
      const kind = link.kind === 'Code' ? 'paper-link paper-link-code' : 'paper-link';
      const text = `<span class="paper-link-kind">${escapeHtml(link.kind)}</span> <span class="paper-link-url">${escapeHtml(link.text)}</span>`;
      return `<li><a class="${kind}" href="${escapeHtml(link.href)}" rel="noopener noreferrer">${text}</a></li>`;
    });
  return items.length ? `<ul class="paper-links" aria-label="Links">${items.join('')}</ul>` : '';
}

/** The topics as TopicChips.astro draws them, linking their pages under the base. */
function topics(paper: PaperCopy, base: string): string {
  if (paper.topics.length === 0) return '';
  const items = paper.topics.map((topic) => `<li><a href="${escapeHtml(withBase(base, paths.topic(topic.slug)))}">${escapeHtml(topic.label)}</a></li>`);
  return `<ul class="chips" aria-label="Topics">${items.join('')}</ul>`;
}

/** Text made safe in HTML text and in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
