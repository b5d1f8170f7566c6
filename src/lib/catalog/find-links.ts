/** A search for a paper on a site that has it: the digest names no arXiv id, so the title is what we have. */
export interface FindLink {
  /** The site's name, the link's text. */
  label: string;
  href: string;
}

/**
 * Links that search for a paper by its title on arXiv, Hugging Face Papers, Semantic Scholar and Google Scholar.
 * The title goes into the query string encoded (any character, a lone surrogate made well-formed first, so encoding
 * never throws), with its whitespace collapsed.
 */
export function findPaperLinks(title: string): FindLink[] {
  const words = title.toWellFormed().replace(/\s+/g, ' ').trim();
  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return [
    { label: 'arXiv', href: `https://arxiv.org/search/?${query({ query: words, searchtype: 'title' })}` },
    { label: 'Hugging Face Papers', href: `https://huggingface.co/papers?${query({ q: words })}` },
    { label: 'Semantic Scholar', href: `https://www.semanticscholar.org/search?${query({ q: words })}` },
    { label: 'Google Scholar', href: `https://scholar.google.com/scholar?${query({ q: words })}` },
  ];
}
