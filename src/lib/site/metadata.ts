import type { Paper } from '../papers/model.ts';

/**
 * What search engines and link previews read of a paper's page: schema.org `ScholarlyArticle` as JSON-LD. Only what
 * the digest states: a digest gives an author count, not names, so no author is named and none is invented.
 */
export interface ScholarlyArticle {
  '@context': 'https://schema.org';
  '@type': 'ScholarlyArticle';
  name: string;
  headline: string;
  abstract: string;
  datePublished: string;
  url: string;
  keywords?: string[];
  codeRepository?: string;
  isPartOf: { '@type': 'WebSite'; name: string; url: string };
}

/** A paper's JSON-LD: its title, abstract (paragraphs joined by blank lines), date, URL, topic names, first code link. */
export function scholarlyArticle(
  paper: Pick<Paper, 'title' | 'abstract' | 'date' | 'code'>,
  page: { url: string; site: string; siteName: string; topicLabels: readonly string[] },
): ScholarlyArticle {
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    name: paper.title,
    headline: paper.title,
    abstract: paper.abstract.join('\n\n'),
    datePublished: paper.date,
    url: page.url,
    ...(page.topicLabels.length > 0 && { keywords: [...page.topicLabels] }),
    ...(paper.code.length > 0 && { codeRepository: paper.code[0] }),
    isPartOf: { '@type': 'WebSite', name: page.siteName, url: page.site },
  };
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026` (so no
 * `</script>` or `<!--` in a title can end or change the block), and U+2028/U+2029 escaped too. The JSON parses to
 * the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
