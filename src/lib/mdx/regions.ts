import { CST } from 'yaml';

// The lines each top-level pair of an item's frontmatter spans, read from YAML's concrete syntax tree: what the writer
// (write.ts) needs to put its keys in and leave every other byte where an editor wrote it.

/** A top-level pair of the current frontmatter: the lines it spans and the comments among them. */
export interface Region {
  key: string | undefined;
  /** The start of its first line and the end of its last, line end included. */
  start: number;
  end: number;
  /** The comments on its lines, in order. */
  comments: Leaf[];
}

/** A token of the concrete syntax tree that holds source text, with where it ends. */
export interface Leaf {
  type: string;
  offset: number;
  end: number;
}

/** Tokens that hold no content: what may come and go around a pair without changing it. */
const TRIVIA = new Set(['space', 'newline', 'comment']);

/** The lines of each top-level pair, found from the concrete syntax tree of the frontmatter. */
export function topLevelRegions(yaml: string, map: CST.BlockMap): Region[] {
  const regions: Region[] = [];
  for (const item of map.items) {
    if (!item.key && !item.sep && !item.value) continue; // comments only
    const leaves: Leaf[] = [];
    collectItem(item, leaves);
    const content = leaves.filter((leaf) => !TRIVIA.has(leaf.type));
    if (content.length === 0) continue;
    const start = yaml.lastIndexOf('\n', content[0]!.offset - 1) + 1;
    const last = content.reduce((end, leaf) => Math.max(end, leaf.end), 0);
    const end = last === 0 || yaml[last - 1] === '\n' ? last : nextLine(yaml, last);
    const scalar = item.key ? CST.resolveAsScalar(item.key) : null;
    regions.push({
      key: scalar && typeof scalar.value === 'string' ? scalar.value : undefined,
      start,
      end,
      comments: leaves.filter((leaf) => leaf.type === 'comment' && leaf.offset >= start && leaf.offset < end),
    });
  }
  return regions;
}

/** A pair's lines without its comments: a comment on a line of its own goes with its line. */
export function withoutComments(yaml: string, region: Region): string {
  let out = '';
  let at = region.start;
  for (const comment of region.comments) {
    const from = spacesBefore(yaml, comment.offset);
    const ownLine = from === 0 || yaml[from - 1] === '\n';
    out += yaml.slice(at, from);
    at = ownLine ? nextLine(yaml, comment.end) : comment.end;
  }
  return out + yaml.slice(at, region.end);
}

/** The start of the line after the one `offset` is on. */
export function nextLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The start of the spaces and tabs before `offset` on its line. */
export function spacesBefore(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at;
}

function collectItem(item: CST.CollectionItem, out: Leaf[]): void {
  for (const token of item.start) collectToken(token, out);
  if (item.key) collectToken(item.key, out);
  for (const token of item.sep ?? []) collectToken(token, out);
  if (item.value) collectToken(item.value, out);
}

function collectToken(token: CST.Token, out: Leaf[]): void {
  switch (token.type) {
    case 'block-map':
    case 'block-seq':
      for (const item of token.items) collectItem(item, out);
      return;
    case 'flow-collection':
      collectToken(token.start, out);
      for (const item of token.items) collectItem(item, out);
      for (const end of token.end) collectToken(end, out);
      return;
    case 'block-scalar': {
      for (const prop of token.props) collectToken(prop, out);
      // The scalar's source is its lines below the header, which the header's tokens end just before.
      const start = out.length > 0 ? out[out.length - 1]!.end : token.offset;
      out.push({ type: token.type, offset: start, end: start + token.source.length });
      return;
    }
    case 'document':
    case 'doc-end':
      return; // never inside a pair
    default:
      if ('source' in token) out.push({ type: token.type, offset: token.offset, end: token.offset + token.source.length });
      if ('end' in token && Array.isArray(token.end)) for (const end of token.end) collectToken(end, out);
  }
}
