import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import type { DigestEntry, ParsedDigest } from '../../../src/lib/digest/types.ts';
import { mergeListings, type PublishedPaper } from '../../../src/lib/papers/model.ts';
import { compileVocabulary } from '../../../src/lib/papers/topics.ts';

// When both listings of a paper state an arXiv id (JSON digests do, text copies do not), the id decides.
const root = join(import.meta.dirname, '../../..');
const vocabulary = compileVocabulary(parse(readFileSync(join(root, 'content/topics.yaml'), 'utf8')));

type Listing = Pick<DigestEntry, 'title' | 'date'> & { abstract: string[]; arxiv?: string; names?: string[] };

/** A digest listed on `listedOn` with the given entries; a `.json` one states ids and names, numbered by entry. */
function digest(file: string, listedOn: string, listings: Listing[]): ParsedDigest {
  const entries = listings.map((listing, index): DigestEntry => ({
    file,
    line: index + 1,
    lines: { from: index + 1, to: index + 1 },
    title: listing.title,
    abstract: listing.abstract,
    byline: { kind: 'authors', count: 2 },
    date: listing.date,
    upvotes: 0,
    ...(listing.arxiv !== undefined && { arxiv: listing.arxiv, authorNames: listing.names ?? ['Ada Lovelace', 'Alan Turing'] }),
  }));
  return { file, listedOn, entries, problems: [] };
}
const merge = (digests: ParsedDigest[], published: PublishedPaper[] = []) => mergeListings(digests, { vocabulary, published });
const paper = { title: 'Grokked Transformers', abstract: ['We study grokking.'], date: '2024-05-23' };

describe('mergeListings with arXiv ids', () => {
  test('a text listing and a JSON listing of one paper are one paper, with the id and names, whichever is newer', () => {
    for (const [older, newer] of [['2024-05-27.json', 'real-2024-05-28.txt'], ['real-2024-05-27.txt', '2024-05-28.json']]) {
      const listings = (file: string) => digest(file, file.includes('27') ? '2024-05-27' : '2024-05-28', [{ ...paper, ...(file.endsWith('.json') && { arxiv: '2405.15071' }) }]);
      const { papers, merges } = merge([listings(older!), listings(newer!)]);
      expect(papers).toHaveLength(1);
      expect(papers[0]).toMatchObject({ arxiv: '2405.15071', authorNames: ['Ada Lovelace', 'Alan Turing'], source: { file: newer } });
      expect(merges).toEqual([expect.objectContaining({ file: older, because: 'same title and date' })]);
    }
  });

  test('two listings with one title, date and abstract but two ids are two papers, each with its own slug', () => {
    const { papers, merges } = merge([digest('2024-05-27.json', '2024-05-27', [{ ...paper, arxiv: '2405.00001' }, { ...paper, arxiv: '2405.00002' }])]);
    expect(papers.map((one) => one.arxiv).sort()).toEqual(['2405.00001', '2405.00002']);
    expect(new Set(papers.map((one) => one.slug)).size).toBe(2);
    expect(merges).toEqual([]);
  });

  test('one id is one paper even when the title, the date and the abstract all changed; a version suffix is the same id', () => {
    const { papers, merges } = merge([
      digest('2024-05-27.json', '2024-05-27', [{ ...paper, arxiv: '2405.15071' }]),
      digest('2024-06-02.json', '2024-06-02', [{ title: 'Grokked Transformers Are Implicit Reasoners', abstract: ['A new abstract.'], date: '2024-05-30', arxiv: '2405.15071v2' }]),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({ title: 'Grokked Transformers Are Implicit Reasoners', arxiv: '2405.15071v2' });
    expect(merges).toEqual([expect.objectContaining({ because: 'same arXiv id' })]);
  });

  test('a text listing that matches two papers of different ids joins one of them, never both into one paper', () => {
    const { papers } = merge([
      digest('2024-05-27.json', '2024-05-27', [{ ...paper, arxiv: '2405.00001' }, { ...paper, arxiv: '2405.00002' }]),
      digest('real-2024-05-28.txt', '2024-05-28', [paper]),
    ]);
    expect(papers.map((one) => one.arxiv).sort()).toEqual(['2405.00001', '2405.00002']);
  });

  test('a published item keeps its slug: matched by its id first, and never claimed by a paper of another id', () => {
    const item = (slug: string, arxiv?: string): PublishedPaper => ({ key: 'grokked transformers', slug, date: paper.date, ...(arxiv && { arxiv }), title: () => paper.title, abstract: () => 'x' });
    const both = [digest('2024-05-27.json', '2024-05-27', [{ ...paper, arxiv: '2405.00002' }, { ...paper, arxiv: '2405.00001' }])];
    const { papers } = merge(both, [item('grokked-transformers', '2405.00001'), item('grokked-transformers-2', '2405.00002')]);
    expect(Object.fromEntries(papers.map((one) => [one.arxiv, one.slug]))).toEqual({ '2405.00001': 'grokked-transformers', '2405.00002': 'grokked-transformers-2' });
    // An item published from a text copy (no id) is the paper's whose listing it matches, as before.
    const fromText = merge([digest('2024-05-27.json', '2024-05-27', [{ ...paper, arxiv: '2405.00001' }])], [item('grokked-transformers')]);
    expect(fromText.papers[0]!.slug).toBe('grokked-transformers');
  });
});
