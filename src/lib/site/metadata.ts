import { arxivLink } from '../papers/arxiv.ts';
import type { Paper } from '../papers/model.ts';

/**
 * What search engines and link previews read of a paper's page: schema.org `ScholarlyArticle` as JSON-LD. Only what
 * the digests state: authors by name only when a digest names them (a text copy gives a count), none invented.
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
  author?: { '@type': 'Person'; name: string }[];
  /** The paper's arXiv abstract page, when its id is known. */
  sameAs?: string;
  isPartOf: { '@type': 'WebSite'; name: string; url: string };
}

/**
 * A paper's JSON-LD: its title, abstract (paragraphs joined by blank lines), date, URL, topic names, first code link,
 * and, when a digest states them, its authors and its arXiv page.
 */
export function scholarlyArticle(
  paper: Pick<Paper, 'title' | 'abstract' | 'date' | 'code' | 'arxiv' | 'authorNames'>,
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
    ...(paper.authorNames !== undefined && paper.authorNames.length > 0 && { author: paper.authorNames.map((name) => ({ '@type': 'Person' as const, name })) }),
    ...(paper.arxiv !== undefined && { sameAs: arxivLink(paper.arxiv, 'arxiv') }),
    isPartOf: { '@type': 'WebSite', name: page.siteName, url: page.site },
  };
}

/** A `<meta name content>` tag of a page's head. */
export interface MetaTag {
  name: string;
  content: string;
}

/**
 * The `citation_*` tags reference managers (Zotero, Mendeley) and Google Scholar read, for a paper whose arXiv id is
 * known: title, one `citation_author` a named author, the date (as `citation_publication_date`, YYYY/MM/DD, and
 * `citation_date`), the arXiv id and the PDF. None for a paper without an id: a text copy says too little to cite.
 */
export function citationTags(paper: Pick<Paper, 'title' | 'date' | 'arxiv' | 'authorNames'>): MetaTag[] {
  if (paper.arxiv === undefined) return [];
  const date = paper.date.replaceAll('-', '/');
  return [
    { name: 'citation_title', content: paper.title },
    ...(paper.authorNames ?? []).map((name) => ({ name: 'citation_author', content: name })),
    { name: 'citation_publication_date', content: date },
    { name: 'citation_date', content: date },
    { name: 'citation_arxiv_id', content: paper.arxiv },
    { name: 'citation_pdf_url', content: arxivLink(paper.arxiv, 'pdf') },
  ];
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026` (so no
 * `</script>` or `<!--` in a title can end or change the block), and U+2028/U+2029 escaped too. The JSON parses to
 * the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
