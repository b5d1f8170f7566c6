import { fingerprint } from '../papers/identity.ts';
import type { PublishedPaper } from '../papers/model.ts';
import { FRONTMATTER, splitItem } from './item.ts';

/**
 * The identity and slug an existing generated item was published under, or undefined for other files. The
 * fingerprint is read only when asked for: most items keep their key and never need it.
 */
export function readPublished(text: string): PublishedPaper | undefined {
  const fingerprintOf = () => {
    const data = splitItem(text).frontmatter.toJS() as Record<string, unknown>;
    return fingerprint({ date: String(data.date), abstract: Array.isArray(data.abstract) ? data.abstract.map(String) : [] });
  };
  const quick = readGeneratedIdentity(text);
  if (quick) return { ...quick, fingerprint: fingerprintOf };
  const data = splitItem(text).frontmatter.toJS() as Record<string, unknown> | null;
  if (!data || typeof data.key !== 'string' || typeof data.slug !== 'string' || data.generated === undefined) return undefined;
  return { key: data.key, slug: data.slug, fingerprint: fingerprintOf };
}

/** A double-quoted YAML scalar on one line, with only the escapes YAML defines (and no `\U`, which may be out of range). */
const QUOTED = String.raw`"(?:[^"\\\r\n]|\\(?:[0abtnvfre "/\\N_LP\t]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}))*"`;
/** A line of frontmatter as the generator writes it: a top-level key with a quoted, integer or empty-list value or none. */
const TOP_LINE = new RegExp(String.raw`^([a-z]+):(?: (${QUOTED}|-?\d+|\[\]))?$`);
/** A line under a top-level key with no value: a list item or a nested key, each quoted or an integer. */
const NESTED_LINE = new RegExp(String.raw`^  (?:(-)|([a-z]+):) (?:${QUOTED}|-?\d+)$`);

/**
 * The key and slug of an item whose frontmatter has exactly the shape the generator writes (header comment, then
 * plain keys with quoted or integer values, lists and maps one level deep), read line by line; undefined for any
 * other item, which then needs the YAML parser. For every item it accepts, the parser would read the same values.
 */
export function readGeneratedIdentity(text: string): { key: string; slug: string } | undefined {
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
  if (!top.has('generated') || key === undefined || slug === undefined) return undefined;
  return { key, slug };
}

/**
 * The string a double-quoted YAML scalar with no escapes or control characters holds, which JSON reads the same; as a
 * new string, which does not keep the item's whole text in memory as a slice of it would.
 */
function plainString(value: string | undefined): string | undefined {
  return value !== undefined && /^"[^"\\\x00-\x1f]*"$/.test(value) ? (JSON.parse(value) as string) : undefined;
}
