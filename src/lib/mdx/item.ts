import { isMap, parseDocument, type Document } from 'yaml';

/** The parts of an item file: its frontmatter, parsed, and its body, byte for byte. */
export interface ItemParts {
  frontmatter: Document;
  body: string;
}

/** The frontmatter of an item: the text between a first line `---` and the next. */
export const FRONTMATTER = /^---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/;

/** Splits an MDX item into its YAML frontmatter and its body; throws when the file has no frontmatter. */
export function splitItem(text: string): ItemParts {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error('expected the file to start with YAML frontmatter between two "---" lines');
  const frontmatter = parseDocument(match[1] ?? '');
  if (frontmatter.errors.length > 0) throw new Error(`invalid YAML frontmatter: ${frontmatter.errors[0]!.message}`);
  if (frontmatter.contents !== null && !isMap(frontmatter.contents)) throw new Error('expected the frontmatter to be a YAML mapping');
  return { frontmatter, body: text.slice(match[0].length) };
}
