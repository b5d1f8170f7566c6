import { abstractKey, arxivKey } from '../papers/identity.ts';
import type { PublishedPaper } from '../papers/model.ts';
import { FRONTMATTER, splitItem } from './item.ts';

/** What an item in the papers folder says about itself. */
export interface ItemIdentity {
  /** Whether the ingest generated it (it has a `generated` key) and may rewrite its generated keys. */
  generated: boolean;
  /** The slug it states, if any: its URL, which no other paper may take. */
  slug?: string;
  /** The paper it publishes, when it states a key, a slug and a date: generated items always do. */
  paper?: PublishedPaper;
  /** Its title, when a line-by-line read of a generated item gave it (most do): asking `paper.title` then parses nothing. */
  title?: string;
}

/**
 * Who an item is: whether it was generated, its slug, and the paper it publishes. The abstract is read only when
 * asked for: most items keep their title and date, and never need it. Throws (see `splitItem`) when the item cannot be
 * read.
 */
export function readItemIdentity(text: string): ItemIdentity {
  const abstractOf = () => {
    const data = splitItem(text).frontmatter.toJS() as Record<string, unknown>;
    return abstractKey(Array.isArray(data.abstract) ? data.abstract.map(String) : []);
  };
  const titleOf = () => String((splitItem(text).frontmatter.toJS() as Record<string, unknown>).title ?? '');
  const quick = readGeneratedIdentity(text);
  if (quick) {
    const { title, ...paper } = quick;
    return { generated: true, slug: quick.slug, title, paper: { ...paper, title: title === undefined ? titleOf : () => title, abstract: abstractOf } };
  }
  const data = (splitItem(text).frontmatter.toJS() ?? {}) as Record<string, unknown>;
  const generated = data.generated !== undefined;
  const slug = typeof data.slug === 'string' ? data.slug : undefined;
  const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : data.date;
  if (typeof data.key !== 'string' || slug === undefined || typeof date !== 'string') return { generated, slug };
  const arxiv = typeof data.arxiv === 'string' ? { arxiv: arxivKey(data.arxiv) } : {};
  return { generated, slug, title: typeof data.title === 'string' ? data.title : undefined, paper: { key: data.key, slug, date, ...arxiv, title: titleOf, abstract: abstractOf } };
}

/** A double-quoted YAML scalar on one line, with only the escapes YAML defines (and no `\U`, which may be out of range). */
const QUOTED = String.raw`"(?:[^"\\\r\n]|\\(?:[0abtnvfre "/\\N_LP\t]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}))*"`;
/** A line of frontmatter as the generator writes it: a top-level key with a quoted, integer or empty-list value or none. */
const TOP_LINE = new RegExp(String.raw`^([a-z][A-Za-z]*):(?: (${QUOTED}|-?\d+|\[\]))?$`);
/** A line under a top-level key with no value: a list item or a nested key, each quoted or an integer. */
const NESTED_LINE = new RegExp(String.raw`^  (?:(-)|([a-z]+):) (?:${QUOTED}|-?\d+)$`);

/**
 * The key and slug of an item whose frontmatter has exactly the shape the generator writes (header comment, then
 * plain keys with quoted or integer values, lists and maps one level deep), read line by line; undefined for any
 * other item, which then needs the YAML parser. For every item it accepts, the parser would read the same values.
 */
export function readGeneratedIdentity(text: string): { key: string; slug: string; date: string; title?: string; arxiv?: string } | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match?.[1]) return undefined;
  const lines = match[1].split('\n');
  lines.pop(); // the frontmatter ends with a newline
  const top = new Map<string, string | undefined>(); // each top-level key and its value as written
  let at = 0;
  while (at < lines.length && (lines[at]!.startsWith('#') || lines[at] === '')) at++; // the header comment
  let open = false; // whether the last top-level key has no value, so that lines may nest under it
  let nested: string | undefined; // "-" when the lines under it are list items, "key" when they are keys
  const nestedKeys = new Set<string>();
  for (const line of lines.slice(at)) {
    const entry = TOP_LINE.exec(line);
    if (entry) {
      const [, name, value] = entry;
      if (top.has(name!)) return undefined; // a repeated key is a YAML error
      top.set(name!, value);
      open = value === undefined;
      nested = undefined;
      nestedKeys.clear();
      continue;
    }
    const child = NESTED_LINE.exec(line);
    if (!child || !open) return undefined;
    const [, item, name] = child;
    const kind = item ?? 'key';
    if ((nested ?? kind) !== kind) return undefined; // list items and keys never mix under one key
    nested = kind;
    if (name !== undefined) {
      if (nestedKeys.has(name)) return undefined;
      nestedKeys.add(name);
    }
  }
  const key = plainString(top.get('key'));
  const slug = plainString(top.get('slug'));
  const date = plainString(top.get('date'));
  if (!top.has('generated') || key === undefined || slug === undefined || date === undefined) return undefined;
  const arxiv = top.has('arxiv') ? plainString(top.get('arxiv')) : undefined;
  if (top.has('arxiv') && arxiv === undefined) return undefined; // an id written unlike the generator's: the parser reads it
  return { key, slug, date, title: plainString(top.get('title')), ...(arxiv !== undefined && { arxiv: arxivKey(arxiv) }) };
}

/**
 * The string a double-quoted YAML scalar with no escapes or control characters holds, which JSON reads the same; as a
 * new string, which does not keep the item's whole text in memory as a slice of it would.
 */
function plainString(value: string | undefined): string | undefined {
  return value !== undefined && /^"[^"\\\x00-\x1f]*"$/.test(value) ? (JSON.parse(value) as string) : undefined;
}
