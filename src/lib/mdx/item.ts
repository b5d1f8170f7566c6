import { isMap, parseDocument, visit, type Alias, type Document } from 'yaml';
import { printable } from '../shared/printable.ts';

/**
 * The parts of an item file, which joined give back its text byte for byte:
 * `opening + yaml + closing + body`.
 */
export interface ItemParts {
  /** The frontmatter, parsed. Its nodes keep their source tokens (`srcToken`), with offsets into `yaml`. */
  frontmatter: Document;
  /** A byte order mark, if the file has one, and the first `---` line with its line end. */
  opening: string;
  /** The YAML text between the two `---` lines; empty, or whole lines each with its line end. */
  yaml: string;
  /** The closing `---` line, with its line end when the file goes on. */
  closing: string;
  /** Everything after the frontmatter, byte for byte. */
  body: string;
  /** The item's line ends, as its first line has them. */
  newline: '\n' | '\r\n';
}

/** An item that cannot be read, with the 1-based line and column of the cause in the file (the `---` line is 1). */
export class ItemError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column = 1) {
    super(message);
    this.name = 'ItemError';
    this.line = line;
    this.column = column;
  }
}

/** The byte order mark some editors save at the start of a UTF-8 file. */
export const BOM = '\uFEFF';

/** The frontmatter of an item: the text between a first line `---` (after a byte order mark, if any) and the next. */
export const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/;

/**
 * Splits an MDX item (a byte order mark and CRLF line ends allowed) into its YAML frontmatter and its body. Throws an
 * `ItemError` at the item's line and column when the file has no frontmatter (line 1), or its YAML is invalid, not a
 * mapping, or has an alias with no anchor.
 */
export function splitItem(text: string): ItemParts {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new ItemError('expected the file to start with YAML frontmatter between two "---" lines', 1);
  const opening = text.slice(0, text.indexOf('\n') + 1);
  const yaml = match[1] ?? '';
  const closing = match[0].slice(opening.length + yaml.length);
  // prettyErrors would add the offending lines to the message as they are; the line is quoted below instead.
  const frontmatter = parseDocument(yaml, { keepSourceTokens: true, prettyErrors: false });
  const error = frontmatter.errors[0];
  if (error) throw errorAt(yaml, error.pos[0], `invalid YAML frontmatter: ${printable(error.message)}`);
  const contents = frontmatter.contents;
  if (contents !== null && !isMap(contents)) throw errorAt(yaml, contents.range?.[0] ?? 0, 'expected the frontmatter to be a YAML mapping of keys to values');
  const alias = yaml.includes('*') ? unresolvedAlias(frontmatter) : undefined; // most items have no alias to look for
  if (alias) throw errorAt(yaml, alias.range?.[0] ?? 0, `invalid YAML frontmatter: the alias *${printable(alias.source)} names no anchor (&${printable(alias.source)}) before it`);
  return { frontmatter, opening, yaml, closing, body: text.slice(match[0].length), newline: opening.endsWith('\r\n') ? '\r\n' : '\n' };
}

/** The first alias with no anchor before it, which the parser leaves for reading the values to fail on. */
function unresolvedAlias(document: Document): Alias | undefined {
  let unresolved: Alias | undefined;
  visit(document, {
    Alias(_, alias) {
      if (alias.resolve(document)) return undefined;
      unresolved = alias;
      return visit.BREAK;
    },
  });
  return unresolved;
}

/**
 * A piece of an item's text as a JSON string, safe in a message or a YAML comment: `printable`'s escapes, and those of
 * the characters a YAML parser refuses raw or that some tools take for a line break.
 */
export function quote(text: string): string {
  return printable(JSON.stringify(text)).replace(/[\u2028\u2029\ufeff\ufffe\uffff]/g, (character) => `\\u{${character.charCodeAt(0).toString(16)}}`);
}

/** The longest piece of a line an error message quotes. */
const QUOTED_LENGTH = 80;

/** An error at an offset of the YAML text, which starts on the item's second line; it quotes the offending line. */
function errorAt(yaml: string, offset: number, message: string): ItemError {
  const before = yaml.slice(0, offset);
  const start = before.lastIndexOf('\n') + 1;
  const end = yaml.indexOf('\n', offset);
  let source = yaml.slice(start, end === -1 ? yaml.length : end).replace(/\r$/, '');
  if (source.length > QUOTED_LENGTH) source = `${source.slice(0, QUOTED_LENGTH)}…`;
  const line = 2 + (before.match(/\n/g)?.length ?? 0);
  const column = Array.from(before.slice(start)).length + 1;
  return new ItemError(source === '' ? message : `${message}, in ${quote(source)}`, line, column);
}
