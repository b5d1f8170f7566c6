// What the search index needs of a built paper page without parsing it: when the paper was first listed (the order of
// the shards) and the part of the page Pagefind reads (a shard whose parts are unchanged is reused). Both read the
// markup the paper route writes (src/pages/papers/[slug].astro): the article that holds `data-pagefind-body`.

const BODY_OPENING = /<article\b[^>]*\bdata-pagefind-body\b[^>]*>/;
const LISTED = /\bdata-listed="(\d{4}-\d{2}-\d{2})"/;
// A block whose words Pagefind skips. A lazy match ends at the first closing tag of its name, which is never after its
// real end: what is cut was inside the skipped block. Pagefind still reads metadata, filters and sorts inside such a
// block, so a match holding any of those stays.
const IGNORED = /<(section|aside|nav)\b[^>]*\bdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/\1>/g;
const READ_ANYWAY = /\bdata-pagefind-(?:meta|filter|sort|index-attrs)\b/;

/** The day a paper page says its paper was first listed, `YYYY-MM-DD`; empty when it names none. */
export function listedOn(html: string): string {
  const opening = BODY_OPENING.exec(html);
  return (opening && LISTED.exec(opening[0])?.[1]) ?? '';
}

/**
 * The part of a paper page that decides what Pagefind indexes: the body article with the elements Pagefind ignores
 * taken out (related papers, the neighbours, the aside: they change when other papers arrive, and search never sees
 * them). Attributes stay, filters and sorts with them. The whole page when it has no body article.
 */
export function searchablePart(html: string): string {
  const opening = BODY_OPENING.exec(html);
  if (!opening) return html;
  const end = html.lastIndexOf('</article>');
  const article = html.slice(opening.index, end < opening.index ? html.length : end);
  return article.replace(opening[0], opening[0].replace(LISTED, '')).replace(IGNORED, (block) => (READ_ANYWAY.test(block) ? block : ''));
}
