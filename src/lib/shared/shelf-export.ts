import type { Shelf, ShelfPaper } from './shelf.ts';

/** A paper to export: its slug and what the shelf keeps of it. */
export type ShelfEntry = readonly [slug: string, paper: ShelfPaper];

/** The paper's address: the one the shelf kept, else its page on this site (a shared shelf carries no addresses). */
export type PaperUrl = (slug: string, paper: ShelfPaper) => string;

const urlOf: PaperUrl = (slug, paper) => paper.url ?? slug;

/** A character of an address as its percent-escape (`(` is `%28`): encodeURIComponent leaves `(` and `)` alone. */
const percent = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

// The characters BibTeX (and LaTeX after it) read as markup: each becomes its escaped form, so a title is text.
const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** A value inside a BibTeX field's braces: markup escaped, line breaks and runs of space one space. */
function bibtexText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\{}%&#$_^~]/g, (char) => BIBTEX_SPECIAL[char]!);
}

/**
 * The papers as BibTeX: one `@misc` a paper, keyed by its slug, with its title, year and URL; its authors and its
 * arXiv id (`eprint`, `archivePrefix`) only where the shelf has them: nothing is invented.
 */
export function toBibtex(entries: readonly ShelfEntry[], paperUrl: PaperUrl = urlOf): string {
  return entries
    .map(([slug, paper]) => {
      const fields: [string, string][] = [['title', `{${bibtexText(paper.title)}}`]];
      if (paper.authors && paper.authors.length > 0) fields.push(['author', paper.authors.map(bibtexText).join(' and ')]);
      if (paper.year) fields.push(['year', paper.year]);
      // A URL is verbatim in BibTeX's url field (the url package), except for braces, which would end the field.
      fields.push(['url', paperUrl(slug, paper).replace(/[{}]/g, percent)]);
      if (paper.arxiv) fields.push(['eprint', paper.arxiv], ['archivePrefix', 'arXiv']);
      return `@misc{${slug},\n${fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n')}\n}\n`;
    })
    .join('\n');
}

/** A title as a Markdown link's text: brackets, backslashes and the other inline markup escaped. */
function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>!|]/g, '\\$&');
}

/** The papers as a Markdown list of links, `- [Title](url) (2024)`: the year only where the shelf has it. */
export function toMarkdown(entries: readonly ShelfEntry[], paperUrl: PaperUrl = urlOf): string {
  return entries
    .map(([slug, paper]) => {
      // Parentheses and spaces would end the link's destination: they are percent-encoded.
      const url = paperUrl(slug, paper).replace(/[()\s<>]/g, percent);
      return `- [${markdownText(paper.title)}](${url})${paper.year ? ` (${paper.year})` : ''}\n`;
    })
    .join('');
}

/** The shelf as JSON, in the format it is stored in: what the import reads back. */
export function toJson(shelf: Shelf): string {
  return `${JSON.stringify(shelf, null, 2)}\n`;
}
