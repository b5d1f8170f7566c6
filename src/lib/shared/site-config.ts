/** The catalog's name, as headers, titles, feeds and link previews give it. */
export const SITE_NAME = 'Papershelf';

/** What the footer of every page says the catalog is. */
export const SITE_ABOUT = `${SITE_NAME} catalogs papers from Hugging Face Daily Papers digests. Every paper has a permanent page.`;

/** A page's `<title>`: the page's own title, then the catalog's name; the home page, titled with the name, alone. */
export function pageTitle(title: string): string {
  return title === SITE_NAME ? title : `${title} · ${SITE_NAME}`;
}

/** The title of the page of papers like the reader's starred ones. */
export const SIMILAR_TITLE = 'More like your shelf';

/** The search page's own title, before the catalog's name. */
export const SEARCH_TITLE = 'Search';

/** The search page's `<title>`, naming the query when there is one: `“diffusion” · Search · Papershelf`. */
export function searchPageTitle(query: string): string {
  const words = query.trim();
  return pageTitle(words === '' ? SEARCH_TITLE : `“${words}” · ${SEARCH_TITLE}`);
}
