import { describe, expect, test } from 'vitest';
import { paperCard } from '../../../src/lib/catalog/paper-card.ts';

const paper = {
  slug: 'a-paper',
  title: 'A Paper',
  date: '2025-04-13',
  byline: { kind: 'authors', count: 3 } as const,
  upvotes: 0,
  topicLinks: [{ slug: 'agents', label: 'Agents' }, { slug: 'other', label: 'Other' }],
  code: [] as string[],
  abstract: ['One sentence.'],
};

describe('paperCard', () => {
  test('returns the title, date, byline, topics, teaser and whole abstract of a paper', () => {
    expect(paperCard(paper)).toEqual({
      slug: 'a-paper',
      title: 'A Paper',
      date: '2025-04-13',
      dateLabel: '13 April 2025',
      byline: '3 authors',
      topics: [{ slug: 'agents', label: 'Agents' }, { slug: 'other', label: 'Other' }],
      teaser: 'One sentence.',
      abstract: ['One sentence.'],
      sortData: { 'data-upvotes': '0', 'data-code': 'no' },
      shelf: { year: '2025' },
    });
  });

  test("carries what a day's sort orders by: the upvotes as a number, and whether the paper has code", () => {
    expect(paperCard({ ...paper, upvotes: 12, code: ['https://github.com/a/b'] }).sortData).toEqual({ 'data-upvotes': '12', 'data-code': 'yes' });
  });

  test('shows no upvotes when there are none, and counts them when there are', () => {
    expect(paperCard(paper)).not.toHaveProperty('upvotes');
    expect(paperCard({ ...paper, upvotes: 1 }).upvotes).toBe('1 upvote');
    expect(paperCard({ ...paper, upvotes: 12 }).upvotes).toBe('12 upvotes');
  });

  test('gives a code badge only to a paper with code, linking its first repository', () => {
    expect(paperCard(paper)).not.toHaveProperty('code');
    expect(paperCard({ ...paper, code: ['https://github.com/a/b', 'https://github.com/c/d'] }).code).toBe('https://github.com/a/b');
  });

  test("names an organisation instead of an author count", () => {
    expect(paperCard({ ...paper, byline: { kind: 'organization', name: 'NVIDIA', handle: 'nvidia' } }).byline).toBe('NVIDIA');
  });
});

describe('paperCard of a paper with an arXiv id and named authors', () => {
  test('keeps the byline short and adds the arXiv, PDF and Hugging Face links', () => {
    const card = paperCard({ ...paper, byline: { kind: 'authors', count: 36 }, arxiv: '2408.16500', authorNames: ['Wenyi Hong', 'Weihan Wang'] });
    expect(card.byline).toBe('Wenyi Hong and 35 others');
    expect(card.arxiv).toEqual([
      { key: 'arxiv', label: 'arXiv', href: 'https://arxiv.org/abs/2408.16500' },
      { key: 'pdf', label: 'PDF', href: 'https://arxiv.org/pdf/2408.16500' },
      { key: 'hf', label: 'Hugging Face', href: 'https://huggingface.co/papers/2408.16500' },
    ]);
    expect(paperCard(paper)).not.toHaveProperty('arxiv');
  });

  test("gives the shelf the paper's year, its authors as JSON and its arXiv id, and no authors or id a paper lacks", () => {
    const card = paperCard({ ...paper, arxiv: '2408.16500', authorNames: ['Wenyi Hong', 'Weihan "W." Wang'] });
    expect(card.shelf).toEqual({ year: '2025', authors: '["Wenyi Hong","Weihan \\"W.\\" Wang"]', arxiv: '2408.16500' });
    expect(JSON.parse(card.shelf.authors!)).toEqual(['Wenyi Hong', 'Weihan "W." Wang']);
    expect(paperCard(paper).shelf).toEqual({ year: '2025' });
  });
});
