import type { Link, Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';

/** A run of abstract text: plain text, or a URL to render as a link. */
export type Segment = { text: string } | { text: string; url: string };

const parser = remark().use(remarkGfm);
/** What the source of every link `linkify` keeps starts with. */
const URL_START = /https?:\/\//i;

/**
 * Splits a paragraph into text and the http(s) URLs that GFM's autolink literal finds, without the sentence
 * punctuation after them. Only bare URLs count: Markdown link syntax in a digest is plain text.
 */
export function linkify(paragraph: string): Segment[] {
  // Most paragraphs name no URL, and a Markdown parse per paragraph is most of an ingest's time.
  if (!URL_START.test(paragraph)) return paragraph === '' ? [] : [{ text: paragraph }];
  const tree = parser.runSync(parser.parse(paragraph)) as Root;
  const found: { start: number; end: number; url: string }[] = [];
  visit(tree, 'link', (node: Link) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    // A literal autolink's source is its URL; `[x](y)` links and `www.`/e-mail literals are left as text.
    if (paragraph.slice(start, end) !== node.url || !/^https?:\/\//i.test(node.url)) return;
    const url = endAtNonUrl(node.url);
    if (URL_START.test(url) && url.length > 'https://'.length) found.push({ start, end: start + url.length, url });
  });
  const segments: Segment[] = [];
  let at = 0;
  for (const link of found.sort((a, b) => a.start - b.start)) {
    if (link.start > at) segments.push({ text: paragraph.slice(at, link.start) });
    segments.push({ text: link.url, url: link.url });
    at = link.end;
  }
  if (at < paragraph.length) segments.push({ text: paragraph.slice(at) });
  return segments;
}

/**
 * Characters a URL never holds (RFC 3986: quotes, `<`, `>`, `` ` ``, `{`, `}`, `|`, `\`, `^`), with `'` and
 * typographic quotes, which in an abstract close a quotation: GFM's literal autolinks run on through them.
 */
const NOT_IN_URL = /["'<>`{}|\\^\u00ab\u00bb\u2018\u2019\u201c\u201d]/u;

/** A URL cut at the first character no URL holds, without the sentence punctuation then left at its end. */
function endAtNonUrl(url: string): string {
  const at = url.search(NOT_IN_URL);
  return at === -1 ? url : url.slice(0, at).replace(/[?!.,:;*_~]+$/u, '');
}

/** The URLs of an abstract, split into code repositories (GitHub) and other project links, each once. */
export function extractLinks(abstract: readonly string[]): { code: string[]; links: string[] } {
  const code = new Set<string>();
  const links = new Set<string>();
  for (const paragraph of abstract) {
    for (const segment of linkify(paragraph)) {
      if (!('url' in segment)) continue;
      (isRepository(segment.url) ? code : links).add(segment.url);
    }
  }
  return { code: [...code], links: [...links] };
}

/** First path segments of github.com that are GitHub's own pages, not an owner. */
const GITHUB_PAGES = new Set(['orgs', 'users', 'topics', 'features', 'marketplace', 'sponsors', 'settings', 'apps', 'collections', 'enterprise', 'explore', 'about', 'pricing', 'login', 'search', 'trending']);

/** Whether a URL points into a GitHub repository (an owner and a name), not a profile or GitHub's own pages. */
export function isRepository(url: string): boolean {
  const parsed = URL.parse(url);
  if (!parsed || !/^(www\.)?github\.com$/i.test(parsed.hostname)) return false;
  const [owner, name] = parsed.pathname.split('/').filter(Boolean);
  return owner !== undefined && name !== undefined && !GITHUB_PAGES.has(owner.toLowerCase());
}
