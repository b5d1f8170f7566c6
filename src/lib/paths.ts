/** Every URL of the site, relative to its base; one place, so a link and its page never disagree. */
export const paths = {
  home: () => '',
  paper: (slug: string) => `papers/${slug}/`,
  topics: () => 'topics/',
  topic: (id: string) => `topics/${id}/`,
  authors: () => 'authors/',
  authorCount: (key: string) => `authors/${key}/`,
  dates: () => 'dates/',
  year: (year: string) => `dates/${year}/`,
  month: (year: string, month: string) => `dates/${year}/${month}/`,
  search: () => 'search/',
};

/** Joins a site path to the deployment's base (`/` or `/sub/`), keeping exactly one slash between them. */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}
