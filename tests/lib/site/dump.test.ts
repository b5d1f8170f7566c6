import { describe, expect, test } from 'vitest';
import { byteStream, DUMP_VERSION, dumpJson, dumpPaper, type DumpSource } from '../../../src/lib/site/dump.ts';

const url = (path: string) => `https://example.org/shelf/${path}`;
const paper = (n: number): DumpSource['papers'][number] => ({
  slug: `paper-${n}`,
  title: `Paper ${n} & <friends> ]]>`,
  abstract: [`First paragraph ${n}.`, 'Second \u2028 paragraph \ud800.'],
  date: '2025-03-04',
  byline: n % 2 === 0 ? { kind: 'authors', count: n } : { kind: 'organization', handle: 'nvidia', name: 'NVIDIA' },
  upvotes: n,
  topics: ['lm'],
  code: [`https://github.com/a/${n}`],
  links: [],
});
const source = (count: number): DumpSource => ({
  generated: '2026-04-13',
  topics: [{ slug: 'lm', label: 'Language models' }],
  papers: Array.from({ length: count }, (_, i) => paper(i + 1)),
  listingDates: (slug) => (slug === 'paper-1' ? ['2026-04-13', '2026-03-02'] : []),
});

describe('dumpPaper', () => {
  test('adds arxiv and authorNames, after the version-1 fields, only for a paper a digest states them for', () => {
    const plain = dumpPaper(paper(2), url, []);
    expect(Object.keys(plain)).toEqual(['url', 'slug', 'title', 'abstract', 'date', 'byline', 'upvotes', 'topics', 'code', 'links', 'digests']);
    const named = dumpPaper({ ...paper(2), arxiv: '2408.16500', authorNames: ['Wenyi Hong'] }, url, []);
    expect(Object.keys(named).slice(-2)).toEqual(['arxiv', 'authorNames']);
    expect(named).toMatchObject({ arxiv: '2408.16500', authorNames: ['Wenyi Hong'] });
  });
});

describe('dumpJson', () => {
  test('writes the versioned document: version, generated, site, topics and papers in their order', () => {
    const dump = JSON.parse([...dumpJson(source(2), url)].join(''));
    expect(dump).toEqual({
      version: DUMP_VERSION,
      generated: '2026-04-13',
      site: 'https://example.org/shelf/',
      topics: [{ id: 'lm', name: 'Language models', url: 'https://example.org/shelf/topics/lm/' }],
      papers: [dumpPaper(paper(1), url, ['2026-04-13', '2026-03-02']), dumpPaper(paper(2), url, [])],
    });
    expect(Object.keys(dump)).toEqual(['version', 'generated', 'site', 'topics', 'papers']);
  });

  test('writes one paper a line', () => {
    const lines = [...dumpJson(source(3), url)].join('').trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[1]!.replace(/,$/, ''))).toMatchObject({ slug: 'paper-1' });
    expect(lines.at(-1)).toBe(']}');
  });

  test('writes an empty catalog as an empty list with no date', () => {
    const dump = JSON.parse([...dumpJson({ ...source(0), generated: null }, url)].join(''));
    expect(dump).toMatchObject({ version: DUMP_VERSION, generated: null, papers: [] });
  });

  test('comes in pieces of a few hundred papers, which together are the whole document', () => {
    const pieces = [...dumpJson(source(1001), url)];
    // The opening, then 500, 500 and 1 papers.
    expect(pieces).toHaveLength(4);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(500 * 400);
    const dump = JSON.parse(pieces.join(''));
    expect(dump.papers).toHaveLength(1001);
    expect(dump.papers.map((entry: { slug: string }) => entry.slug)).toEqual(source(1001).papers.map((entry) => entry.slug));
  });

  test('keeps any text, lone surrogates too, as JSON that reads back', () => {
    const [entry] = JSON.parse([...dumpJson(source(1), url)].join('')).papers;
    expect(entry.title).toBe('Paper 1 & <friends> ]]>');
    expect(entry.abstract[1]).toBe('Second \u2028 paragraph \ud800.');
  });
});

describe('dumpPaper', () => {
  test("gives the paper's URL and every field, in a fixed order", () => {
    const entry = dumpPaper(paper(2), url, ['2026-04-13']);
    expect(Object.keys(entry)).toEqual(['url', 'slug', 'title', 'abstract', 'date', 'byline', 'upvotes', 'topics', 'code', 'links', 'digests']);
    expect(entry).toMatchObject({ url: 'https://example.org/shelf/papers/paper-2/', byline: { kind: 'authors', count: 2 }, digests: ['2026-04-13'] });
    expect(dumpPaper(paper(1), url, []).byline).toEqual({ kind: 'organization', handle: 'nvidia', name: 'NVIDIA' });
  });
});

describe('byteStream', () => {
  test('encodes the pieces as UTF-8, in order', async () => {
    expect(await new Response(byteStream(['{"a":', '"é😀"', '}'])).text()).toBe('{"a":"é😀"}');
    expect(await new Response(byteStream([])).text()).toBe('');
  });
});
