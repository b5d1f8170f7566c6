import { describe, expect, test } from 'vitest';
import { byteStream, DUMP_PART_SIZE, DUMP_VERSION, dumpIndexJson, dumpPaper, dumpPartJson, dumpParts, type DumpSource } from '../../../src/lib/site/dump.ts';

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

describe('dumpIndexJson', () => {
  test('writes the versioned index: version, generated, site, topics, the papers counted and each part, newest first', () => {
    const index = JSON.parse(dumpIndexJson(source(12), url, 5));
    expect(index).toEqual({
      version: DUMP_VERSION,
      generated: '2026-04-13',
      site: 'https://example.org/shelf/',
      topics: [{ id: 'lm', name: 'Language models', url: 'https://example.org/shelf/topics/lm/' }],
      papers: 12,
      parts: [
        { part: 3, url: 'https://example.org/shelf/dump/papers-3.json', papers: 2 },
        { part: 2, url: 'https://example.org/shelf/dump/papers-2.json', papers: 5 },
        { part: 1, url: 'https://example.org/shelf/dump/papers-1.json', papers: 5 },
      ],
    });
    expect(DUMP_VERSION).toBe(2);
  });

  test('writes an empty catalog as no part and no date', () => {
    expect(JSON.parse(dumpIndexJson({ ...source(0), generated: null }, url))).toMatchObject({ generated: null, papers: 0, parts: [] });
  });
});

describe('dumpParts', () => {
  test('counts parts from the oldest paper: a full part keeps its papers while newer ones arrive', () => {
    const papers = source(12).papers;
    const before = dumpParts(12, 5).map(({ part, start, end }) => [part, papers.slice(start, end).map((paper) => paper.slug)]);
    // Three papers newer than all: added at the front of the newest-first list.
    const grown = [paper(101), paper(102), paper(103), ...papers];
    const after = new Map(dumpParts(15, 5).map(({ part, start, end }) => [part, grown.slice(start, end).map((entry) => entry.slug)]));
    expect(before.find(([part]) => part === 1)![1]).toEqual(after.get(1));
    expect(before.find(([part]) => part === 2)![1]).toEqual(after.get(2));
    expect(after.get(3)).toHaveLength(5);
    expect(dumpParts(0)).toEqual([]);
    // Every paper in exactly one part.
    expect(dumpParts(12_345, DUMP_PART_SIZE).reduce((sum, { start, end }) => sum + end - start, 0)).toBe(12_345);
  });
});

describe('dumpPartJson', () => {
  test('writes a part: version, part and its papers, one a line', () => {
    const { papers, listingDates } = source(3);
    const text = [...dumpPartJson(2, papers, listingDates, url)].join('');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[1]!.replace(/,$/, ''))).toMatchObject({ slug: 'paper-1' });
    expect(lines.at(-1)).toBe(']}');
    const part = JSON.parse(text);
    expect(Object.keys(part)).toEqual(['version', 'part', 'papers']);
    expect(part.papers).toEqual([dumpPaper(paper(1), url, ['2026-04-13', '2026-03-02']), dumpPaper(paper(2), url, []), dumpPaper(paper(3), url, [])]);
  });

  test('comes in pieces of a few hundred papers, which together are the whole part', () => {
    const { papers, listingDates } = source(1001);
    const pieces = [...dumpPartJson(1, papers, listingDates, url)];
    // The opening, then 500, 500 and 1 papers.
    expect(pieces).toHaveLength(4);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(500 * 400);
    expect(JSON.parse(pieces.join('')).papers.map((entry: { slug: string }) => entry.slug)).toEqual(papers.map((entry) => entry.slug));
  });

  test('keeps any text, lone surrogates too, as JSON that reads back', () => {
    const { papers, listingDates } = source(1);
    const [entry] = JSON.parse([...dumpPartJson(1, papers, listingDates, url)].join('')).papers;
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
