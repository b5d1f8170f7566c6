import { parseFrontmatter } from '@astrojs/markdown-remark';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Scalar, YAMLMap } from 'yaml';
import { splitItem } from '../../../src/lib/mdx/item.ts';
import { GENERATED_KEYS, GENERATOR, writeItem } from '../../../src/lib/mdx/write.ts';
import type { Paper } from '../../../src/lib/papers/model.ts';

// The digest decoder yields only valid UTF-8, so well-formed strings (no lone surrogates) are every text a paper holds.

/** Pieces of MDX, HTML, YAML and Markdown syntax, and characters that reorder, hide or break lines. */
const SYNTAX = [
  '---', '\n---\n', '...', '{}', '{1 + 1}', '{/* c */}', '<script>alert(1)</script>', '<Aside>', '</div>', '<!-- x -->',
  'import x from "y"', 'export const a = 1', ': ', ' #', '# ', '#', '&', '&amp;', ']]>', '<![CDATA[', '- ', '? ', '|', '>',
  '*alias', '&anchor', '!!str', '!tag', '%YAML 1.2', '@', '`', '"', "'", '\\', '\\n', '${x}', '[a, b]', '{a: 1}', 'null', 'true',
  '0x1F', '1e3', '2025-01-01', '~', '\t', '\n', '\r', '\r\n', '\0', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u00a0', '\u200b',
  '\u200d', '\u200e', '\u202e', '\u2066', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', 'שלום', 'مرحبا', '𝕏', '👩‍🔬', '\u{10ffff}',
];

/** Text from all of Unicode mixed with syntax. */
const text = fc
  .array(fc.oneof(fc.constantFrom(...SYNTAX), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 6 })
  .map((pieces) => pieces.join(''));

const paper: fc.Arbitrary<Paper> = fc.record({
  key: text,
  slug: text,
  title: text,
  abstract: fc.array(text, { maxLength: 3 }),
  byline: fc.oneof(
    fc.record({ kind: fc.constant('authors' as const), count: fc.nat() }),
    fc.record({ kind: fc.constant('organization' as const), handle: text, name: text }),
  ),
  date: text,
  upvotes: fc.integer(),
  topics: fc.array(text, { maxLength: 3 }),
  code: fc.array(text, { maxLength: 2 }),
  links: fc.array(text, { maxLength: 2 }),
  source: fc.record({ file: text, line: fc.nat() }),
  digests: fc.array(text, { maxLength: 3 }),
});

/** What the frontmatter of a paper's item must read as, whichever YAML parser reads it. */
function expectedData(paper: Paper): Record<string, unknown> {
  return {
    title: paper.title,
    slug: paper.slug,
    key: paper.key,
    date: paper.date,
    upvotes: paper.upvotes,
    ...(paper.byline.kind === 'authors' ? { authors: paper.byline.count } : { organization: { handle: paper.byline.handle, name: paper.byline.name } }),
    topics: paper.topics,
    code: paper.code,
    links: paper.links,
    abstract: paper.abstract,
    digests: paper.digests,
    generated: { by: GENERATOR, digest: paper.source.file, line: paper.source.line },
  };
}

const crlf = (value: string) => value.replaceAll('\n', '\r\n');

describe('writeItem, for any paper', () => {
  test('writes an item whose frontmatter both parsers read as exactly the paper, with an empty body', () => {
    fc.assert(
      fc.property(paper, (paper) => {
        const item = writeItem(paper);
        const ours = splitItem(item);
        expect(ours.frontmatter.toJS()).toStrictEqual(expectedData(paper));
        expect(ours.body).toBe('');
        const astro = parseFrontmatter(item);
        expect(astro.frontmatter).toStrictEqual(expectedData(paper));
        expect(astro.content.trim()).toBe(''); // the loader compiles nothing for it
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  test('rewrites nothing when given its own item back, whatever its line ends and byte order mark', () => {
    fc.assert(
      fc.property(paper, fc.boolean(), fc.boolean(), (paper, windows, bom) => {
        const item = (bom ? '\uFEFF' : '') + (windows ? crlf(writeItem(paper)) : writeItem(paper));
        expect(writeItem(paper, item)).toBe(item);
      }),
    );
  });

  test('rewrites an item no editor touched exactly as a fresh item of the new paper', () => {
    fc.assert(
      fc.property(paper, paper, (before, after) => {
        const next = writeItem(after, writeItem(before));
        expect(next).toBe(writeItem(after));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

// Editors' frontmatter: pairs in every YAML style, comments and blank lines, placed among the generated pairs.

const line = text.map((value) => value.replace(/[\r\n]/g, ' ')); // one line of a comment or a block scalar
const plainWord = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/);
const doubleQuoted = text.map((value) => JSON.stringify(value));
const singleQuoted = text.filter((value) => !/[\r\n\p{Cc}]/u.test(value.replace(/\t/g, ''))).map((value) => `'${value.replaceAll("'", "''")}'`);
const flowScalar = fc.oneof(plainWord, doubleQuoted);
const comment = line.map((value) => ` # ${value}`);

/** The text after an editor's key: a value in one of YAML's styles, with or without a comment on the key's line. */
const editorValue = fc.oneof(
  fc.tuple(fc.oneof(plainWord, doubleQuoted, singleQuoted), fc.option(comment, { nil: '' })).map(([value, note]) => ` ${value}${note}\n`),
  fc.tuple(fc.array(flowScalar, { maxLength: 4 }), fc.option(comment, { nil: '' })).map(([items, note]) => ` [${items.join(', ')}]${note}\n`),
  fc.tuple(fc.uniqueArray(plainWord, { maxLength: 3 }), flowScalar).map(([keys, value]) => ` {${keys.map((key) => `${key}: ${value}`).join(', ')}}\n`),
  fc.array(flowScalar, { minLength: 1, maxLength: 3 }).map((items) => `\n${items.map((item) => `  - ${item}\n`).join('')}`),
  fc.array(line.filter((value) => /^\S/.test(value)), { minLength: 1, maxLength: 3 }).map((lines) => ` |\n${lines.map((value) => `  ${value.trimEnd()}\n`).join('')}`),
  fc.tuple(plainWord, doubleQuoted, line).map(([key, value, note]) => `\n  ${key}: ${value}\n  # ${note}\n  other-${key}: 1\n`),
);

const editorKey = fc.oneof(plainWord, doubleQuoted).filter((key) => !(GENERATED_KEYS as readonly string[]).includes(key.startsWith('"') ? JSON.parse(key) : key));

/** An editor's piece of frontmatter: a pair, a comment line or a blank line. */
type Piece = { kind: 'pair'; key: string; text: string } | { kind: 'other'; text: string };

const editorPieces = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.tuple(editorKey, editorValue).map(([key, value]): Piece => ({ kind: 'pair', key: key.startsWith('"') ? JSON.parse(key) : key, text: `${key}:${value}` })) },
      { weight: 1, arbitrary: line.map((value): Piece => ({ kind: 'other', text: `#${value}\n` })) },
      { weight: 1, arbitrary: fc.constant<Piece>({ kind: 'other', text: '\n' }) },
    ),
    { maxLength: 8 },
  )
  .filter((pieces) => {
    const keys = pieces.flatMap((piece) => (piece.kind === 'pair' ? [piece.key] : []));
    return new Set(keys).size === keys.length;
  });

/** The pieces of a generated frontmatter: the header, and each key's lines (a quoted value may span several). */
function generatedPieces(item: string): string[] {
  const { yaml, frontmatter } = splitItem(item);
  const starts = (frontmatter.contents as YAMLMap).items.map((pair) => (pair.key as Scalar).range![0]);
  return [0, ...starts].map((start, index, all) => yaml.slice(start, all[index + 1] ?? yaml.length));
}

const body = fc.oneof(fc.constant(''), fc.array(fc.oneof(text, fc.constantFrom('\n## Notes\n', '\n<Aside>{1 + 1}</Aside>\n', '\n---\n', 'import A from "a"\n')), { maxLength: 4 }).map((parts) => `\n${parts.join('')}`));

describe('writeItem, for any item an editor changed', () => {
  test('keeps every editor byte: pairs as written and in order, comments, blank lines and the body', () => {
    fc.assert(
      fc.property(paper, paper, editorPieces, fc.array(fc.nat(), { maxLength: 8 }), body, fc.boolean(), fc.boolean(), (before, after, pieces, slots, body, windows, bom) => {
        // Each editor piece goes after some generated piece (0 is the header).
        const generated = generatedPieces(writeItem(before));
        const placed = generated.map((piece): { generated: string; editors: Piece[] } => ({ generated: piece, editors: [] }));
        pieces.forEach((piece, index) => placed[(slots[index] ?? index) % placed.length]!.editors.push(piece));
        const editors = placed.flatMap((slot) => slot.editors); // in the order they stand in the item
        const style = (value: string) => (windows ? crlf(value) : value);
        const frontmatter = placed.map((slot) => slot.generated + slot.editors.map((piece) => piece.text).join('')).join('');
        const current = (bom ? '\uFEFF' : '') + style(`---\n${frontmatter}---\n${body}`);
        const currentData = splitItem(current).frontmatter.toJS() as Record<string, unknown>;

        const next = writeItem(after, current);
        const parts = splitItem(next);
        expect(parts.body).toBe(style(body));
        expect(next.startsWith(bom ? '\uFEFF---' : '---')).toBe(true);
        if (windows) expect(next.replaceAll('\r\n', '')).not.toMatch(/\n/);
        let from = 0;
        for (const piece of editors) {
          const at = parts.yaml.indexOf(style(piece.text), from);
          expect(at, JSON.stringify(piece.text)).toBeGreaterThanOrEqual(from);
          from = at + style(piece.text).length;
        }
        const data = parts.frontmatter.toJS() as Record<string, unknown>;
        for (const piece of pieces) if (piece.kind === 'pair') expect(data[piece.key]).toStrictEqual(currentData[piece.key]);
        const expected = expectedData(after);
        for (const key of GENERATED_KEYS) expect(data[key], key).toStrictEqual(expected[key]);
        expect(writeItem(after, next)).toBe(next);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  test('keeps an editor\'s comments on generated keys\' lines and inside their values', () => {
    fc.assert(
      fc.property(paper, paper, fc.array(fc.tuple(fc.nat(), fc.boolean(), line), { maxLength: 4 }), (before, after, notes) => {
        const generated = generatedPieces(writeItem(before));
        const comments: string[] = [];
        for (const [index, inside, note] of notes) {
          const at = 1 + (index % (generated.length - 1));
          const piece = generated[at]!;
          const keyLineEnd = piece.indexOf('\n');
          const comment = `# ${note}`;
          if (comments.includes(comment)) continue;
          if (inside && piece.slice(keyLineEnd + 1).startsWith('  ')) {
            generated[at] = `${piece.slice(0, keyLineEnd + 1)}  ${comment}\n${piece.slice(keyLineEnd + 1)}`; // above the first nested line
          } else if (keyLineEnd === piece.length - 1 || /^[a-z]+:$/.test(piece.slice(0, keyLineEnd))) {
            generated[at] = `${piece.slice(0, keyLineEnd)} ${comment}${piece.slice(keyLineEnd)}`; // a key line no quoted value goes on from
          } else continue;
          comments.push(comment);
        }
        const current = `---\n${generated.join('')}---\n`;
        const next = writeItem(after, current);
        const yaml = splitItem(next).yaml;
        const data = splitItem(next).frontmatter.toJS() as Record<string, unknown>;
        const expected = expectedData(after);
        for (const key of GENERATED_KEYS) expect(data[key], key).toStrictEqual(expected[key]);
        for (const comment of comments) expect(yaml).toContain(comment);
        expect(writeItem(after, next)).toBe(next);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
