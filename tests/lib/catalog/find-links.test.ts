import { describe, expect, test } from 'vitest';
import { findPaperLinks } from '../../../src/lib/catalog/find-links.ts';

const queryOf = (href: string) => new URL(href).searchParams;

describe('findPaperLinks', () => {
  test('searches arXiv by title, Hugging Face Papers, Semantic Scholar and Google Scholar', () => {
    const links = findPaperLinks('Spiking Diffusion Models');
    expect(links.map((link) => link.label)).toEqual(['arXiv', 'Hugging Face Papers', 'Semantic Scholar', 'Google Scholar']);
    expect(links.map((link) => link.href)).toEqual([
      'https://arxiv.org/search/?query=Spiking+Diffusion+Models&searchtype=title',
      'https://huggingface.co/papers?q=Spiking+Diffusion+Models',
      'https://www.semanticscholar.org/search?q=Spiking+Diffusion+Models',
      'https://scholar.google.com/scholar?q=Spiking+Diffusion+Models',
    ]);
  });

  test.each([
    'Reasoning with <think> Tags & Friends',
    'C++ Is Fast Enough? 100% #1 = "yes"; a/b',
    'javascript:alert(1)//&searchtype=all&q=x',
    'Ünïcödé — 数学 🤖 <img src=x onerror=alert(1)>',
  ])('encodes a hostile title so it reads back whole and adds no parameter: %s', (title) => {
    for (const { href } of findPaperLinks(title)) {
      expect(href).toMatch(/^https:\/\//);
      expect(href).not.toMatch(/[<>"\s]/);
      const params = queryOf(href);
      expect(params.get(params.has('query') ? 'query' : 'q')).toBe(title);
      expect([...params.keys()].filter((key) => key === 'q' || key === 'query')).toHaveLength(1);
    }
    expect(queryOf(findPaperLinks(title)[0]!.href).get('searchtype')).toBe('title');
  });

  test('collapses whitespace and never throws on a lone surrogate', () => {
    expect(queryOf(findPaperLinks('  Two\n  lines\t ')[1]!.href).get('q')).toBe('Two lines');
    expect(() => findPaperLinks('broken \uD800 surrogate')).not.toThrow();
    expect(queryOf(findPaperLinks('broken \uD800 surrogate')[1]!.href).get('q')).toBe('broken \uFFFD surrogate');
  });
});
