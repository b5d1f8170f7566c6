/** A link to a paper on a site that has it by its arXiv id. */
export interface ArxivLink {
  /** Which link it is: the key a search result's metadata stores its address under, and how other code picks it. */
  key: 'arxiv' | 'pdf' | 'hf';
  /** The link's text: "arXiv", "PDF", "Hugging Face". */
  label: string;
  href: string;
}

/**
 * Where a paper with an arXiv id can be read: its abstract page on arXiv, its PDF, and its Hugging Face page. The id
 * is one the item schema accepted (digits, letters, `.`, `-`, `/`), so it goes into the path as it is.
 */
export function arxivLinks(id: string): ArxivLink[] {
  return [
    { key: 'arxiv', label: 'arXiv', href: `https://arxiv.org/abs/${id}` },
    { key: 'pdf', label: 'PDF', href: `https://arxiv.org/pdf/${id}` },
    { key: 'hf', label: 'Hugging Face', href: `https://huggingface.co/papers/${id}` },
  ];
}

/** One of a paper's arXiv links by its key: the address the others are picked from, never by position. */
export function arxivLink(id: string, key: ArxivLink['key']): string {
  return arxivLinks(id).find((link) => link.key === key)!.href;
}
