/** A link to a paper on a site that has it by its arXiv id. */
export interface ArxivLink {
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
    { label: 'arXiv', href: `https://arxiv.org/abs/${id}` },
    { label: 'PDF', href: `https://arxiv.org/pdf/${id}` },
    { label: 'Hugging Face', href: `https://huggingface.co/papers/${id}` },
  ];
}
